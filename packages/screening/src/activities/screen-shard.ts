import { CompositionError, FormulaError, parseFormula } from '@kiago/shared';
import { screeningCounts } from '../counts/screening-counts.js';
import { type CandidateScreenFlags, screenCandidate } from '../screen-candidate.js';
import { screenOptionsFromSpec } from '../spec/screen-options-from-spec.js';
import { DEFAULT_BATCH_SIZE, type ScreeningActivityDeps } from './activity-deps.js';
import { parseShardId } from './activity-input.js';
import { loadShardContext } from './load-run-context.js';
import { readShardCandidates, type StoredCandidate, updateInBatches } from './shard-candidates.js';

export interface UnreadableCandidate {
  candidateId: string;
  formula: string;
  reason: string;
}

export interface ScreenShardSummary {
  shardId: string;
  candidates: number;
  passed: number;
  /** Candidates failing each check (one candidate may fail several). */
  failed: {
    chargeNeutral: number;
    electronegativity: number;
    formationEnergy: number;
    elementCount: number;
    hydrideLimits: number;
    substitution: number;
  };
  /** Candidates whose stored formula cannot be screened (first 20 listed); stored with passed = false. */
  unreadable: number;
  unreadableExamples: UnreadableCandidate[];
  /** Rows whose flags changed (0 when the shard was already screened with the same result). */
  rowsUpdated: number;
}

// Rows already holding the same flags are skipped, so a re-run rewrites nothing. The shard_id
// condition makes Postgres fetch the shard's rows by index; joined on id alone it merge-joins by
// walking the primary key from the start of the table (O(table) per batch).
const UPDATE_SQL = `UPDATE candidates c SET
    charge_neutral = u.charge_neutral, electronegativity_ok = u.electronegativity_ok,
    ef_negative = u.ef_negative, element_count_ok = u.element_count_ok, passed = u.passed
  FROM unnest($1::bigint[], $2::bool[], $3::bool[], $4::bool[], $5::bool[], $6::bool[])
    AS u(id, charge_neutral, electronegativity_ok, ef_negative, element_count_ok, passed)
  WHERE c.shard_id = $7 AND c.id = u.id
    AND (c.charge_neutral, c.electronegativity_ok, c.ef_negative, c.element_count_ok, c.passed)
      IS DISTINCT FROM (u.charge_neutral, u.electronegativity_ok, u.ef_negative, u.element_count_ok, u.passed)`;

interface ScreenedRow {
  id: string;
  chargeNeutral: boolean | null;
  electronegativityOk: boolean | null;
  efNegative: boolean | null;
  elementCountOk: boolean | null;
  passed: boolean;
}

const MAX_EXAMPLES = 20;

/**
 * Screens every candidate of a shard with the run's spec (mode, oxidation states, element limit,
 * Ef rule) and writes the flags back in bulk. Idempotent. A stored formula that cannot be screened
 * (unknown element, empty, non-integer beyond recovery) gets passed = false with the other flags
 * null — never a crash, never a pass. Flags with no column (hydride limits, substitution) count
 * through `passed` and the summary. Hydride mode stores electronegativity_ok = null (not applicable).
 */
export async function screenShard(
  deps: ScreeningActivityDeps,
  shardIdInput: string,
): Promise<ScreenShardSummary> {
  const shardId = parseShardId(shardIdInput, 'screenShard');
  const context = await loadShardContext(deps.db, shardId);
  const options = screenOptionsFromSpec(context.spec, context.baseFormula);
  const candidates = await readShardCandidates(deps.db, shardId);

  const summary: ScreenShardSummary = {
    shardId,
    candidates: candidates.length,
    passed: 0,
    failed: {
      chargeNeutral: 0,
      electronegativity: 0,
      formationEnergy: 0,
      elementCount: 0,
      hydrideLimits: 0,
      substitution: 0,
    },
    unreadable: 0,
    unreadableExamples: [],
    rowsUpdated: 0,
  };
  const rows = candidates.map((candidate): ScreenedRow => {
    const flags = screenStored(candidate, options);
    if ('reason' in flags) {
      summary.unreadable++;
      if (summary.unreadableExamples.length < MAX_EXAMPLES) {
        summary.unreadableExamples.push({
          candidateId: candidate.id,
          formula: candidate.formula,
          reason: flags.reason,
        });
      }
      return {
        id: candidate.id,
        chargeNeutral: null,
        electronegativityOk: null,
        efNegative: null,
        elementCountOk: null,
        passed: false,
      };
    }
    tally(summary, flags);
    return {
      id: candidate.id,
      chargeNeutral: flags.chargeNeutral,
      electronegativityOk: flags.electronegativityOk,
      efNegative: flags.formationEnergyOk,
      elementCountOk: flags.elementCountOk,
      passed: flags.valid,
    };
  });

  const total = rows.length;
  summary.rowsUpdated = await updateInBatches(deps.db, rows, {
    sql: UPDATE_SQL,
    batchSize: deps.batchSize ?? DEFAULT_BATCH_SIZE,
    params: (batch) => [
      batch.map((r) => r.id),
      batch.map((r) => r.chargeNeutral),
      batch.map((r) => r.electronegativityOk),
      batch.map((r) => r.efNegative),
      batch.map((r) => r.elementCountOk),
      batch.map((r) => r.passed),
      shardId,
    ],
    onBatch: (done) => deps.heartbeat?.({ stage: 'screen', done, total }),
  });
  deps.logger.info('screenShard done', { ...summary, unreadableExamples: undefined });
  return summary;
}

function screenStored(
  candidate: StoredCandidate,
  options: ReturnType<typeof screenOptionsFromSpec>,
): CandidateScreenFlags | { reason: string } {
  let counts: ReadonlyMap<string, number>;
  try {
    counts = screeningCounts(parseFormula(candidate.formula));
  } catch (error) {
    if (error instanceof FormulaError || error instanceof CompositionError) return { reason: error.message };
    throw error;
  }
  // Errors past this point concern the spec (e.g. an inconsistent substitution), not the row: they fail the shard.
  return screenCandidate({ counts, efEvPerAtom: candidate.efEvPerAtom }, options);
}

function tally(summary: ScreenShardSummary, flags: CandidateScreenFlags): void {
  if (flags.valid) summary.passed++;
  const { failed } = summary;
  if (!flags.chargeNeutral) failed.chargeNeutral++;
  if (flags.electronegativityOk === false) failed.electronegativity++;
  if (flags.formationEnergyOk === false) failed.formationEnergy++;
  if (!flags.elementCountOk) failed.elementCount++;
  if (flags.hydrideLimitsOk === false) failed.hydrideLimits++;
  if (flags.substitutionOk === false) failed.substitution++;
}
