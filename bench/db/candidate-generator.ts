// Plausible synthetic candidates for the database benchmark: shards start from known
// superconductors, elements get swapped and added the way the optimiser's mutations do, Tc spreads
// around the base's Tc (0–150 K), formation energies and hull distances follow rough real spreads.
import type { CandidateInsert } from '@kiago/db';

interface Base {
  formula: string;
  counts: Record<string, number>;
  tcKelvin: number;
}

export const BASES: readonly Base[] = [
  { formula: 'La2CuO4', counts: { La: 2, Cu: 1, O: 4 }, tcKelvin: 38 },
  { formula: 'YBa2Cu3O7', counts: { Y: 1, Ba: 2, Cu: 3, O: 7 }, tcKelvin: 92 },
  { formula: 'Bi2Sr2CaCu2O8', counts: { Bi: 2, Sr: 2, Ca: 1, Cu: 2, O: 8 }, tcKelvin: 85 },
  { formula: 'HgBa2Ca2Cu3O8', counts: { Hg: 1, Ba: 2, Ca: 2, Cu: 3, O: 8 }, tcKelvin: 133 },
  { formula: 'Tl2Ba2Ca2Cu3O10', counts: { Tl: 2, Ba: 2, Ca: 2, Cu: 3, O: 10 }, tcKelvin: 125 },
  { formula: 'MgB2', counts: { Mg: 1, B: 2 }, tcKelvin: 39 },
  { formula: 'Nb3Sn', counts: { Nb: 3, Sn: 1 }, tcKelvin: 18 },
  { formula: 'Nb3Ge', counts: { Nb: 3, Ge: 1 }, tcKelvin: 23 },
  { formula: 'V3Si', counts: { V: 3, Si: 1 }, tcKelvin: 17 },
  { formula: 'LaFeAsO', counts: { La: 1, Fe: 1, As: 1, O: 1 }, tcKelvin: 26 },
  { formula: 'BaFe2As2', counts: { Ba: 1, Fe: 2, As: 2 }, tcKelvin: 38 },
  { formula: 'FeSe', counts: { Fe: 1, Se: 1 }, tcKelvin: 8 },
  { formula: 'NbN', counts: { Nb: 1, N: 1 }, tcKelvin: 16 },
  { formula: 'PbMo6S8', counts: { Pb: 1, Mo: 6, S: 8 }, tcKelvin: 15 },
  { formula: 'Sr2RuO4', counts: { Sr: 2, Ru: 1, O: 4 }, tcKelvin: 1.5 },
  { formula: 'LaH10', counts: { La: 1, H: 10 }, tcKelvin: 150 },
];

// Substitution pool with atomic numbers (formulas list elements by Z); common ones repeat (weight).
const Z: Record<string, number> = {
  H: 1,
  Li: 3,
  B: 5,
  C: 6,
  N: 7,
  O: 8,
  F: 9,
  Na: 11,
  Mg: 12,
  Al: 13,
  Si: 14,
  P: 15,
  S: 16,
  Cl: 17,
  K: 19,
  Ca: 20,
  Sc: 21,
  Ti: 22,
  V: 23,
  Cr: 24,
  Mn: 25,
  Fe: 26,
  Co: 27,
  Ni: 28,
  Cu: 29,
  Zn: 30,
  Ga: 31,
  Ge: 32,
  As: 33,
  Se: 34,
  Br: 35,
  Sr: 38,
  Y: 39,
  Zr: 40,
  Nb: 41,
  Mo: 42,
  Ru: 44,
  Rh: 45,
  Pd: 46,
  Ag: 47,
  Cd: 48,
  In: 49,
  Sn: 50,
  Sb: 51,
  Te: 52,
  I: 53,
  Ba: 56,
  La: 57,
  Ce: 58,
  Pr: 59,
  Nd: 60,
  Sm: 62,
  Gd: 64,
  Hf: 72,
  Ta: 73,
  W: 74,
  Re: 75,
  Os: 76,
  Ir: 77,
  Pt: 78,
  Au: 79,
  Hg: 80,
  Tl: 81,
  Pb: 82,
  Bi: 83,
};
const COMMON = ['O', 'O', 'O', 'Cu', 'Cu', 'Ba', 'Sr', 'Ca', 'La', 'Y', 'Fe', 'As', 'Nb', 'Se', 'B', 'Mg'];
const POOL = [...COMMON, ...Object.keys(Z)];

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export function generateShardCandidates(
  ids: { runId: string; shardId: string },
  base: Base,
  count: number,
  random: () => number,
): CandidateInsert[] {
  const pick = () => POOL[Math.floor(random() * POOL.length)]!;
  const rows: CandidateInsert[] = [];
  for (let slot = 0; slot < count; slot++) {
    const counts = new Map<string, number>();
    for (const [element, n] of Object.entries(base.counts)) {
      const chosen = random() < 0.29 ? pick() : element;
      const amount = Math.max(1, n + Math.round(gaussian(random)));
      counts.set(chosen, (counts.get(chosen) ?? 0) + amount);
    }
    if (random() < 0.25) counts.set(pick(), 1 + Math.floor(random() * 3));
    const elements = [...counts.keys()].sort((a, b) => Z[a]! - Z[b]!);
    const nUnits = [...counts.values()].reduce((a, b) => a + b, 0);
    const composition: Record<string, number> = {};
    for (const element of elements) composition[element] = counts.get(element)! / nUnits;
    // Continuous up to 150 K (no pile-up of ties at the cap), ReLU-like zeros at the bottom.
    const rawTcKelvin = Math.max(0, base.tcKelvin * Math.exp(0.35 * gaussian(random)) + 3 * gaussian(random));
    const tcKelvin = rawTcKelvin > 150 ? 150 - 10 * random() : rawTcKelvin;
    const efEvPerAtom = -1.6 + 0.8 * gaussian(random);
    const chargeNeutral = random() < 0.55;
    const electronegativityOk = random() < 0.85;
    const elementCountOk = elements.length <= 8;
    rows.push({
      ...ids,
      slot,
      composition,
      formula: elements.map((e) => `${e}${counts.get(e) === 1 ? '' : counts.get(e)}`).join(''),
      nUnits,
      tcKelvin,
      efEvPerAtom,
      tcContinuousKelvin: tcKelvin + gaussian(random),
      efContinuousEvPerAtom: efEvPerAtom + 0.05 * gaussian(random),
      tcBaseKelvin: base.tcKelvin,
      deltaTcKelvin: tcKelvin - base.tcKelvin,
      eAboveHullEvPerAtom: random() < 0.05 ? null : -0.12 * Math.log(1 - random()),
      chargeNeutral,
      electronegativityOk,
      efNegative: efEvPerAtom < 0,
      elementCountOk,
      passed: chargeNeutral && electronegativityOk && efEvPerAtom < 0 && elementCountOk,
      elementSetKey: [...elements].sort().join('-'),
    });
  }
  return rows;
}
