import { readCsvRecords } from '@kiago/datasets';
import {
  CompositionError,
  DataFileError,
  FormulaError,
  formatFormula,
  MODE_DEFAULTS,
  parseFormula,
} from '@kiago/shared';
import { screeningCounts } from '../counts/screening-counts.js';
import { HYDRIDE_DEFAULTS } from '../hydride/screen-hydride.js';
import type { OxidationStateSet } from '../oxidation-state-set.js';
import { type CandidateScreenFlags, screenCandidate } from '../screen-candidate.js';

export interface FormulaScreenOptions {
  oxidationStateSet: OxidationStateSet;
  mode: 'normal' | 'hydride';
  /** Element limit; default 8 in normal mode, 3 in hydride mode. */
  maxElements?: number | undefined;
}

export type FormulaScreenRow =
  | {
      ok: true;
      /** 1-based line in the file (the header is line 1). */
      line: number;
      formula: string;
      /** The integer formula the checks ran on. */
      counts: string;
      efEvPerAtom: number | null;
      flags: CandidateScreenFlags;
    }
  | { ok: false; line: number; formula: string; error: string };

const FORMULA_COLUMN = 'formula';
const EF_COLUMN = 'ef_ev_per_atom';
/** Plain decimals only: NaN, Infinity and hex are rejected rather than read as numbers. */
const DECIMAL_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Screens the formulas of a CSV file (`formula` column, optional `ef_ev_per_atom`). Non-integer
 * amounts are turned into the smallest integer counts (La1.85Sr0.15CuO4 → La37Sr3Cu20O80). An empty
 * Ef cell (or no Ef column) skips the Ef check. A bad row (unknown element, empty formula, Ef that is
 * not a finite decimal) is returned with its reason, never thrown; a missing file or a header
 * without `formula` is a DataFileError.
 */
export async function screenFormulaFile(
  file: string,
  options: FormulaScreenOptions,
): Promise<FormulaScreenRow[]> {
  const records = readCsvRecords(file);
  const first = await records.next();
  if (first.done) throw new DataFileError(file, `empty file: expected a header with ${FORMULA_COLUMN}`);
  const header = first.value.fields.map((name) => name.trim());
  const formulaIndex = header.indexOf(FORMULA_COLUMN);
  const efIndex = header.indexOf(EF_COLUMN);
  if (formulaIndex < 0) {
    throw new DataFileError(file, `missing column "${FORMULA_COLUMN}" (header: ${header.join(', ')})`);
  }
  const results: FormulaScreenRow[] = [];
  for await (const { fields, line } of records) {
    const formula = (fields[formulaIndex] ?? '').trim();
    const efText = efIndex < 0 ? '' : (fields[efIndex] ?? '').trim();
    results.push(screenFormulaText(line, formula, efText, options));
  }
  return results;
}

function screenFormulaText(
  line: number,
  formula: string,
  efText: string,
  options: FormulaScreenOptions,
): FormulaScreenRow {
  if (efText !== '' && !DECIMAL_NUMBER.test(efText)) {
    return {
      ok: false,
      line,
      formula,
      error: `${EF_COLUMN} ${JSON.stringify(efText)} is not a finite decimal number`,
    };
  }
  const efEvPerAtom = efText === '' ? null : Number(efText);
  let counts: ReadonlyMap<string, number>;
  try {
    counts = screeningCounts(parseFormula(formula));
  } catch (error) {
    if (error instanceof FormulaError || error instanceof CompositionError) {
      return { ok: false, line, formula, error: error.message };
    }
    throw error;
  }
  const flags = screenCandidate(
    { counts, efEvPerAtom },
    options.mode === 'hydride'
      ? {
          oxidationStateSet: options.oxidationStateSet,
          maxElements: options.maxElements ?? HYDRIDE_DEFAULTS.maxElements,
          mode: { kind: 'hydride', maxElements: options.maxElements ?? HYDRIDE_DEFAULTS.maxElements },
        }
      : {
          oxidationStateSet: options.oxidationStateSet,
          maxElements: options.maxElements ?? MODE_DEFAULTS.normal.maxElements,
          mode: { kind: 'normal' },
        },
  );
  return { ok: true, line, formula, counts: formatFormula(counts, { order: 'input' }), efEvPerAtom, flags };
}
