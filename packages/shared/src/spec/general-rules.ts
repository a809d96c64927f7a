import type { z } from 'zod';
import { canonicalKey } from '../composition/index.js';
import { parseFormula } from '../formula/parse-formula.js';
import { addIssue } from './add-issue.js';
import { INT4_MAX } from './campaign-limits.js';
import { isElemNetElement } from './element-inputs.js';
import { optimisableElements } from './optimisation-elements.js';
import type { ResolvedCampaignSpec } from './resolve-defaults.js';

type Ctx = z.RefinementCtx;

function checkBases(spec: ResolvedCampaignSpec, ctx: Ctx): void {
  const firstIndexByKey = new Map<string, number>();
  spec.bases.forEach((base, index) => {
    const key = canonicalKey(parseFormula(base));
    const first = firstIndexByKey.get(key);
    if (first === undefined) firstIndexByKey.set(key, index);
    else addIssue(ctx, ['bases', index], `duplicate base ${base} (same composition as bases.${first})`);
  });
}

function checkElementLists(spec: ResolvedCampaignSpec, ctx: Ctx): void {
  const allowed = new Set(spec.allowedElements ?? []);
  spec.allowedElements?.forEach((symbol, index) => {
    if (!isElemNetElement(symbol)) {
      addIssue(
        ctx,
        ['allowedElements', index],
        `${symbol} is not an ElemNet input element and is always masked out`,
      );
    }
  });
  spec.excludedElements.forEach((symbol, index) => {
    if (allowed.has(symbol))
      addIssue(ctx, ['excludedElements', index], `${symbol} is also in allowedElements`);
  });
  if (optimisableElements(spec).size === 0) {
    const path = spec.allowedElements ? 'allowedElements' : 'excludedElements';
    addIssue(ctx, [path], 'leaves no ElemNet element to optimise');
  }
}

function checkFixedComposition(spec: ResolvedCampaignSpec, ctx: Ctx): void {
  const fixed = Object.entries(spec.fixedComposition);
  const totalFraction = fixed.reduce((sum, [, fraction]) => sum + fraction, 0);
  if (totalFraction >= 1) {
    addIssue(ctx, ['fixedComposition'], `fractions sum to ${totalFraction}; they must sum to less than 1`);
  }
  const excluded = new Set(spec.excludedElements);
  for (const [symbol] of fixed) {
    if (excluded.has(symbol))
      addIssue(ctx, ['fixedComposition', symbol], `${symbol} is also in excludedElements`);
  }
  // M_max counts the fixed part; at k = #fixed nothing would be left for the optimised part.
  if (fixed.length > 0 && spec.maxElements <= fixed.length) {
    addIssue(
      ctx,
      ['maxElements'],
      `must exceed the ${fixed.length} fixed element(s) so at least one can be optimised`,
    );
  }
}

function checkInitialisation(spec: ResolvedCampaignSpec, ctx: Ctx): void {
  const { initialisation } = spec;
  if (initialisation.kind === 'random') {
    const poolSize = optimisableElements(spec).size;
    if (initialisation.elementCount > spec.maxElements) {
      addIssue(ctx, ['initialisation', 'elementCount'], `must be ≤ maxElements (${spec.maxElements})`);
    } else if (initialisation.elementCount > poolSize) {
      addIssue(
        ctx,
        ['initialisation', 'elementCount'],
        `must be ≤ the ${poolSize} elements left to optimise`,
      );
    }
  }
  if (initialisation.kind !== 'base' || spec.mode.kind === 'substitution') return;
  const pool = optimisableElements(spec);
  spec.bases.forEach((base, index) => {
    const usable = [...parseFormula(base).keys()].filter((symbol) => pool.has(symbol));
    if (usable.length === 0) {
      addIssue(
        ctx,
        ['bases', index],
        `none of the elements of ${base} may be optimised (excluded, not allowed or not in ElemNet)`,
      );
    }
  });
}

/** Rules that hold in every mode. */
export function checkGeneralRules(spec: ResolvedCampaignSpec, ctx: Ctx): void {
  checkBases(spec, ctx);
  checkElementLists(spec, ctx);
  checkFixedComposition(spec, ctx);
  checkInitialisation(spec, ctx);
  // Shard indexes are database integers; deployment limits (campaign-limits.ts) are usually far lower.
  const shards = spec.bases.length * spec.seeds.length;
  if (shards > INT4_MAX) addIssue(ctx, ['seeds'], `bases × seeds = ${shards} shards; at most ${INT4_MAX}`);
  if (spec.microBatch !== undefined && spec.microBatch > spec.candidatesPerShard) {
    addIssue(ctx, ['microBatch'], `must be ≤ candidatesPerShard (${spec.candidatesPerShard})`);
  }
}
