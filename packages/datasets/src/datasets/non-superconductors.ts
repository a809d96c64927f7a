import { z } from 'zod';
import { binaryLabelCell, formulaCell, idCell, numberCell } from '../load/cells.js';
import { csvSource } from '../load/csv-source.js';
import type { LoadedDataset } from '../load/dataset-report.js';
import { type LoadOptions, loadCsvDataset } from '../load/load-csv-dataset.js';
import { type CompositionRecord, keepLowest } from '../load/merge-by-key.js';
import { BAND_GAP_MAX_EV } from '../load/thresholds.js';

/** An experimentally classified composition (Zhuo 2018 via Matbench): only `isMetal = false` rows are negatives. */
export interface MetalClassRow extends CompositionRecord {
  isMetal: boolean;
}

/** A Materials Project non-metal (PBE band gap > 0): a proxy negative, not a measured Tc = 0. */
export interface MpNonMetalRow extends CompositionRecord {
  materialId: string;
  bandGapEv: number;
}

/**
 * Matbench `expt_is_metal`. Merge rule: a composition reported metallic in any duplicate row is a
 * metal, since a negative label must not rest on a disputed measurement.
 */
export function loadMatbenchExptIsMetal(options: LoadOptions): Promise<LoadedDataset<MetalClassRow>> {
  const schema = z.object({ formula: formulaCell, target: binaryLabelCell });
  return loadCsvDataset(
    {
      dataset: 'matbench-expt-is-metal',
      sources: [
        csvSource('nonsc_compositions/matbench_expt_is_metal.csv', schema, (cells) => ({
          ...cells.formula,
          mergedRows: 1,
          isMetal: cells.target,
        })),
      ],
      merge: (rows) => ({ ...rows[0]!, isMetal: rows.some((row) => row.isMetal) }),
    },
    options,
  );
}

/**
 * Roost's MP non-metal list (one row per reduced formula upstream). Merge rule, should keys still
 * collide: keep the smallest band gap, the conservative choice for a negative label.
 */
export function loadMpNonMetals(options: LoadOptions): Promise<LoadedDataset<MpNonMetalRow>> {
  const schema = z.object({
    material_id: idCell,
    composition: formulaCell,
    band_gap: numberCell({ min: 0, minExclusive: true, max: BAND_GAP_MAX_EV, unit: 'eV' }),
  });
  return loadCsvDataset(
    {
      dataset: 'mp-non-metals',
      sources: [
        csvSource('nonsc_compositions/roost_mp_non_metals.csv', schema, (cells) => ({
          ...cells.composition,
          mergedRows: 1,
          materialId: cells.material_id,
          bandGapEv: cells.band_gap,
        })),
      ],
      merge: keepLowest((row) => row.bandGapEv),
    },
    options,
  );
}
