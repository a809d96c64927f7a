/**
 * What a Tc ensemble adds to a shard: the shard's optimisation + finalisation, then the ensemble's
 * re-prediction of its integer formulas (optimise-shard-activity.ts), in ms per shard, for the shipped
 * Tc model as every member (the cost does not depend on the weights; a real ensemble's members share
 * the architecture). The database UPDATE of the mean/sd columns is not included (one statement).
 * Run (after npm run build): nice -n 10 node bench/optimiser/tc-ensemble-cost.ts
 *   [--backend auto|node|wasm|cpu] [--candidates 32,256] [--steps 60] [--members 3,5] [--repeats 3]
 */
import { parseArgs } from 'node:util';
import {
  createTcInference,
  loadModelArtifact,
  loadShardModels,
  optimiseShard,
  predictTcEnsemble,
  selectTfBackend,
  shippedModelDir,
  type TcInference,
  TF_BACKEND_CHOICES,
} from '@kiago/optimiser';
import { campaignSpecSchema, parseOrThrow } from '@kiago/shared';
import { z } from 'zod';

const numbers = (text: string) => text.split(',').filter(Boolean).map(Number);
const optionsSchema = z.object({
  backend: z.enum(TF_BACKEND_CHOICES).default('auto'),
  candidates: z
    .string()
    .default('32,256')
    .transform(numbers)
    .pipe(z.array(z.int().min(1))),
  steps: z.coerce.number().int().min(1).default(60),
  members: z
    .string()
    .default('3,5')
    .transform(numbers)
    .pipe(z.array(z.int().min(2).max(8))),
  repeats: z.coerce.number().int().min(1).default(3),
  base: z.string().default('La2CuO4'),
});
const { values } = parseArgs({
  options: Object.fromEntries(
    Object.keys(optionsSchema.shape).map((name) => [name, { type: 'string' as const }]),
  ),
});
const options = parseOrThrow(optionsSchema, values, 'tc-ensemble-cost options');

const backend = await selectTfBackend(options.backend, (line) => process.stderr.write(`${line}\n`));
const models = await loadShardModels();
const maxMembers = Math.max(...options.members);
const members: TcInference[] = [];
for (let i = 0; i < maxMembers; i++) {
  const { model } = await loadModelArtifact(await shippedModelDir('tc'), { expectedKind: 'tc' });
  members.push(createTcInference(model));
  model.dispose();
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

console.log(
  `backend ${backend.name}; Tc ${models.tcManifest.version}, Ef ${models.efManifest.version}; base ${options.base}`,
);
console.log('candidates  steps  shard_ms  members  ensemble_ms  ensemble_share  us_per_candidate_member');
for (const candidates of options.candidates) {
  const spec = campaignSpecSchema.parse({
    name: 'tc-ensemble-cost',
    bases: [options.base],
    seeds: [0],
    candidatesPerShard: candidates,
    steps: options.steps,
  });
  const shardMs: number[] = [];
  let result: Awaited<ReturnType<typeof optimiseShard>> | undefined;
  for (let repeat = 0; repeat < options.repeats; repeat++) {
    const started = performance.now();
    result = await optimiseShard({ spec, base: options.base, seed: 0, shardIndex: repeat, models });
    shardMs.push(performance.now() - started);
  }
  for (const count of options.members) {
    const ensembleMs: number[] = [];
    for (let repeat = 0; repeat < options.repeats; repeat++) {
      const started = performance.now();
      predictTcEnsemble(members.slice(0, count), result!.candidates, Math.min(candidates, 1024));
      ensembleMs.push(performance.now() - started);
    }
    const shard = median(shardMs);
    const ensemble = median(ensembleMs);
    console.log(
      [
        String(candidates).padStart(10),
        String(options.steps).padStart(5),
        shard.toFixed(0).padStart(8),
        String(count).padStart(7),
        ensemble.toFixed(1).padStart(11),
        `${((100 * ensemble) / shard).toFixed(2)} %`.padStart(14),
        ((1000 * ensemble) / (candidates * count)).toFixed(1).padStart(23),
      ].join('  '),
    );
  }
}
for (const member of members) member.dispose();
models.dispose();
