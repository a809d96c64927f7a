import { roundHalfEven } from '../optimiser/integer-grid.js';

/** One conventional element substitution (C-ES) problem: replace `targetAmount` atoms by substitutes. */
export interface SubstitutionDraw {
  /** Base amounts that stay (every base element but the target). */
  remain: ReadonlyMap<string, number>;
  /** The replaced element's amount in the base formula. */
  targetAmount: number;
  /** Elements sharing the target's oxidation state. */
  substitutes: readonly string[];
  /** Largest cell (atoms) of a candidate. */
  maxAtoms: number;
  /** Most distinct substitutes in one candidate. */
  maxSubstitutes: number;
  /** Normal and hydride modes (the reference): the substitute count divides the substituted atoms. */
  divisorCount: boolean;
}

const INTEGRAL_TOLERANCE = 1e-6;
const isIntegral = (value: number) => Math.abs(value - Math.round(value)) < INTEGRAL_TOLERANCE;

/**
 * Draws one candidate as integer counts (AkiraTOSEI/KIAGO `sample_es_materials`): a random cell
 * multiple of the base that keeps every amount whole and stays within maxAtoms, a random number
 * of substitutes, random cut points splitting the target's atoms between them (rounded, merged
 * when they coincide), substitutes picked without replacement. Null when nothing fits.
 */
export function drawSubstitution(draw: SubstitutionDraw, random: () => number): Map<string, number> | null {
  const amounts = [...draw.remain.values(), draw.targetAmount];
  const total = amounts.reduce((sum, amount) => sum + amount, 0);
  let unit = 0;
  for (let n = 1; n <= draw.maxAtoms && unit === 0; n++)
    if (amounts.every((a) => isIntegral(a * n))) unit = n;
  const maxMultiple = unit === 0 ? 0 : Math.floor(draw.maxAtoms / (unit * total) + INTEGRAL_TOLERANCE);
  if (maxMultiple < 1) return null;
  const cells = unit * (1 + Math.floor(random() * maxMultiple));
  const atoms = Math.round(draw.targetAmount * cells);
  const limit = Math.min(draw.substitutes.length, draw.maxSubstitutes, atoms);
  if (limit < 1) return null;
  const options = Array.from({ length: limit }, (_, i) => i + 1).filter(
    (n) => !draw.divisorCount || atoms % n === 0,
  );
  const count = options[Math.floor(random() * options.length)]!;

  const cuts = Array.from({ length: count - 1 }, () => roundHalfEven(random() * atoms));
  const points = [...new Set([0, ...cuts, atoms])].sort((a, b) => a - b);
  const parts = points.slice(1).map((point, i) => point - points[i]!);
  const pool = [...draw.substitutes];
  const counts = new Map([...draw.remain].map(([symbol, amount]) => [symbol, Math.round(amount * cells)]));
  parts.forEach((part, i) => {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    const symbol = pool[i]!;
    counts.set(symbol, (counts.get(symbol) ?? 0) + part);
  });
  return counts;
}
