import * as tf from '@tensorflow/tfjs';
import { TfBackendUnavailableError } from '../errors.js';
import type { TfBackendChoice } from './backend-choice.js';
import { NO_GPU_REASON, nvidiaGpuVisible } from './gpu-visibility.js';
import { restoreLegacyNodeUtil } from './node-util-shim.js';

export type TfBackendName = Exclude<TfBackendChoice, 'auto'>;

/** Fastest first; `cpu` (pure JS) is only fit for tiny tests. */
export const TF_BACKEND_ORDER: readonly TfBackendName[] = ['node-gpu', 'node', 'wasm', 'cpu'];

export interface TfBackendInfo {
  name: TfBackendName;
  /** The name tfjs registered it under (`tensorflow`, `wasm`, `cpu`). */
  tfName: string;
  /** Version of the native TensorFlow library; null for wasm and cpu. */
  nativeTfVersion: string | null;
  /** node-gpu chosen explicitly on a machine without a visible GPU: TensorFlow computes on the CPU. */
  gpuMissing?: true;
}

interface BackendCandidate {
  tfName: string;
  /** Imports the package that registers the backend; throws when it or its native addon is missing. */
  register: () => Promise<unknown>;
}

// The native packages are optional (tfjs-node-gpu is not even in the lockfile: the GPU image adds it),
// so they are imported by a non-literal specifier that the type checker does not try to resolve.
async function importNative(specifier: string): Promise<unknown> {
  restoreLegacyNodeUtil();
  return import(specifier);
}

const CANDIDATES: Record<TfBackendName, BackendCandidate> = {
  'node-gpu': { tfName: 'tensorflow', register: () => importNative('@tensorflow/tfjs-node-gpu') },
  node: { tfName: 'tensorflow', register: () => importNative('@tensorflow/tfjs-node') },
  wasm: { tfName: 'wasm', register: () => import('@tensorflow/tfjs-backend-wasm') },
  cpu: { tfName: 'cpu', register: async () => undefined },
};

async function activate(name: TfBackendName, choice: TfBackendChoice): Promise<TfBackendInfo> {
  const candidate = CANDIDATES[name];
  const gpuMissing = name === 'node-gpu' && !nvidiaGpuVisible();
  // On auto, loading the GPU build without a GPU would pin this process to it (see gpu-visibility.ts).
  if (gpuMissing && choice === 'auto') throw new TfBackendUnavailableError(name, NO_GPU_REASON);
  try {
    await candidate.register();
  } catch (error) {
    throw new TfBackendUnavailableError(name, firstLine(error), { cause: error });
  }
  if (!(await tf.setBackend(candidate.tfName))) {
    throw new TfBackendUnavailableError(name, `tfjs could not initialise backend ${candidate.tfName}`);
  }
  await tf.ready();
  return {
    name,
    tfName: candidate.tfName,
    nativeTfVersion: nativeTfVersion(),
    ...(gpuMissing && { gpuMissing }),
  };
}

/**
 * Makes the chosen backend (or, for `auto`, the first of TF_BACKEND_ORDER that loads) the active
 * tfjs backend, and logs one line naming it and why faster ones were skipped.
 * An explicit choice that cannot load throws TfBackendUnavailableError instead of falling back.
 */
export async function selectTfBackend(
  choice: TfBackendChoice,
  log: (line: string) => void = console.info,
): Promise<TfBackendInfo> {
  const order = choice === 'auto' ? TF_BACKEND_ORDER : [choice];
  const skipped: string[] = [];
  for (const name of order) {
    try {
      const info = await activate(name, choice);
      log(describeBackend(info, choice, skipped));
      return info;
    } catch (error) {
      if (choice !== 'auto' || !(error instanceof TfBackendUnavailableError)) throw error;
      skipped.push(`${name}: ${error.message.replace(/^.*?unavailable: /, '')}`);
    }
  }
  // Unreachable: the cpu backend ships with @tensorflow/tfjs.
  throw new TfBackendUnavailableError('auto', skipped.join('; '));
}

/** TF_Version reported by the native addon, when the active backend is tfjs-node(-gpu). */
export function nativeTfVersion(): string | null {
  const binding = (tf.backend() as { binding?: { TF_Version?: unknown } }).binding;
  return typeof binding?.TF_Version === 'string' ? binding.TF_Version : null;
}

function describeBackend(info: TfBackendInfo, choice: TfBackendChoice, skipped: readonly string[]): string {
  const native = info.nativeTfVersion === null ? '' : `, TF_Version ${info.nativeTfVersion}`;
  const why = choice === 'auto' ? 'auto' : 'KIAGO_TF_BACKEND';
  const skips = skipped.length > 0 ? `; skipped ${skipped.join('; ')}` : '';
  const cpuOnly = info.gpuMissing ? `; ${NO_GPU_REASON}: TensorFlow computes on the CPU` : '';
  return `[gpu-worker] TensorFlow.js ${tf.version.tfjs} backend: ${info.name} (${info.tfName}${native}; ${why})${skips}${cpuOnly}`;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n', 1)[0] ?? message;
}
