import type { UnitResult } from './unit-result.ts';
import { type Comparison, compareSeeds, type SampleSummary, summarise, type Verdict } from './verdict.ts';

/** The unit results of one experiment, looked up by base, method and M; each lookup gives the seeds. */
export class ExperimentResults {
  readonly units: readonly UnitResult[];

  constructor(units: readonly UnitResult[]) {
    this.units = units;
  }

  seeds(base: string, method: string, maxAtoms: number | null = null): UnitResult[] {
    return this.units
      .filter((u) => u.base === base && u.method === method && u.maxAtoms === maxAtoms)
      .sort((a, b) => a.seed - b.seed);
  }

  /** Per-seed values of a metric; a seed the method could not run on gives nothing. */
  values(base: string, method: string, metric: string, maxAtoms: number | null = null): number[] {
    return this.seeds(base, method, maxAtoms)
      .filter((u) => u.unavailable === null)
      .map((u) => u.metrics[metric] ?? Number.NaN);
  }

  /** Bases in first-seen order (the plan's order). */
  bases(): string[] {
    return [...new Set(this.units.map((u) => u.base))];
  }

  /** The reason a method could not run on a base at any seed, if so. */
  unavailable(base: string, method: string): string | null {
    const seeds = this.seeds(base, method);
    return seeds.length > 0 && seeds.every((u) => u.unavailable !== null) ? seeds[0]!.unavailable : null;
  }
}

export const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

/** "12.3 ± 1.4" over the seeds; "(n = 2)" when some seeds have no value; "—" when none has. */
export function meanSd(values: readonly number[], digits = 1): string {
  const s: SampleSummary = summarise(values);
  if (s.n === 0) return '—';
  const spread = s.n < 2 ? '' : ` ± ${fmt(s.sd, digits)}`;
  return `${fmt(s.mean, digits)}${spread}${s.n < values.length ? ` (n = ${s.n})` : ''}`;
}

export function verdictCell(comparison: Comparison): string {
  const { t } = comparison;
  const detail = Number.isNaN(t) ? '' : Number.isFinite(t) ? ` (t = ${t.toFixed(1)})` : ' (no seed spread)';
  return `${bold(comparison.verdict)}${detail}`;
}

export const bold = (verdict: Verdict) => `**${verdict}**`;

export { compareSeeds };

/** One paper claim as the report's summary lists it. */
export interface ClaimLine {
  claim: string;
  verdict: Verdict;
  /** "agrees on 3 of 5 bases, fails on 1, inconclusive on 1" and what it rests on. */
  detail: string;
}
