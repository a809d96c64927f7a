import {
  type Composition,
  ELEMENT_COUNT,
  normaliseComposition,
  reducedFormula,
  requireElement,
} from '@kiago/shared';
import { solveHullLp } from './hull-lp.js';

export interface HullReference {
  id: string;
  /** Any scale; normalised to atom fractions here. */
  composition: Composition;
  efEvPerAtom: number;
}

export interface HullCandidate {
  composition: Composition;
  efEvPerAtom: number;
}

export interface HullDecompositionPart {
  /** Reference id; null for an implicit pure element (formation energy 0 by definition). */
  id: string | null;
  formula: string;
  /** λ: the atom fraction of the candidate assigned to this phase (parts sum to 1). */
  fraction: number;
}

export interface HullDistanceResult {
  /** E_hull(x) = min Σ λ_r·Ef_r over references in the candidate's system (≤ 0). */
  eHullEvPerAtom: number;
  /** Ef(x) − E_hull(x); negative below the hull; NaN when the candidate's Ef is not finite. */
  eAboveHullEvPerAtom: number;
  /** Phases of the hull facet under x, largest fraction first. */
  decomposition: HullDecompositionPart[];
  /** References inside the candidate's system that entered the LP. */
  referencesUsed: number;
  /** References inside the system skipped because their Ef is NaN/infinite or an amount is not positive. */
  referencesSkipped: number;
}

/** λ below this is solver noise, not a phase of the decomposition. */
const MIN_PHASE_FRACTION = 1e-9;

/**
 * Convex-hull distance (DESIGN §7). Only references whose elements are a subset of the
 * candidate's elements E take part (others are ignored, so callers may pass a superset, e.g. from
 * groupReferencesBySystem); every pure element of E is present implicitly at Ef = 0, so a system
 * with no references, or an element no reference contains, still has a hull (E_hull = 0 there).
 * References with a non-finite Ef (or a non-positive amount) are skipped and counted. Duplicate
 * compositions and references above the hull are harmless: the LP only uses the lowest envelope.
 */
export function hullDistance(
  candidate: HullCandidate,
  references: readonly HullReference[],
): HullDistanceResult {
  const target = normaliseComposition(candidate.composition);
  const symbols = [...target.keys()];
  const m = symbols.length;
  const slotOfZ = new Int8Array(ELEMENT_COUNT + 1).fill(-1);
  symbols.forEach((symbol, slot) => {
    slotOfZ[requireElement(symbol).z] = slot;
  });

  const kept: HullReference[] = [];
  const columns = new Float64Array(references.length * m);
  let referencesSkipped = 0;
  for (const reference of references) {
    const fit = fillColumn(prepared(reference), slotOfZ, columns, kept.length * m, m);
    if (fit === 'outside') continue;
    if (fit === 'invalid' || !Number.isFinite(reference.efEvPerAtom)) {
      referencesSkipped += 1;
      continue;
    }
    kept.push(reference);
  }

  const solution = solveHullLp({
    dimension: m,
    columns: columns.subarray(0, kept.length * m),
    costs: Float64Array.from(kept, (r) => r.efEvPerAtom),
    target: Float64Array.from(symbols, (s) => target.get(s)!),
  });
  const decomposition: HullDecompositionPart[] = [];
  solution.basis.forEach((entry, i) => {
    const fraction = solution.weights[i]!;
    if (fraction <= MIN_PHASE_FRACTION) return;
    const reference = entry >= 0 ? kept[entry]! : undefined;
    decomposition.push({
      id: reference ? reference.id : null,
      formula: reference ? formulaOf(reference) : symbols[-1 - entry]!,
      fraction,
    });
  });
  decomposition.sort((a, b) => b.fraction - a.fraction);
  const eHullEvPerAtom = solution.objective;
  return {
    eHullEvPerAtom,
    eAboveHullEvPerAtom: Number.isFinite(candidate.efEvPerAtom)
      ? candidate.efEvPerAtom - eHullEvPerAtom
      : Number.NaN,
    decomposition,
    referencesUsed: kept.length,
    referencesSkipped,
  };
}

/** Reduced formula per reference object, computed once (references recur across candidates). */
const FORMULAS = new WeakMap<HullReference, string>();

function formulaOf(reference: HullReference): string {
  let formula = FORMULAS.get(reference);
  if (formula === undefined) {
    formula = reducedFormula(reference.composition);
    FORMULAS.set(reference, formula);
  }
  return formula;
}

/** A reference's composition as atomic numbers and atom fractions (null: an amount is not positive). */
interface PreparedComposition {
  zs: Uint8Array;
  fractions: Float64Array;
}

/**
 * Prepared compositions, computed once per reference object: hull lookups meet the same references
 * for many candidates, and array reads beat re-walking a Map each time. References are therefore
 * treated as immutable once passed in.
 */
const PREPARED = new WeakMap<HullReference, PreparedComposition | null>();

function prepared(reference: HullReference): PreparedComposition | null {
  let entry = PREPARED.get(reference);
  if (entry === undefined) {
    entry = prepare(reference.composition);
    PREPARED.set(reference, entry);
  }
  return entry;
}

function prepare(composition: Composition): PreparedComposition | null {
  const amounts = [...composition.values()];
  const total = amounts.reduce((sum, amount) => sum + amount, 0);
  if (amounts.length === 0 || !amounts.every((amount) => amount > 0 && Number.isFinite(amount))) return null;
  return {
    zs: Uint8Array.from(composition.keys(), (symbol) => requireElement(symbol).z),
    fractions: Float64Array.from(amounts, (amount) => amount / total),
  };
}

/** Writes the reference's atom fractions, in the candidate's element order, at columns[offset..offset+m). */
function fillColumn(
  composition: PreparedComposition | null,
  slotOfZ: Int8Array,
  columns: Float64Array,
  offset: number,
  m: number,
): 'ok' | 'outside' | 'invalid' {
  if (composition === null) return 'invalid';
  const { zs, fractions } = composition;
  for (let k = 0; k < zs.length; k++) if (slotOfZ[zs[k]!]! < 0) return 'outside';
  for (let j = offset; j < offset + m; j++) columns[j] = 0;
  for (let k = 0; k < zs.length; k++) {
    const j = offset + slotOfZ[zs[k]!]!;
    columns[j] = columns[j]! + fractions[k]!;
  }
  return 'ok';
}
