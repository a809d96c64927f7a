/**
 * Runs torch_step.py (the PyTorch peer of our optimiser step) with our atom map, and reads its result.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { ATOM_MAP, ATOM_MAP_ID } from '@kiago/optimiser';
import { ELEMNET_INDICES } from '@kiago/shared';
import type { GridOptions } from './step-cells.ts';

export interface TorchCell {
  stem: string;
  width: number;
  efWidth: number;
  batch: number;
  tcForwardFlops: number;
  efForwardFlops: number;
  sweep: { microBatch: number; stepSeconds: number | null; skipped: string | null }[];
  best: { microBatch: number; candidateStepsPerSecond: number } | null;
}

export interface TorchResult {
  torch: string;
  threads: number;
  batchNorm: string;
  memoryFormat: string;
  atomMap: string;
  cells: TorchCell[];
}

export interface TorchRun {
  python: string;
  microBatches: readonly number[];
  steps: number;
  threads?: number | undefined;
  /** Where our atom map and ElemNet element indices are written for the script. */
  peerInputsPath: string;
}

const script = new URL('./torch_step.py', import.meta.url).pathname;

/** The same cells as ours (stems, widths, ElemNet width, batches), PyTorch's micro-batch sweep. */
export async function runTorchPeer(grid: GridOptions, run: TorchRun): Promise<TorchResult> {
  // ATOM_MAP is row-major 118 × 4 × 7 × 32: each element's map already in PyTorch's NCHW order.
  const peerInputs = {
    atomMapId: ATOM_MAP_ID,
    atomMap: Array.from(ATOM_MAP),
    elemnetIndices: ELEMNET_INDICES,
  };
  await writeFile(run.peerInputsPath, JSON.stringify(peerInputs));
  const args = Object.entries({
    stems: grid.stems.join(','),
    widths: grid.widths.join(','),
    'ef-width': String(grid['ef-width']),
    batches: grid.batches.join(','),
    'micro-batches': run.microBatches.join(','),
    steps: String(run.steps),
    'max-step-seconds': String(grid['max-step-seconds']),
    'peer-inputs': run.peerInputsPath,
    ...(run.threads === undefined ? {} : { threads: String(run.threads) }),
  }).flatMap(([name, value]) => [`--${name}`, value]);
  const child = spawn(run.python, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`${run.python} ${script} exited with ${code} (its stderr is above)`);
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as TorchResult;
}
