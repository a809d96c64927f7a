import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFormula } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { hullDistance } from './hull-distance.js';
import { groupReferencesBySystem } from './reference-index.js';

// Real data, read in place (never copied): ../shared/data next to the repository.
const file = fileURLToPath(
  new URL('../../../../../shared/data/mp_convex_hull/mp_binaries_lowest_ehull.csv', import.meta.url),
);
const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
const column = (name: string) => header!.split(',').indexOf(name);
const entries = lines.map((line) => {
  const cells = line.split(',');
  return {
    id: cells[column('material_id')]!,
    formula: cells[column('formula_pretty')]!,
    composition: parseFormula(cells[column('formula_pretty')]!),
    efEvPerAtom: Number(cells[column('formation_energy_per_atom')]),
    stable: cells[column('is_stable')] === 'True',
  };
});
const index = groupReferencesBySystem(entries);
const results = entries.map((entry) => ({
  entry,
  result: hullDistance(entry, index.referencesWithin(entry.composition.keys())),
}));

/**
 * Stable in MP, yet the file's own formation energies put a mix of two other entries below them:
 * MP's stability flags come from its mixed GGA/GGA+U/r2SCAN hull, whose energies these
 * formation_energy_per_atom values do not always match (e.g. Np3Se4 at −1.894 eV/atom undercuts
 * every other Np–Se phase). Each one is re-proved below with plain arithmetic.
 */
const CONTRADICTED_BY_FILE = [
  'DyCo5',
  'ICl3',
  'Mg2Ag',
  'MgZn2',
  'MnIr3',
  'Np2Se3',
  'Np2Se5',
  'Np3Se5',
  'NpSe',
  'PuRh2',
  'Tb2Co7',
  'TbCo5',
  'Y2Co7',
];

describe('hullDistance on the real MP binaries table (10,180 entries, 4,639 stable)', () => {
  it('puts every is_stable entry at 0 within 1e-6, except the 13 the file itself contradicts', () => {
    const stable = results.filter(({ entry }) => entry.stable);
    expect(stable).toHaveLength(4639);
    const offHull = stable.filter(({ result }) => Math.abs(result.eAboveHullEvPerAtom) > 1e-6);
    expect(offHull.map(({ entry }) => entry.formula).sort()).toEqual(CONTRADICTED_BY_FILE);
  });

  it('each contradiction is real: its decomposition, recomputed by hand, is lower and has its composition', () => {
    const byId = new Map(entries.map((e) => [e.id, e]));
    for (const { entry, result } of results.filter((r) => CONTRADICTED_BY_FILE.includes(r.entry.formula))) {
      let energy = 0;
      const mixed = new Map<string, number>();
      for (const part of result.decomposition) {
        const phase = part.id === null ? parseFormula(part.formula) : byId.get(part.id)!.composition;
        energy += part.fraction * (part.id === null ? 0 : byId.get(part.id)!.efEvPerAtom);
        const atoms = [...phase.values()].reduce((a, b) => a + b, 0);
        for (const [symbol, amount] of phase)
          mixed.set(symbol, (mixed.get(symbol) ?? 0) + (part.fraction * amount) / atoms);
      }
      expect(energy).toBeLessThan(entry.efEvPerAtom - 5e-4);
      const atoms = [...entry.composition.values()].reduce((a, b) => a + b, 0);
      for (const [symbol, amount] of entry.composition)
        expect(mixed.get(symbol)).toBeCloseTo(amount / atoms, 9);
    }
  });

  it('never puts an entry below a hull that contains it, and skips nothing', () => {
    for (const { result } of results) {
      expect(result.eAboveHullEvPerAtom).toBeGreaterThanOrEqual(-1e-9);
      expect(result.referencesSkipped).toBe(0);
    }
  });

  it('matches a brute-force lower envelope over all pairs of points (an independent 1-D method)', () => {
    for (const { entry, result } of results) {
      const [a, b] = [...entry.composition.keys()].sort();
      const xOf = (comp: ReadonlyMap<string, number>) => {
        const total = [...comp.values()].reduce((s, v) => s + v, 0);
        return (comp.get(b!) ?? 0) / total;
      };
      const points = [
        { x: 0, e: 0 },
        { x: 1, e: 0 },
        ...index.referencesWithin([a!, b!]).map((r) => ({ x: xOf(r.composition), e: r.efEvPerAtom })),
      ];
      const x = xOf(entry.composition);
      let envelope = Number.POSITIVE_INFINITY;
      for (const p of points) {
        for (const q of points) {
          if (p.x <= x && x <= q.x && (p.x < q.x || p.x === x)) {
            const t = q.x === p.x ? 0 : (x - p.x) / (q.x - p.x);
            envelope = Math.min(envelope, p.e + t * (q.e - p.e));
          }
        }
      }
      expect(result.eHullEvPerAtom).toBeCloseTo(envelope, 9);
    }
  });
});
