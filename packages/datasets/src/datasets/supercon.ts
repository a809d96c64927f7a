import { z } from 'zod';
import { formulaCell, numberCell } from '../load/cells.js';
import { csvSource } from '../load/csv-source.js';
import type { LoadedDataset } from '../load/dataset-report.js';
import { type LoadOptions, loadCsvDataset } from '../load/load-csv-dataset.js';
import { type CompositionRecord, median } from '../load/merge-by-key.js';
import { TC_MAX_KELVIN } from '../load/thresholds.js';

export const SUPERCON_FAMILIES = ['cuprate', 'iron_based_pnictide', 'other'] as const;
export type SuperconFamily = (typeof SUPERCON_FAMILIES)[number];

/** A superconductor: Tc > 0 K, with SuperDiff's family label. */
export interface SuperconRow extends CompositionRecord {
  tcKelvin: number;
  family: SuperconFamily;
}

/** A SuperCon measurement from Stanev's table: `tcKelvin = 0` means no superconductivity reported. */
export interface SuperconMeasurementRow extends CompositionRecord {
  tcKelvin: number;
}

/**
 * SuperDiff's processed SuperCon table (superconductors only). Formulas are unique as strings but
 * can share a canonical composition (`Nb3Sn1` / `Nb0.75Sn0.25`). Merge rule: the median Tc of the
 * duplicates (robust to a single mis-typed report), the most common family, the first formula.
 */
export function loadSuperconSuperdiff(options: LoadOptions): Promise<LoadedDataset<SuperconRow>> {
  const schema = z.object({
    formula: formulaCell,
    tc_K: numberCell({ min: 0, minExclusive: true, max: TC_MAX_KELVIN, unit: 'K' }),
    family: z.enum(SUPERCON_FAMILIES, { error: 'unknown-family' }),
  });
  return loadCsvDataset(
    {
      dataset: 'supercon-superdiff',
      sources: [
        csvSource('supercon_superdiff/supercon_superdiff.csv', schema, (cells) => ({
          ...cells.formula,
          mergedRows: 1,
          tcKelvin: cells.tc_K,
          family: cells.family,
        })),
      ],
      merge: (rows) => ({
        ...rows[0]!,
        tcKelvin: median(rows.map((row) => row.tcKelvin)),
        family: mostCommon(rows.map((row) => row.family)),
      }),
    },
    options,
  );
}

/**
 * Stanev's SuperCon table, including Tc = 0 rows (entries without a reported Tc: real negatives,
 * though some only lack the value). Merge rule: a reported Tc beats "none reported", so the median
 * of the positive Tcs when there are any, else 0.
 */
export function loadSuperconStanev(options: LoadOptions): Promise<LoadedDataset<SuperconMeasurementRow>> {
  const schema = z.object({
    name: formulaCell,
    Tc: numberCell({ min: 0, max: TC_MAX_KELVIN, unit: 'K' }),
  });
  return loadCsvDataset(
    {
      dataset: 'supercon-stanev',
      sources: [
        csvSource('supercon_stanev/Supercon_data.csv', schema, (cells) => ({
          ...cells.name,
          mergedRows: 1,
          tcKelvin: cells.Tc,
        })),
      ],
      merge: (rows) => {
        const positive = rows.map((row) => row.tcKelvin).filter((tcKelvin) => tcKelvin > 0);
        return { ...rows[0]!, tcKelvin: positive.length > 0 ? median(positive) : 0 };
      },
    },
    options,
  );
}

/** The most frequent value; the earliest one wins a tie. */
function mostCommon<T>(values: readonly T[]): T {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let [best, bestCount] = [values[0] as T, 0];
  for (const [value, count] of counts) if (count > bestCount) [best, bestCount] = [value, count];
  return best;
}
