import { z } from 'zod';
import { formulaCell, idCell, numberCell, pythonBoolCell } from '../load/cells.js';
import { csvSource } from '../load/csv-source.js';
import type { LoadedDataset } from '../load/dataset-report.js';
import { type LoadOptions, loadCsvDataset } from '../load/load-csv-dataset.js';
import { type CompositionRecord, keepLowest } from '../load/merge-by-key.js';
import { E_ABOVE_HULL_MAX_EV_PER_ATOM, EF_MAX_EV_PER_ATOM, EF_MIN_EV_PER_ATOM } from '../load/thresholds.js';

/** An MP binary (lowest-E_hull polymorph, MP 2025 mixed GGA/GGA+U/r2SCAN thermo). */
export interface MpHullReferenceRow extends CompositionRecord {
  materialId: string;
  efEvPerAtom: number;
  eAboveHullEvPerAtom: number;
  isStable: boolean;
}

export type CrabnetSplit = 'train' | 'val' | 'test';

/** CrabNet's MP energy above hull by reduced formula (no ids, no formation energies). */
export interface EAboveHullRow extends CompositionRecord {
  eAboveHullEvPerAtom: number;
  split: CrabnetSplit;
}

const eAboveHullCell = numberCell({ min: 0, max: E_ABOVE_HULL_MAX_EV_PER_ATOM, unit: 'eV-per-atom' });

/**
 * SMACT's MP binaries: one lowest-E_hull polymorph per formula upstream. Merge rule, should two
 * formulas reduce to one key: the lower energy above hull (the ground state the hull needs).
 */
export function loadMpBinariesHull(options: LoadOptions): Promise<LoadedDataset<MpHullReferenceRow>> {
  const schema = z.object({
    material_id: idCell,
    formula_pretty: formulaCell,
    formation_energy_per_atom: numberCell({
      min: EF_MIN_EV_PER_ATOM,
      max: EF_MAX_EV_PER_ATOM,
      unit: 'eV-per-atom',
    }),
    energy_above_hull: eAboveHullCell,
    is_stable: pythonBoolCell,
  });
  return loadCsvDataset(
    {
      dataset: 'mp-binaries-hull',
      sources: [
        csvSource('mp_convex_hull/mp_binaries_lowest_ehull.csv', schema, (cells) => ({
          ...cells.formula_pretty,
          mergedRows: 1,
          materialId: cells.material_id,
          efEvPerAtom: cells.formation_energy_per_atom,
          eAboveHullEvPerAtom: cells.energy_above_hull,
          isStable: cells.is_stable,
        })),
      ],
      merge: keepLowest((row) => row.eAboveHullEvPerAtom),
    },
    options,
  );
}

const CRABNET_SPLITS: readonly CrabnetSplit[] = ['train', 'val', 'test'];

/**
 * CrabNet's `mp_e_hull` train/val/test (disjoint splits, each row tagged with its split). Merge
 * rule: the lowest energy above hull per composition.
 */
export function loadMpEAboveHullCrabnet(options: LoadOptions): Promise<LoadedDataset<EAboveHullRow>> {
  const schema = z.object({ formula: formulaCell, target: eAboveHullCell });
  return loadCsvDataset(
    {
      dataset: 'mp-e-above-hull-crabnet',
      sources: CRABNET_SPLITS.map((split) =>
        csvSource(`mp_convex_hull/crabnet_mp_e_hull_${split}.csv`, schema, (cells) => ({
          ...cells.formula,
          mergedRows: 1,
          eAboveHullEvPerAtom: cells.target,
          split,
        })),
      ),
      merge: keepLowest((row) => row.eAboveHullEvPerAtom),
    },
    options,
  );
}
