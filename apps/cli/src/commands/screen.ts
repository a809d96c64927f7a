import { type FormulaScreenRow, screenFormulaFile } from '@kiago/screening';
import { parseOrThrow } from '@kiago/shared';
import type { Command } from 'commander';
import { z } from 'zod';
import { outputFormatSchema, printResult, type Table } from '../output/format.js';

const screenOptionsSchema = z.object({
  file: z.string().trim().min(1, 'must be a CSV file path'),
  oxidationStates: z.enum(['smact14', 'icsd24'], { error: 'must be smact14 or icsd24' }),
  mode: z.enum(['normal', 'hydride'], { error: 'must be normal or hydride' }),
  maxElements: z
    .string()
    .regex(/^\d+$/, 'must be a positive integer')
    .transform(Number)
    .pipe(z.int().min(1, 'must be a positive integer').max(118, 'must be at most 118'))
    .optional(),
  format: outputFormatSchema,
});

/** `kiago screen formulas.csv`: the screening flags of every formula in a CSV file. */
export function registerScreenCommand(program: Command): void {
  program
    .command('screen')
    .description(
      'Screen the formulas of a CSV file (column formula, optional ef_ev_per_atom): charge neutrality, ' +
        'Pauling electronegativity, Ef < 0, element count (or the hydride rule); bad rows are listed with the reason',
    )
    .argument('<file>', 'CSV file')
    .option('--oxidation-states <set>', 'smact14 | icsd24', 'smact14')
    .option('--mode <mode>', 'normal | hydride', 'normal')
    .option('--max-elements <n>', 'element limit (default 8; hydride 3)')
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (file: string, raw: Record<string, unknown>) => {
      const options = parseOrThrow(screenOptionsSchema, { ...raw, file }, 'kiago screen');
      const rows = await screenFormulaFile(options.file, {
        oxidationStateSet: options.oxidationStates,
        mode: options.mode,
        maxElements: options.maxElements,
      });
      const summary = {
        rows: rows.length,
        valid: rows.filter((row) => row.ok && row.flags.valid).length,
        bad: rows.filter((row) => !row.ok).length,
      };
      printResult(options.format, { file: options.file, summary, rows }, () => flagTable(rows));
      if (options.format === 'table') {
        process.stderr.write(`${summary.rows} rows: ${summary.valid} valid, ${summary.bad} unreadable\n`);
      }
    });
}

function flagTable(rows: readonly FormulaScreenRow[]): Table {
  return {
    columns: [
      'line',
      'formula',
      'counts',
      'efEvPerAtom',
      'valid',
      'chargeNeutral',
      'electronegativityOk',
      'efNegative',
      'elementCountOk',
      'hydrideLimitsOk',
      'reasons',
    ],
    rows: rows.map((row) =>
      row.ok
        ? [
            row.line,
            row.formula,
            row.counts,
            row.efEvPerAtom,
            row.flags.valid,
            row.flags.chargeNeutral,
            row.flags.electronegativityOk,
            row.flags.formationEnergyOk,
            row.flags.elementCountOk,
            row.flags.hydrideLimitsOk,
            row.flags.reasons.join('; '),
          ]
        : [
            row.line,
            row.formula,
            null,
            null,
            false,
            null,
            null,
            null,
            null,
            null,
            `unreadable: ${row.error}`,
          ],
    ),
  };
}
