/**
 * mulberry32: a tiny, fast 32-bit PRNG. Not for cryptography; it exists so that a seed (a model
 * manifest's split seed, a shard's optimiser seed, a benchmark's or a property test's) reproduces
 * the same sequence on any machine and Node version (Math.random cannot be seeded). Never change
 * the algorithm: the shipped models' splits depend on it, and its test pins the published output.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of `items` in place, driven by `random` (values in [0, 1)). */
export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
