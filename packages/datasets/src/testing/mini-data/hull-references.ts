import { csvText, type MiniDataFiles } from './mini-data-files.js';

const MP_BINARIES_HEADER =
  'material_id,formula_pretty,formula_anonymous,nsites,volume,density,energy_per_atom,' +
  'formation_energy_per_atom,energy_above_hull,is_stable,band_gap,total_magnetization';

/** Invented hull references (made-up energies and `mp-fixture-*` ids). */
export const HULL_REFERENCE_FILES: MiniDataFiles = {
  // TiB2's is_stable is `yes`, not pandas' True/False: the row is rejected.
  'mp_convex_hull/mp_binaries_lowest_ehull.csv': csvText(MP_BINARIES_HEADER, [
    'mp-fixture-31,Sc2O3,A2B3,10,144.8,3.16,-8.91,-3.71,0.0,True,3.86,0.0',
    'mp-fixture-32,Li2Te,AB2,3,68.1,3.11,-2.87,-1.19,0.018,False,2.41,0.0',
    'mp-fixture-33,TiB2,AB2,3,25.6,4.49,-8.03,-1.02,0.0,yes,0.0,0.0',
  ]),
  'mp_convex_hull/crabnet_mp_e_hull_train.csv': csvText('formula,target', [
    'Sr2FeMoO6,0.0213',
    'KFePO4,0.0457',
  ]),
  'mp_convex_hull/crabnet_mp_e_hull_val.csv': csvText('formula,target', ['CaScZn2,0.8125', 'GaPt,0.0061']),
  // A negative energy above hull is impossible: dropped.
  'mp_convex_hull/crabnet_mp_e_hull_test.csv': csvText('formula,target', [
    'BaNd2NiO5,0.0094',
    'Ga2Pt2,-0.25',
  ]),
};
