import { z } from 'zod';
import { formulaCell, idCell, numberCell } from '../load/cells.js';
import { csvSource } from '../load/csv-source.js';
import type { LoadedDataset } from '../load/dataset-report.js';
import { type LoadOptions, loadCsvDataset } from '../load/load-csv-dataset.js';
import { type CompositionRecord, keepLowest } from '../load/merge-by-key.js';
import { roundedFractionsCell } from '../load/rounded-fractions.js';
import { EF_MAX_EV_PER_ATOM, EF_MIN_EV_PER_ATOM } from '../load/thresholds.js';

/**
 * A formation energy per atom on ONE source's DFT scale. OQMD and the two MP files are separate data
 * sets and are never merged with each other: their functionals and correction schemes differ.
 */
export interface FormationEnergyRow extends CompositionRecord {
  efEvPerAtom: number;
}

/** An MP formation energy with the MP task/material id of the kept entry. */
export interface MpFormationEnergyRow extends FormationEnergyRow {
  materialId: string;
}

const efCell = numberCell({ min: EF_MIN_EV_PER_ATOM, max: EF_MAX_EV_PER_ATOM, unit: 'eV-per-atom' });

/** Ground states: the hull and ElemNet both want the lowest-energy polymorph of a composition. */
const keepGroundState = <Row extends FormationEnergyRow>() => keepLowest<Row>((row) => row.efEvPerAtom);

/**
 * OQMD formation enthalpies: CrabNet's val + test splits and Roost's test split (atomic fractions
 * with 4 decimals, turned back into integer counts). Merge rule: lowest ΔHf per composition; the Roost split overlaps the
 * CrabNet ones on ~7.7k compositions with near-identical values.
 */
export function loadOqmdFormationEnergy(options: LoadOptions): Promise<LoadedDataset<FormationEnergyRow>> {
  const crabnet = z.object({ formula: formulaCell, target: efCell });
  const roost = z.object({ composition: roundedFractionsCell(4), target: efCell });
  return loadCsvDataset(
    {
      dataset: 'oqmd-formation-energy',
      sources: [
        csvSource('oqmd_formation_enthalpy/crabnet_oqmd_fe_val.csv', crabnet, (cells) => ({
          ...cells.formula,
          mergedRows: 1,
          efEvPerAtom: cells.target,
        })),
        csvSource('oqmd_formation_enthalpy/crabnet_oqmd_fe_test.csv', crabnet, (cells) => ({
          ...cells.formula,
          mergedRows: 1,
          efEvPerAtom: cells.target,
        })),
        csvSource('oqmd_formation_enthalpy/roost_oqmd_fe_test.csv', roost, (cells) => ({
          ...cells.composition,
          mergedRows: 1,
          efEvPerAtom: cells.target,
        })),
      ],
      merge: keepGroundState(),
    },
    options,
  );
}

/**
 * Matbench `mp_e_form` (MP v2018.06, one row per structure). Merge rule: the lowest-energy polymorph
 * per composition (132,752 structures → ~95k compositions).
 */
export function loadMpFormationEnergyMatbench(
  options: LoadOptions,
): Promise<LoadedDataset<FormationEnergyRow>> {
  const schema = z.object({ formula: formulaCell, target: efCell });
  return loadCsvDataset(
    {
      dataset: 'mp-formation-energy-matbench',
      sources: [
        csvSource('mp_formation_energy/matbench_mp_e_form.csv', schema, (cells) => ({
          ...cells.formula,
          mergedRows: 1,
          efEvPerAtom: cells.target,
        })),
      ],
      merge: keepGroundState(),
    },
    options,
  );
}

/**
 * Roost's MP formation energies with task ids (MP 2019–2020 corrections, a different vintage from
 * Matbench's, hence a separate set). One row per reduced formula upstream; lowest Ef wins if not.
 */
export function loadMpFormationEnergyRoost(
  options: LoadOptions,
): Promise<LoadedDataset<MpFormationEnergyRow>> {
  const schema = z.object({ task_id: idCell, composition: formulaCell, formation_energy_per_atom: efCell });
  return loadCsvDataset(
    {
      dataset: 'mp-formation-energy-roost',
      sources: [
        csvSource('mp_formation_energy/roost_mp_formation.csv', schema, (cells) => ({
          ...cells.composition,
          mergedRows: 1,
          materialId: cells.task_id,
          efEvPerAtom: cells.formation_energy_per_atom,
        })),
      ],
      merge: keepGroundState(),
    },
    options,
  );
}
