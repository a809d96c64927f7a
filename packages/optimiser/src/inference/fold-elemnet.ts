import { ELEMENT_COUNT, ELEMNET_INDICES } from '@kiago/shared';
import * as tf from '@tensorflow/tfjs';
import { ModelFormatError } from '../errors.js';
import { ELEMNET_OUTPUT, elemNetDenseName } from '../models/elemnet.js';
import { type FoldedNetwork, reluBackward } from './folded-network.js';

interface DenseWeights {
  kernel: tf.Tensor2D;
  bias: tf.Tensor1D;
  /** The kernel transposed once for the backward pass (wasm's matMul with transposeB is ~14× slower). */
  kernelT: tf.Tensor2D;
}

/**
 * ElemNet (models/elemnet.ts) as plain tf ops. Its first kernel is widened from 86 to 118 rows,
 * zero for the elements ElemNet does not take, so it reads the full composition vector directly
 * (same values as selecting the 86 columns; those elements get a zero gradient).
 * Activations kept for the backward pass: the output of every hidden layer.
 */
export function foldElemNet(model: tf.LayersModel, source = model.name): FoldedNetwork {
  const hiddenNames = model.layers
    .map((layer) => layer.name)
    .filter((name) => name.startsWith('elemnet_dense'));
  if (hiddenNames.length === 0)
    throw new ModelFormatError(source, 'not a KIAGO ElemNet: no elemnet_dense layers');
  const read = (name: string, activation: string): DenseWeights => {
    const layer = model.getLayer(name);
    const configured = (layer.getConfig() as { activation?: string }).activation;
    const [kernel, bias] = layer.getWeights();
    if (configured !== activation || !kernel || !bias) {
      throw new ModelFormatError(
        source,
        `${name}: expected a dense layer with bias and ${activation} activation`,
      );
    }
    return {
      kernel: kernel.clone() as tf.Tensor2D,
      bias: bias.clone() as tf.Tensor1D,
      kernelT: kernel.transpose(),
    };
  };
  const hidden = hiddenNames.map((_, index) => read(elemNetDenseName(index), 'relu'));
  const output = read(ELEMNET_OUTPUT, 'linear');
  const first = hidden[0] as DenseWeights;
  if (first.kernel.shape[0] !== ELEMNET_INDICES.length) {
    throw new ModelFormatError(
      source,
      `first layer takes ${first.kernel.shape[0]} inputs, ElemNet has ${ELEMNET_INDICES.length}`,
    );
  }
  const narrowKernel = first.kernel;
  first.kernel = widenToComposition(narrowKernel);
  first.kernelT.dispose();
  first.kernelT = first.kernel.transpose();
  const multiplyAdds = [narrowKernel, ...hidden.slice(1).map((d) => d.kernel), output.kernel].reduce(
    (sum, kernel) => sum + kernel.shape[0] * kernel.shape[1],
    0,
  );
  narrowKernel.dispose();

  return {
    // Dense layers: no padding, both counts agree.
    forwardFlopsPerCandidate: { nominal: 2 * multiplyAdds, onData: 2 * multiplyAdds },

    forward(x118) {
      let h: tf.Tensor2D = x118;
      const activations: tf.Tensor[] = [];
      for (const dense of hidden) {
        h = tf.fused.matMul({ a: h, b: dense.kernel, bias: dense.bias, activation: 'relu' }) as tf.Tensor2D;
        activations.push(h);
      }
      const ef = tf.fused.matMul({ a: h, b: output.kernel, bias: output.bias }).reshape([x118.shape[0]]);
      return { value: ef as tf.Tensor1D, activations };
    },

    backward(dy, activations) {
      let dH = tf.matMul<tf.Tensor2D>(dy.reshape([dy.shape[0], 1]), output.kernelT);
      for (let index = hidden.length - 1; index >= 0; index--) {
        const h = activations[index];
        const dense = hidden[index];
        if (!h || !dense)
          throw new ModelFormatError(source, `activation ${index} missing in the backward pass`);
        dH = tf.matMul<tf.Tensor2D>(reluBackward(dH, h), dense.kernelT);
      }
      return dH;
    },

    dispose() {
      tf.dispose([...hidden, output].flatMap((dense) => [dense.kernel, dense.bias, dense.kernelT]));
    },
  };
}

function widenToComposition(kernel: tf.Tensor2D): tf.Tensor2D {
  const units = kernel.shape[1];
  const narrow = kernel.dataSync();
  const wide = new Float32Array(ELEMENT_COUNT * units);
  ELEMNET_INDICES.forEach((compositionIndex, row) => {
    wide.set(narrow.subarray(row * units, (row + 1) * units), compositionIndex * units);
  });
  return tf.tensor2d(wide, [ELEMENT_COUNT, units]);
}
