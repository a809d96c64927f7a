import type { CandidateInsert } from '@kiago/db';
import { elementSetKey } from '@kiago/shared';
import type { ShardResult } from './shard-result.js';

export interface CandidateRowIds {
  shardId: string;
  runId: string;
}

/**
 * The shard's candidates as `insertCandidates` rows (screening, hull and material columns stay
 * null for the later stages). Candidates without an integer form or with a non-finite prediction
 * are left out: the database rejects NaN, and such a candidate has nothing to screen.
 */
export function toCandidateRows(result: ShardResult, ids: CandidateRowIds): CandidateInsert[] {
  const rows: CandidateInsert[] = [];
  for (const candidate of result.candidates) {
    const { counts, formula, nUnits, tcKelvin, efEvPerAtom } = candidate;
    if (counts === null || formula === null || nUnits === null || tcKelvin === null || efEvPerAtom === null)
      continue;
    const values = [tcKelvin, efEvPerAtom, candidate.tcContinuousKelvin, candidate.efContinuousEvPerAtom];
    if (!values.every(Number.isFinite)) continue;
    const baseKnown = Number.isFinite(result.baseTcKelvin);
    rows.push({
      shardId: ids.shardId,
      runId: ids.runId,
      slot: candidate.slot,
      composition: candidate.composition,
      formula,
      nUnits,
      tcKelvin,
      efEvPerAtom,
      tcContinuousKelvin: candidate.tcContinuousKelvin,
      efContinuousEvPerAtom: candidate.efContinuousEvPerAtom,
      tcBaseKelvin: baseKnown ? result.baseTcKelvin : null,
      deltaTcKelvin: baseKnown ? tcKelvin - result.baseTcKelvin : null,
      elementSetKey: elementSetKey(new Map(Object.entries(counts))),
    });
  }
  return rows;
}
