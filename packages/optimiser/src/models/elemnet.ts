import { ELEMNET_INDICES } from '@kiago/shared';
import * as tf from '@tensorflow/tfjs';
import { type ModelOptions, parseModelOptions, scaled } from './model-options.js';

/**
 * ElemNet (Jha et al. 2018) as DESIGN §6 fixes it: 86 → 1024×4 → 512×3 → 256×3 → 128×3 → 64×2 → 32 → 1,
 * ReLU, dropout after the 1024/512/256/128 groups (active in training only), linear output in eV/atom.
 */
export const ELEMNET_GROUPS: readonly { units: number; layers: number; dropoutRate: number }[] = [
  { units: 1024, layers: 4, dropoutRate: 0.2 },
  { units: 512, layers: 3, dropoutRate: 0.1 },
  { units: 256, layers: 3, dropoutRate: 0.3 },
  { units: 128, layers: 3, dropoutRate: 0.2 },
  { units: 64, layers: 2, dropoutRate: 0 },
  { units: 32, layers: 1, dropoutRate: 0 },
];

/** Name of the i-th hidden dense layer (0-based); the output layer is `ef_output`. */
export const elemNetDenseName = (index: number) => `elemnet_dense${index + 1}`;
export const ELEMNET_OUTPUT = 'ef_output';

/** What a saved ElemNet records about itself (model.json `userDefinedMetadata`). */
export interface ElemNetMetadata {
  kind: 'ef';
  width: number;
}

/** Builds an untrained ElemNet: 86 ElemNet fractions (ELEMNET_SYMBOLS order) → Ef in eV/atom (B × 1). */
export function buildElemNet(options: ModelOptions = {}): tf.LayersModel {
  const { width } = parseModelOptions(options, 'buildElemNet options');
  const input = tf.input({ shape: [ELEMNET_INDICES.length], name: 'elemnet_fractions' });
  let x: tf.SymbolicTensor = input;
  let index = 0;
  for (const group of ELEMNET_GROUPS) {
    for (let i = 0; i < group.layers; i++) {
      const dense = tf.layers.dense({
        units: scaled(group.units, width),
        activation: 'relu',
        kernelInitializer: 'heNormal',
        name: elemNetDenseName(index++),
      });
      x = dense.apply(x) as tf.SymbolicTensor;
    }
    if (group.dropoutRate > 0) {
      x = tf.layers
        .dropout({ rate: group.dropoutRate, name: `elemnet_dropout${index}` })
        .apply(x) as tf.SymbolicTensor;
    }
  }
  const ef = tf.layers.dense({ units: 1, name: ELEMNET_OUTPUT }).apply(x) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: ef, name: 'kiago_elemnet' });
  const metadata: ElemNetMetadata = { kind: 'ef', width };
  model.setUserDefinedMetadata({ kiago: metadata });
  return model;
}
