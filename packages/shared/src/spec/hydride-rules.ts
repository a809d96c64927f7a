import type { z } from 'zod';
import { addIssue } from './add-issue.js';
import { largestNUnit } from './n-units.js';
import type { ResolvedCampaignSpec } from './resolve-defaults.js';

/** Hydride: fixed hydrogen ≥ minHydrogenFraction, few elements, few atoms (DESIGN §5 and §7). */
export function checkHydrideRules(spec: ResolvedCampaignSpec, ctx: z.RefinementCtx): void {
  const { mode } = spec;
  if (mode.kind !== 'hydride') return;
  const hydrogen = spec.fixedComposition.H;
  if (hydrogen === undefined) {
    addIssue(
      ctx,
      ['fixedComposition'],
      `must fix H at ≥ mode.minHydrogenFraction (${mode.minHydrogenFraction})`,
    );
  } else if (hydrogen < mode.minHydrogenFraction) {
    addIssue(
      ctx,
      ['fixedComposition', 'H'],
      `${hydrogen} is below mode.minHydrogenFraction (${mode.minHydrogenFraction})`,
    );
  }
  if (spec.maxElements > mode.maxElements) {
    addIssue(ctx, ['maxElements'], `must be ≤ mode.maxElements (${mode.maxElements}) in hydride mode`);
  }
  const largestN = largestNUnit(spec.nUnits);
  if (largestN > mode.maxAtoms) {
    addIssue(
      ctx,
      ['nUnits'],
      `N up to ${largestN} exceeds mode.maxAtoms (${mode.maxAtoms}); such candidates never pass screening`,
    );
  }
}
