import * as tf from '@tensorflow/tfjs';
import type { FoldedNetwork, ForwardFlops } from './folded-network.js';

/** A folded network behind the three ways the optimiser and the screening use it. */
export interface InputGradientModel {
  /** One value per candidate; no gradient bookkeeping. */
  predict(x118: tf.Tensor2D): tf.Tensor1D;
  /** The values and ∂value_b/∂x118_b per candidate (B × 118). */
  valueAndGrad(x118: tf.Tensor2D): { value: tf.Tensor1D; grad: tf.Tensor2D };
  /** Differentiable w.r.t. x118 inside tf.grad / tf.grads / tf.variableGrads; the weights get no gradients. */
  apply(x118: tf.Tensor2D): tf.Tensor1D;
  readonly forwardFlopsPerCandidate: ForwardFlops;
  dispose(): void;
}

/**
 * Wraps a folded network; batches larger than `microBatchSize` run in slices (same results; keeps
 * the wasm heap within bounds — ResNet18 gradients at batch 1024 exhaust it).
 */
export function inputGradientModel(network: FoldedNetwork, microBatchSize: number): InputGradientModel {
  const slices = (x: tf.Tensor2D): tf.Tensor2D[] => {
    const batch = x.shape[0];
    if (batch <= microBatchSize) return [x];
    const sizes = Array.from({ length: Math.ceil(batch / microBatchSize) }, (_, i) =>
      Math.min(microBatchSize, batch - i * microBatchSize),
    );
    return tf.split(x, sizes, 0);
  };
  const joined = <T extends tf.Tensor>(parts: T[]): T =>
    parts.length === 1 ? (parts[0] as T) : tf.concat(parts, 0);

  const apply = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
    const pieces = slices(x);
    if (pieces.length === 1) {
      const { value, activations } = network.forward(x);
      save(activations);
      return {
        value,
        gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => network.backward(dy as tf.Tensor1D, saved),
      };
    }
    // Sliced: keeping every slice's activations would hold the whole batch's at once (the wasm heap
    // overflows on ResNet18 at 1024), so the backward pass recomputes each slice's forward instead.
    save([x]);
    return {
      value: tf.concat(
        pieces.map((piece) => tf.tidy(() => network.forward(piece).value)),
        0,
      ),
      gradFunc: (dy: tf.Tensor, [input]: tf.Tensor[]) => {
        const dys = tf.split(
          dy,
          pieces.map((piece) => piece.shape[0]),
          0,
        );
        const grads = slices(input as tf.Tensor2D).map((piece, i) =>
          tf.tidy(() => network.backward(dys[i] as tf.Tensor1D, network.forward(piece).activations)),
        );
        return tf.concat(grads, 0);
      },
    };
  }) as (x118: tf.Tensor2D) => tf.Tensor1D;

  return {
    forwardFlopsPerCandidate: network.forwardFlopsPerCandidate,
    apply,
    predict: (x118) => tf.tidy(() => joined(slices(x118).map((slice) => network.forward(slice).value))),
    valueAndGrad(x118) {
      const pieces = slices(x118);
      const parts = pieces.map((slice) =>
        tf.tidy(() => {
          const { value, activations } = network.forward(slice);
          return { value, grad: network.backward(tf.onesLike(value), activations) };
        }),
      );
      if (parts.length === 1) return parts[0] as { value: tf.Tensor1D; grad: tf.Tensor2D };
      tf.dispose(pieces);
      const result = tf.tidy(() => ({
        value: tf.concat(parts.map((part) => part.value)),
        grad: tf.concat(parts.map((part) => part.grad)),
      }));
      tf.dispose(parts.flatMap((part) => [part.value, part.grad]));
      return result;
    },
    dispose: () => network.dispose(),
  };
}
