/**
 * Measures the formula-size / preset choice (issue 13, docs/presets.md): for each configuration,
 * KIAGO on the shipped models over bases × seeds, reporting the stage-2 Tc cost, distinct valid
 * formulas, top-30 ΔTc and atoms per reduced formula unit. Every configuration uses the
 * data-supported element set, so only Nset / k / β differ.
 * Build as in README.md, then: nice -n 10 node bench/optimiser/measure-presets.ts
 * Options: --candidates 64 --steps 150 --bases HgBa2Ca2Cu3O8,LaNiAsO,MgB2 --seeds 0,1 --backend node
 *          --out docs/presets.md (the table goes between its measured:start/end markers)
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadShardModels, optimiseShard, selectTfBackend, TF_BACKEND_CHOICES } from '@kiago/optimiser';
import { campaignSpecSchema, maskStep, parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import { quantile, type ShardMetrics, shardMetrics } from './presets/shard-metrics.ts';

const CONFIGS = [
  { label: 'reference: Nset {1..199}, k 8, β ramp', fields: { preset: 'reference', elements: 'supported' } },
  {
    label: 'Nset {1..50}, k 8, β ramp',
    fields: { preset: 'reference', elements: 'supported', nUnits: { min: 1, max: 50 } },
  },
  {
    label: 'Nset {1..25}, k 8, β ramp',
    fields: { preset: 'reference', elements: 'supported', nUnits: { min: 1, max: 25 } },
  },
  { label: 'paper: Nset {1..25}, k 10, β = 1 (stage 2)', fields: { preset: 'paper' } },
] as const;

const list = (text: string) => text.split(',').filter(Boolean);
const optionsSchema = z.object({
  candidates: z.coerce.number().int().min(1).default(64),
  steps: z.coerce.number().int().min(2).default(150),
  bases: z.string().default('HgBa2Ca2Cu3O8,LaNiAsO,MgB2').transform(list),
  seeds: z
    .string()
    .default('0,1')
    .transform((t) => list(t).map(Number)),
  backend: z.enum(TF_BACKEND_CHOICES).default('node'),
  out: z.string().default('docs/presets.md'),
});
const { values } = parseArgs({
  options: Object.fromEntries(Object.keys(optionsSchema.shape).map((k) => [k, { type: 'string' as const }])),
});
const options = parseOrThrow(optionsSchema, values, 'measure-presets options');
await selectTfBackend(options.backend, (line) => console.error(line));
const models = await loadShardModels();
const started = Date.now();

const rows: string[] = [];
for (const config of CONFIGS) {
  const spec = parseOrThrow(
    campaignSpecSchema,
    { name: 'measure-presets', bases: options.bases, seeds: options.seeds, ...config.fields },
    'measure-presets spec',
  );
  const shards: ShardMetrics[] = [];
  let index = 0;
  for (const base of options.bases) {
    for (const seed of options.seeds) {
      let stage1MeanTc = Number.NaN;
      const half = maskStep(options.steps);
      const result = await optimiseShard({
        spec,
        base,
        seed,
        shardIndex: index++,
        models,
        candidates: options.candidates,
        steps: options.steps,
        onProgress: ({ step, meanTcKelvin }) => {
          if (step === half) stage1MeanTc = meanTcKelvin;
        },
      });
      shards.push(shardMetrics(result, spec, stage1MeanTc));
      console.error(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${config.label} ${base} seed ${seed}`);
    }
  }
  rows.push(tableRow(config.label, shards));
}
models.dispose();

function tableRow(label: string, shards: readonly ShardMetrics[]): string {
  const candidates = shards.reduce((s, m) => s + m.candidates, 0);
  const valid = shards.reduce((s, m) => s + m.validCandidates, 0);
  const distinct = shards.reduce((s, m) => s + m.validKeys.size, 0);
  const mean = (f: (m: ShardMetrics) => number | null) => {
    const xs = shards.map(f).filter((x): x is number => x !== null && Number.isFinite(x));
    return xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  };
  const atoms = shards.flatMap((m) => m.atomsPerFormulaUnit).sort((a, b) => a - b);
  const small = atoms.filter((n) => n <= 25).length / Math.max(1, atoms.length);
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  return `| ${label} | ${mean((m) => m.stage2CostKelvin).toFixed(2)} | ${valid} / ${candidates} (${pct(valid / candidates)}) | ${distinct} (${pct(distinct / candidates)}) | ${mean((m) => m.top30DeltaTcKelvin).toFixed(2)} | ${quantile(atoms, 0.1)} / ${quantile(atoms, 0.5)} / ${quantile(atoms, 0.9)} / ${atoms.at(-1)} | ${pct(small)} |`;
}

const header = `Measured by \`node bench/optimiser/measure-presets.ts --candidates ${options.candidates} --steps ${options.steps} --bases ${options.bases.join(',')} --seeds ${options.seeds.join(',')} --backend ${options.backend}\` on the shipped models (${((Date.now() - started) / 60_000).toFixed(1)} min). Per configuration: ${options.bases.length} bases × ${options.seeds.length} seeds × ${options.candidates} candidates; every configuration on the data-supported element set.

| configuration | stage-2 Tc cost (K) | valid candidates (per candidate) | distinct valid formulas (per candidate) | top-30 ΔTc (K) | atoms per reduced formula unit p10 / median / p90 / max | ≤ 25 atoms |
|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
// The table lives between two markers of the document; the prose around it is written by hand.
const START = '<!-- measured:start -->';
const END = '<!-- measured:end -->';
const doc = await readFile(options.out, 'utf8');
const [before, rest] = doc.split(START);
const after = rest?.split(END)[1];
if (before === undefined || after === undefined) throw new Error(`${options.out} lacks ${START} … ${END}`);
await writeFile(options.out, `${before}${START}\n${header}${END}${after}`);
console.log(header);
