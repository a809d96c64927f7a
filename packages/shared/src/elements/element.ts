export type Block = 's' | 'p' | 'd' | 'f';

/** One chemical element as the project uses it; built from `../shared/data/elements/` by the generator. */
export interface Element {
  z: number;
  symbol: string;
  name: string;
  period: number;
  /** IUPAC group 1–18; null for the f-block (La–Yb, Ac–No), which has no group column. */
  group: number | null;
  block: Block;
  /** Column 1..32 of the 32-column long-form periodic table (layout in build-element-table.ts). */
  longFormColumn: number;
  /** Pauling electronegativity from SMACT `element_data.txt` (`el_neg`); null where SMACT has none. */
  paulingEn: number | null;
  /**
   * Oxidation-state sets, ascending: `smact14` = SMACT's 2014 default list, `icsd24` = ICSD-24 (> 5
   * reports), `pymatgenCommon` = pymatgen's `common_oxidation_states` (what the reference's C-ES
   * draws from; empty for the noble gases and Z ≥ 104).
   */
  oxidationStates: {
    smact14: readonly number[];
    icsd24: readonly number[];
    pymatgenCommon: readonly number[];
  };
  /** Member of SMACT's `smact.metals` list (the "all-metal compositions pass" rule). */
  isMetal: boolean;
  atomicMassU: number;
}

export const ELEMENT_COUNT = 118;
