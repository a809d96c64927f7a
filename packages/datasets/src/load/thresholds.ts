/**
 * Plausibility windows for values read from the data sets. A value outside its window is a data
 * error (unit mix-up, failed DFT run, transcription slip), so the row is dropped and counted.
 */

/** The highest Tc on record is ~250 K (LaH10, 170 GPa); the shipped tables top out at 143 K. */
export const TC_MAX_KELVIN = 300;

/**
 * Formation energy window. The most negative real compounds (fluorides) sit near −4.6 eV/atom; above
 * +5 eV/atom the OQMD splits hold 17 failed calculations (up to 43.5 eV/atom) and the Roost MP file 9
 * entries, none of which can be a ground state or a useful training target.
 */
export const EF_MIN_EV_PER_ATOM = -6;
export const EF_MAX_EV_PER_ATOM = 5;

/** Energy above hull is ≥ 0 by definition; the shipped maximum is 5.9 eV/atom. */
export const E_ABOVE_HULL_MAX_EV_PER_ATOM = 10;

/** PBE band gaps: the non-metal list holds only gaps > 0; the widest real gaps are ~14 eV (LiF). */
export const BAND_GAP_MAX_EV = 20;
