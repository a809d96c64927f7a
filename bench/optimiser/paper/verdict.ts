/**
 * Seed statistics and the verdict rule of docs/reproduction.md. A claim "a is larger than b"
 * (or smaller) is judged by Welch's t-test over the per-seed values at the two-sided 5 % level:
 * t = (mean a − mean b) / √(s_a²/n_a + s_b²/n_b), degrees of freedom by Welch–Satterthwaite
 * (rounded down, so the critical value is the stricter one). "agrees" when the difference has the
 * claimed sign and |t| > t_crit; "fails" when it has the other sign and |t| > t_crit; otherwise
 * "inconclusive" (also when a side has fewer than 2 finite values).
 */
export type Verdict = 'agrees' | 'fails' | 'inconclusive';

export interface SampleSummary {
  mean: number;
  sd: number;
  n: number;
}

export interface Comparison {
  verdict: Verdict;
  deltaMean: number;
  t: number;
  df: number;
  tCritical: number;
}

/** t_{0.975, df} for df = 1..30; above 30 the df = 30 value (stricter than the normal 1.96). */
const T_CRITICAL_95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function tCritical95(df: number): number {
  const index = Math.min(Math.max(Math.floor(df), 1), T_CRITICAL_95.length) - 1;
  return T_CRITICAL_95[index]!;
}

/** Mean and sample standard deviation (n − 1) of the finite values. */
export function summarise(values: readonly number[]): SampleSummary {
  const finite = values.filter(Number.isFinite);
  const n = finite.length;
  const mean = n === 0 ? Number.NaN : finite.reduce((a, b) => a + b, 0) / n;
  return { mean, sd: sampleSd(finite, mean), n };
}

/** Sample standard deviation (n − 1); NaN below two values. */
function sampleSd(values: readonly number[], mean: number): number {
  if (values.length < 2) return Number.NaN;
  // Identical values have no spread; summing them can leave the mean an ulp off, which would make
  // a spread of ~1e-14 and a t of ~1e15 out of seeds that agree exactly.
  if (values.every((v) => v === values[0])) return 0;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1));
}

/** Judges "a is `direction` than b" on per-seed values by the rule above. */
export function compareSeeds(
  a: readonly number[],
  b: readonly number[],
  direction: 'greater' | 'less',
): Comparison {
  const [sa, sb] = [summarise(a), summarise(b)];
  const deltaMean = sa.mean - sb.mean;
  if (sa.n < 2 || sb.n < 2)
    return { verdict: 'inconclusive', deltaMean, t: Number.NaN, df: 0, tCritical: Number.NaN };
  const [va, vb] = [sa.sd ** 2 / sa.n, sb.sd ** 2 / sb.n];
  const se = Math.sqrt(va + vb);
  // Both sides identical across seeds: any difference is exact; none is no evidence.
  const t =
    se === 0 ? (deltaMean === 0 ? 0 : Math.sign(deltaMean) * Number.POSITIVE_INFINITY) : deltaMean / se;
  const df =
    se === 0 ? Number.POSITIVE_INFINITY : (va + vb) ** 2 / (va ** 2 / (sa.n - 1) + vb ** 2 / (sb.n - 1));
  const tCritical = tCritical95(df);
  const claimed = direction === 'greater' ? t > 0 : t < 0;
  const verdict: Verdict = Math.abs(t) > tCritical ? (claimed ? 'agrees' : 'fails') : 'inconclusive';
  return { verdict, deltaMean, t, df, tCritical };
}

export interface VerdictTally {
  verdict: Verdict;
  agrees: number;
  fails: number;
  inconclusive: number;
}

/** A claim over several bases (or settings): "agrees" / "fails" when more than half say so, else "inconclusive". */
export function tallyVerdicts(verdicts: readonly Verdict[]): VerdictTally {
  const count = (v: Verdict) => verdicts.filter((x) => x === v).length;
  const [agrees, fails, inconclusive] = [count('agrees'), count('fails'), count('inconclusive')];
  const half = verdicts.length / 2;
  const verdict: Verdict = agrees > half ? 'agrees' : fails > half ? 'fails' : 'inconclusive';
  return { verdict, agrees, fails, inconclusive };
}
