/**
 * Whole KIAGO optimiser steps per backend, Tc stem, width, batch and micro-batch: forward FLOPs per
 * candidate, candidate-steps/s, GFLOP/s and the share of the machine's peak, memory high-water mark,
 * and the share of the step spent in each model. Each cell runs in its own process (step-cell.ts).
 * The side-by-side with PyTorch is compare-torch.ts.
 * Run: npx tsc -p packages/shared/tsconfig.build.json && npx tsc -p packages/datasets/tsconfig.build.json
 *      && npx tsc -p packages/optimiser/tsconfig.build.json && bash scripts/setup-tfjs.sh
 *      && nice -n 5 node bench/optimiser/throughput.ts [--backends node,wasm,cpu] [--stems wide,reference]
 *         [--widths 0.25,1] [--ef-width tc|0.5] [--batches 256,1024,4096] [--micro-batches 1024]
 *         [--max-step-seconds 30] [--json bench-results/optimiser-throughput.json]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import { gridOptionsShape, runStepCells, type StepCell, stepFlops } from './step-cells.ts';

const optionsSchema = z.object({
  ...gridOptionsShape,
  backends: z
    .string()
    .default('node,wasm,cpu')
    .transform((text) => text.split(',').filter(Boolean))
    .pipe(z.array(z.enum(['node-gpu', 'node', 'wasm', 'cpu']))),
  json: z.string().default('bench-results/optimiser-throughput.json'),
});
const { values } = parseArgs({
  options: Object.fromEntries(
    Object.keys(optionsSchema.shape).map((name) => [name, { type: 'string' as const }]),
  ),
});
const options = parseOrThrow(optionsSchema, values, 'bench/optimiser/throughput.ts options');

const cores = availableParallelism();
// ENVIRONMENT.md: native ≈ 117 GFLOP/s per core (AVX-512); wasm SIMD runs one thread at about half that.
const peakGflops = (backend: string) =>
  backend === 'wasm' ? 58 : backend === 'cpu' ? Number.NaN : 117 * cores;
const cells: StepCell[] = [];
for (const backend of options.backends) cells.push(...(await runStepCells(backend, options)));

const fmt = (value: number | undefined, digits = 0) =>
  value === undefined || !Number.isFinite(value)
    ? '—'
    : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log(
  `machine: ${cores} cores; native peak ≈ 117 GFLOP/s per core ⇒ ${117 * cores} GFLOP/s; wasm SIMD ≈ 58 GFLOP/s (1 thread)`,
);
console.log(
  'candidate-steps/s in the integer-loss half (β > 0, M_max built); β = 0 half in brackets. GFLOP/s counts',
);
console.log(
  '2 × (Tc + ElemNet forward) per candidate-step (forward + input gradient); masks, integer loss and Adam are extra work.',
);
console.log(
  "GFLOP/s is given nominal (every kernel tap, 'same' padding included, as frameworks count) / on data (taps on real",
);
console.log('pixels only); % of peak uses the on-data count, the work a padding-skipping kernel must do.');
console.log(
  "Shares: each model's forward + input gradient alone, timed between steps; load: 1-min load average at the end.\n",
);
console.log(
  '| backend | Tc stem | Tc w / Ef w | fwd MFLOP/cand Tc + Ef, nominal / on data | B | micro-batch | cand-steps/s | GFLOP/s nominal / on data | % of peak | Tc share | Ef share | peak tensors | max RSS | load |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
const mflop = (cell: StepCell, count: 'nominal' | 'onData') =>
  `${fmt((cell.tcForwardFlops?.[count] ?? Number.NaN) / 1e6, 1)} + ${fmt((cell.efForwardFlops?.[count] ?? Number.NaN) / 1e6, 1)}`;
for (const cell of cells) {
  const head =
    `| ${cell.backend} | ${cell.stem} | ${cell.width} / ${cell.efWidth} | ${mflop(cell, 'nominal')} / ` +
    `${mflop(cell, 'onData')} | ${cell.batch} | ${cell.microBatch} |`;
  if (cell.skipped || cell.integerStepSeconds === undefined) {
    console.log(`${head} ${cell.skipped ?? 'no result'} | | | | | | | |`);
    continue;
  }
  const rate = cell.batch / cell.integerStepSeconds;
  const gflops = (rate * stepFlops(cell, 'nominal')) / 1e9;
  const onDataGflops = (rate * stepFlops(cell, 'onData')) / 1e9;
  console.log(
    `${head} ${fmt(rate, 1)} (${fmt(cell.batch / (cell.plainStepSeconds ?? Number.NaN), 1)}) | ${fmt(gflops, 1)} / ${fmt(onDataGflops, 1)} | ` +
      `${fmt((100 * onDataGflops) / peakGflops(cell.backend), 1)} % | ${fmt(100 * (cell.tcShare ?? Number.NaN))} % | ` +
      `${fmt(100 * (cell.efShare ?? Number.NaN))} % | ${fmt((cell.peakTensorBytes ?? 0) / 2 ** 20)} MiB | ${fmt((cell.maxRssBytes ?? 0) / 2 ** 20)} MiB | ${fmt(cell.loadAverage ?? Number.NaN, 1)} |`,
  );
}
await mkdir(dirname(options.json), { recursive: true });
await writeFile(options.json, `${JSON.stringify({ cores, cells }, null, 2)}\n`);
console.error(`wrote ${options.json}`);
