import type { ShardResult } from '@kiago/optimiser';
import { screenCandidate, screenOptionsFromSpec } from '@kiago/screening';
import { type CampaignSpec, canonicalKey } from '@kiago/shared';

/** What one shard says about a preset (docs/presets.md). */
export interface ShardMetrics {
  candidates: number;
  /** Mean continuous Tc at T/2 (end of stage 1) minus mean Tc of the integer forms (K). */
  stage2CostKelvin: number;
  /** Candidates passing screening, and their distinct reduced formulas. */
  validCandidates: number;
  validKeys: Set<string>;
  /** Mean ΔTc vs the base of the best 30 distinct valid formulas (fewer when fewer exist). */
  top30DeltaTcKelvin: number | null;
  /** Atoms per reduced formula unit of every candidate with an integer form. */
  atomsPerFormulaUnit: number[];
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

export function shardMetrics(result: ShardResult, spec: CampaignSpec, stage1MeanTc: number): ShardMetrics {
  const options = screenOptionsFromSpec(spec, result.base);
  const bestPerKey = new Map<string, number>();
  const atoms: number[] = [];
  let valid = 0;
  let tcSum = 0;
  let tcCount = 0;
  for (const candidate of result.candidates) {
    if (candidate.counts === null || candidate.tcKelvin === null || !Number.isFinite(candidate.tcKelvin))
      continue;
    const counts = new Map(Object.entries(candidate.counts));
    const divisor = [...counts.values()].reduce(gcd);
    atoms.push([...counts.values()].reduce((sum, n) => sum + n, 0) / divisor);
    tcSum += candidate.tcKelvin;
    tcCount++;
    const flags = screenCandidate({ counts, efEvPerAtom: candidate.efEvPerAtom ?? Number.NaN }, options);
    if (!flags.valid) continue;
    valid++;
    const key = canonicalKey(counts);
    bestPerKey.set(key, Math.max(bestPerKey.get(key) ?? Number.NEGATIVE_INFINITY, candidate.tcKelvin));
  }
  const top = [...bestPerKey.values()].sort((a, b) => b - a).slice(0, 30);
  return {
    candidates: result.candidates.length,
    stage2CostKelvin: stage1MeanTc - tcSum / Math.max(1, tcCount),
    validCandidates: valid,
    validKeys: new Set(bestPerKey.keys()),
    top30DeltaTcKelvin:
      top.length === 0 ? null : top.reduce((s, tc) => s + tc, 0) / top.length - result.baseTcKelvin,
    atomsPerFormulaUnit: atoms,
  };
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
