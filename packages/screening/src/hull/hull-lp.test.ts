import { describe, expect, it } from 'vitest';
import { solveHullLp } from './hull-lp.js';

function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

interface System {
  m: number;
  columns: number[][];
  costs: number[];
}

/**
 * Independent oracle: an LP optimum is attained at a basic solution, so enumerate EVERY choice of m
 * columns (pure elements included), solve for its weights, keep the non-negative ones, take the
 * cheapest. Exponential, fine for small systems, and shares nothing with the simplex.
 */
function hullByBasisEnumeration(system: System, target: number[]): number {
  const all = [...Array.from({ length: system.m }, (_, e) => unit(system.m, e)), ...system.columns];
  const costs = [...new Array<number>(system.m).fill(0), ...system.costs];
  let best = Number.POSITIVE_INFINITY;
  for (const chosen of subsets(all.length, system.m)) {
    const weights = solve(
      chosen.map((c) => all[c]!),
      target,
    );
    if (!weights || weights.some((w) => w < -1e-12)) continue;
    best = Math.min(
      best,
      weights.reduce((sum, w, i) => sum + w * costs[chosen[i]!]!, 0),
    );
  }
  return best;
}

function unit(m: number, e: number): number[] {
  return Array.from({ length: m }, (_, i) => (i === e ? 1 : 0));
}

function* subsets(n: number, k: number, start = 0, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === k) {
    yield prefix;
    return;
  }
  for (let i = start; i <= n - (k - prefix.length); i++) yield* subsets(n, k, i + 1, [...prefix, i]);
}

/** Solves Σ_i w_i·columns[i] = target by Gaussian elimination; undefined when singular. */
function solve(columns: number[][], target: number[]): number[] | undefined {
  const m = target.length;
  const a = target.map((t, row) => [...columns.map((c) => c[row]!), t]);
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let row = col + 1; row < m; row++)
      if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    if (Math.abs(a[pivot]![col]!) < 1e-12) return undefined;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let row = 0; row < m; row++) {
      if (row === col) continue;
      const factor = a[row]![col]! / a[col]![col]!;
      for (let j = col; j <= m; j++) a[row]![j]! -= factor * a[col]![j]!;
    }
  }
  return a.map((row, i) => row[m]! / row[i]!);
}

/** Grid compositions (denominator 6) so duplicates and coplanar hull points are common. */
function randomSystem(random: () => number, m: number, referenceCount: number): System {
  const columns: number[][] = [];
  const costs: number[] = [];
  const plane = Array.from({ length: m }, () => -random());
  for (let r = 0; r < referenceCount; r++) {
    let parts = Array.from({ length: m }, () => Math.floor(random() * 4));
    if (parts.every((p) => p === 0)) parts = unit(m, r % m);
    const total = parts.reduce((a, b) => a + b, 0);
    const column = parts.map((p) => p / total);
    const onPlane = column.reduce((sum, x, i) => sum + x * plane[i]!, 0);
    // A third exactly on a common plane (degenerate facets), the rest above it or far below.
    const kind = random();
    costs.push(kind < 0.33 ? onPlane : kind < 0.8 ? onPlane + random() : onPlane - 0.3 * random());
    columns.push(column);
  }
  return { m, columns, costs };
}

function lp(system: System, target: number[]) {
  return solveHullLp({
    dimension: system.m,
    columns: Float64Array.from(system.columns.flat()),
    costs: Float64Array.from(system.costs),
    target: Float64Array.from(target),
  });
}

describe('solveHullLp agrees with basis enumeration', () => {
  for (const [m, referenceCount, trials] of [
    [2, 150, 40],
    [3, 30, 60],
    [4, 14, 40],
  ] as const) {
    it(`${trials} random ${m}-element systems with ${referenceCount} degenerate-prone references`, () => {
      const random = lcg(100 + m);
      for (let trial = 0; trial < trials; trial++) {
        const system = randomSystem(random, m, referenceCount);
        const raw = Array.from({ length: m }, () => 0.05 + random());
        const total = raw.reduce((a, b) => a + b, 0);
        const target = raw.map((x) => x / total);
        const solution = lp(system, target);
        expect(solution.objective).toBeCloseTo(hullByBasisEnumeration(system, target), 9);
        // The weights reproduce the target and sum to 1.
        const rebuilt = new Array<number>(m).fill(0);
        solution.basis.forEach((entry, i) => {
          const column = entry >= 0 ? system.columns[entry]! : unit(m, -1 - entry);
          column.forEach((x, j) => {
            rebuilt[j]! += solution.weights[i]! * x;
          });
        });
        rebuilt.forEach((x, j) => {
          expect(x).toBeCloseTo(target[j]!, 10);
        });
      }
    });
  }
});

describe('solveHullLp on hundreds of references: optimality certificate', () => {
  /**
   * Strong duality: weights w ≥ 0 reproducing the target and duals y with y·a ≤ cost for EVERY
   * column (pure elements: y_e ≤ 0) and y·target = Σ w·cost prove the optimum, whatever found it.
   * y solves Bᵀy = c_B for the returned basis, computed here with the test's own elimination.
   */
  for (const [m, referenceCount] of [
    [3, 500],
    [4, 600],
    [5, 400],
  ] as const) {
    it(`${m} elements, ${referenceCount} references (many duplicates and coplanar points)`, () => {
      const random = lcg(40 + m);
      for (let trial = 0; trial < 10; trial++) {
        const system = randomSystem(random, m, referenceCount);
        const raw = Array.from({ length: m }, () => 0.05 + random());
        const total = raw.reduce((a, b) => a + b, 0);
        const target = raw.map((x) => x / total);
        const solution = lp(system, target);
        const basisColumns = [...solution.basis].map((entry) =>
          entry >= 0 ? system.columns[entry]! : unit(m, -1 - entry),
        );
        const basisCosts = [...solution.basis].map((entry) => (entry >= 0 ? system.costs[entry]! : 0));
        // Bᵀy = c_B: the rows of Bᵀ are the basis columns.
        const transposed = Array.from({ length: m }, (_, j) => basisColumns.map((column) => column[j]!));
        const duals = solve(transposed, basisCosts)!;
        const dot = (column: readonly number[]) => column.reduce((sum, x, j) => sum + x * duals[j]!, 0);
        system.columns.forEach((column, r) => {
          expect(dot(column)).toBeLessThanOrEqual(system.costs[r]! + 1e-9);
        });
        for (const dual of duals) expect(dual).toBeLessThanOrEqual(1e-9);
        for (const weight of solution.weights) expect(weight).toBeGreaterThanOrEqual(0);
        expect(dot(target)).toBeCloseTo(solution.objective, 9);
      }
    });
  }
});
