import { csvText, type MiniDataFiles } from './mini-data-files.js';

/** Invented non-superconductor candidates (made-up labels, gaps and `mp-fixture-*` ids). */
export const NON_SUPERCONDUCTOR_FILES: MiniDataFiles = {
  // Ag1.6Se0.8 and Ag2Se are one composition, reported both ways: a metal. Two non-metals remain.
  'nonsc_compositions/matbench_expt_is_metal.csv': csvText('formula,target', [
    'Pd(BiSe)2,1',
    'Zn0.4Cd0.6Se1,0',
    'Ag1.6Se0.8,0',
    'Ag2Se1,1',
    'Ga0.5In0.5Sb1,0',
  ]),
  // Y4O6 is Y2O3 with a smaller gap (kept); Na3Bi's zero gap is dropped.
  'nonsc_compositions/roost_mp_non_metals.csv': csvText('material_id,composition,band_gap', [
    'mp-fixture-11,Y2O3,3.87',
    'mp-fixture-12,Y2S3,1.95',
    'mp-fixture-13,Y4O6,2.6',
    'mp-fixture-14,Na3Bi,0',
  ]),
};
