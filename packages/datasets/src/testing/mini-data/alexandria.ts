import type { MiniDataFiles } from './mini-data-files.js';

type Vector = [number, number, number];

/** An invented Alexandria entry; the composition is counted from the sites. */
interface EntrySpec {
  matId: string;
  spg: number;
  lattice: [Vector, Vector, Vector];
  /** Element and fractional coordinates of each site. */
  sites: [string, Vector][];
  energyEv: number;
  /** An anion correction, when the entry has one. */
  correctionEv?: number;
  /** null where the dump has no formation energy. */
  eFormEvPerAtom: number | null;
  eAboveHullEvPerAtom: number;
}

const cubic = (a: number): [Vector, Vector, Vector] => [
  [a, 0, 0],
  [0, a, 0],
  [0, 0, a],
];

/**
 * A15 V3Si (8 sites) and a higher-energy L1₂ polymorph of it (merged away, or dropped by a hull
 * cutoff of 0.01 eV/atom), TiB2, LiCoPO4 with an energy adjustment, and KrF2 without e_form.
 */
const ENTRIES: EntrySpec[] = [
  {
    matId: 'agm-fixture-1',
    spg: 223,
    lattice: cubic(4.72),
    sites: [
      ['V', [0.25, 0, 0.5]],
      ['V', [0.75, 0, 0.5]],
      ['V', [0.5, 0.25, 0]],
      ['V', [0.5, 0.75, 0]],
      ['V', [0, 0.5, 0.25]],
      ['V', [0, 0.5, 0.75]],
      ['Si', [0, 0, 0]],
      ['Si', [0.5, 0.5, 0.5]],
    ],
    energyEv: -71.4,
    eFormEvPerAtom: -0.412,
    eAboveHullEvPerAtom: 0,
  },
  {
    matId: 'agm-fixture-2',
    spg: 221,
    lattice: cubic(3.76),
    sites: [
      ['V', [0.5, 0.5, 0]],
      ['V', [0.5, 0, 0.5]],
      ['V', [0, 0.5, 0.5]],
      ['Si', [0, 0, 0]],
    ],
    energyEv: -35.56,
    eFormEvPerAtom: -0.377,
    eAboveHullEvPerAtom: 0.035,
  },
  {
    matId: 'agm-fixture-3',
    spg: 191,
    lattice: [
      [3.03, 0, 0],
      [-1.515, 2.6241, 0],
      [0, 0, 3.23],
    ],
    sites: [
      ['Ti', [0, 0, 0]],
      ['B', [1 / 3, 2 / 3, 0.5]],
      ['B', [2 / 3, 1 / 3, 0.5]],
    ],
    energyEv: -24.06,
    eFormEvPerAtom: -1.052,
    eAboveHullEvPerAtom: 0,
  },
  {
    matId: 'agm-fixture-4',
    spg: 62,
    lattice: [
      [10.2, 0, 0],
      [0, 5.92, 0],
      [0, 0, 4.7],
    ],
    sites: [
      ['Li', [0, 0, 0]],
      ['Co', [0.28, 0.25, 0.98]],
      ['P', [0.1, 0.25, 0.42]],
      ['O', [0.1, 0.25, 0.75]],
      ['O', [0.45, 0.25, 0.2]],
      ['O', [0.16, 0.04, 0.28]],
      ['O', [0.16, 0.46, 0.28]],
    ],
    energyEv: -44.8,
    correctionEv: -3.1,
    eFormEvPerAtom: -2.264,
    eAboveHullEvPerAtom: 0,
  },
  {
    matId: 'agm-fixture-5',
    spg: 139,
    lattice: [
      [4.6, 0, 0],
      [0, 4.6, 0],
      [0, 0, 5.8],
    ],
    sites: [
      ['Kr', [0, 0, 0]],
      ['F', [0, 0, 0.33]],
      ['F', [0, 0, 0.67]],
    ],
    energyEv: -8.4,
    eFormEvPerAtom: null,
    eAboveHullEvPerAtom: 0,
  },
];

/** The entry as a pymatgen ComputedStructureEntry dict, the way a dump holds it (a subset of its fields). */
function computedStructureEntry(spec: EntrySpec) {
  const composition: Record<string, number> = {};
  for (const [element] of spec.sites) composition[element] = (composition[element] ?? 0) + 1;
  const atoms = spec.sites.length;
  const correction = spec.correctionEv ?? 0;
  const fractions = Object.fromEntries(Object.entries(composition).map(([el, n]) => [el, n / atoms]));
  return {
    '@module': 'pymatgen.entries.computed_entries',
    '@class': 'ComputedStructureEntry',
    energy: spec.energyEv,
    composition,
    entry_id: spec.matId,
    correction,
    energy_adjustments:
      correction === 0
        ? []
        : [
            {
              '@module': 'pymatgen.entries.computed_entries',
              '@class': 'ConstantEnergyAdjustment',
              value: correction,
              name: 'anion correction',
            },
          ],
    parameters: {},
    data: {
      mat_id: spec.matId,
      location: 'database/alexandria_000.json.bz2',
      formula: Object.entries(composition)
        .map(([el, n]) => (n === 1 ? el : `${el}${n}`))
        .join(''),
      elements: Object.keys(composition).sort(),
      spg: spec.spg,
      nsites: atoms,
      energy_total: spec.energyEv,
      energy_corrected: spec.energyEv + correction,
      e_above_hull: spec.eAboveHullEvPerAtom,
      e_form: spec.eFormEvPerAtom,
      // A JSON string inside the entry: quotes and braces the streaming reader must not count.
      decomposition: JSON.stringify(fractions),
    },
    structure: {
      '@module': 'pymatgen.core.structure',
      '@class': 'Structure',
      charge: 0,
      lattice: { matrix: spec.lattice, pbc: [true, true, true] },
      properties: {},
      sites: spec.sites.map(([element, abc]) => ({
        species: [{ element, occu: 1 }],
        abc,
        xyz: [0, 1, 2].map((axis) => abc.reduce((sum, f, row) => sum + f * spec.lattice[row]![axis]!, 0)),
        label: element,
        properties: { magmom: 0 },
      })),
    },
  };
}

/** A dump in Alexandria's published format: an object whose `entries` are the entries, pretty-printed. */
export const ALEXANDRIA_FILES: MiniDataFiles = {
  'alexandria/alexandria_sample.json': JSON.stringify(
    { entries: ENTRIES.map(computedStructureEntry) },
    null,
    2,
  ),
};
