import * as tf from '@tensorflow/tfjs';
import type { ConvGradientMode } from './conv-input-gradient.js';
import { foldElemNet } from './fold-elemnet.js';
import { foldTcModel } from './fold-tc-model.js';
import type { ForwardFlops } from './folded-network.js';
import { type InputGradientModel, inputGradientModel } from './input-gradient-model.js';

export interface InferenceOptions {
  /** Default: `forward-conv` on every backend (conv-input-gradient.ts says why). */
  convGradientMode?: ConvGradientMode;
  /** Largest batch run at once. Default: 512 on wasm (its heap limit), unlimited elsewhere. */
  microBatchSize?: number;
}

export interface TcInference {
  /** Predicted Tc in K per composition (B × 118 fractions). */
  predictTc(x118: tf.Tensor2D): tf.Tensor1D;
  /** Tc and ∂Tc/∂x per composition. */
  tcAndGrad(x118: tf.Tensor2D): { tcKelvin: tf.Tensor1D; grad: tf.Tensor2D };
  /** Tc in K, differentiable w.r.t. the composition inside tf.grad (input gradient only). */
  tc(x118: tf.Tensor2D): tf.Tensor1D;
  readonly forwardFlopsPerCandidate: ForwardFlops;
  dispose(): void;
}

export interface EfInference {
  /** Predicted formation energy in eV/atom per composition (B × 118; non-ElemNet elements ignored). */
  predictEf(x118: tf.Tensor2D): tf.Tensor1D;
  efAndGrad(x118: tf.Tensor2D): { efEvPerAtom: tf.Tensor1D; grad: tf.Tensor2D };
  /** Ef in eV/atom, differentiable w.r.t. the composition inside tf.grad (input gradient only). */
  ef(x118: tf.Tensor2D): tf.Tensor1D;
  readonly forwardFlopsPerCandidate: ForwardFlops;
  dispose(): void;
}

const WASM_MICRO_BATCH = 512;

function resolveOptions(options: InferenceOptions): Required<InferenceOptions> {
  const backend = tf.getBackend();
  return {
    convGradientMode: options.convGradientMode ?? 'forward-conv',
    microBatchSize:
      options.microBatchSize ?? (backend === 'wasm' ? WASM_MICRO_BATCH : Number.POSITIVE_INFINITY),
  };
}

/** Folds a trained Tc layers model for inference on the active backend (choose the backend first). */
export function createTcInference(model: tf.LayersModel, options: InferenceOptions = {}): TcInference {
  const { convGradientMode, microBatchSize } = resolveOptions(options);
  const folded: InputGradientModel = inputGradientModel(foldTcModel(model, convGradientMode), microBatchSize);
  return {
    predictTc: (x118) => folded.predict(x118),
    tcAndGrad(x118) {
      const { value, grad } = folded.valueAndGrad(x118);
      return { tcKelvin: value, grad };
    },
    tc: folded.apply,
    forwardFlopsPerCandidate: folded.forwardFlopsPerCandidate,
    dispose: () => folded.dispose(),
  };
}

/** Folds a trained ElemNet layers model for inference on the active backend. */
export function createEfInference(model: tf.LayersModel, options: InferenceOptions = {}): EfInference {
  const { microBatchSize } = resolveOptions(options);
  const folded = inputGradientModel(foldElemNet(model), microBatchSize);
  return {
    predictEf: (x118) => folded.predict(x118),
    efAndGrad(x118) {
      const { value, grad } = folded.valueAndGrad(x118);
      return { efEvPerAtom: value, grad };
    },
    ef: folded.apply,
    forwardFlopsPerCandidate: folded.forwardFlopsPerCandidate,
    dispose: () => folded.dispose(),
  };
}
