import * as tf from '@tensorflow/tfjs';
import { ModelFormatError } from '../errors.js';

/** A conv layer with its batch norm folded in: y = conv(x, kernel) + bias, 'same' padding. */
export interface FoldedConv {
  /** [k, k, inChannels, outChannels], scaled per output channel by gamma / √(variance + ε). */
  kernel: tf.Tensor4D;
  /** beta − mean · gamma / √(variance + ε). */
  bias: tf.Tensor1D;
  /** The kernel rotated 180° with channels swapped, [k, k, outChannels, inChannels], for forward-conv gradients. */
  flippedKernel: tf.Tensor4D;
  kernelSize: number;
  strides: number;
  /** [height, width, channels] of one input / output example. */
  inputShape: readonly [number, number, number];
  outputShape: readonly [number, number, number];
}

interface ConvConfig {
  kernelSize: number[];
  strides: number[];
  padding: string;
  useBias: boolean;
}

/** Folds `bn` (inference statistics) into the preceding bias-free 'same' conv. */
export function foldConvBatchNorm(conv: tf.layers.Layer, bn: tf.layers.Layer, source: string): FoldedConv {
  const config = conv.getConfig() as unknown as ConvConfig;
  const [kernelSize = 0] = config.kernelSize;
  const [strides = 1] = config.strides;
  if (
    config.padding !== 'same' ||
    config.useBias ||
    config.kernelSize[1] !== kernelSize ||
    config.strides[1] !== strides
  ) {
    throw new ModelFormatError(source, `${conv.name}: expected a square, bias-free 'same' convolution`);
  }
  const epsilon = Number((bn.getConfig() as { epsilon?: number }).epsilon);
  const [kernel, gamma, beta, mean, variance] = [...conv.getWeights(), ...bn.getWeights()];
  if (!kernel || !gamma || !beta || !mean || !variance) {
    throw new ModelFormatError(
      source,
      `${conv.name}/${bn.name}: expected a kernel and gamma, beta, mean, variance`,
    );
  }
  return tf.tidy(() => {
    const scale = gamma.div(variance.add(epsilon).sqrt());
    const folded = kernel.mul(scale) as tf.Tensor4D;
    return {
      kernel: tf.keep(folded),
      bias: tf.keep(beta.sub(mean.mul(scale))) as tf.Tensor1D,
      flippedKernel: tf.keep(tf.reverse(folded, [0, 1]).transpose<tf.Tensor4D>([0, 1, 3, 2])),
      kernelSize,
      strides,
      inputShape: exampleShape((conv.input as tf.SymbolicTensor).shape, conv.name, source),
      outputShape: exampleShape(conv.outputShape, conv.name, source),
    };
  });
}

/** y = conv(x) + bias, optionally followed by ReLU, in one fused kernel where the backend has one. */
export function applyConv(x: tf.Tensor4D, conv: FoldedConv, relu: boolean): tf.Tensor4D {
  return tf.fused.conv2d({
    x,
    filter: conv.kernel,
    bias: conv.bias,
    strides: conv.strides,
    pad: 'same',
    activation: relu ? 'relu' : 'linear',
  });
}

/** What the cost of a conv depends on. */
export type ConvGeometry = Pick<FoldedConv, 'kernelSize' | 'strides' | 'inputShape' | 'outputShape'>;

/** Multiply-adds of one example through the conv. */
export function convMultiplyAdds(conv: ConvGeometry): number {
  const [outHeight, outWidth, outChannels] = conv.outputShape;
  return outHeight * outWidth * outChannels * conv.kernelSize ** 2 * conv.inputShape[2];
}

/**
 * Multiply-adds of one example that read a real input pixel, i.e. without the taps on TensorFlow's
 * 'same' zero padding (pad_total = max((out − 1)·stride + k − in, 0), the smaller half before).
 */
export function convMultiplyAddsOnData(conv: ConvGeometry): number {
  const tapsInBounds = (inputSize: number, outputSize: number) => {
    const padBefore = Math.floor(
      Math.max((outputSize - 1) * conv.strides + conv.kernelSize - inputSize, 0) / 2,
    );
    let taps = 0;
    for (let out = 0; out < outputSize; out++) {
      const first = out * conv.strides - padBefore;
      taps += Math.min(first + conv.kernelSize, inputSize) - Math.max(first, 0);
    }
    return taps;
  };
  const [inHeight, inWidth, inChannels] = conv.inputShape;
  const [outHeight, outWidth, outChannels] = conv.outputShape;
  return tapsInBounds(inHeight, outHeight) * tapsInBounds(inWidth, outWidth) * inChannels * outChannels;
}

export function disposeConv(conv: FoldedConv): void {
  tf.dispose([conv.kernel, conv.bias, conv.flippedKernel]);
}

function exampleShape(shape: tf.Shape | tf.Shape[], layer: string, source: string): [number, number, number] {
  const [, height, width, channels] = shape as (number | null)[];
  if (typeof height !== 'number' || typeof width !== 'number' || typeof channels !== 'number') {
    throw new ModelFormatError(
      source,
      `${layer}: expected a static NHWC shape, got ${JSON.stringify(shape)}`,
    );
  }
  return [height, width, channels];
}
