import { SpecError, type SpecIssue } from '@kiago/shared';
import { invertBasis, multiply, solveForColumn } from './dense-basis.js';
import { HullSolveError } from './hull-error.js';

/**
 * The hull LP for one candidate in a chemical system of m elements:
 *   minimise Σ_r λ_r·cost_r  subject to  Σ_r λ_r·column_r = target,  λ ≥ 0,
 * over the R reference columns PLUS m implicit pure-element columns (unit vectors, cost 0).
 */
export interface HullLpProblem {
  /** m, the number of elements (rows). */
  dimension: number;
  /** R×m, row-major: reference r's atom fractions at [r·m, r·m + m), each row summing to 1. */
  columns: Float64Array;
  /** R formation energies (eV/atom), all finite. */
  costs: Float64Array;
  /** m atom fractions of the candidate, all > 0, summing to 1. */
  target: Float64Array;
}

export interface HullLpSolution {
  /** min Σ λ·cost = E_hull(target). */
  objective: number;
  /** m basis entries: r ≥ 0 is reference r, −1 − e is the pure element e. */
  basis: Int32Array;
  /** λ of each basis entry (atom fractions of the candidate; ≥ 0, summing to 1). */
  weights: Float64Array;
}

/** Reduced costs above −1e-10 eV/atom count as optimal; far below any physical resolution. */
const OPTIMALITY_TOLERANCE = 1e-10;
const PIVOT_TOLERANCE = 1e-11;
const RATIO_TIE = 1e-15;
/** Consecutive zero-length steps after which Bland's rule takes over (it cannot cycle). */
const DEGENERATE_STEPS_BEFORE_BLAND = 30;

/**
 * Revised primal simplex. Starting basis = the pure elements (λ_e = target_e, always feasible:
 * no phase 1). Each iteration re-inverts the m×m basis with partial pivoting (m ≤ 8: a few hundred
 * flops, cheaper than the O(R·m) pricing and immune to drift), prices every column, takes the
 * most negative reduced cost (Dantzig) and switches to Bland's rule if steps stall, so degenerate
 * facets (several references on one hull plane, duplicates) cannot make it cycle. The optimum is
 * the lower convex envelope at `target`, i.e. pymatgen PhaseDiagram's hull energy on the same entries.
 */
export function solveHullLp(problem: HullLpProblem): HullLpSolution {
  checkShape(problem);
  const { dimension: m, columns, costs, target } = problem;
  const basis = new Int32Array(m).map((_, e) => -1 - e);
  const inverse = new Float64Array(m * m);
  const work = new Float64Array(m * m);
  const weights = new Float64Array(m);
  const duals = new Float64Array(m);
  const direction = new Float64Array(m);
  const inBasis = new Uint8Array(costs.length);
  let useBland = false;
  let stalledSteps = 0;
  const maxIterations = 1000 + 20 * (costs.length + m);

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    invertBasis(basis, columns, m, work, inverse);
    multiply(inverse, target, m, weights);
    for (let j = 0; j < m; j++) {
      let dual = 0;
      for (let i = 0; i < m; i++) dual += basisCost(basis[i]!, costs) * inverse[i * m + j]!;
      duals[j] = dual;
    }
    const entering = price(problem, duals, basis, inBasis, useBland);
    if (entering === undefined) return finish(basis, weights, costs);

    solveForColumn(entering, columns, m, inverse, direction);
    const { leaving, step } = ratioTest(weights, direction, basis, useBland);
    stalledSteps = step <= 1e-14 ? stalledSteps + 1 : 0;
    if (stalledSteps > DEGENERATE_STEPS_BEFORE_BLAND) useBland = true;

    const leavingEntry = basis[leaving]!;
    if (leavingEntry >= 0) inBasis[leavingEntry] = 0;
    if (entering >= 0) inBasis[entering] = 1;
    basis[leaving] = entering;
  }
  throw new HullSolveError(
    `hull LP did not converge in ${maxIterations} iterations (${costs.length} references)`,
  );
}

/**
 * Entering column with a reduced cost below −tolerance: the most negative (Dantzig) or the first in
 * Bland order (pure elements, then references by index); undefined at the optimum.
 */
function price(
  { dimension: m, columns, costs }: HullLpProblem,
  duals: Float64Array,
  basis: Int32Array,
  inBasis: Uint8Array,
  useBland: boolean,
): number | undefined {
  let entering: number | undefined;
  let best = -OPTIMALITY_TOLERANCE;
  for (let e = 0; e < m; e++) {
    if (basis.includes(-1 - e)) continue;
    const reduced = -duals[e]!;
    if (reduced < best) {
      if (useBland) return -1 - e;
      best = reduced;
      entering = -1 - e;
    }
  }
  for (let r = 0; r < costs.length; r++) {
    if (inBasis[r] === 1) continue;
    let reduced = costs[r]!;
    const offset = r * m;
    for (let j = 0; j < m; j++) reduced -= duals[j]! * columns[offset + j]!;
    if (reduced < best) {
      if (useBland) return r;
      best = reduced;
      entering = r;
    }
  }
  return entering;
}

/** Leaving row: smallest weight/direction ratio; ties to the larger pivot (Dantzig) or Bland order. */
function ratioTest(
  weights: Float64Array,
  direction: Float64Array,
  basis: Int32Array,
  useBland: boolean,
): { leaving: number; step: number } {
  const m = weights.length;
  let leaving = -1;
  let step = Number.POSITIVE_INFINITY;
  for (let i = 0; i < m; i++) {
    const u = direction[i]!;
    if (u <= PIVOT_TOLERANCE) continue;
    const ratio = Math.max(weights[i]!, 0) / u;
    const tie = leaving >= 0 && Math.abs(ratio - step) <= RATIO_TIE;
    const better = useBland
      ? blandOrder(basis[i]!, m) < blandOrder(basis[leaving]!, m)
      : u > direction[leaving]!;
    if (ratio < step - RATIO_TIE || (tie && better)) {
      step = ratio;
      leaving = i;
    }
  }
  // Columns are compositions (non-negative, summing to 1), so some u_i > 0 always exists.
  if (leaving < 0) throw new HullSolveError('hull LP unbounded: a reference column is not a composition');
  return { leaving, step };
}

function basisCost(entry: number, costs: Float64Array): number {
  return entry >= 0 ? costs[entry]! : 0;
}

/** Bland's rule order: pure elements first, then references by index. */
function blandOrder(entry: number, m: number): number {
  return entry >= 0 ? m + entry : -1 - entry;
}

function finish(basis: Int32Array, weights: Float64Array, costs: Float64Array): HullLpSolution {
  const clamped = weights.map((w) => Math.max(w, 0));
  let objective = 0;
  basis.forEach((entry, i) => {
    objective += basisCost(entry, costs) * clamped[i]!;
  });
  return { objective, basis: basis.slice(), weights: clamped };
}

function checkShape({ dimension: m, columns, costs, target }: HullLpProblem): void {
  const issues: SpecIssue[] = [];
  if (!(Number.isInteger(m) && m >= 1))
    issues.push({ path: 'dimension', message: `${m} is not a positive integer` });
  if (target.length !== m)
    issues.push({ path: 'target', message: `length ${target.length} ≠ dimension ${m}` });
  if (columns.length !== costs.length * m) {
    issues.push({ path: 'columns', message: `length ${columns.length} ≠ ${costs.length} costs × ${m}` });
  }
  if (issues.length > 0) throw new SpecError('solveHullLp', issues);
}
