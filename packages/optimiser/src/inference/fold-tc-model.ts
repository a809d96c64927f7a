import { ELEMENT_COUNT } from '@kiago/shared';
import * as tf from '@tensorflow/tfjs';
import { ModelFormatError } from '../errors.js';
import { TC_BLOCKS_PER_STAGE, TC_LAYER, TC_STAGE_CHANNELS, TC_STEM_POOL } from '../models/tc-model.js';
import { type ConvGradientMode, convInputGradient } from './conv-input-gradient.js';
import {
  applyConv,
  convMultiplyAdds,
  convMultiplyAddsOnData,
  disposeConv,
  type FoldedConv,
  foldConvBatchNorm,
} from './folded-conv.js';
import { type FoldedNetwork, reluBackward } from './folded-network.js';

interface FoldedBlock {
  conv1: FoldedConv;
  conv2: FoldedConv;
  shortcut: FoldedConv | null;
}

/**
 * The Tc model (models/tc-model.ts) as plain tf ops on batch-norm-folded weights.
 * Activations kept for the backward pass: [stem output, (block relu1, block output) × 8, Tc].
 * A `reference`-stem model max-pools the stem output before the first block (its FLOPs are not
 * counted: a comparison per tap, no multiply-add).
 */
export function foldTcModel(
  model: tf.LayersModel,
  gradientMode: ConvGradientMode,
  source = model.name,
): FoldedNetwork {
  const layer = (name: string) => {
    try {
      return model.getLayer(name);
    } catch (error) {
      throw new ModelFormatError(source, `not a KIAGO Tc model: no layer ${name}`, { cause: error });
    }
  };
  const hasLayer = (name: string) => model.layers.some((candidate) => candidate.name === name);
  const pair = (prefix: string) => foldConvBatchNorm(layer(`${prefix}_conv`), layer(`${prefix}_bn`), source);

  const [atomMap] = layer(TC_LAYER.atomMap).getWeights();
  const [headKernel, headBias] = layer(TC_LAYER.head).getWeights();
  if (!atomMap || !headKernel || !headBias)
    throw new ModelFormatError(source, 'atom map or head weights missing');
  const atomMatrix = atomMap.clone() as tf.Tensor2D;
  // Transposed copies for the backward pass: wasm's matMul with transposeB is ~14× slower.
  const atomMatrixT = atomMap.transpose<tf.Tensor2D>();
  const head = {
    kernel: headKernel.clone() as tf.Tensor2D,
    kernelT: headKernel.transpose<tf.Tensor2D>(),
    bias: headBias.clone() as tf.Tensor1D,
  };
  const stem = pair(TC_LAYER.stem);
  const hasStemPool = hasLayer(TC_LAYER.stemPool);
  const blocks: FoldedBlock[] = TC_STAGE_CHANNELS.flatMap((_, stage) =>
    Array.from({ length: TC_BLOCKS_PER_STAGE }, (__, index) => {
      const prefix = TC_LAYER.block(stage, index);
      const shortcut = hasLayer(`${prefix}_shortcut_conv`) ? pair(`${prefix}_shortcut`) : null;
      return { conv1: pair(`${prefix}_1`), conv2: pair(`${prefix}_2`), shortcut };
    }),
  );
  const lastConv = blocks[blocks.length - 1]?.conv2 ?? stem;
  const [imageHeight, imageWidth, imageChannels] = stem.inputShape;
  const convs = [stem, ...blocks.flatMap((b) => [b.conv1, b.conv2, ...(b.shortcut ? [b.shortcut] : [])])];
  const denseMultiplyAdds = ELEMENT_COUNT * imageHeight * imageWidth * imageChannels + head.kernel.shape[0];
  const multiplyAdds = (count: (conv: FoldedConv) => number) =>
    denseMultiplyAdds + convs.reduce((sum, conv) => sum + count(conv), 0);

  return {
    forwardFlopsPerCandidate: {
      nominal: 2 * multiplyAdds(convMultiplyAdds),
      onData: 2 * multiplyAdds(convMultiplyAddsOnData),
    },

    forward(x118) {
      const batch = x118.shape[0];
      const image = tf
        .matMul(x118, atomMatrix)
        .reshape([batch, imageHeight, imageWidth, imageChannels]) as tf.Tensor4D;
      const stemOutput = applyConv(image, stem, true);
      const activations: tf.Tensor[] = [stemOutput];
      let h = hasStemPool ? stemPool(stemOutput) : stemOutput;
      for (const block of blocks) {
        const a1 = applyConv(h, block.conv1, true);
        const z2 = applyConv(a1, block.conv2, false);
        h = tf.relu(z2.add<tf.Tensor4D>(block.shortcut ? applyConv(h, block.shortcut, false) : h));
        activations.push(a1, h);
      }
      const pooled = tf.mean(h, [1, 2]) as tf.Tensor2D;
      const tc = tf.fused
        .matMul({ a: pooled, b: head.kernel, bias: head.bias, activation: 'relu' })
        .reshape([batch]);
      activations.push(tc);
      return { value: tc as tf.Tensor1D, activations };
    },

    backward(dy, activations) {
      const at = (index: number) => {
        const tensor = activations[index];
        if (!tensor) throw new ModelFormatError(source, `activation ${index} missing in the backward pass`);
        return tensor;
      };
      const batch = dy.shape[0];
      const [height, width, channels] = lastConv.outputShape;
      const dTc = reluBackward(dy, at(activations.length - 1)).reshape([batch, 1]);
      const dPooled = tf.matMul(dTc, head.kernelT);
      let dH: tf.Tensor4D = tf.tile(dPooled.div(height * width).reshape([batch, 1, 1, channels]), [
        1,
        height,
        width,
        1,
      ]) as tf.Tensor4D;
      for (let index = blocks.length - 1; index >= 0; index--) {
        const block = blocks[index] as FoldedBlock;
        const dSum = reluBackward(dH, at(2 + 2 * index));
        const dA1 = reluBackward(convInputGradient(dSum, block.conv2, gradientMode), at(1 + 2 * index));
        const dShortcut = block.shortcut ? convInputGradient(dSum, block.shortcut, gradientMode) : dSum;
        dH = convInputGradient(dA1, block.conv1, gradientMode).add<tf.Tensor4D>(dShortcut);
      }
      const stemOutput = at(0) as tf.Tensor4D;
      const dStemOutput = hasStemPool ? stemPoolBackward(dH, stemOutput) : dH;
      const dImage = convInputGradient(reluBackward(dStemOutput, stemOutput), stem, gradientMode);
      return tf.matMul<tf.Tensor2D>(
        dImage.reshape([batch, imageHeight * imageWidth * imageChannels]),
        atomMatrixT,
      );
    },

    dispose() {
      tf.dispose([atomMatrix, atomMatrixT, head.kernel, head.kernelT, head.bias]);
      for (const conv of convs) disposeConv(conv);
    },
  };
}

function stemPool(stemOutput: tf.Tensor4D): tf.Tensor4D {
  return tf.maxPool(stemOutput, TC_STEM_POOL, 2, 'same');
}

/**
 * dL/d(stem output) from dL/d(pooled). The MaxPoolGrad kernel directly: tf.grad cannot run inside
 * the custom gradient that calls this backward pass. Recomputing the pool is cheap (a 4 × 16 map).
 */
function stemPoolBackward(dPooled: tf.Tensor4D, stemOutput: tf.Tensor4D): tf.Tensor4D {
  const pooled = stemPool(stemOutput);
  const attrs = { filterSize: TC_STEM_POOL, strides: 2, pad: 'same' };
  const inputs = { dy: dPooled, input: stemOutput, output: pooled };
  const result = tf.engine().runKernel('MaxPoolGrad', inputs, attrs) as tf.Tensor4D;
  pooled.dispose();
  return result;
}
