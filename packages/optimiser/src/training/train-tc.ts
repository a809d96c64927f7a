import * as tf from '@tensorflow/tfjs';
import { currentModelInput } from '../models/manifest.js';
import type { TcStem } from '../models/model-options.js';
import { buildTcModel, TC_LAYER } from '../models/tc-model.js';
import { buildTcDataset, TC_DATA_FORMAT } from './data/build-tc-dataset.js';
import { oversampleRows } from './oversample.js';
import { tcSplitMetrics } from './tc-metrics.js';
import {
  type ModelTrainingOptions,
  type TrainedArtifact,
  trainAndSaveArtifact,
  trainingDataManifest,
} from './train-artifact.js';
import type { TrainingOptions } from './training-options.js';

export interface TrainTcOptions extends ModelTrainingOptions {
  stem: TcStem;
}

/** Architecture names in manifests, by stem. */
export const TC_ARCHITECTURES: Record<TcStem, string> = {
  wide: 'resnet18-atom-map',
  reference: 'resnet18-atom-map-reference-stem',
};

/**
 * The measured hydrides are 8 compositions among ~26,000 training rows: repeated 30× they are ~1 %
 * of an epoch, enough to pull the H-rich corner up from ~1 K, too few to bend the rest.
 */
export const HYDRIDE_OVERSAMPLE = 30;

/** Tc in K × 0.01 → O(1) targets: Adam's step size then suits the output layer from the start. */
export const TC_TARGET_SCALE = 0.01;
/** Head bias at the start (scaled units): a typical Tc rather than 0. */
const TC_INITIAL_HEAD_BIAS = 0.1;

export const TC_DEFAULT_TRAINING: Omit<TrainingOptions, 'epochs' | 'maxSeconds'> = {
  batchSize: 256,
  learningRate: 1e-3,
  patience: 8,
  lrPatience: 3,
  lrFactor: 0.5,
  minLearningRate: 1e-5,
  seed: 42,
  targetScale: TC_TARGET_SCALE,
};

/** Trains the ResNet18 Tc model on SuperCon + Tc = 0 rows (training/data/README.md) with an L1 loss. */
export async function trainTcModel(options: TrainTcOptions): Promise<TrainedArtifact> {
  const data = await buildTcDataset({
    seed: options.splitSeed,
    split: options.split,
    dataDir: options.dataDir,
  });
  const train = oversampleRows(
    data.train,
    (row) => data.train.sources[row] === 'hydride-measured',
    HYDRIDE_OVERSAMPLE,
  );
  const model = buildTcModel({ width: options.width, stem: options.stem });
  const head = model.getLayer(TC_LAYER.head);
  const [kernel, bias] = head.getWeights();
  const initialBias = tf.fill(bias!.shape, TC_INITIAL_HEAD_BIAS);
  head.setWeights([kernel!, initialBias]);
  initialBias.dispose();
  const { nonSuperconductors } = data.report;
  return trainAndSaveArtifact(
    {
      kind: 'tc',
      model,
      // Half the targets are 0 K, the L1 median of the whole set: through the output ReLU, the net
      // collapses to "0 everywhere" within an epoch and its gradient vanishes. Training the
      // pre-activation keeps the gradient; inference (and validation) clamp at 0 with the ReLU.
      trainingModel: tf.model({ inputs: model.inputs, outputs: head.output as tf.SymbolicTensor }),
      train: train.rows,
      val: data.val,
      test: data.test,
      options: { ...options.training, targetScale: TC_TARGET_SCALE },
      splitMetrics: (split, predicted) => tcSplitMetrics(predicted, data[split].y, data[split].families),
      finalise: (trained) => rescaleOutput(trained, 1 / TC_TARGET_SCALE),
      manifest: {
        version: options.version,
        architecture: TC_ARCHITECTURES[options.stem],
        width: options.width,
        input: currentModelInput('tc'),
        output: { name: 'tcKelvin', unit: 'K' },
        data: trainingDataManifest(data, options, {
          source:
            'SuperCon (SuperDiff primary + Stanev extras) superconductors; measured hydrides ' +
            `(${train.repeated} in train, each ×${HYDRIDE_OVERSAMPLE}); Tc = 0: ` +
            nonSuperconductors.tiers.map((tier) => `${tier.source} ${tier.used}`).join(', '),
          dataFormat: TC_DATA_FORMAT,
        }),
      },
    },
    options,
  );
}

/** ReLU(s·z) = s·ReLU(z) for s > 0: scaling the head's kernel and bias rescales the output exactly. */
function rescaleOutput(model: tf.LayersModel, factor: number): void {
  const head = model.getLayer(TC_LAYER.head);
  const scaled = head.getWeights().map((weight) => tf.mul(weight, factor));
  head.setWeights(scaled);
  for (const weight of scaled) weight.dispose();
}
