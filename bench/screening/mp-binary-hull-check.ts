/**
 * Cross-check of hullDistance against Materials Project: rebuild every binary hull from
 * mp_convex_hull/mp_binaries_lowest_ehull.csv (formation_energy_per_atom, elements at 0) and compare
 * each entry's e_above_hull with the file's `energy_above_hull`.
 * Run: npx turbo run build --filter=@kiago/screening && node bench/screening/mp-binary-hull-check.ts
 */

import { loadMpBinariesHull } from '@kiago/datasets';
import { groupReferencesBySystem, type HullReference, hullDistance } from '@kiago/screening';
import { dataDir } from './bench-args.ts';

interface MpEntry extends HullReference {
  formula: string;
  mpEHullEvPerAtom: number;
  stable: boolean;
}

const entries: MpEntry[] = (await loadMpBinariesHull({ dataDir: dataDir() })).rows.map((row) => ({
  id: row.materialId,
  formula: row.formula,
  composition: row.composition,
  efEvPerAtom: row.efEvPerAtom,
  mpEHullEvPerAtom: row.eAboveHullEvPerAtom,
  stable: row.isStable,
}));
const index = groupReferencesBySystem(entries);

const started = performance.now();
const deviations = entries.map((entry) => {
  const ours = hullDistance(entry, index.referencesWithin(entry.composition.keys())).eAboveHullEvPerAtom;
  return { entry, ours, delta: ours - entry.mpEHullEvPerAtom };
});
const seconds = (performance.now() - started) / 1000;

const within = (tolerance: number) => deviations.filter((d) => Math.abs(d.delta) <= tolerance).length;
const share = (count: number) => `${count} (${((100 * count) / deviations.length).toFixed(2)}%)`;
const stable = deviations.filter((d) => d.entry.stable);
const worst = [...deviations].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
const below = deviations.filter((d) => d.delta < -1e-3).length;
const above = deviations.filter((d) => d.delta > 1e-3).length;

console.log(`entries: ${deviations.length} in ${index.systems.size} binary systems; ${seconds.toFixed(2)} s`);
console.log(`|ours − MP| ≤ 1e-6: ${share(within(1e-6))}`);
console.log(`|ours − MP| ≤ 1e-3: ${share(within(1e-3))}`);
console.log(`|ours − MP| ≤ 1e-2: ${share(within(1e-2))}`);
console.log(`max |ours − MP|: ${Math.abs(worst[0]!.delta).toFixed(4)} eV/atom (${worst[0]!.entry.formula})`);
console.log(`ours below MP by > 1e-3: ${below}; ours above MP by > 1e-3: ${above}`);
const offHull = stable.filter((d) => Math.abs(d.ours) > 1e-6);
console.log(
  `is_stable entries: ${stable.length}; at 0 within 1e-6: ${stable.length - offHull.length}; off: ${offHull.map((d) => d.entry.formula).join(' ')}`,
);
console.log('largest deviations (formula, Ef, MP e_hull, ours):');
for (const d of worst.slice(0, 12)) {
  console.log(
    `  ${d.entry.formula.padEnd(10)} ${d.entry.efEvPerAtom.toFixed(4).padStart(8)} ${d.entry.mpEHullEvPerAtom.toFixed(4).padStart(8)} ${d.ours.toFixed(4).padStart(8)}`,
  );
}
