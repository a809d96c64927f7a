import * as tf from '@tensorflow/tfjs';

/**
 * An inference-only network over compositions (B × 118) → one value per candidate, with a
 * hand-written backward pass that yields only the gradient w.r.t. its input (no weight gradients).
 */
export interface FoldedNetwork {
  /** The values, and the activations `backward` needs (intermediates the forward pass makes anyway). */
  forward(x118: tf.Tensor2D): { value: tf.Tensor1D; activations: tf.Tensor[] };
  /** Σ_b dy_b · ∂value_b/∂x118_b, i.e. the vector-Jacobian product, from `forward`'s activations. */
  backward(dy: tf.Tensor1D, activations: readonly tf.Tensor[]): tf.Tensor2D;
  /** One candidate's forward pass (the backward pass costs the same again). */
  readonly forwardFlopsPerCandidate: ForwardFlops;
  dispose(): void;
}

/** 2 × multiply-adds of one candidate's forward pass, counted two ways. */
export interface ForwardFlops {
  /** Every tap of every kernel, 'same'-padding zeros included: how frameworks usually count a conv. */
  nominal: number;
  /**
   * Taps that land on real input pixels only. On the small atom map much of a 3×3 kernel hangs over
   * the edge (a 1×4 map uses 10 of its 36 taps), and kernels that skip padding never do that work.
   */
  onData: number;
}

/**
 * Gradient through a = relu(z), from dL/da and the activation a itself. a ≥ 0, so sign(a) is exactly
 * the 0/1 mask: one kernel, where tf.step costs five on tfjs-node (Greater, IsNan, Fill, Select…).
 */
export function reluBackward<T extends tf.Tensor>(dA: T, activation: tf.Tensor): T {
  return dA.mul(tf.sign(activation));
}
