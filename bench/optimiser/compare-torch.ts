/**
 * Our optimiser step beside PyTorch's, in ONE run on the same machine: first our cells (step-cell.ts,
 * one process each), then torch_step.py on the same networks, and a table per (stem, width, B) of
 * each side's candidate-steps/s at its best micro-batch, their ratio and the FLOPs per candidate.
 * The comparable step is our β = 0 half (both models + composition map + Adam; PyTorch does the same
 * work); our integer-loss step is shown beside it. Build as for throughput.ts, then (README.md):
 *   node bench/optimiser/compare-torch.ts --python /path/to/venv/bin/python [--stems wide,reference]
 *     [--widths 0.25,1] [--batches 256,1024,4096] [--micro-batches 1024]
 *     [--torch-micro-batches 64,128,256,512,1024] [--json bench-results/optimiser-vs-torch.json]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import { gridOptionsShape, integerList, runStepCells, type StepCell, stepFlops } from './step-cells.ts';
import { runTorchPeer, type TorchCell } from './torch-peer.ts';

const optionsSchema = z.object({
  ...gridOptionsShape,
  backend: z.enum(['node', 'node-gpu']).default('node'),
  python: z.string().default('python3'),
  'torch-micro-batches': integerList('torch-micro-batches').default([64, 128, 256, 512, 1024]),
  'torch-steps': z.coerce.number().int().min(1).default(3),
  'torch-threads': z.coerce.number().int().min(1).optional(),
  json: z.string().default('bench-results/optimiser-vs-torch.json'),
});
const { values } = parseArgs({
  options: Object.fromEntries(
    Object.keys(optionsSchema.shape).map((name) => [name, { type: 'string' as const }]),
  ),
});
const options = parseOrThrow(optionsSchema, values, 'bench/optimiser/compare-torch.ts options');

const cores = availableParallelism();
const [loadBefore = Number.NaN] = loadavg();
if (loadBefore > cores / 2) {
  console.error(
    `load average ${loadBefore.toFixed(1)} on ${cores} cores: timings are only worth keeping on an idle machine`,
  );
}
const ours = await runStepCells(options.backend, options);
await mkdir(dirname(options.json), { recursive: true });
const torch = await runTorchPeer(options, {
  python: options.python,
  microBatches: options['torch-micro-batches'],
  steps: options['torch-steps'],
  threads: options['torch-threads'],
  peerInputsPath: join(dirname(options.json), 'torch-peer-inputs.json'),
});
const [loadAfter = Number.NaN] = loadavg();

const fmt = (value: number | undefined, digits = 0) =>
  value === undefined || !Number.isFinite(value)
    ? '—'
    : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const sameCell = (a: Pick<StepCell, 'stem' | 'width' | 'batch'>, b: typeof a) =>
  a.stem === b.stem && a.width === b.width && a.batch === b.batch;
/** Our cell of the fastest β = 0 step among the micro-batches tried. */
const bestOurs = (torchCell: TorchCell) =>
  ours
    .filter((cell) => sameCell(cell, torchCell) && cell.plainStepSeconds !== undefined)
    .sort((a, b) => (a.plainStepSeconds ?? 0) - (b.plainStepSeconds ?? 0))[0];

console.log(
  `${cores} cores, 1-min load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after; ours: ${options.backend} ` +
    `backend; PyTorch ${torch.torch} eager, ${torch.threads} threads, batch-norm ${torch.batchNorm}, ${torch.memoryFormat}, atom map ${torch.atomMap}.`,
);
console.log(
  "candidate-steps/s of the whole step at each side's best micro-batch [in brackets]: ours β = 0 (both models, composition map, Adam; the",
);
console.log(
  "same work as PyTorch's step) and, after the slash, our integer-loss step (β > 0, M_max built). FLOPs: forward per candidate, Tc + ElemNet.\n",
);
console.log(
  '| Tc stem | Tc w / Ef w | fwd MFLOP/cand nominal (on data) | B | ours cand-steps/s β = 0 / β > 0 [micro-batch] | PyTorch cand-steps/s [micro-batch] | ours ÷ PyTorch |',
);
console.log('|---|---|---|---|---|---|---|');
const rows = torch.cells.map((torchCell) => {
  const mine = bestOurs(torchCell);
  const oursRate = mine ? mine.batch / (mine.plainStepSeconds ?? Number.NaN) : Number.NaN;
  const oursIntegerRate = mine ? mine.batch / (mine.integerStepSeconds ?? Number.NaN) : Number.NaN;
  const torchRate = torchCell.best?.candidateStepsPerSecond ?? Number.NaN;
  const nominal = mine ? stepFlops(mine, 'nominal') / 2 : Number.NaN;
  const torchNominal = torchCell.tcForwardFlops + torchCell.efForwardFlops;
  // The two sides must count the same networks; a mismatch means they are not the same model.
  const flopsNote =
    Number.isFinite(nominal) && nominal !== torchNominal ? ` ≠ PyTorch ${fmt(torchNominal / 1e6, 1)}` : '';
  console.log(
    `| ${torchCell.stem} | ${torchCell.width} / ${torchCell.efWidth} | ${fmt(nominal / 1e6, 1)}${flopsNote} (${fmt((mine ? stepFlops(mine, 'onData') / 2 : Number.NaN) / 1e6, 1)}) | ` +
      `${torchCell.batch} | ${fmt(oursRate, 1)} / ${fmt(oursIntegerRate, 1)} [${mine?.microBatch ?? '—'}] | ` +
      `${fmt(torchRate, 1)} [${torchCell.best?.microBatch ?? '—'}] | ×${fmt(oursRate / torchRate, 2)} |`,
  );
  return {
    ...torchCell,
    ours: mine ?? null,
    oursCandidateStepsPerSecond: oursRate,
    ratio: oursRate / torchRate,
  };
});
await writeFile(
  options.json,
  `${JSON.stringify({ cores, loadBefore, loadAfter, torch: { ...torch, cells: undefined }, rows, oursCells: ours }, null, 2)}\n`,
);
console.error(`wrote ${options.json}`);
