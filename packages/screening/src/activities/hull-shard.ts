import { type Composition, CompositionError, FormulaError, KiagoError, parseFormula } from '@kiago/shared';
import { hullDistance } from '../hull/hull-distance.js';
import { hullEnergySource } from '../references/hull-energy-source.js';
import { loadReferenceSystems, type ReferenceEnergySource } from '../references/load-reference-systems.js';
import { findReferenceSet } from '../references/reference-sets.js';
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_HULL_REFERENCE_SET,
  type ScreeningActivityDeps,
} from './activity-deps.js';
import { parseShardId } from './activity-input.js';
import { loadShardContext } from './load-run-context.js';
import type { UnreadableCandidate } from './screen-shard.js';
import { readShardCandidates, updateInBatches } from './shard-candidates.js';

export interface HullShardSummary {
  shardId: string;
  referenceSet: string;
  energySource: ReferenceEnergySource;
  candidates: number;
  /** Candidates with a finite e_above_hull. */
  computed: number;
  /** Candidates stored with e_above_hull = NaN: non-finite Ef, unreadable formula or a failed solve. */
  nonFinite: number;
  unreadable: number;
  unreadableExamples: UnreadableCandidate[];
  referencesLoaded: number;
  systemKeysQueried: number;
  /** References of the DFT kind without a DFT energy (skipped by the hull). */
  referencesWithoutEnergy: number;
  rowsUpdated: number;
}

// NaN = NaN in Postgres, so a re-run finds every row unchanged and rewrites nothing; shard_id keeps
// the join on the shard's rows (see screen-shard.ts).
const UPDATE_SQL = `UPDATE candidates c SET e_above_hull_ev_per_atom = u.e_above_hull
  FROM unnest($1::bigint[], $2::float8[]) AS u(id, e_above_hull)
  WHERE c.shard_id = $3 AND c.id = u.id AND c.e_above_hull_ev_per_atom IS DISTINCT FROM u.e_above_hull`;

const MAX_EXAMPLES = 20;
/** Heartbeat cadence while computing (the writes heartbeat per batch). */
const HEARTBEAT_EVERY = 512;

/**
 * e_above_hull of every candidate of a shard against the deps' reference set (default "mp"), with
 * the energies `hullEnergySource` picks for the run. References are read once for the whole shard:
 * only those inside some candidate's chemical system. Elements are implicit at Ef = 0, so a
 * candidate whose system has no reference at all gets E_hull = 0 and e_above_hull = its own Ef.
 * A candidate whose Ef is not finite, whose formula cannot be read, or whose LP fails is stored
 * with e_above_hull = NaN (never null, which means "not computed yet"; NaN is excluded by every
 * `≤ max` filter) and counted in the summary. The decomposition is not stored (no column): `kiago
 * hull FORMULA` prints it. Idempotent.
 */
export async function hullShard(
  deps: ScreeningActivityDeps,
  shardIdInput: string,
): Promise<HullShardSummary> {
  const shardId = parseShardId(shardIdInput, 'hullShard');
  const context = await loadShardContext(deps.db, shardId);
  const referenceSet = await findReferenceSet(deps.db, deps.hullReferenceSet ?? DEFAULT_HULL_REFERENCE_SET);
  const energySource = await hullEnergySource(deps.db, referenceSet.id, context.efModelVersionId);
  const stored = await readShardCandidates(deps.db, shardId);

  const unreadableExamples: UnreadableCandidate[] = [];
  let unreadable = 0;
  const candidates = stored.map((candidate) => {
    const composition = readComposition(candidate.formula);
    if (typeof composition === 'string') {
      unreadable++;
      if (unreadableExamples.length < MAX_EXAMPLES)
        unreadableExamples.push({
          candidateId: candidate.id,
          formula: candidate.formula,
          reason: composition,
        });
      return { id: candidate.id, composition: undefined, efEvPerAtom: candidate.efEvPerAtom };
    }
    return { id: candidate.id, composition, efEvPerAtom: candidate.efEvPerAtom };
  });

  const systems = await loadReferenceSystems(deps.db, {
    referenceSetId: referenceSet.id,
    referenceSetName: referenceSet.name,
    energySource,
    elementSets: candidates.flatMap((c) => (c.composition ? [c.composition.keys()] : [])),
  });
  const total = candidates.length;
  const rows = candidates.map((candidate, i) => {
    if ((i + 1) % HEARTBEAT_EVERY === 0) deps.heartbeat?.({ stage: 'hull', done: i + 1, total });
    const { composition } = candidate;
    let eAboveHull = Number.NaN;
    if (composition) {
      try {
        const within = systems.index.referencesWithin(composition.keys());
        eAboveHull = hullDistance(
          { composition, efEvPerAtom: candidate.efEvPerAtom },
          within,
        ).eAboveHullEvPerAtom;
      } catch (error) {
        if (!(error instanceof KiagoError)) throw error;
        deps.logger.warn('hullShard: no hull for candidate', {
          candidateId: candidate.id,
          error: error.message,
        });
      }
    }
    return { id: candidate.id, eAboveHull };
  });

  const computed = rows.filter((row) => Number.isFinite(row.eAboveHull)).length;
  const rowsUpdated = await updateInBatches(deps.db, rows, {
    sql: UPDATE_SQL,
    batchSize: deps.batchSize ?? DEFAULT_BATCH_SIZE,
    params: (batch) => [batch.map((r) => r.id), batch.map((r) => r.eAboveHull), shardId],
    onBatch: (done) => deps.heartbeat?.({ stage: 'hull', done, total }),
  });
  const summary: HullShardSummary = {
    shardId,
    referenceSet: referenceSet.name,
    energySource,
    candidates: total,
    computed,
    nonFinite: total - computed,
    unreadable,
    unreadableExamples,
    referencesLoaded: systems.references.length,
    systemKeysQueried: systems.systemKeysQueried,
    referencesWithoutEnergy: systems.withoutEnergy,
    rowsUpdated,
  };
  deps.logger.info('hullShard done', { ...summary, unreadableExamples: undefined });
  return summary;
}

function readComposition(formula: string): Composition | string {
  try {
    return parseFormula(formula);
  } catch (error) {
    if (error instanceof FormulaError || error instanceof CompositionError) return error.message;
    throw error;
  }
}
