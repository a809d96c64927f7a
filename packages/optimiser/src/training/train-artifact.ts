import { createHash } from 'node:crypto';
import * as tf from '@tensorflow/tfjs';
import type { ModelKind, ModelManifest, SplitMetrics } from '../models/manifest.js';
import { saveModelArtifact } from '../models/manifest-artifact.js';
import { nativeTfVersion, type TfBackendInfo } from '../tf/backend.js';
import type { SplitKind, SplitName } from './data/split-options.js';
import { type FineTunePlan, runFineTune } from './fine-tune.js';
import { regressionMetrics } from './metrics.js';
import { predictRows, type RegressionRows, runTrainingLoop, type TrainingProgress } from './train-loop.js';
import type { TrainingOptions } from './training-options.js';

/** Everything the Tc and Ef trainers hand to the shared part: model, rows, manifest pieces. */
export interface ArtifactPlan {
  kind: ModelKind;
  /** The model saved and evaluated. */
  model: tf.LayersModel;
  /** A model sharing its weights that training optimises instead (Tc: the output before its ReLU). */
  trainingModel?: tf.LayersModel;
  train: RegressionRows;
  val: RegressionRows;
  test: RegressionRows;
  options: TrainingOptions;
  /** A split's metrics from predictions in the target's unit; default: overall MAE, RMSE, R² only. */
  splitMetrics?: (split: 'val' | 'test', predicted: Float32Array) => SplitMetrics;
  /** Manifest fields read off the trained model (ElemNet: its elemental offsets). */
  describeModel?: (model: tf.LayersModel) => Pick<ModelManifest, 'elementalOffsets'>;
  /** A second phase after the main one (ElemNet: without dropout); kept only when it improves val MAE. */
  fineTune?: FineTunePlan;
  /** Runs after training, before saving (Tc: folds targetScale into the output layer). */
  finalise?: (model: tf.LayersModel) => void;
  manifest: Pick<ModelManifest, 'version' | 'architecture' | 'width' | 'input' | 'output' | 'data'>;
}

export interface ArtifactRunOptions {
  /** The model directory written at the end (model.json, weights.bin, manifest.json). */
  outDir: string;
  /** Checkpoints (state.json, last/, best/); default `<outDir>.checkpoint`. */
  checkpointDir?: string | undefined;
  resume: boolean;
  backend: TfBackendInfo;
  onProgress?: (event: TrainingProgress) => void;
}

/** What both trainers take: the version and width of the model, the data split, the training run. */
export interface ModelTrainingOptions extends ArtifactRunOptions {
  version: string;
  width: number;
  splitSeed: number;
  split: SplitKind;
  dataDir: string;
  training: TrainingOptions;
}

/** A built data set as the trainers read it: three splits and the hashes that identify them. */
export interface TrainingData extends Record<SplitName, RegressionRows> {
  dataHash: string;
  splitHash: string;
}

/** The manifest `data` block: where the rows came from, their hashes, the split and its sizes. */
export function trainingDataManifest(
  data: TrainingData,
  options: Pick<ModelTrainingOptions, 'split' | 'splitSeed'>,
  provenance: { source: string; dataFormat: string },
): ModelManifest['data'] {
  return {
    source: provenance.source,
    dataFormat: provenance.dataFormat,
    dataHash: data.dataHash,
    splitHash: data.splitHash,
    splitKind: options.split,
    splitSeed: options.splitSeed,
    rows: { train: data.train.y.length, val: data.val.y.length, test: data.test.y.length },
  };
}

export interface TrainedArtifact {
  dir: string;
  manifest: ModelManifest;
}

/** Trains, evaluates on val and test with the best weights, saves model + manifest. */
export async function trainAndSaveArtifact(
  plan: ArtifactPlan,
  run: ArtifactRunOptions,
): Promise<TrainedArtifact> {
  const checkpointDir = run.checkpointDir ?? `${run.outDir}.checkpoint`;
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify([
        plan.kind,
        plan.manifest.architecture,
        plan.manifest.width,
        plan.manifest.data,
        { ...plan.options, epochs: 0, maxSeconds: 0 },
      ]),
    )
    .digest('hex');
  const { model } = plan;
  const mainTrainingModel = plan.trainingModel ?? model;
  const { state, stopReason } = await runTrainingLoop({
    model: mainTrainingModel,
    evaluationModel: model,
    train: plan.train,
    val: plan.val,
    options: plan.options,
    checkpointDir,
    resume: run.resume,
    fingerprint,
    ...(run.onProgress ? { onProgress: run.onProgress } : {}),
  });
  const fineTune =
    plan.fineTune &&
    (await runFineTune({
      plan: plan.fineTune,
      model,
      mainTrainingModel,
      mainCheckpointDir: checkpointDir,
      mainBestValMae: state.bestValMae,
      train: plan.train,
      val: plan.val,
      resume: run.resume,
      fingerprint,
      ...(run.onProgress ? { onProgress: run.onProgress } : {}),
    }));
  plan.finalise?.(model);
  const evaluate = (split: 'val' | 'test'): SplitMetrics => {
    const rows = plan[split];
    const predicted = predictRows(model, rows, 2048);
    return plan.splitMetrics?.(split, predicted) ?? { overall: regressionMetrics(predicted, rows.y) };
  };
  const manifest: ModelManifest = {
    format: 'kiago-model-manifest/v1',
    kind: plan.kind,
    ...plan.manifest,
    parameters: model.countParams(),
    training: {
      loss: 'mae',
      optimizer: 'adam',
      epochs: plan.options.epochs,
      completedEpochs: state.completedEpochs,
      bestEpoch: state.bestEpoch,
      stopReason,
      batchSize: plan.options.batchSize,
      learningRate: plan.options.learningRate,
      finalLearningRate: state.learningRate,
      patience: plan.options.patience,
      lrPatience: plan.options.lrPatience,
      lrFactor: plan.options.lrFactor,
      shuffleSeed: plan.options.seed,
      targetScale: plan.options.targetScale,
      // Summed over epochs, so a resumed run reports its whole training time.
      seconds: state.history.reduce((sum, record) => sum + record.seconds, 0),
      history: state.history,
      ...(fineTune
        ? {
            fineTune: {
              description: plan.fineTune?.description ?? '',
              kept: fineTune.kept,
              learningRate: plan.fineTune?.options.learningRate ?? 0,
              completedEpochs: fineTune.state.completedEpochs,
              bestEpoch: fineTune.state.bestEpoch,
              stopReason: fineTune.stopReason,
              seconds: fineTune.state.history.reduce((sum, record) => sum + record.seconds, 0),
              history: fineTune.state.history,
            },
          }
        : {}),
    },
    metrics: { unit: plan.manifest.output.unit, val: evaluate('val'), test: evaluate('test') },
    ...plan.describeModel?.(model),
    backend: { name: run.backend.name, tfjsVersion: tf.version.tfjs, nativeTfVersion: nativeTfVersion() },
    created: new Date().toISOString(),
  };
  await saveModelArtifact(run.outDir, model, manifest);
  return { dir: run.outDir, manifest };
}
