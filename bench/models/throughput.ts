/**
 * Inference throughput of the folded Tc model and ElemNet, per available TensorFlow.js backend:
 * forward, and forward + gradient w.r.t. the composition (what each optimiser step costs).
 * Run: npx tsc -p packages/shared/tsconfig.build.json && npx tsc -p packages/optimiser/tsconfig.build.json
 *      && bash scripts/setup-tfjs.sh && nice -n 10 node bench/models/throughput.ts [options]
 * Options: --backends node,wasm,cpu   --batches 64,256,1024   --seconds 3 (timed budget per cell)
 *          --max-step-seconds 20 (cells whose estimated single step is slower are skipped)
 *          --conv-gradient backprop-input|forward-conv (default: the library's, forward-conv)
 * Weights are untrained (random); the cost does not depend on their values.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import {
  buildElemNet,
  buildTcModel,
  createEfInference,
  createTcInference,
  type InferenceOptions,
  selectTfBackend,
  TF_BACKEND_ORDER,
  TfBackendUnavailableError,
} from '@kiago/optimiser';
import { ELEMENT_COUNT, parseOrThrow } from '@kiago/shared';
import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';

const list = (text: string) => text.split(',').filter(Boolean);
const optionsSchema = z.object({
  backends: z
    .string()
    .default(TF_BACKEND_ORDER.join(','))
    .transform(list)
    .pipe(z.array(z.enum(TF_BACKEND_ORDER))),
  batches: z
    .string()
    .default('64,256,1024')
    .transform(list)
    .pipe(
      z.array(
        z
          .string()
          .regex(/^[1-9]\d*$/, 'batches must be positive integers')
          .transform(Number),
      ),
    ),
  seconds: z.coerce.number().positive().default(3),
  'max-step-seconds': z.coerce.number().positive().default(20),
  'conv-gradient': z.enum(['backprop-input', 'forward-conv']).optional(),
});
const { values } = parseArgs({
  options: Object.fromEntries(
    Object.keys(optionsSchema.shape).map((name) => [name, { type: 'string' as const }]),
  ),
});
const options = parseOrThrow(optionsSchema, values, 'bench/models/throughput.ts options');
const inferenceOptions: InferenceOptions = options['conv-gradient']
  ? { convGradientMode: options['conv-gradient'] }
  : {};

interface Subject {
  label: string;
  /** Forward FLOPs per candidate: nominal (padding taps included) and on data. */
  flopsPerCandidate: { nominal: number; onData: number };
  predict(x: tf.Tensor2D): tf.Tensor;
  predictWithGrad(x: tf.Tensor2D): tf.Tensor[];
  dispose(): void;
}

function subjects(): Subject[] {
  const tc = (width: number): Subject => {
    const model = buildTcModel({ width });
    const inference = createTcInference(model, inferenceOptions);
    return {
      label: `Tc ResNet18 w=${width}`,
      flopsPerCandidate: inference.forwardFlopsPerCandidate,
      predict: (x) => inference.predictTc(x),
      predictWithGrad: (x) => Object.values(inference.tcAndGrad(x)),
      dispose() {
        inference.dispose();
        model.dispose();
      },
    };
  };
  const model = buildElemNet();
  const ef = createEfInference(model, inferenceOptions);
  return [
    tc(1),
    tc(0.25),
    {
      label: 'ElemNet',
      flopsPerCandidate: ef.forwardFlopsPerCandidate,
      predict: (x) => ef.predictEf(x),
      predictWithGrad: (x) => Object.values(ef.efAndGrad(x)),
      dispose() {
        ef.dispose();
        model.dispose();
      },
    },
  ];
}

/** Seconds per step: one warm-up step, then steps until the budget is spent (at least one). */
async function secondsPerStep(run: () => tf.Tensor | tf.Tensor[]): Promise<number> {
  const step = async () => {
    const outputs = [run()].flat();
    await Promise.all(outputs.map((t) => t.data()));
    tf.dispose(outputs);
  };
  await step();
  let steps = 0;
  const started = performance.now();
  do {
    await step();
    steps++;
  } while (performance.now() - started < options.seconds * 1000);
  return (performance.now() - started) / 1000 / steps;
}

const randomCompositions = (batch: number) =>
  tf.tidy(() => {
    const raw = tf.randomUniform([batch, ELEMENT_COUNT], 0, 1, 'float32', batch);
    return raw.div(raw.sum(1, true)) as tf.Tensor2D;
  });
const format = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits });

const cores = availableParallelism();
console.log(
  `machine: ${cores} cores; peak estimate (ENVIRONMENT.md): native ≈ 117 GFLOP/s per core (AVX-512) ≈ ${117 * cores} GFLOP/s; ` +
    'wasm SIMD (1 thread) ≈ 58 GFLOP/s',
);
console.log(
  "GFLOP/s counts 2 × multiply-adds on data (taps on 'same' padding left out; MFLOP column: nominal / on data);",
);
console.log('a forward + input-gradient step costs 2 × the forward.\n');
console.log(
  '| backend | model | MFLOP fwd/cand | batch | fwd cand/s | fwd GFLOP/s | fwd+grad cand/s | fwd+grad GFLOP/s |',
);
console.log('|---|---|---|---|---|---|---|---|');

for (const backend of options.backends) {
  try {
    await selectTfBackend(backend, (line) => console.error(line));
  } catch (error) {
    if (!(error instanceof TfBackendUnavailableError)) throw error;
    console.error(`skipping ${backend}: ${error.message}`);
    continue;
  }
  for (const subject of subjects()) {
    // A small probe estimates the step time, so hopeless cells (pure JS at full width) are skipped.
    const probeBatch = 8;
    const probe = randomCompositions(probeBatch);
    const probeSeconds = await secondsPerStep(() => subject.predictWithGrad(probe));
    probe.dispose();
    for (const batch of options.batches) {
      const { nominal, onData } = subject.flopsPerCandidate;
      const cells = [
        backend,
        subject.label,
        `${format(nominal / 1e6, 2)} / ${format(onData / 1e6, 2)}`,
        String(batch),
      ];
      if ((probeSeconds / probeBatch) * batch > options['max-step-seconds']) {
        console.log(`| ${cells.join(' | ')} | skipped: > ${options['max-step-seconds']} s per step | | | |`);
        continue;
      }
      const x = randomCompositions(batch);
      const forward = await secondsPerStep(() => subject.predict(x));
      const withGrad = await secondsPerStep(() => subject.predictWithGrad(x));
      x.dispose();
      const gflops = (flops: number, seconds: number) => format((flops * batch) / seconds / 1e9, 1);
      cells.push(
        format(batch / forward),
        gflops(onData, forward),
        format(batch / withGrad),
        gflops(2 * onData, withGrad),
      );
      console.log(`| ${cells.join(' | ')} |`);
    }
    subject.dispose();
  }
}
