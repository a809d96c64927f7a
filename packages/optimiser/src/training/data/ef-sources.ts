import {
  type FormationEnergyRow,
  type LoadedDataset,
  type LoadOptions,
  loadMpFormationEnergyMatbench,
  loadMpFormationEnergyRoost,
  loadOqmdFormationEnergy,
} from '@kiago/datasets';

/** One formation-energy source per data set: DFT scales differ, so they are never mixed. */
export const EF_SOURCES = ['mp-matbench', 'mp-roost', 'oqmd'] as const;
export type EfSource = (typeof EF_SOURCES)[number];

/**
 * MP, because screening's hull references are MP energies and ElemNet's Ef must sit on their
 * scale. Of the two MP tables, Matbench's: more compositions (95k vs 84k), ground state picked
 * by our own merge (lowest of all polymorphs) rather than an undocumented upstream rule, Ef
 * capped at 2.5 eV/atom upstream, and a published benchmark to compare MAEs with.
 */
export const DEFAULT_EF_SOURCE: EfSource = 'mp-matbench';

export interface EfSourceInfo {
  load: (options: LoadOptions) => Promise<LoadedDataset<FormationEnergyRow>>;
  energyScale: string;
}

export const EF_SOURCE_INFO: Readonly<Record<EfSource, EfSourceInfo>> = {
  'mp-matbench': {
    load: loadMpFormationEnergyMatbench,
    energyScale:
      'Materials Project v2018.06 (Matbench mp_e_form), GGA/GGA+U with MP legacy corrections; lowest-Ef polymorph per composition',
  },
  'mp-roost': {
    load: loadMpFormationEnergyRoost,
    energyScale:
      'Materials Project queried 2019–2020 (Roost mp-formation), GGA/GGA+U with that vintage’s corrections; one entry per reduced formula',
  },
  oqmd: {
    load: loadOqmdFormationEnergy,
    energyScale:
      'OQMD formation enthalpies (CrabNet val+test, Roost test: ~120k of OQMD’s ~340k); the scale ElemNet was published on, not the MP hull’s',
  },
};
