/**
 * Whole KIAGO optimiser steps per backend, model size and batch: candidate-steps/s, GFLOP/s and the
 * share of the machine's peak, memory high-water mark, and the share of the step spent in each model.
 * Each cell runs in its own process (bench/optimiser/step-cell.ts).
 * Run: npx tsc -p packages/shared/tsconfig.build.json && npx tsc -p packages/datasets/tsconfig.build.json
 *      && npx tsc -p packages/optimiser/tsconfig.build.json && bash scripts/setup-tfjs.sh
 *      && nice -n 5 node bench/optimiser/throughput.ts [--backends node,wasm,cpu] [--models shipped,full]
 *         [--batches 256,1024,4096] [--max-step-seconds 30] [--json bench-results/optimiser.json]
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';

const list = (text: string) => text.split(',').filter(Boolean);
const optionsSchema = z.object({
  backends: z
    .string()
    .default('node,wasm,cpu')
    .transform(list)
    .pipe(z.array(z.enum(['node-gpu', 'node', 'wasm', 'cpu']))),
  models: z
    .string()
    .default('shipped,full')
    .transform(list)
    .pipe(z.array(z.enum(['shipped', 'full']))),
  batches: z
    .string()
    .default('256,1024,4096')
    .transform((text) => list(text).map(Number))
    .pipe(z.array(z.number().int('batches must be integers').min(1))),
  'max-step-seconds': z.coerce.number().positive().default(30),
  json: z.string().default('bench-results/optimiser-throughput.json'),
});
const { values } = parseArgs({
  options: Object.fromEntries(
    Object.keys(optionsSchema.shape).map((name) => [name, { type: 'string' as const }]),
  ),
});
const options = parseOrThrow(optionsSchema, values, 'bench/optimiser/throughput.ts options');

interface Cell {
  backend: string;
  models: string;
  batch: number;
  flopsPerCandidateStep: number;
  onDataFlopsPerCandidateStep?: number;
  skipped?: string;
  plainStepSeconds?: number;
  integerStepSeconds?: number;
  tcShare?: number;
  efShare?: number;
  peakTensorBytes?: number;
  maxRssBytes?: number;
  loadAverage?: number;
}

/** Fewer steps for big batches: each half has a warm-up step and at least one timed one. */
const stepsFor = (batch: number) => (batch >= 4096 ? 4 : 8);
const cores = availableParallelism();
// ENVIRONMENT.md: native ≈ 117 GFLOP/s per core (AVX-512); wasm SIMD runs one thread at about half that.
const peakGflops = (backend: string) =>
  backend === 'wasm' ? 58 : backend === 'cpu' ? Number.NaN : 117 * cores;
const run = promisify(execFile);
const step = new URL('./step-cell.ts', import.meta.url).pathname;

const cells: Cell[] = [];
for (const backend of options.backends) {
  for (const models of options.models) {
    for (const batch of options.batches) {
      const args = [
        step,
        '--backend',
        backend,
        '--models',
        models,
        '--batch',
        String(batch),
        '--steps',
        String(stepsFor(batch)),
      ];
      args.push('--max-step-seconds', String(options['max-step-seconds']));
      try {
        const { stdout } = await run(process.execPath, args, { maxBuffer: 1 << 24 });
        const cell = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Cell;
        cells.push(cell);
        console.error(
          `${backend} ${models} B=${batch}: ${cell.skipped ?? `${(batch / (cell.integerStepSeconds ?? Number.NaN)).toFixed(1)} candidate-steps/s`}`,
        );
      } catch (error) {
        const message =
          (error as { stderr?: string }).stderr?.split('\n').filter(Boolean).at(-1) ?? String(error);
        cells.push({
          backend,
          models,
          batch,
          flopsPerCandidateStep: Number.NaN,
          skipped: `failed: ${message}`,
        });
        console.error(`${backend} ${models} B=${batch}: failed: ${message}`);
      }
    }
  }
}

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
  '| backend | models | B | cand-steps/s | GFLOP/s nominal / on data | % of peak | Tc share | Ef share | peak tensors | max RSS | load |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const cell of cells) {
  const head = `| ${cell.backend} | ${cell.models} | ${cell.batch} |`;
  if (cell.skipped || cell.integerStepSeconds === undefined) {
    console.log(`${head} ${cell.skipped ?? 'no result'} | | | | | | | |`);
    continue;
  }
  const rate = cell.batch / cell.integerStepSeconds;
  const gflops = (rate * cell.flopsPerCandidateStep) / 1e9;
  const onDataGflops = (rate * (cell.onDataFlopsPerCandidateStep ?? Number.NaN)) / 1e9;
  console.log(
    `${head} ${fmt(rate, 1)} (${fmt(cell.batch / (cell.plainStepSeconds ?? Number.NaN), 1)}) | ${fmt(gflops, 1)} / ${fmt(onDataGflops, 1)} | ` +
      `${fmt((100 * onDataGflops) / peakGflops(cell.backend), 1)} % | ${fmt(100 * (cell.tcShare ?? Number.NaN))} % | ` +
      `${fmt(100 * (cell.efShare ?? Number.NaN))} % | ${fmt((cell.peakTensorBytes ?? 0) / 2 ** 20)} MiB | ${fmt((cell.maxRssBytes ?? 0) / 2 ** 20)} MiB | ${fmt(cell.loadAverage ?? Number.NaN, 1)} |`,
  );
}
const fullWidthNative = cells.find(
  (c) => c.backend === 'node' && c.batch === 1024 && c.models.startsWith('full'),
);
if (fullWidthNative?.integerStepSeconds) {
  // ENVIRONMENT.md, PyTorch 2.13 CPU on this machine: ResNet18 forward + input gradient 352 candidate-steps/s
  // at B = 1024, ElemNet 9,650; one whole step does both.
  const pytorchWholeStep = 1 / (1 / 352 + 1 / 9650);
  const ours = fullWidthNative.batch / fullWidthNative.integerStepSeconds;
  console.log(
    `\nfull width, native, B = 1024: ${fmt(ours, 1)} candidate-steps/s for the whole optimiser step; PyTorch CPU for ` +
      `the two models alone ≈ ${fmt(pytorchWholeStep, 1)} (×${fmt(ours / pytorchWholeStep, 2)})`,
  );
}
await mkdir(dirname(options.json), { recursive: true });
await writeFile(options.json, `${JSON.stringify({ cores, cells }, null, 2)}\n`);
console.error(`wrote ${options.json}`);
