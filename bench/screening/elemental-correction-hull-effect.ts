// What ElemNet's elemental correction (Ef − Σ x_i^k·Ef(element i), packages/optimiser
// models/elemental-correction.ts) does to a finished run's hull distances. The run's candidates and
// the reference energies of its ElemNet version were computed WITH the correction (this code); the
// uncorrected energies are those plus Σ x_i^k·Ef(element i), with the network's own elemental values.
// Both hulls are then solved for every candidate against the same reference set:
//   DATABASE_URL=... node bench/screening/elemental-correction-hull-effect.ts --run <run id>
//     [--reference-set mp] [--max-ehull 0.1] [--exponent 1]
// --exponent also shows what another exponent than the shipped one would have done (e.g. 1, linear).
// Prints how many candidates (and distinct formulas) change their hull verdict (e_above_hull ≤ max)
// and the shift of e_above_hull in meV/atom. Reads only.
import { parseArgs } from 'node:util';
import { createDb } from '@kiago/db';
import {
  ELEMENTAL_CORRECTION_EXPONENT,
  elemNetElementalOffsets,
  loadModelArtifact,
  selectTfBackend,
} from '@kiago/optimiser';
import {
  findReferenceSet,
  type HullReference,
  hullDistance,
  hullEnergySource,
  loadReferenceSystems,
} from '@kiago/screening';
import { type Composition, normaliseComposition, parseFormula } from '@kiago/shared';
import { fmt } from './bench-db.ts';

const { values } = parseArgs({
  options: {
    run: { type: 'string' },
    'reference-set': { type: 'string', default: 'mp' },
    'max-ehull': { type: 'string', default: '0.1' },
    exponent: { type: 'string' },
  },
});
if (!values.run) throw new Error('--run <run id> is required');
const maxEHull = Number(values['max-ehull']);
const db = createDb({ databaseUrl: process.env.DATABASE_URL ?? '' });
await selectTfBackend('auto', () => undefined);

try {
  const { rows: runs } = await db.pool.query<{ efId: string; path: string; version: string }>(
    `SELECT r.ef_model_version_id AS "efId", m.path, m.version FROM runs r
     JOIN model_versions m ON m.id = r.ef_model_version_id WHERE r.id = $1`,
    [values.run],
  );
  const run = runs[0];
  if (!run) throw new Error(`no run ${values.run}`);
  const { model } = await loadModelArtifact(run.path, { expectedKind: 'ef' });
  const offsets = elemNetElementalOffsets(model);
  model.dispose();
  /** What a correction with exponent k subtracts from a composition's Ef. */
  const shiftWith = (k: number) => (composition: Composition) => {
    let sum = 0;
    for (const [symbol, fraction] of normaliseComposition(composition)) {
      sum += fraction ** k * (offsets[symbol] ?? 0);
    }
    return sum;
  };
  const shift = shiftWith(ELEMENTAL_CORRECTION_EXPONENT);

  const referenceSet = await findReferenceSet(db, values['reference-set']);
  const energySource = await hullEnergySource(db, referenceSet.id, run.efId);
  if (energySource.kind !== 'model')
    throw new Error('the run used DFT reference energies: nothing to compare');
  const { rows: candidates } = await db.pool.query<{ formula: string; ef: number; stored: number | null }>(
    `SELECT formula, ef_ev_per_atom AS ef, e_above_hull_ev_per_atom AS stored FROM candidates
     WHERE run_id = $1 AND ef_ev_per_atom <> 'NaN'`,
    [values.run],
  );
  const parsed = candidates.map((c) => ({ ...c, composition: parseFormula(c.formula) }));
  const systems = await loadReferenceSystems(db, {
    referenceSetId: referenceSet.id,
    referenceSetName: referenceSet.name,
    energySource,
    elementSets: parsed.map((c) => c.composition.keys()),
  });
  // A hull variant: every energy moved from the stored (shipped-exponent) one by `delta(composition)`.
  const variant = (delta: (composition: Composition) => number) => {
    const cache = new Map<string, number>();
    return {
      references: (references: readonly HullReference[]) =>
        references.map((reference) => {
          let ef = cache.get(reference.id);
          if (ef === undefined) {
            ef = reference.efEvPerAtom + delta(reference.composition);
            cache.set(reference.id, ef);
          }
          return { ...reference, efEvPerAtom: ef };
        }),
      ef: (composition: Composition, stored: number) => stored + delta(composition),
    };
  };
  const uncorrectedHull = variant(shift);
  const other = values.exponent === undefined ? undefined : Number(values.exponent);
  const otherShift = other === undefined ? undefined : shiftWith(other);
  const otherHull = otherShift && variant((c) => shift(c) - otherShift(c));
  let otherChanged = 0;

  let changed = 0;
  let gained = 0;
  const changedFormulas = new Set<string>();
  const formulas = new Set<string>();
  const shifts: number[] = [];
  let storedMismatch = 0;
  for (const candidate of parsed) {
    const within = systems.index.referencesWithin(candidate.composition.keys());
    const corrected = hullDistance({ composition: candidate.composition, efEvPerAtom: candidate.ef }, within);
    const raw = hullDistance(
      {
        composition: candidate.composition,
        efEvPerAtom: uncorrectedHull.ef(candidate.composition, candidate.ef),
      },
      uncorrectedHull.references(within),
    );
    if (otherHull) {
      const alternative = hullDistance(
        {
          composition: candidate.composition,
          efEvPerAtom: otherHull.ef(candidate.composition, candidate.ef),
        },
        otherHull.references(within),
      ).eAboveHullEvPerAtom;
      if (alternative <= maxEHull !== raw.eAboveHullEvPerAtom <= maxEHull) otherChanged++;
    }
    const after = corrected.eAboveHullEvPerAtom;
    const before = raw.eAboveHullEvPerAtom;
    if (candidate.stored !== null && Math.abs(candidate.stored - after) > 1e-6) storedMismatch++;
    formulas.add(candidate.formula);
    shifts.push(after - before);
    if (after <= maxEHull !== before <= maxEHull) {
      changed++;
      if (after <= maxEHull) gained++;
      changedFormulas.add(candidate.formula);
    }
  }
  const meanMeV = (xs: number[]) => (1000 * xs.reduce((a, b) => a + b, 0)) / Math.max(1, xs.length);
  const offsetValues = Object.values(offsets).map(Math.abs);
  console.log(
    `run ${values.run}: Ef ${run.version}, elemental offsets up to ${fmt(Math.max(...offsetValues), 3)} eV/atom, ` +
      `k = ${ELEMENTAL_CORRECTION_EXPONENT}; reference set ${referenceSet.name} (model energies)`,
  );
  console.log(
    `candidates ${parsed.length} (${formulas.size} distinct formulas); verdict e_above_hull ≤ ${maxEHull} eV/atom ` +
      `changes for ${changed} candidates (${gained} now within, ${changed - gained} now outside), ` +
      `${changedFormulas.size} distinct formulas`,
  );
  console.log(
    `e_above_hull shift (corrected − uncorrected): mean ${fmt(meanMeV(shifts), 2)} meV/atom, mean |shift| ` +
      `${fmt(meanMeV(shifts.map(Math.abs)), 2)} meV/atom, max |shift| ${fmt(1000 * Math.max(...shifts.map(Math.abs)), 1)} meV/atom`,
  );
  if (other !== undefined) {
    console.log(`with exponent ${other} instead, the verdict would change for ${otherChanged} candidates`);
  }
  console.log(`stored e_above_hull differing from the recomputed corrected one: ${storedMismatch}`);
} finally {
  await db.close();
}
