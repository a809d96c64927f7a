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
export { type GpuWorkerEnv, parseGpuWorkerEnv, TF_BACKEND_CHOICES, type TfBackendChoice } from './env.js';
export { ModelFormatError, TfBackendUnavailableError } from './errors.js';
export type { ConvGradientMode } from './inference/conv-input-gradient.js';
export {
  createEfInference,
  createTcInference,
  type EfInference,
  type InferenceOptions,
  type TcInference,
} from './inference/inference.js';
export { buildElemNet, ELEMNET_GROUPS, type ElemNetMetadata } from './models/elemnet.js';
export { loadLayersModel, modelDirectory, saveLayersModel } from './models/model-files.js';
export type { ModelOptions } from './models/model-options.js';
export { buildTcModel, TC_STAGE_CHANNELS, TC_STEM_KERNEL, type TcModelMetadata } from './models/tc-model.js';
export {
  nativeTfVersion,
  selectTfBackend,
  TF_BACKEND_ORDER,
  type TfBackendInfo,
  type TfBackendName,
} from './tf/backend.js';
export * from './training/data/index.js';
