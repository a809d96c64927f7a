/**
 * Why hullDistance uses its own dense simplex: the same hull LPs solved by HiGHS (WebAssembly, npm
 * `highs`) and by solveHullLp, on KIAGO-like candidates against the real MP references.
 * `highs` is deliberately NOT a project dependency; install it anywhere and pass that folder:
 *   (mkdir -p /tmp/highs-bench && cd /tmp/highs-bench && npm init -y && npm install highs@1.15.3)
 *   node bench/screening/hull-vs-highs.ts --highs=/tmp/highs-bench
 * (after building shared and screening as for throughput.ts).
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { groupReferencesBySystem, type HullLpProblem, solveHullLp } from '@kiago/screening';
import { normaliseComposition } from '@kiago/shared';
import { highsDir, mpHullReferences } from './bench-args.ts';
import { kiagoLikeCandidates } from './candidates.ts';

const CANDIDATES = 1024;

interface HighsModel {
  options: { set(values: Record<string, unknown>): unknown };
  passModel(model: unknown): unknown;
  run(): unknown;
  getObjectiveValue(): number;
}
interface Highs {
  solve(lp: string, options?: Record<string, unknown>): { Status: string; ObjectiveValue: number };
  createModel(): HighsModel;
  infinity: number;
}

const folder = highsDir();
if (!folder) throw new Error('pass --highs=DIR, a folder where `npm install highs` was run');
const loadHighs = createRequire(join(folder, 'package.json'))('highs') as () => Promise<Highs>;
const highs = await loadHighs();

const references = await mpHullReferences();
const index = groupReferencesBySystem(references);

/** The LP exactly as hullDistance builds it (columns in the candidate's element order). */
const problems: HullLpProblem[] = (await kiagoLikeCandidates(CANDIDATES, 1)).map((candidate) => {
  const target = normaliseComposition(candidate.fractions);
  const symbols = [...target.keys()];
  const columns: number[] = [];
  const costs: number[] = [];
  for (const reference of index.referencesWithin(symbols)) {
    const fractions = normaliseComposition(reference.composition);
    for (const symbol of symbols) columns.push(fractions.get(symbol) ?? 0);
    costs.push(reference.efEvPerAtom);
  }
  return {
    dimension: symbols.length,
    columns: Float64Array.from(columns),
    costs: Float64Array.from(costs),
    target: Float64Array.from(symbols, (s) => target.get(s)!),
  };
});

/** CPLEX LP text: pure elements e0.. at cost 0, references r0.., one equality row per element. */
function lpText(p: HullLpProblem): string {
  const m = p.dimension;
  const objective = [...p.costs].map((c, r) => `${c >= 0 ? '+' : '-'} ${Math.abs(c)} r${r}`).join(' ');
  const rows = Array.from({ length: m }, (_, j) => {
    const terms = [`e${j}`];
    for (let r = 0; r < p.costs.length; r++) {
      const a = p.columns[r * m + j]!;
      if (a !== 0) terms.push(`+ ${a} r${r}`);
    }
    return ` c${j}: ${terms.join(' ')} = ${p.target[j]}`;
  });
  return `Minimize\n obj: 0 e0 ${objective}\nSubject To\n${rows.join('\n')}\nEnd`;
}

/** Column-wise sparse model for a persistent HiGHS instance (no text parsing). */
function modelData(p: HullLpProblem) {
  const m = p.dimension;
  const numCols = m + p.costs.length;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (let e = 0; e < m; e++) {
    indices.push(e);
    values.push(1);
    starts.push(indices.length);
  }
  for (let r = 0; r < p.costs.length; r++) {
    for (let j = 0; j < m; j++) {
      const a = p.columns[r * m + j]!;
      if (a !== 0) {
        indices.push(j);
        values.push(a);
      }
    }
    starts.push(indices.length);
  }
  return {
    numCols,
    numRows: m,
    colCost: Float64Array.from([...new Array<number>(m).fill(0), ...p.costs]),
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(highs.infinity),
    rowLower: p.target,
    rowUpper: p.target,
    matrix: {
      format: 'csc',
      numRows: m,
      numCols,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
  };
}

function time<T>(run: () => T[]): { seconds: number; values: T[] } {
  run(); // warm-up
  const started = performance.now();
  const values = run();
  return { seconds: (performance.now() - started) / 1000, values };
}

const ours = time(() => problems.map((p) => solveHullLp(p).objective));
const text = time(() =>
  problems.map((p) => {
    const result = highs.solve(lpText(p), { output_flag: false });
    if (result.Status !== 'Optimal') throw new Error(`HiGHS: ${result.Status}`);
    return result.ObjectiveValue;
  }),
);
const model = highs.createModel();
model.options.set({ output_flag: false });
const persistent = time(() =>
  problems.map((p) => {
    model.passModel(modelData(p));
    model.run();
    return model.getObjectiveValue();
  }),
);

const columns = problems.map((p) => p.costs.length);
console.log(
  `${CANDIDATES} hull LPs; references per LP mean ${(columns.reduce((a, b) => a + b, 0) / CANDIDATES).toFixed(1)}, max ${Math.max(...columns)}`,
);
for (const [name, run] of [
  ['solveHullLp (dense revised simplex, Float64)', ours],
  ['HiGHS 1.15.3 wasm, highs.solve(LP text)', text],
  ['HiGHS 1.15.3 wasm, persistent model + passModel', persistent],
] as const) {
  const maxDiff = Math.max(...run.values.map((v, i) => Math.abs(v - ours.values[i]!)));
  console.log(
    `${name}: ${(run.seconds * 1000).toFixed(0)} ms, ${((run.seconds * 1e6) / CANDIDATES).toFixed(1)} µs/LP; max |Δ objective| vs ours ${maxDiff.toExponential(2)} eV/atom`,
  );
}
