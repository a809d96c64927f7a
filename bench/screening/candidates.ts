import { loadSuperconSuperdiff } from '@kiago/datasets';
import { ELEMNET_SYMBOLS, mulberry32, normaliseComposition } from '@kiago/shared';
import { dataDir } from './bench-args.ts';

export interface BenchCandidate {
  /** Continuous composition (fractions). */
  fractions: Map<string, number>;
  /** Rounded integer formula, as the optimiser hands it to screening. */
  counts: Map<string, number>;
}

/**
 * KIAGO-like outputs: a SuperCon base, each element swapped with probability 0.29, 0–3 extra
 * elements, at most 8 elements (largest kept), rounded at N ∈ [10, 120].
 */
export async function kiagoLikeCandidates(count: number, seed: number): Promise<BenchCandidate[]> {
  const random = mulberry32(seed);
  const { rows } = await loadSuperconSuperdiff({ dataDir: dataDir() });
  const bases = rows.map((row) => normaliseComposition(row.composition));
  const pick = () => ELEMNET_SYMBOLS[Math.floor(random() * ELEMNET_SYMBOLS.length)]!;
  const out: BenchCandidate[] = [];
  while (out.length < count) {
    const base = bases[Math.floor(random() * bases.length)]!;
    const x = new Map<string, number>();
    for (const [symbol, fraction] of base) {
      const chosen = random() < 0.29 ? pick() : symbol;
      x.set(chosen, (x.get(chosen) ?? 0) + fraction);
    }
    const extra = Math.floor(random() * 4);
    for (let i = 0; i < extra; i++) x.set(pick(), (x.get(pick()) ?? 0) + 0.03 * random());
    const kept = [...x.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
    const n = 10 + Math.floor(random() * 111);
    const total = kept.reduce((sum, [, v]) => sum + v, 0);
    const counts = new Map(
      kept.map(([s, v]) => [s, Math.round((v / total) * n)] as const).filter(([, c]) => c > 0),
    );
    if (counts.size === 0) continue;
    const atoms = [...counts.values()].reduce((a, b) => a + b, 0);
    out.push({ fractions: new Map([...counts].map(([s, c]) => [s, c / atoms])), counts });
  }
  return out;
}

/** Hydride-mode outputs: H ≥ 0.4 plus one or two elements, 2–15 atoms. */
export function hydrideCandidates(count: number, seed: number): Map<string, number>[] {
  const random = mulberry32(seed);
  const others = ELEMNET_SYMBOLS.filter((s) => s !== 'H');
  const out: Map<string, number>[] = [];
  while (out.length < count) {
    const atoms = 2 + Math.floor(random() * 14);
    const hydrogen = Math.max(1, Math.ceil(0.4 * atoms + random() * 0.6 * atoms) - 1);
    const rest = atoms - hydrogen;
    if (rest < 1) continue;
    const counts = new Map([['H', hydrogen]]);
    const first = others[Math.floor(random() * others.length)]!;
    const second = others[Math.floor(random() * others.length)]!;
    const split = rest > 1 && random() < 0.5 ? 1 + Math.floor(random() * (rest - 1)) : rest;
    counts.set(first, split);
    if (split < rest) counts.set(second, (counts.get(second) ?? 0) + rest - split);
    out.push(counts);
  }
  return out;
}
