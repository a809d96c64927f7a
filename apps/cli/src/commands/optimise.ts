import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import {
  loadShardModels,
  optimiseShard,
  type ShardCandidate,
  type ShardResult,
  selectTfBackend,
  TF_BACKEND_CHOICES,
} from '@kiago/optimiser';
import {
  type CandidateScreenFlags,
  hullForFormula,
  screenCandidate,
  screenOptionsFromSpec,
} from '@kiago/screening';
import {
  type CampaignSpec,
  campaignSpecSchema,
  canonicalKey,
  formatFormula,
  loadCampaignSpec,
  parseOrThrow,
  planShards,
  SpecError,
} from '@kiago/shared';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { z } from 'zod';
import { type Cell, renderTable, type Table } from '../output/format.js';
import { integerFlag } from './cli-flags.js';
import { type DbCommandDeps, defaultDbDeps, withDb } from './db-access.js';

const optionsSchema = z
  .object({
    spec: z.string().trim().min(1, '--spec must be a file path').optional(),
    shard: integerFlag('--shard', { min: 0 }).default(0),
    base: z.string().trim().min(1, '--base must be a formula').optional(),
    mode: z.enum(['normal', 'hydride', 'substitution'], {
      error: '--mode must be normal, hydride or substitution',
    }),
    target: z.string().trim().min(1).optional(),
    state: integerFlag('--state').optional(),
    candidates: integerFlag('--candidates', { min: 1 }).optional(),
    steps: integerFlag('--steps', { min: 2 }).optional(),
    seed: integerFlag('--seed', { min: 0, max: 0xffffffff }).default(0),
    microBatch: integerFlag('--micro-batch', { min: 1 }).optional(),
    tcModel: z.string().trim().min(1).optional(),
    efModel: z.string().trim().min(1).optional(),
    backend: z.enum(TF_BACKEND_CHOICES, {
      error: `--backend must be one of ${TF_BACKEND_CHOICES.join(', ')}`,
    }),
    hull: z.string().trim().min(1, '--hull must name a reference set').optional(),
    top: integerFlag('--top', { min: 1 }).default(10),
    out: z
      .string()
      .trim()
      .regex(/\.(csv|json)$/i, '--out must end in .csv or .json')
      .optional(),
  })
  .refine((o) => (o.spec === undefined) !== (o.base === undefined), {
    message: 'give either --spec FILE (with --shard) or --base FORMULA',
    path: ['base'],
  });
type OptimiseOptions = z.output<typeof optionsSchema>;

/** `kiago optimise`: one KIAGO shard on this machine's backend, screened, printed and saved. */
export function registerOptimiseCommand(program: Command, deps: DbCommandDeps = defaultDbDeps): void {
  program
    .command('optimise')
    .description(
      'Run one KIAGO shard locally (shipped models unless --tc-model/--ef-model), screen it and print the top candidates',
    )
    .option('--spec <file>', 'campaign spec (YAML/JSON); runs the shard chosen by --shard')
    .option('--shard <i>', 'shard index in the spec plan (bases × seeds)', '0')
    .option('--base <formula>', 'base material, without --spec')
    .option('--mode <mode>', 'normal | hydride | substitution (without --spec)', 'normal')
    .option('--target <element>', 'substitution: the element to replace')
    .option('--state <n>', 'substitution: the oxidation state substitutes must share')
    .option('--candidates <n>', 'candidates B (default: the spec, or 4096)')
    .option('--steps <n>', 'optimisation steps T (default: the spec, or 1000)')
    .option('--seed <n>', 'campaign seed (without --spec)', '0')
    .option('--micro-batch <n>', 'candidates per forward/backward pass')
    .option('--tc-model <dir>', 'Tc model directory (default: newest in models/shipped)')
    .option('--ef-model <dir>', 'ElemNet directory (default: newest in models/shipped)')
    .option('--backend <name>', TF_BACKEND_CHOICES.join(' | '), 'auto')
    .option(
      '--hull <set>',
      'e_above_hull of the printed candidates against a stored reference set (DATABASE_URL)',
    )
    .option('--top <n>', 'candidates in the printed table', '10')
    .option('--out <file>', 'write every candidate to .csv or .json')
    .action(async (raw: Record<string, unknown>) => {
      const options = parseOrThrow(optionsSchema, raw, 'kiago optimise');
      const shard = await resolveShard(options);
      await selectTfBackend(options.backend, (line) => process.stderr.write(`${line}\n`));
      const models = await loadShardModels({ tcDir: options.tcModel, efDir: options.efModel });
      // Ctrl-C stops the optimiser between two steps (it frees its tensors and throws a KiagoError).
      const interrupt = new AbortController();
      const abort = () => interrupt.abort();
      process.once('SIGINT', abort);
      let result: ShardResult;
      try {
        process.stderr.write(
          `models: Tc ${models.tcManifest.version} (${models.tcDir}), Ef ${models.efManifest.version} (${models.efDir})\n`,
        );
        result = await optimiseShard({
          ...shard,
          models,
          microBatch: options.microBatch,
          onProgress: progressBar(),
          signal: interrupt.signal,
        });
      } finally {
        process.off('SIGINT', abort);
        models.dispose();
      }
      const screened = screenResult(result, shard.spec);
      const top = bestPerKey(screened).slice(0, options.top);
      const hull = options.hull ? await hullOf(top, options.hull, deps) : new Map<number, number | null>();
      process.stdout.write(
        `${summary(result, screened)}\n${renderTable(topTable(top, result, hull), 'table')}\n`,
      );
      if (options.out) {
        await writeFile(options.out, output(options.out, result, screened, hull));
        process.stderr.write(`wrote ${screened.length} candidates to ${options.out}\n`);
      }
    });
}

async function resolveShard(options: OptimiseOptions) {
  const common = { candidates: options.candidates, steps: options.steps };
  if (options.spec) {
    const spec = await loadCampaignSpec(options.spec);
    const planned = planShards(spec)[options.shard];
    if (!planned) {
      const shards = spec.bases.length * spec.seeds.length;
      throw new SpecError('kiago optimise', [
        { path: 'shard', message: `the spec plans ${shards} shard(s), 0…${shards - 1}` },
      ]);
    }
    return { spec, base: planned.base, seed: planned.seed, shardIndex: planned.index, ...common };
  }
  const base = options.base ?? '';
  const mode =
    options.mode === 'substitution'
      ? { kind: 'substitution', targetElement: options.target, targetOxidationState: options.state }
      : { kind: options.mode };
  const spec: CampaignSpec = parseOrThrow(
    campaignSpecSchema,
    {
      name: 'cli-optimise',
      bases: [base],
      seeds: [options.seed],
      mode,
      ...(options.candidates && { candidatesPerShard: options.candidates }),
      ...(options.steps && { steps: options.steps }),
    },
    'kiago optimise',
  );
  return { spec, base, seed: options.seed, shardIndex: 0, ...common };
}

function progressBar() {
  const tty = process.stderr.isTTY === true;
  const bar = new SingleBar({
    format: 'optimise [{bar}] {value}/{total} steps | loss {loss} | best Tc {best} K',
    stream: process.stderr,
  });
  return ({
    step,
    steps,
    meanLoss,
    bestTcKelvin,
  }: {
    step: number;
    steps: number;
    meanLoss: number;
    bestTcKelvin: number;
  }) => {
    const payload = { loss: meanLoss.toFixed(3), best: bestTcKelvin.toFixed(2) };
    if (tty) {
      if (step === 1) bar.start(steps, 0, payload);
      bar.update(step, payload);
      if (step === steps) bar.stop();
    } else if (step === steps || step % Math.max(1, Math.round(steps / 10)) === 0) {
      process.stderr.write(`step ${step}/${steps}: loss ${payload.loss}, best Tc ${payload.best} K\n`);
    }
  };
}

interface Screened {
  candidate: ShardCandidate;
  flags: CandidateScreenFlags | null;
}

function screenResult(result: ShardResult, spec: CampaignSpec): Screened[] {
  const options = screenOptionsFromSpec(spec, result.base);
  return result.candidates.map((candidate) => ({
    candidate,
    flags: candidate.counts
      ? screenCandidate(
          { counts: new Map(Object.entries(candidate.counts)), efEvPerAtom: candidate.efEvPerAtom },
          options,
        )
      : null,
  }));
}

/** Valid candidates first, one per canonical formula (its best Tc), by Tc on the integer form. */
function bestPerKey(screened: readonly Screened[]): Screened[] {
  const best = new Map<string, Screened>();
  for (const entry of screened) {
    const { counts, tcKelvin } = entry.candidate;
    if (!counts || tcKelvin === null || !Number.isFinite(tcKelvin)) continue;
    const key = canonicalKey(new Map(Object.entries(counts)));
    const seen = best.get(key);
    if (!seen || rank(entry) > rank(seen)) best.set(key, entry);
  }
  return [...best.values()].sort((a, b) => rank(b) - rank(a));
}
const rank = ({ candidate, flags }: Screened) => (flags?.valid ? 1e6 : 0) + (candidate.tcKelvin ?? 0);

async function hullOf(top: readonly Screened[], referenceSet: string, deps: DbCommandDeps) {
  return withDb(deps, async (db) => {
    const distances = new Map<number, number | null>();
    for (const { candidate } of top) {
      const hull = await hullForFormula(db, {
        formula: candidate.formula ?? '',
        referenceSet,
        efEvPerAtom: candidate.efEvPerAtom ?? undefined,
      });
      distances.set(candidate.slot, hull.eAboveHullEvPerAtom);
    }
    return distances;
  });
}

function summary(result: ShardResult, screened: readonly Screened[]): string {
  const formulasOf = (entries: readonly Screened[]) =>
    new Set(entries.flatMap((s) => (s.candidate.formula ? [s.candidate.formula] : []))).size;
  const passing = screened.filter((s) => s.flags?.valid);
  const valid = passing.length;
  const unique = formulasOf(screened);
  const validUnique = formulasOf(passing);
  const percent = (part: number, whole: number) =>
    whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : '–';
  const rate = result.timings.candidateStepsPerSecond.toFixed(0);
  return (
    `${result.base} (${result.mode}, seed ${result.seed}, shard ${result.shardIndex}): ${result.candidates.length} candidates × ` +
    `${result.steps} steps in ${(result.timings.optimiseMs / 1000).toFixed(1)} s (${rate} candidate-steps/s); ` +
    `base Tc ${result.baseTcKelvin.toFixed(2)} K; pass screening: ${valid} of ${result.candidates.length} candidates ` +
    `(${percent(valid, result.candidates.length)}), ${validUnique} of ${unique} distinct formulas (${percent(validUnique, unique)}); ` +
    `${result.nanLossCount} NaN losses zeroed\n`
  );
}

function topTable(
  top: readonly Screened[],
  result: ShardResult,
  hull: ReadonlyMap<number, number | null>,
): Table {
  return {
    columns: [
      'rank',
      'formula',
      'N*',
      'tcKelvin',
      'deltaTcKelvin',
      'efEvPerAtom',
      'tcContinuousKelvin',
      'valid',
      'eAboveHull',
      'reasons',
    ],
    rows: top.map(({ candidate, flags }, i) => [
      i + 1,
      candidate.formula,
      candidate.nUnits,
      candidate.tcKelvin,
      (candidate.tcKelvin ?? Number.NaN) - result.baseTcKelvin,
      candidate.efEvPerAtom,
      candidate.tcContinuousKelvin,
      flags?.valid ?? false,
      hull.get(candidate.slot) ?? null,
      flags?.reasons.join('; ') ?? candidate.failure,
    ]),
  };
}

function output(
  path: string,
  result: ShardResult,
  screened: readonly Screened[],
  hull: ReadonlyMap<number, number | null>,
): string {
  const rows = screened.map(({ candidate, flags }) => ({
    slot: candidate.slot,
    formula: candidate.formula,
    nUnits: candidate.nUnits,
    tcKelvin: candidate.tcKelvin,
    efEvPerAtom: candidate.efEvPerAtom,
    deltaTcKelvin: candidate.tcKelvin === null ? null : candidate.tcKelvin - result.baseTcKelvin,
    tcContinuousKelvin: candidate.tcContinuousKelvin,
    efContinuousEvPerAtom: candidate.efContinuousEvPerAtom,
    composition: formatFormula(new Map(Object.entries(candidate.composition)), { maxDecimals: 6 }),
    valid: flags?.valid ?? false,
    chargeNeutral: flags?.chargeNeutral ?? null,
    electronegativityOk: flags?.electronegativityOk ?? null,
    formationEnergyOk: flags?.formationEnergyOk ?? null,
    elementCountOk: flags?.elementCountOk ?? null,
    eAboveHullEvPerAtom: hull.get(candidate.slot) ?? null,
    reasons: flags?.reasons.join('; ') ?? candidate.failure ?? '',
  }));
  if (extname(path).toLowerCase() === '.json') {
    const { continuous: _matrix, candidates: _candidates, ...shard } = result;
    return `${JSON.stringify({ shard, candidates: rows }, null, 2)}\n`;
  }
  const columns = Object.keys(rows[0] ?? { slot: 0 });
  const table: Table = { columns, rows: rows.map((row) => Object.values(row) as Cell[]) };
  return `${renderTable(table, 'csv')}\n`;
}
