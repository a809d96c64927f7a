import type { ShardResult } from '@kiago/optimiser';
import { type CandidateScreenFlags, screenCandidate, screenOptionsFromSpec } from '@kiago/screening';
import { type CampaignSpec, canonicalKey } from '@kiago/shared';

/** One shard scored like the reference's `smact_etc_analysis`: distinct integer formulas, screened. */
export interface ShardScore {
  method: string;
  base: string;
  candidates: number;
  /** Distinct integer formulas (canonical key). */
  unique: number;
  /** Distinct formulas passing every check of the mode (charge, Pauling, Ef < 0, element count, mode rule). */
  valid: number;
  baseTcKelvin: number;
  /** Mean of the 30 largest ΔTc = Tc(integer) − Tc(base) among valid formulas (fewer if fewer; NaN when none). */
  top30DeltaTcKelvin: number;
  /** Mean of the 5 largest Tc(integer) among valid formulas. */
  top5TcKelvin: number;
  /** Shares of the distinct formulas. */
  validRate: number;
  chargeNeutralRate: number;
  substitutionRate: number;
  hydrideConstraintRate: number;
  /** The same shares per candidate (every candidate, no integer form counting as a failure): many
   * candidates collapsing onto one bad formula show here, not in the per-formula share. */
  perCandidate: {
    validRate: number;
    chargeNeutralRate: number;
    substitutionRate: number;
    hydrideConstraintRate: number;
  };
  /** Distinct formulas that break a hydride limit (H fraction, atoms, elements), hydride mode only. */
  hydrideConstraintFailures: string[];
  /** Mean over candidates of Tc(continuous) − Tc(integer): what the integer conversion cost. */
  meanTcLossKelvin: number;
  meanTcContinuousKelvin: number;
  meanTcIntegerKelvin: number;
  seconds: number;
}

const mean = (values: readonly number[]) =>
  values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
const topMean = (values: readonly number[], k: number) => mean([...values].sort((a, b) => b - a).slice(0, k));

export function scoreShard(result: ShardResult, spec: CampaignSpec): ShardScore {
  const options = screenOptionsFromSpec(spec, result.base);
  const distinct = new Map<string, { tcKelvin: number; flags: CandidateScreenFlags }>();
  const losses: number[] = [];
  const candidateFlags: CandidateScreenFlags[] = [];
  for (const candidate of result.candidates) {
    const { counts, tcKelvin, efEvPerAtom } = candidate;
    if (counts === null || tcKelvin === null || !Number.isFinite(tcKelvin)) continue;
    losses.push(candidate.tcContinuousKelvin - tcKelvin);
    const map = new Map(Object.entries(counts));
    const key = canonicalKey(map);
    const seen = distinct.get(key);
    const flags = seen?.flags ?? screenCandidate({ counts: map, efEvPerAtom }, options);
    candidateFlags.push(flags);
    if (!seen) distinct.set(key, { tcKelvin, flags });
  }
  const entries = [...distinct.values()];
  const rate = (test: (flags: CandidateScreenFlags) => boolean) =>
    entries.length === 0 ? Number.NaN : entries.filter((entry) => test(entry.flags)).length / entries.length;
  const perCandidate = (test: (flags: CandidateScreenFlags) => boolean) =>
    result.candidates.length === 0
      ? Number.NaN
      : candidateFlags.filter(test).length / result.candidates.length;
  const hydrideOk = (flags: CandidateScreenFlags) => flags.hydrideLimitsOk === true && flags.elementCountOk;
  const validTc = entries.filter((entry) => entry.flags.valid).map((entry) => entry.tcKelvin);
  const finiteCandidates = result.candidates.filter(
    (c) => c.tcKelvin !== null && Number.isFinite(c.tcKelvin),
  );
  return {
    method: result.method,
    base: result.base,
    candidates: result.candidates.length,
    unique: entries.length,
    valid: validTc.length,
    baseTcKelvin: result.baseTcKelvin,
    top30DeltaTcKelvin: topMean(validTc, 30) - result.baseTcKelvin,
    top5TcKelvin: topMean(validTc, 5),
    validRate: rate((flags) => flags.valid),
    chargeNeutralRate: rate((flags) => flags.chargeNeutral),
    substitutionRate: rate((flags) => flags.substitutionOk === true),
    hydrideConstraintRate: rate(hydrideOk),
    perCandidate: {
      validRate: perCandidate((flags) => flags.valid),
      chargeNeutralRate: perCandidate((flags) => flags.chargeNeutral),
      substitutionRate: perCandidate((flags) => flags.substitutionOk === true),
      hydrideConstraintRate: perCandidate(hydrideOk),
    },
    hydrideConstraintFailures: [...distinct]
      .filter(
        ([, entry]) =>
          entry.flags.hydrideLimitsOk === false ||
          (entry.flags.hydrideLimitsOk === true && !entry.flags.elementCountOk),
      )
      .map(([key]) => key),
    meanTcLossKelvin: mean(losses),
    meanTcContinuousKelvin: mean(finiteCandidates.map((c) => c.tcContinuousKelvin)),
    meanTcIntegerKelvin: mean(finiteCandidates.map((c) => c.tcKelvin ?? Number.NaN)),
    seconds: (result.timings.optimiseMs + result.timings.finaliseMs) / 1000,
  };
}
