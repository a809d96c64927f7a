import type { z } from 'zod';
import { requireElement } from '../elements/index.js';
import { parseFormula } from '../formula/parse-formula.js';
import { addIssue } from './add-issue.js';
import { optimisationElements, preservedAmounts } from './optimisation-elements.js';
import type { ResolvedCampaignSpec } from './resolve-defaults.js';

type SubstitutionMode = Extract<ResolvedCampaignSpec['mode'], { kind: 'substitution' }>;

function checkTarget(spec: ResolvedCampaignSpec, mode: SubstitutionMode, ctx: z.RefinementCtx): void {
  const stateSet = spec.screening.oxidationStates;
  const states = requireElement(mode.targetElement).oxidationStates[stateSet];
  if (!states.includes(mode.targetOxidationState)) {
    const listed = states.length > 0 ? states.join(', ') : 'none';
    addIssue(
      ctx,
      ['mode', 'targetOxidationState'],
      `${mode.targetOxidationState} is not an oxidation state of ${mode.targetElement} in ${stateSet} (${listed})`,
    );
  }
  if (mode.preserved && mode.targetElement in mode.preserved) {
    addIssue(ctx, ['mode', 'preserved', mode.targetElement], 'the target element cannot also be preserved');
  }
  const excluded = new Set(spec.excludedElements);
  for (const symbol of Object.keys(mode.preserved ?? {})) {
    if (excluded.has(symbol))
      addIssue(ctx, ['mode', 'preserved', symbol], `${symbol} is also in excludedElements`);
  }
}

function checkBase(spec: ResolvedCampaignSpec, mode: SubstitutionMode, index: number, ctx: z.RefinementCtx) {
  const base = spec.bases[index] ?? '';
  const composition = parseFormula(base);
  if (!composition.has(mode.targetElement)) {
    addIssue(ctx, ['bases', index], `${base} does not contain the target element ${mode.targetElement}`);
    return;
  }
  const preserved = Object.keys(preservedAmounts(mode, base));
  const missing = preserved.filter((symbol) => !composition.has(symbol));
  if (missing.length > 0) {
    addIssue(ctx, ['bases', index], `${base} does not contain preserved element(s) ${missing.join(', ')}`);
  }
  // M_max counts the preserved (fixed) elements; one more slot is needed for the substitute.
  if (spec.maxElements <= preserved.length) {
    addIssue(ctx, ['maxElements'], `must exceed the ${preserved.length} preserved element(s) of ${base}`);
  }
  if (optimisationElements(spec, base).size === 0) {
    addIssue(
      ctx,
      ['mode', 'targetOxidationState'],
      `no allowed ElemNet element with oxidation state ${mode.targetOxidationState} is left to substitute in ${base}`,
    );
  }
}

/** Substitution: fixed = preserved elements, substitutes share the target's oxidation state. */
export function checkSubstitutionRules(spec: ResolvedCampaignSpec, ctx: z.RefinementCtx): void {
  const { mode } = spec;
  if (mode.kind !== 'substitution') return;
  if (Object.keys(spec.fixedComposition).length > 0) {
    addIssue(ctx, ['fixedComposition'], 'is not used in substitution mode; the fixed part is mode.preserved');
  }
  checkTarget(spec, mode, ctx);
  spec.bases.forEach((_, index) => {
    checkBase(spec, mode, index, ctx);
  });
}
