import { KiagoError } from '@kiago/shared';

/**
 * The accelerator (or the heap) ran out of memory for this micro-batch. Not retried as is: the
 * ShardWorkflow retries with half the micro-batch (`microBatch` travels in the failure's details).
 */
export class ResourceExhaustedError extends KiagoError {
  readonly code = 'RESOURCE_EXHAUSTED';
  readonly nonRetryable = true;

  constructor(
    readonly microBatch: number,
    cause: unknown,
  ) {
    super(`out of memory at micro-batch ${microBatch}: ${(cause as Error).message}`, { cause });
  }
}

/** A registered model version whose files are not where its row says (or are another version). */
export class ModelArtifactError extends KiagoError {
  readonly code = 'MODEL_ARTIFACT_MISSING';
  // Missing models are not a transient fault: a person has to ship or mount them.
  readonly nonRetryable = true;

  constructor(
    readonly modelVersionId: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`model version ${modelVersionId}: ${message}`, options);
  }
}

// tfjs-node: "OOM when allocating tensor"; CUDA: "CUDA_ERROR_OUT_OF_MEMORY", "Resource exhausted";
// wasm / V8: "Out of memory", "Array buffer allocation failed", "Invalid typed array length".
const OUT_OF_MEMORY =
  /\bOOM\b|out of memory|resource exhausted|CUDA_ERROR_OUT_OF_MEMORY|array buffer allocation failed|invalid typed array length|failed to allocate/i;

export function isOutOfMemory(error: unknown): boolean {
  return error instanceof Error && OUT_OF_MEMORY.test(error.message);
}
