/**
 * Screening library throughput on one core (pure compute; no database, no Temporal).
 * Run: npx turbo run build --filter=@kiago/screening && node bench/screening/throughput.ts [--data-dir DIR]
 * (bench/screening/hull-db.ts measures the hull with its database reads.)
 */

import {
  groupReferencesBySystem,
  type HullReference,
  hullDistance,
  screenCandidate,
  screenComposition,
  screenHydride,
} from '@kiago/screening';
import { mulberry32 } from '@kiago/shared';
import { mpHullReferences } from './bench-args.ts';
import { hydrideCandidates, kiagoLikeCandidates } from './candidates.ts';

const CANDIDATES = 4096;

/** Best of `rounds` timed passes (the first also warms the JIT). */
function timeBest(rounds: number, run: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best / 1000;
}
const perSecond = (items: number, seconds: number) => Math.round(items / seconds).toLocaleString('en-US');

// 1. SMACT-style screening.
const candidates = await kiagoLikeCandidates(CANDIDATES, 1);
const sizes = candidates.map((c) => c.counts.size);
console.log(
  `candidates: ${CANDIDATES}, elements ${Math.min(...sizes)}–${Math.max(...sizes)} (mean ${(sizes.reduce((a, b) => a + b, 0) / sizes.length).toFixed(2)}, ${sizes.filter((n) => n >= 6).length} with ≥ 6)`,
);
for (const set of ['smact14', 'icsd24'] as const) {
  let valid = 0;
  let neutral = 0;
  const seconds = timeBest(5, () => {
    valid = 0;
    neutral = 0;
    for (const c of candidates) {
      const r = screenComposition(c.counts, { oxidationStateSet: set, maxElements: 8 });
      valid += r.valid ? 1 : 0;
      neutral += r.chargeNeutral ? 1 : 0;
    }
  });
  console.log(
    `screenComposition ${set}: ${perSecond(CANDIDATES, seconds)} compositions/s (${(seconds * 1000).toFixed(1)} ms for ${CANDIDATES}; neutral ${neutral}, valid ${valid})`,
  );
}
// Stress: 8 elements drawn from those with the most states (8–10 each), counts up to 199, so
// the Cartesian product is ~10^7 assignments per composition and no fast path applies.
const MANY_STATES = [
  'Mn',
  'Os',
  'Ir',
  'Re',
  'Ru',
  'Tc',
  'Cr',
  'Mo',
  'W',
  'Fe',
  'Pt',
  'Cl',
  'N',
  'S',
  'C',
  'P',
  'Br',
  'Si',
];
const stressRandom = mulberry32(4);
const stress = Array.from({ length: CANDIDATES }, () => {
  const counts = new Map<string, number>();
  while (counts.size < 8)
    counts.set(
      MANY_STATES[Math.floor(stressRandom() * MANY_STATES.length)]!,
      1 + Math.floor(stressRandom() * 199),
    );
  return counts;
});
let stressValid = 0;
const stressSeconds = timeBest(3, () => {
  stressValid = 0;
  for (const counts of stress)
    stressValid += screenComposition(counts, { oxidationStateSet: 'smact14', maxElements: 8 }).valid ? 1 : 0;
});
console.log(
  `screenComposition smact14, 8 elements × 8–10 states, counts ≤ 199: ${perSecond(CANDIDATES, stressSeconds)} compositions/s (valid ${stressValid})`,
);

const efRandom = mulberry32(2);
const efs = candidates.map(() => -2 + 2.5 * efRandom());
const screenSeconds = timeBest(5, () => {
  candidates.forEach((c, i) => {
    screenCandidate(
      { counts: c.counts, efEvPerAtom: efs[i]! },
      { oxidationStateSet: 'smact14', maxElements: 8, mode: { kind: 'normal' } },
    );
  });
});
console.log(`screenCandidate (normal mode, all flags): ${perSecond(CANDIDATES, screenSeconds)} candidates/s`);

// 2. Hydride rule.
const hydrides = hydrideCandidates(CANDIDATES, 3);
let hydrideValid = 0;
const hydrideSeconds = timeBest(5, () => {
  hydrideValid = 0;
  for (const counts of hydrides)
    hydrideValid += screenHydride(counts, { oxidationStateSet: 'smact14' }).valid ? 1 : 0;
});
console.log(`screenHydride: ${perSecond(CANDIDATES, hydrideSeconds)} compositions/s (valid ${hydrideValid})`);

// 3. Convex-hull distance against the real MP references.
const loadStarted = performance.now();
const references: HullReference[] = await mpHullReferences();
const loadSeconds = (performance.now() - loadStarted) / 1000;
const indexStarted = performance.now();
const index = groupReferencesBySystem(references);
const indexSeconds = (performance.now() - indexStarted) / 1000;
console.log(
  `references: ${references.length} in ${index.systems.size} systems; load ${loadSeconds.toFixed(2)} s, index ${indexSeconds.toFixed(3)} s`,
);

let gathered = 0;
let maxGathered = 0;
const gatherSeconds = timeBest(3, () => {
  for (const c of candidates) index.referencesWithin(c.fractions.keys());
});
const hullSeconds = timeBest(3, () => {
  gathered = 0;
  maxGathered = 0;
  candidates.forEach((c, i) => {
    const within = index.referencesWithin(c.fractions.keys());
    gathered += within.length;
    maxGathered = Math.max(maxGathered, within.length);
    hullDistance({ composition: c.fractions, efEvPerAtom: efs[i]! }, within);
  });
});
console.log(
  `hull: ${perSecond(CANDIDATES, hullSeconds)} candidates/s (${(hullSeconds * 1000).toFixed(0)} ms for ${CANDIDATES}; gather alone ${(gatherSeconds * 1000).toFixed(0)} ms; references per candidate mean ${(gathered / CANDIDATES).toFixed(1)}, max ${maxGathered})`,
);
