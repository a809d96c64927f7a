/** Element symbol → positive amount, at any scale (counts, fractions, doping levels). */
export type Composition = ReadonlyMap<string, number>;
