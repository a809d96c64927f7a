import { csvText, type MiniDataFiles } from './mini-data-files.js';

/** Invented SuperCon rows: Tc values are made up, never copied from the real tables. */
export const SUPERCON_FILES: MiniDataFiles = {
  // V3Ga written three ways merges to the median Tc (14.8 K); NbC twice to the mean of an even
  // count (11.5 K, one Tc quoted); rows 5, 7 and 9 are each dropped for a different reason.
  'supercon_superdiff/supercon_superdiff.csv': csvText('id,formula,tc_K,family_code,family', [
    '1,V3Ga1,14.35,3,other',
    '2,V0.75Ga0.25,15.1,3,other',
    '3,V6Ga2,14.8,3,other',
    '4,La1.8Ba0.2Cu1O4,31.5,1,cuprate',
    '5,M0.3Nb1Se2,2.9,3,other', // M is not an element
    '6,Nb1C1,11.25,3,other',
    '7,Nb1C1.1,-1,3,other', // Tc at or below 0 K
    '8,Nb2C2,"11.75",3,other',
    '9,Y1Ba2Cu3O6.9,n/a,1,cuprate', // Tc not a number
    '10,Ca0.6Na0.4Fe2As2,33.5,2,iron_based_pnictide',
  ]),
  // V3Ga: the reported Tcs (mean 14.7 K) beat the Tc = 0 duplicate; Nd2CuO4 stays at 0 (all zeros);
  // NbTi is a superconductor SuperDiff lacks; the Ba-2 row has a negative amount.
  'supercon_stanev/Supercon_data.csv': csvText('name,Tc', [
    'V3Ga1,14.1',
    'V6Ga2,0',
    'V0.75Ga0.25,15.3',
    'Nd2Cu1O4,0',
    'Nd4Cu2O8,0',
    'Gd1Ba-2Cu3O6.9,87.5',
    'Nb0.6Ti0.4,9.3',
  ]),
  // Two groups report LaH10 (made-up 250 and 262 K): one row at the median, 256 K.
  'hydride_superconductors/hydride_tc_measured.csv': csvText('formula,tc_K,pressure_GPa,reference,doi', [
    'H3S,200,150,fixture,10.0/fixture-1',
    'LaH10,250,170,fixture,10.0/fixture-2',
    'LaH10,262,180,fixture,10.0/fixture-3',
  ]),
};
