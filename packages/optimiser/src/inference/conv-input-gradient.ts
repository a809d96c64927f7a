import * as tf from '@tensorflow/tfjs';
import type { FoldedConv } from './folded-conv.js';

/**
 * How to push a gradient back through a conv to its input.
 * - `backprop-input`: tfjs's Conv2DBackpropInput kernel. Kept to cross-check the other mode.
 * - `forward-conv` (the default): the same sum written as a forward conv of the (stride-dilated,
 *   padded) gradient with the pre-flipped kernel. On wasm, Conv2DBackpropInput is a naive loop and
 *   this is 3.7–5.6× faster (ENVIRONMENT.md). On tfjs-node (TF 2.21) the native kernel collapses on
 *   small maps with many channels — 2.7 s against 46 ms for the forward conv on a 256 × 1 × 4 × 512
 *   batch (2026-12-07) — so the whole full-width step was ten times slower with it.
 */
export type ConvGradientMode = 'backprop-input' | 'forward-conv';

/** dL/dx of y = conv(x) ('same' padding), given dL/dy. */
export function convInputGradient(dy: tf.Tensor4D, conv: FoldedConv, mode: ConvGradientMode): tf.Tensor4D {
  const [height, width, channels] = conv.inputShape;
  if (mode === 'backprop-input') {
    return tf.conv2dTranspose(dy, conv.kernel, [dy.shape[0], height, width, channels], conv.strides, 'same');
  }
  const spread = conv.strides > 1 ? dilate(dy, conv.strides) : dy;
  const padded = tf.pad(spread, [
    [0, 0],
    gradientPadding(height, spread.shape[1], conv.kernelSize, conv.strides),
    gradientPadding(width, spread.shape[2], conv.kernelSize, conv.strides),
    [0, 0],
  ]);
  return tf.conv2d(padded, conv.flippedKernel, 1, 'valid');
}

/**
 * Padding around the dilated gradient (length `spreadLength`) so that a 'valid' conv returns
 * `inputLength` values: k − 1 − (TF 'same' padding before) in front, the rest behind (always ≥ 0).
 */
function gradientPadding(
  inputLength: number,
  spreadLength: number,
  kernelSize: number,
  strides: number,
): [number, number] {
  const outputLength = Math.ceil(inputLength / strides);
  const samePadding = Math.max((outputLength - 1) * strides + kernelSize - inputLength, 0);
  const before = kernelSize - 1 - Math.floor(samePadding / 2);
  return [before, inputLength + kernelSize - 1 - before - spreadLength];
}

/** Inserts `strides − 1` zeros between neighbouring rows and columns: [B, (h−1)s+1, (w−1)s+1, C]. */
function dilate(x: tf.Tensor4D, strides: number): tf.Tensor4D {
  const [batch, height, width, channels] = x.shape;
  // Rank-4 pads and reshapes only, which every backend implements.
  const rows = tf
    .pad(x.reshape([batch, height, 1, width * channels]), [
      [0, 0],
      [0, 0],
      [0, strides - 1],
      [0, 0],
    ])
    .reshape([batch, height * strides, width, channels])
    .slice([0, 0, 0, 0], [batch, (height - 1) * strides + 1, width, channels]);
  const tall = (height - 1) * strides + 1;
  return tf
    .pad(rows.reshape([batch * tall, width, 1, channels]), [
      [0, 0],
      [0, 0],
      [0, strides - 1],
      [0, 0],
    ])
    .reshape([batch, tall, width * strides, channels])
    .slice([0, 0, 0, 0], [batch, tall, (width - 1) * strides + 1, channels]) as tf.Tensor4D;
}
