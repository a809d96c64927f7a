import { parseFormula } from '../formula/parse-formula.js';
import { preservedAmounts } from './optimisation-elements.js';
import type { ResolvedCampaignSpec } from './resolve-defaults.js';

/**
 * The fixed part `c` (element → fraction, Σ < 1) for a shard of `base`. Substitution derives it
 * from the base like the reference: preserved amounts over (preserved total + the base's amount
 * of the target), so Bi2Sr2CaCu2O8 keeps Sr 2/15, Ca 1/15, Cu 2/15, O 8/15 and frees 2/15.
 */
export function fixedFractionsForBase(spec: ResolvedCampaignSpec, base: string): Record<string, number> {
  const { mode } = spec;
  if (mode.kind !== 'substitution') return spec.fixedComposition;
  const preserved = preservedAmounts(mode, base);
  const targetAmount = parseFormula(base).get(mode.targetElement) ?? 0;
  const total = Object.values(preserved).reduce((sum, amount) => sum + amount, 0) + targetAmount;
  return Object.fromEntries(Object.entries(preserved).map(([symbol, amount]) => [symbol, amount / total]));
}
