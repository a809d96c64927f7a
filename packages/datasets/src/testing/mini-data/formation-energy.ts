import { csvText, type MiniDataFiles } from './mini-data-files.js';

/** Invented formation energies (eV/atom, made up) in the layouts of the OQMD and MP files. */
export const FORMATION_ENERGY_FILES: MiniDataFiles = {
  // Nd2Pd2O5 is also in the Roost split below, at a lower ΔHf; Be-Cr-Ir-Zn is a failed calculation.
  'oqmd_formation_enthalpy/crabnet_oqmd_fe_val.csv': csvText('formula,target', [
    'Ce1Ni1Sn1,-0.623',
    'Ca1Zn5,-0.184',
    'Nd2Pd2O5,-1.72',
  ]),
  'oqmd_formation_enthalpy/crabnet_oqmd_fe_test.csv': csvText('formula,target', [
    'Hf1Co1Sb1,-0.538',
    'Be1Cr1Ir1Zn1,38.25',
  ]),
  // Atomic fractions rounded to 4 decimals: Nd2Pd2O5 (2/9, 5/9) and AlSiRu2.
  'oqmd_formation_enthalpy/roost_oqmd_fe_test.csv': csvText('id,composition,target', [
    '0,O0.555600Nd0.222200Pd0.222200,-1.7815',
    '1,Al0.250000Si0.250000Ru0.500000,-0.6342',
  ]),
  // One row per structure: ZrC twice, Cr2O3 three times (Cr16O24 is the ground state).
  'mp_formation_energy/matbench_mp_e_form.csv': csvText('formula,target', [
    'W1C1,-0.231',
    'Zr1C1,-0.857',
    'Zr1C1,-0.912',
    'Cr4O6,-1.7012',
    'Cr16O24,-1.7245',
    'Cr2O3,-1.6433',
  ]),
  // A NaN energy, and no newline after the last record.
  'mp_formation_energy/roost_mp_formation.csv': csvText(
    'task_id,composition,formation_energy_per_atom',
    ['mp-fixture-21,Li2AgSb,-0.3384', 'mp-fixture-22,AlB2,-0.1152', 'mp-fixture-23,Ar,NaN'],
    { finalNewline: false },
  ),
};
