import { ELEMENT_COUNT } from '@kiago/shared';
import * as tf from '@tensorflow/tfjs';
import {
  ATOM_MAP_CHANNELS,
  ATOM_MAP_COLUMNS,
  ATOM_MAP_ID,
  ATOM_MAP_PIXELS,
  ATOM_MAP_ROWS,
  atomMapImageMatrix,
} from '../atom-map/atom-map.js';
import { type ModelOptions, parseModelOptions, scaled, type TcStem } from './model-options.js';

/**
 * Tc model: ResNet18 on the atom-map image (DESIGN §6). Layer names are part of the saved format:
 * the inference path (inference/fold-tc-model.ts) finds the weights by them.
 *
 * Two stems (model-options.ts `TC_STEMS`), chosen by measurement (docs/models.md):
 * - `wide`: 7×7 conv, stride 1, no max-pool; the stages run at 7×32 → 4×16 → 2×8 → 1×4.
 *   273 MFLOP forward per candidate at width 1.
 * - `reference`: torchvision's ImageNet stem, as the reference implementation keeps it: 7×7 conv
 *   stride 2, then a 3×3/2 max-pool; the stages run at 2×8 → 1×4 → 1×2 → 1×1, about a tenth of the work.
 */
export const TC_STEM_KERNEL = 7;
/** The reference stem's max-pool window (stride 2). */
export const TC_STEM_POOL = 3;
export const TC_STAGE_CHANNELS = [64, 128, 256, 512] as const;
export const TC_BLOCKS_PER_STAGE = 2;
// PyTorch's defaults (the reference implementation's framework): eps 1e-5, running-average momentum 0.1.
const BN_EPSILON = 1e-5;
const BN_MOMENTUM = 0.9;

/** Layer-name prefixes; a conv + batch-norm pair `p` is the layers `p_conv` and `p_bn`. */
export const TC_LAYER = {
  atomMap: 'atom_map',
  stem: 'stem',
  /** Present only in `reference`-stem models: how saved models say which stem they have. */
  stemPool: 'stem_pool',
  head: 'tc_head',
  /** Basic block prefix; its pairs are `<prefix>_1`, `<prefix>_2` and, when it changes shape, `<prefix>_shortcut`. */
  block: (stage: number, block: number) => `stage${stage + 1}_block${block + 1}`,
} as const;

/** What a saved Tc model records about itself (model.json `userDefinedMetadata`). */
export interface TcModelMetadata {
  kind: 'tc';
  width: number;
  stem: TcStem;
  atomMapId: string;
}

function convBn(x: tf.SymbolicTensor, filters: number, kernelSize: number, strides: number, name: string) {
  const conv = tf.layers.conv2d({
    filters,
    kernelSize,
    strides,
    padding: 'same',
    useBias: false,
    kernelInitializer: 'heNormal',
    name: `${name}_conv`,
  });
  const bn = tf.layers.batchNormalization({
    axis: -1,
    epsilon: BN_EPSILON,
    momentum: BN_MOMENTUM,
    name: `${name}_bn`,
  });
  return bn.apply(conv.apply(x)) as tf.SymbolicTensor;
}

function relu(x: tf.SymbolicTensor, name: string): tf.SymbolicTensor {
  return tf.layers.reLU({ name }).apply(x) as tf.SymbolicTensor;
}

function basicBlock(x: tf.SymbolicTensor, filters: number, strides: number, name: string): tf.SymbolicTensor {
  const inputChannels = x.shape[x.shape.length - 1];
  const a1 = relu(convBn(x, filters, 3, strides, `${name}_1`), `${name}_relu1`);
  const z2 = convBn(a1, filters, 3, 1, `${name}_2`);
  const shortcut =
    strides !== 1 || inputChannels !== filters ? convBn(x, filters, 1, strides, `${name}_shortcut`) : x;
  const sum = tf.layers.add({ name: `${name}_add` }).apply([z2, shortcut]) as tf.SymbolicTensor;
  return relu(sum, `${name}_relu2`);
}

/** Builds an untrained Tc model: composition (B × 118) → Tc in K (B × 1, ≥ 0). */
export function buildTcModel(options: ModelOptions = {}): tf.LayersModel {
  const { width, stem } = parseModelOptions(options, 'buildTcModel options');
  const composition = tf.input({ shape: [ELEMENT_COUNT], name: 'composition' });
  // The atom map is a frozen linear layer, so a saved model maps compositions to Tc on its own.
  const atomMap = tf.layers.dense({
    units: ATOM_MAP_PIXELS,
    useBias: false,
    trainable: false,
    name: TC_LAYER.atomMap,
  });
  const flat = atomMap.apply(composition) as tf.SymbolicTensor;
  const image = tf.layers
    .reshape({ targetShape: [ATOM_MAP_ROWS, ATOM_MAP_COLUMNS, ATOM_MAP_CHANNELS.length], name: 'atom_image' })
    .apply(flat) as tf.SymbolicTensor;

  const stemStride = stem === 'reference' ? 2 : 1;
  let x = relu(convBn(image, scaled(64, width), TC_STEM_KERNEL, stemStride, TC_LAYER.stem), 'stem_relu');
  if (stem === 'reference') {
    x = tf.layers
      .maxPooling2d({ poolSize: TC_STEM_POOL, strides: 2, padding: 'same', name: TC_LAYER.stemPool })
      .apply(x) as tf.SymbolicTensor;
  }
  TC_STAGE_CHANNELS.forEach((channels, stage) => {
    for (let block = 0; block < TC_BLOCKS_PER_STAGE; block++) {
      const strides = stage > 0 && block === 0 ? 2 : 1;
      x = basicBlock(x, scaled(channels, width), strides, TC_LAYER.block(stage, block));
    }
  });
  const pooled = tf.layers.globalAveragePooling2d({ name: 'pool' }).apply(x) as tf.SymbolicTensor;
  const tc = tf.layers.dense({ units: 1, name: TC_LAYER.head }).apply(pooled) as tf.SymbolicTensor;
  const model = tf.model({ inputs: composition, outputs: relu(tc, 'tc_kelvin'), name: 'kiago_tc_resnet18' });

  const atomMapWeights = tf.tensor2d(atomMapImageMatrix(), [ELEMENT_COUNT, ATOM_MAP_PIXELS]);
  atomMap.setWeights([atomMapWeights]);
  atomMapWeights.dispose();
  const metadata: TcModelMetadata = { kind: 'tc', width, stem, atomMapId: ATOM_MAP_ID };
  model.setUserDefinedMetadata({ kiago: metadata });
  return model;
}
