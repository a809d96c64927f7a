/**
 * One benchmark cell, run in its own process by step-cells.ts for throughput.ts and compare-torch.ts
 * (so the memory high-water mark is the cell's own): whole KIAGO optimiser steps through
 * optimiseShard — both models' forward and input gradient, the composition map, the integer loss and
 * Adam — timed per step from the progress callback, then each model's forward + input gradient alone
 * at the same micro-batch.
 * Prints one JSON line. Options: --backend --stem wide|reference --width (Tc) --ef-width --batch
 * --micro-batch --steps --max-step-seconds. The models are untrained: their cost does not depend on
 * the weights.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import {
  buildElemNet,
  buildTcModel,
  foldShardModels,
  optimiseShard,
  selectTfBackend,
  TC_STEMS,
  TF_BACKEND_ORDER,
} from '@kiago/optimiser';
import { campaignSpecSchema, ELEMENT_COUNT, parseOrThrow } from '@kiago/shared';
import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';

const optionsSchema = z.object({
  backend: z.enum(TF_BACKEND_ORDER),
  stem: z.enum(TC_STEMS),
  width: z.coerce.number().positive(),
  'ef-width': z.coerce.number().positive(),
  batch: z.coerce.number().int().min(1),
  'micro-batch': z.coerce.number().int().min(1),
  steps: z.coerce.number().int().min(4),
  'max-step-seconds': z.coerce.number().positive(),
});
const { values } = parseArgs({
  options: Object.fromEntries(
    Object.keys(optionsSchema.shape).map((name) => [name, { type: 'string' as const }]),
  ),
});
const options = parseOrThrow(optionsSchema, values, 'bench/optimiser/step-cell.ts options');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const compositions = (batch: number) =>
  tf.tidy(() => {
    const raw = tf.randomUniform([batch, ELEMENT_COUNT], 0, 1, 'float32', 7);
    return raw.div(raw.sum(1, true)) as tf.Tensor2D;
  });
function secondsOf(run: () => tf.Tensor[], repeats: number): number {
  tf.dispose(run()); // warm-up
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    const outputs = run();
    for (const output of outputs) output.dataSync();
    times.push((performance.now() - started) / 1000);
    tf.dispose(outputs);
  }
  return median(times);
}

await selectTfBackend(options.backend, (line) => console.error(line));
const models = foldShardModels(
  buildTcModel({ width: options.width, stem: options.stem }),
  buildElemNet({ width: options['ef-width'] }),
);
const microBatch = Math.min(options['micro-batch'], options.batch);
// A probe at a small batch estimates the step; hopeless cells (pure JS at full width) are skipped.
const PROBE_BATCH = 32;
const probe = compositions(PROBE_BATCH);
const probeSeconds =
  secondsOf(() => Object.values(models.tc.tcAndGrad(probe)), 2) +
  secondsOf(() => Object.values(models.ef.efAndGrad(probe)), 2);
probe.dispose();
const estimatedStepSeconds = (probeSeconds / PROBE_BATCH) * options.batch;
const base = {
  backend: options.backend,
  stem: options.stem,
  width: options.width,
  efWidth: options['ef-width'],
  batch: options.batch,
  microBatch,
  // One candidate's forward pass of each model; nominal counts padding taps, onData does not.
  tcForwardFlops: models.tc.forwardFlopsPerCandidate,
  efForwardFlops: models.ef.forwardFlopsPerCandidate,
};
if (estimatedStepSeconds > options['max-step-seconds']) {
  console.log(
    JSON.stringify({ ...base, skipped: `estimated ${estimatedStepSeconds.toFixed(0)} s per step` }),
  );
  process.exit(0);
}

const spec = campaignSpecSchema.parse({
  name: 'bench',
  bases: ['HgBa2Ca2Cu3O8'],
  seeds: [0],
  candidatesPerShard: options.batch,
  steps: options.steps,
});
const stepSeconds: number[] = [];
const tcSeconds: number[] = [];
const efSeconds: number[] = [];
let peakTensorBytes = 0;
const half = options.steps / 2;
// Each model alone on the optimiser's micro-batch, timed between steps of the second half so that
// both see the same machine load; scaled to the whole batch.
const modelRows = microBatch;
const x = compositions(modelRows);
const timeModel = (run: () => tf.Tensor[]) => {
  const started = performance.now();
  const outputs = run();
  for (const output of outputs) output.dataSync();
  tf.dispose(outputs);
  return ((performance.now() - started) / 1000) * (options.batch / modelRows);
};
// The first call at a new shape sets up the backend's kernels: keep it out of the shares.
tf.dispose([...Object.values(models.tc.tcAndGrad(x)), ...Object.values(models.ef.efAndGrad(x))]);
let last = performance.now();
await optimiseShard({
  spec,
  base: 'HgBa2Ca2Cu3O8',
  seed: 0,
  shardIndex: 0,
  microBatch,
  models,
  onProgress: ({ step }) => {
    stepSeconds.push((performance.now() - last) / 1000);
    peakTensorBytes = Math.max(peakTensorBytes, tf.memory().numBytes);
    if (step > half && step < options.steps) {
      tcSeconds.push(timeModel(() => Object.values(models.tc.tcAndGrad(x))));
      efSeconds.push(timeModel(() => Object.values(models.ef.efAndGrad(x))));
    }
    last = performance.now();
  },
});
x.dispose();
// The first step of each half pays one-off costs (kernel set-up; M_max and the first integer loss).
const plainStep = median(stepSeconds.slice(1, half));
const integerStep = median(stepSeconds.slice(half + 1));
console.log(
  JSON.stringify({
    ...base,
    plainStepSeconds: plainStep,
    integerStepSeconds: integerStep,
    tcShare: median(tcSeconds) / integerStep,
    efShare: median(efSeconds) / integerStep,
    peakTensorBytes,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    loadAverage: loadavg()[0],
  }),
);
models.dispose();
