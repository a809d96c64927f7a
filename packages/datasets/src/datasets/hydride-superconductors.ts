import { z } from 'zod';
import { formulaCell, numberCell } from '../load/cells.js';
import { csvSource } from '../load/csv-source.js';
import type { LoadedDataset } from '../load/dataset-report.js';
import { type LoadOptions, loadCsvDataset } from '../load/load-csv-dataset.js';
import { type CompositionRecord, median } from '../load/merge-by-key.js';
import { TC_MAX_KELVIN } from '../load/thresholds.js';

/** A measured high-pressure hydride superconductor (Tc at the pressure it was reported at). */
export interface HydrideSuperconductorRow extends CompositionRecord {
  tcKelvin: number;
  pressureGpa: number;
}

/** No hydride superconducts at ambient pressure; the table's range is 80–200 GPa. */
const PRESSURE_MAX_GPA = 500;

/**
 * The hand-compiled hydride table (hydride_superconductors/PROVENANCE.md): the SuperCon extracts
 * hold none, so without it the Tc model scores H3S and LaH10 near 1 K. Merge rule: LaH10 is
 * listed by two groups (250 K, 260 K); the median, at the median pressure.
 */
export function loadHydrideSuperconductors(
  options: LoadOptions,
): Promise<LoadedDataset<HydrideSuperconductorRow>> {
  const schema = z.object({
    formula: formulaCell,
    tc_K: numberCell({ min: 0, minExclusive: true, max: TC_MAX_KELVIN, unit: 'K' }),
    pressure_GPa: numberCell({ min: 0, max: PRESSURE_MAX_GPA, unit: 'GPa' }),
  });
  return loadCsvDataset(
    {
      dataset: 'hydride-superconductors',
      sources: [
        csvSource('hydride_superconductors/hydride_tc_measured.csv', schema, (cells) => ({
          ...cells.formula,
          mergedRows: 1,
          tcKelvin: cells.tc_K,
          pressureGpa: cells.pressure_GPa,
        })),
      ],
      merge: (rows) => ({
        ...rows[0]!,
        tcKelvin: median(rows.map((row) => row.tcKelvin)),
        pressureGpa: median(rows.map((row) => row.pressureGpa)),
      }),
    },
    options,
  );
}
