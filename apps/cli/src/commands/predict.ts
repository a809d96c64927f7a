import { readCsvRecords } from '@kiago/datasets';
import {
  type PredictionBatch,
  PredictionModelCache,
  predictFormulas,
  selectTfBackend,
  TF_BACKEND_CHOICES,
} from '@kiago/optimiser';
import { DataFileError, parseOrThrow } from '@kiago/shared';
import type { Command } from 'commander';
import { z } from 'zod';
import { printResult, type Table } from '../output/format.js';
import { formatFlag } from './cli-flags.js';
import { defaultOrchestrationDeps, type OrchestrationCommandDeps, withDb } from './orchestration-deps.js';

const modelVersion = (flag: string) =>
  z.string().trim().min(1, `${flag} must be "latest" or a model version`).default('latest');

const predictOptionsSchema = z
  .object({
    formulas: z.array(z.string().trim().min(1, 'a formula must not be empty')).default([]),
    csv: z.string().trim().min(1, '--csv must be a file path').optional(),
    tcModel: modelVersion('--tc-model'),
    efModel: modelVersion('--ef-model'),
    refs: z
      .union([z.string().trim().min(1, '--refs must name a reference set'), z.literal(false)])
      .default('mp'),
    oxidationStates: z.enum(['smact14', 'icsd24'], { error: '--oxidation-states must be smact14 or icsd24' }),
    backend: z.enum(TF_BACKEND_CHOICES, {
      error: `--backend must be one of ${TF_BACKEND_CHOICES.join(', ')}`,
    }),
    format: formatFlag,
  })
  .refine((o) => o.formulas.length > 0 || o.csv !== undefined, {
    error: 'give formulas (kiago predict YBa2Cu3O7 MgB2) or --csv FILE',
    path: ['formulas'],
  });

/** `kiago predict FORMULA… | --csv FILE`: what our models say about given materials. */
export function registerPredictCommand(
  program: Command,
  deps: OrchestrationCommandDeps = defaultOrchestrationDeps,
): void {
  program
    .command('predict')
    .description(
      'Tc and Ef of given formulas from the pinned (or named) model versions, screening flags, e_above_hull and the in-domain flag',
    )
    .argument('[formulas...]', 'formulas, e.g. YBa2Cu3O7 MgB2')
    .option('--csv <file>', 'read formulas from the formula column of a CSV file')
    .option('--tc-model <version>', 'Tc model version (latest = the active one)', 'latest')
    .option('--ef-model <version>', 'Ef model version (latest = the active one)', 'latest')
    .option('--refs <set>', 'reference set for e_above_hull (see kiago refs list)', 'mp')
    .option('--no-refs', 'skip e_above_hull')
    .option('--oxidation-states <set>', 'smact14 | icsd24', 'smact14')
    .option('--backend <name>', TF_BACKEND_CHOICES.join(' | '), 'auto')
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (formulas: string[], raw: Record<string, unknown>) => {
      const options = parseOrThrow(predictOptionsSchema, { ...raw, formulas }, 'kiago predict');
      const all = [...options.formulas, ...(options.csv ? await csvFormulas(options.csv) : [])];
      await selectTfBackend(options.backend, (line) => process.stderr.write(`${line}\n`));
      const cache = new PredictionModelCache();
      try {
        const batch = await withDb(deps, (db) =>
          predictFormulas(db, cache, all, {
            tcModel: options.tcModel,
            efModel: options.efModel,
            referenceSet: options.refs === false ? null : options.refs,
            oxidationStates: options.oxidationStates,
          }),
        );
        if (options.format === 'table') {
          process.stderr.write(`models: Tc ${batch.tcModelVersion}, Ef ${batch.efModelVersion}\n`);
        }
        printResult(options.format, batch, () => predictionTable(batch));
      } finally {
        await cache.dispose();
      }
    });
}

async function csvFormulas(file: string): Promise<string[]> {
  const records = readCsvRecords(file);
  const first = await records.next();
  if (first.done) throw new DataFileError(file, 'empty file: expected a header with formula');
  const column = first.value.fields.map((name) => name.trim()).indexOf('formula');
  if (column < 0)
    throw new DataFileError(file, `missing column "formula" (header: ${first.value.fields.join(', ')})`);
  const formulas: string[] = [];
  for await (const { fields } of records) formulas.push((fields[column] ?? '').trim());
  return formulas;
}

function predictionTable(batch: PredictionBatch): Table {
  return {
    columns: [
      'formula',
      'tcKelvin',
      'efEvPerAtom',
      'eAboveHullEvPerAtom',
      'inDomain',
      'valid',
      'chargeNeutral',
      'electronegativityOk',
      'efNegative',
      'reasons',
    ],
    rows: batch.predictions.map((p) => [
      p.formula,
      p.tcKelvin,
      p.efEvPerAtom,
      p.eAboveHullEvPerAtom,
      p.inDomain,
      p.valid,
      p.chargeNeutral,
      p.electronegativityOk,
      p.efNegative,
      p.reasons.join('; '),
    ]),
  };
}
