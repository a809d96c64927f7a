import { type Composition, normaliseComposition, SpecError, type SpecIssue } from '@kiago/shared';

/** One atom percent: the paper's "within 1%" read as an absolute difference of atom fractions. */
export const SUBSTITUTION_TOLERANCE_FRACTION = 0.01;
/** Float noise allowed on top of the tolerance, so 0.25 → 0.26 counts as exactly 0.01. */
const ROUNDING_SLACK = 1e-12;

export interface SubstitutionSpec {
  /** Base elements whose atom fractions must be kept. */
  preserved: readonly string[];
  /** The base element being replaced. */
  targetElement: string;
  /** Largest allowed |Δ atom fraction|; default 0.01. */
  toleranceFraction?: number;
}

export interface SubstitutionCheckResult {
  ok: boolean;
  preservedOk: boolean;
  substitutedTotalOk: boolean;
  /** Candidate − base atom fraction per preserved element. */
  preservedDeviation: Record<string, number>;
  /** Σ candidate atom fractions over every non-preserved element (the substitutes). */
  substitutedTotal: number;
  /** Atom fraction of the target element in the base. */
  targetFraction: number;
  reason?: string;
}

/**
 * Substitution success (DESIGN §5): on atom fractions (each composition normalised to sum 1),
 * every preserved element within ±tolerance of its base fraction, and the summed fraction of all
 * other candidate elements within ±tolerance of the base's target fraction. The tolerance is
 * ABSOLUTE in atom fraction (0.01 = one atom percent), not relative to the element's fraction.
 */
export function checkSubstitution(
  base: Composition,
  candidate: Composition,
  spec: SubstitutionSpec,
): SubstitutionCheckResult {
  const tolerance = spec.toleranceFraction ?? SUBSTITUTION_TOLERANCE_FRACTION;
  validateSpec(base, spec, tolerance);
  const baseFractions = normaliseComposition(base);
  const candidateFractions = normaliseComposition(candidate);
  const within = (deviation: number) => Math.abs(deviation) <= tolerance + ROUNDING_SLACK;

  const reasons: string[] = [];
  const preservedDeviation: Record<string, number> = {};
  for (const symbol of spec.preserved) {
    const deviation = (candidateFractions.get(symbol) ?? 0) - baseFractions.get(symbol)!;
    preservedDeviation[symbol] = deviation;
    if (!within(deviation)) reasons.push(`${symbol} moved by ${deviation.toFixed(4)} (> ${tolerance})`);
  }
  const preservedOk = reasons.length === 0;
  const preserved = new Set(spec.preserved);
  let substitutedTotal = 0;
  for (const [symbol, fraction] of candidateFractions)
    if (!preserved.has(symbol)) substitutedTotal += fraction;
  const targetFraction = baseFractions.get(spec.targetElement)!;
  const substitutedTotalOk = within(substitutedTotal - targetFraction);
  if (!substitutedTotalOk) {
    reasons.push(
      `substitutes total ${substitutedTotal.toFixed(4)} vs target ${targetFraction.toFixed(4)} (> ${tolerance})`,
    );
  }
  const ok = preservedOk && substitutedTotalOk;
  return {
    ok,
    preservedOk,
    substitutedTotalOk,
    preservedDeviation,
    substitutedTotal,
    targetFraction,
    ...(ok ? {} : { reason: reasons.join('; ') }),
  };
}

function validateSpec(base: Composition, spec: SubstitutionSpec, tolerance: number): void {
  const issues: SpecIssue[] = [];
  if (!base.has(spec.targetElement)) {
    issues.push({ path: 'targetElement', message: `${spec.targetElement} is not in the base composition` });
  }
  spec.preserved.forEach((symbol, i) => {
    if (!base.has(symbol))
      issues.push({ path: `preserved.${i}`, message: `${symbol} is not in the base composition` });
    if (symbol === spec.targetElement) {
      issues.push({ path: `preserved.${i}`, message: `${symbol} is the target element` });
    }
  });
  const listed = new Set([...spec.preserved, spec.targetElement]);
  for (const symbol of base.keys()) {
    if (!listed.has(symbol))
      issues.push({
        path: 'preserved',
        message: `base element ${symbol} is neither preserved nor the target`,
      });
  }
  if (!(tolerance >= 0 && tolerance < 1))
    issues.push({ path: 'toleranceFraction', message: `${tolerance} is not in [0, 1)` });
  if (issues.length > 0) throw new SpecError('checkSubstitution', issues);
}
