export * from './activities/index.js';
export {
  ATOM_MAP,
  ATOM_MAP_CHANNELS,
  ATOM_MAP_COLUMNS,
  ATOM_MAP_CONTENT_HASH,
  ATOM_MAP_ID,
  ATOM_MAP_PIXELS,
  ATOM_MAP_ROWS,
  ATOM_MAP_SHAPE,
  ATOM_MAP_VERSION,
  type AtomMapPixel,
  atomMapImageMatrix,
  atomMapPixel,
} from './atom-map/atom-map.js';
export * from './baselines/index.js';
export { ModelFormatError, TfBackendUnavailableError } from './errors.js';
export type { ConvGradientMode } from './inference/conv-input-gradient.js';
export {
  createEfInference,
  createTcInference,
  type EfInference,
  type InferenceOptions,
  type TcInference,
} from './inference/inference.js';
export {
  ELEMENTAL_CORRECTION_EXPONENT,
  elementalReferenceEnergies,
  elemNetElementalOffsets,
} from './models/elemental-correction.js';
export { buildElemNet, ELEMNET_GROUPS, type ElemNetMetadata } from './models/elemnet.js';
export {
  CURRENT_INPUTS,
  elementListHash,
  MANIFEST_FORMAT,
  MODEL_KINDS,
  MODEL_MANIFEST,
  MODEL_VERSION_PATTERN,
  type ModelKind,
  type ModelManifest,
  modelManifestSchema,
  type SplitMetrics,
  type SuperconductorMetrics,
} from './models/manifest.js';
export {
  checkManifestCompatibility,
  loadModelArtifact,
  type ModelArtifact,
  readModelManifest,
  saveModelArtifact,
  writeModelManifest,
} from './models/manifest-artifact.js';
export { ModelMismatchError, type ModelMismatchReason } from './models/manifest-errors.js';
export { loadLayersModel, modelDirectory, saveLayersModel } from './models/model-files.js';
export { DEFAULT_TC_STEM, type ModelOptions, TC_STEMS, type TcStem } from './models/model-options.js';
export { buildTcModel, TC_STAGE_CHANNELS, TC_STEM_KERNEL, type TcModelMetadata } from './models/tc-model.js';
export * from './optimiser/index.js';
export { createPredictor, type PredictRequest } from './predict/create-predictor.js';
export {
  type Prediction,
  type PredictionBatch,
  type PredictOptions,
  predictFormulas,
} from './predict/predict-formulas.js';
export { PredictionModelCache, type PredictionModels } from './predict/prediction-models.js';
export {
  listModelVersions,
  ModelVersionConflictError,
  promoteModelVersion,
  registerModelVersion,
  resolveModelVersion,
  showModelVersion,
} from './registry/model-registry.js';
export type { ModelVersionRecord } from './registry/model-version-record.js';
export { shippedModelDir, shippedModelsDir } from './registry/shipped-models.js';
export {
  nativeTfVersion,
  selectTfBackend,
  TF_BACKEND_ORDER,
  type TfBackendInfo,
  type TfBackendName,
} from './tf/backend.js';
export { TF_BACKEND_CHOICES, type TfBackendChoice, tfBackendChoiceSchema } from './tf/backend-choice.js';
export { type CheckpointState, type EpochRecord, readCheckpointState } from './training/checkpoint.js';
export * from './training/data/index.js';
export {
  type EvaluateModelOptions,
  EvaluationDataMismatchError,
  evaluateModelDir,
  type ModelEvaluation,
} from './training/evaluate-model.js';
export { type RegressionMetrics, regressionMetrics, regressionMetricsByGroup } from './training/metrics.js';
export {
  superconductorMetrics,
  TC_DETECTION_THRESHOLDS_KELVIN,
  tcSplitMetrics,
} from './training/tc-metrics.js';
export {
  type ArtifactRunOptions,
  type TrainedArtifact,
  trainAndSaveArtifact,
} from './training/train-artifact.js';
export { EF_DEFAULT_TRAINING, type TrainEfOptions, trainEfModel } from './training/train-ef.js';
export {
  CheckpointMismatchError,
  predictRows,
  type RegressionRows,
  runTrainingLoop,
  type StopReason,
  type TrainingProgress,
} from './training/train-loop.js';
export {
  TC_DEFAULT_TRAINING,
  TC_TARGET_SCALE,
  type TrainTcOptions,
  trainTcModel,
} from './training/train-tc.js';
export { parseTrainingOptions, type TrainingOptions } from './training/training-options.js';
