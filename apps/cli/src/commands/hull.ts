import { type HullForFormulaResult, hullForFormula } from '@kiago/screening';
import { parseOrThrow } from '@kiago/shared';
import type { Command } from 'commander';
import { z } from 'zod';
import { outputFormatSchema, printResult, renderTable, type Table } from '../output/format.js';
import { type DbCommandDeps, defaultDbDeps, withDb } from './db-access.js';

/** Plain decimals only: NaN, Infinity and hex are refused rather than read as numbers. */
const decimal = z
  .string()
  .regex(/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/, 'must be a finite number of eV/atom, e.g. -0.5')
  .transform(Number);

const hullOptionsSchema = z.object({
  formula: z.string().trim().min(1, 'must be a formula such as "La2CuO4"'),
  refs: z.string().trim().min(1, 'must name an imported reference set, e.g. mp'),
  ef: decimal.optional(),
  efModel: z.string().trim().min(1, 'must name an Ef model version').optional(),
  format: outputFormatSchema,
});

/** `kiago hull FORMULA --refs mp`: convex-hull distance of one composition against a stored set. */
export function registerHullCommand(program: Command, deps: DbCommandDeps = defaultDbDeps): void {
  program
    .command('hull')
    .description('E_hull, e_above_hull and the decomposition of a composition against a reference set')
    .argument('<formula>', 'composition, e.g. La2CuO4 or La1.85Sr0.15CuO4')
    .option('--refs <set>', 'reference set (see kiago refs list)', 'mp')
    .option('--ef <eV>', "the composition's formation energy per atom; prints e_above_hull")
    .option('--ef-model <version>', "use this Ef model version's cached reference energies instead of DFT")
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (formula: string, raw: Record<string, unknown>) => {
      const options = parseOrThrow(hullOptionsSchema, { ...raw, formula }, 'kiago hull');
      const result = await withDb(deps, (db) =>
        hullForFormula(db, {
          formula: options.formula,
          referenceSet: options.refs,
          efEvPerAtom: options.ef,
          efModelVersion: options.efModel,
        }),
      );
      if (options.format === 'table') {
        process.stdout.write(`${renderTable(summaryTable(result), 'table')}\n\n`);
      }
      printResult(options.format, result, () => phaseTable(result, options.format === 'csv'));
    });
}

function summaryTable(result: HullForFormulaResult): Table {
  return {
    columns: [
      'formula',
      'reduced',
      'system',
      'refs',
      'energies',
      'references',
      'eHullEvPerAtom',
      'eAboveHullEvPerAtom',
    ],
    rows: [
      [
        result.formula,
        result.reducedFormula,
        result.elementSetKey,
        result.referenceSet,
        result.energies,
        result.referencesUsed,
        result.eHullEvPerAtom,
        result.eAboveHullEvPerAtom ?? '-',
      ],
    ],
  };
}

/** One row per phase of the decomposition; CSV repeats the composition's numbers on every row. */
function phaseTable(result: HullForFormulaResult, withSummary: boolean): Table {
  const phases = result.decomposition.map((phase) => [
    phase.formula,
    phase.id ?? '(element)',
    phase.fraction,
    phase.efEvPerAtom,
  ]);
  if (!withSummary) return { columns: ['phase', 'id', 'fraction', 'efEvPerAtom'], rows: phases };
  return {
    columns: ['formula', 'eHullEvPerAtom', 'eAboveHullEvPerAtom', 'phase', 'id', 'fraction', 'efEvPerAtom'],
    rows: phases.map((phase) => [
      result.formula,
      result.eHullEvPerAtom,
      result.eAboveHullEvPerAtom,
      ...phase,
    ]),
  };
}
