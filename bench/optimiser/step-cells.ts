/**
 * The grid of optimiser-step cells shared by throughput.ts and compare-torch.ts: its command-line
 * options, and running each cell in its own process (step-cell.ts) so its memory high-water mark is its own.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { TC_STEMS } from '@kiago/optimiser';
import { z } from 'zod';

const list = (text: string) => text.split(',').filter(Boolean);
const numbers = (field: string) =>
  z
    .string()
    .transform((text) => list(text).map(Number))
    .pipe(z.array(z.number().positive(`${field} must be positive numbers`)).min(1, `${field} is empty`));
/** A comma-separated list of positive integers. */
export const integerList = (field: string) =>
  numbers(field).pipe(z.array(z.number().int(`${field} must be integers`)));

/** Options of the cell grid; each command adds its own. */
export const gridOptionsShape = {
  stems: z
    .string()
    .default('wide,reference')
    .transform(list)
    .pipe(z.array(z.enum(TC_STEMS)).min(1, 'stems is empty')),
  /** Tc-model widths (channel multipliers). */
  widths: numbers('widths').default([0.25, 1]),
  /** ElemNet width; `tc` (the default) runs it at each cell's Tc width. */
  'ef-width': z
    .union([z.literal('tc'), z.coerce.number().positive('ef-width must be > 0 or "tc"')])
    .default('tc'),
  batches: integerList('batches').default([256, 1024, 4096]),
  /** Our optimiser's micro-batches; one at or above B runs the batch whole (one cell). */
  'micro-batches': integerList('micro-batches').default([1024]),
  'max-step-seconds': z.coerce.number().positive().default(30),
};
const gridSchema = z.object(gridOptionsShape);
export type GridOptions = z.infer<typeof gridSchema>;

export interface ForwardFlops {
  nominal: number;
  onData: number;
}

/** What step-cell.ts prints. Seconds are medians; shares are of the integer-loss step. */
export interface StepCell {
  backend: string;
  stem: string;
  width: number;
  efWidth: number;
  batch: number;
  microBatch: number;
  tcForwardFlops?: ForwardFlops;
  efForwardFlops?: ForwardFlops;
  skipped?: string;
  plainStepSeconds?: number;
  integerStepSeconds?: number;
  tcShare?: number;
  efShare?: number;
  peakTensorBytes?: number;
  maxRssBytes?: number;
  loadAverage?: number;
}

/** Forward + input gradient of both models: 2 × (Tc + ElemNet forward) per candidate-step. */
export function stepFlops(cell: StepCell, count: keyof ForwardFlops): number {
  if (!cell.tcForwardFlops || !cell.efForwardFlops) return Number.NaN;
  return 2 * (cell.tcForwardFlops[count] + cell.efForwardFlops[count]);
}

/** Micro-batches to run at batch B: those below B, and B itself once if any reaches it. */
export function microBatchesAt(batch: number, microBatches: readonly number[]): number[] {
  const below = microBatches.filter((m) => m < batch);
  return [...new Set(microBatches.some((m) => m >= batch) ? [...below, batch] : below)];
}

/** Fewer steps for big batches: each half has a warm-up step and at least one timed one. */
const stepsFor = (batch: number) => (batch >= 4096 ? 4 : 8);
const run = promisify(execFile);
const stepCell = new URL('./step-cell.ts', import.meta.url).pathname;

/** Runs every (stem, width, B, micro-batch) cell on `backend`, one process each, in that order. */
export async function runStepCells(backend: string, grid: GridOptions): Promise<StepCell[]> {
  const cells: StepCell[] = [];
  for (const stem of grid.stems) {
    for (const width of grid.widths) {
      const efWidth = grid['ef-width'] === 'tc' ? width : grid['ef-width'];
      for (const batch of grid.batches) {
        for (const microBatch of microBatchesAt(batch, grid['micro-batches'])) {
          const label = `${backend} ${stem} w ${width} (Ef w ${efWidth}) B=${batch} micro-batch ${microBatch}`;
          const args = Object.entries({
            backend,
            stem,
            width,
            'ef-width': efWidth,
            batch,
            'micro-batch': microBatch,
            steps: stepsFor(batch),
            'max-step-seconds': grid['max-step-seconds'],
          }).flatMap(([name, value]) => [`--${name}`, String(value)]);
          try {
            const { stdout } = await run(process.execPath, [stepCell, ...args], { maxBuffer: 1 << 24 });
            const cell = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as StepCell;
            cells.push(cell);
            const rate = batch / (cell.plainStepSeconds ?? Number.NaN);
            console.error(`${label}: ${cell.skipped ?? `${rate.toFixed(1)} candidate-steps/s (β = 0)`}`);
          } catch (error) {
            const message =
              (error as { stderr?: string }).stderr?.split('\n').filter(Boolean).at(-1) ?? String(error);
            cells.push({ backend, stem, width, efWidth, batch, microBatch, skipped: `failed: ${message}` });
            console.error(`${label}: failed: ${message}`);
          }
        }
      }
    }
  }
  return cells;
}
