import { ELEMENT_COUNT, ELEMNET_INDICES } from '@kiago/shared';
import * as tf from '@tensorflow/tfjs';
import { ModelFormatError } from '../errors.js';
import { ELEMENTAL_CORRECTION_EXPONENT } from '../models/elemental-correction.js';
import { ELEMNET_OUTPUT, elemNetDenseName } from '../models/elemnet.js';
import { type FoldedNetwork, reluBackward } from './folded-network.js';

interface DenseWeights {
  kernel: tf.Tensor2D;
  bias: tf.Tensor1D;
  /** The kernel transposed once for the backward pass (wasm's matMul with transposeB is ~14× slower). */
  kernelT: tf.Tensor2D;
}

/**
 * ElemNet (models/elemnet.ts) as plain tf ops, with its elemental error removed: it returns
 * Ef(x) − Σ_i x_i^k·Ef(element i), so every pure element predicts 0 eV/atom as the hull puts it,
 * while compounds keep the network's value (models/elemental-correction.ts: why, and how k was chosen). Its first kernel is widened from 86 to 118 rows,
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
  const rawForward = (x118: tf.Tensor2D) => {
    let h: tf.Tensor2D = x118;
    const activations: tf.Tensor[] = [];
    for (const dense of hidden) {
      h = tf.fused.matMul({ a: h, b: dense.kernel, bias: dense.bias, activation: 'relu' }) as tf.Tensor2D;
      activations.push(h);
    }
    const ef = tf.fused.matMul({ a: h, b: output.kernel, bias: output.bias }).reshape([x118.shape[0]]);
    return { value: ef as tf.Tensor1D, activations };
  };
  // Computed through the same ops as every prediction, so a pure element's result is exactly 0.
  const offsets = elementalOffsets118(rawForward);
  const offsetsColumn = offsets.reshape([ELEMENT_COUNT, 1]) as tf.Tensor2D;

  return {
    // Dense layers: no padding, both counts agree.
    forwardFlopsPerCandidate: { nominal: 2 * multiplyAdds, onData: 2 * multiplyAdds },

    forward(x118) {
      const { value, activations } = rawForward(x118);
      const weights = tf.pow(x118, ELEMENTAL_CORRECTION_EXPONENT);
      const reference = tf.matMul(weights, offsetsColumn).reshape([x118.shape[0]]);
      // The input rides along for the correction's gradient.
      return { value: tf.sub(value, reference), activations: [...activations, x118] };
    },

    backward(dy, saved) {
      const activations = saved.slice(0, -1);
      const x118 = saved.at(-1) as tf.Tensor2D;
      let dH = tf.matMul<tf.Tensor2D>(dy.reshape([dy.shape[0], 1]), output.kernelT);
      for (let index = hidden.length - 1; index >= 0; index--) {
        const h = activations[index];
        const dense = hidden[index];
        if (!h || !dense)
          throw new ModelFormatError(source, `activation ${index} missing in the backward pass`);
        dH = tf.matMul<tf.Tensor2D>(reluBackward(dH, h), dense.kernelT);
      }
      // ∂/∂x_i of Σ_j x_j^k·E_j is k·x_i^(k−1)·E_i.
      const k = ELEMENTAL_CORRECTION_EXPONENT;
      const dReference = tf.mul(tf.mul(tf.pow(x118, k - 1), offsets.mul(k)), dy.reshape([dy.shape[0], 1]));
      return tf.sub(dH, dReference);
    },

    dispose() {
      tf.dispose([...hidden, output].flatMap((dense) => [dense.kernel, dense.bias, dense.kernelT]));
      tf.dispose([offsets, offsetsColumn]);
    },
  };
}

/** The raw network's Ef for each pure ElemNet element, at its Z index of a 118-vector (0 elsewhere). */
function elementalOffsets118(
  rawForward: (x118: tf.Tensor2D) => { value: tf.Tensor1D; activations: tf.Tensor[] },
): tf.Tensor1D {
  const pure = new Float32Array(ELEMNET_INDICES.length * ELEMENT_COUNT);
  ELEMNET_INDICES.forEach((compositionIndex, row) => {
    pure[row * ELEMENT_COUNT + compositionIndex] = 1;
  });
  const efPure = tf.tidy(() => {
    const { value, activations } = rawForward(tf.tensor2d(pure, [ELEMNET_INDICES.length, ELEMENT_COUNT]));
    tf.dispose(activations);
    return value.dataSync();
  });
  const wide = new Float32Array(ELEMENT_COUNT);
  ELEMNET_INDICES.forEach((compositionIndex, row) => {
    wide[compositionIndex] = efPure[row]!;
  });
  return tf.tensor1d(wide);
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
