import type { Db } from '@kiago/db';
import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import { passRateFunnel } from './data/funnel-query.js';
import { reportModels } from './data/report-models-query.js';
import { reportRunPart } from './data/report-run-query.js';
import { tcHistogram } from './data/tc-histogram-query.js';
import { reportTopCandidates } from './data/top-candidates-query.js';
import { shardTrajectories } from './data/trajectory-query.js';
import type { PassRateFunnel, ReportData } from './report-data.js';

/** Used when neither the caller nor the campaign spec bounds e_above_hull (a common "near the hull" cut). */
export const DEFAULT_REPORT_MAX_EHULL_EV_PER_ATOM = 0.1;

const optionsSchema = z.object({
  runId: z.uuid('must be a run uuid'),
  /** Funnel's hull stage and the top table's bound; default: the spec's maxEhullEvPerAtom, else 0.1. */
  maxEHullEvPerAtom: z.number().min(0, 'must be ≥ 0 eV/atom').optional(),
  topLimit: z.int().min(1).max(500).default(30),
  /** The top table keeps candidates inside the Tc model's training support only. */
  inDomainOnly: z.boolean().default(false),
  trajectoryShards: z.int().min(0).max(50).default(8),
  histogramBins: z.int().min(1).max(200).default(30),
});
export type BuildRunReportOptions = Omit<z.input<typeof optionsSchema>, 'runId'>;

/**
 * Gathers a run's report from Postgres: Tc histograms (continuous vs integer), stored optimisation
 * trajectories, the pass-rate funnel and the top candidates with ΔTc vs their base. Every aggregate
 * is computed in SQL, so a run of millions of candidates reads a few kilobytes.
 */
export async function buildRunReport(
  db: Pick<Db, 'pool'>,
  runId: string,
  options: BuildRunReportOptions = {},
): Promise<ReportData> {
  const input = parseOrThrow(optionsSchema, { ...options, runId }, 'report options');
  const part = await reportRunPart(db, input.runId);
  const threshold: PassRateFunnel['eHullThreshold'] =
    input.maxEHullEvPerAtom !== undefined
      ? { eHullEvPerAtom: input.maxEHullEvPerAtom, source: 'option' }
      : part.spec?.maxEhullEvPerAtom != null
        ? { eHullEvPerAtom: part.spec.maxEhullEvPerAtom, source: 'spec' }
        : { eHullEvPerAtom: DEFAULT_REPORT_MAX_EHULL_EV_PER_ATOM, source: 'default' };
  const [histogram, trajectories, funnel, topCandidates, models] = await Promise.all([
    tcHistogram(db, input.runId, input.histogramBins),
    shardTrajectories(db, input.runId, input.trajectoryShards),
    passRateFunnel(db, input.runId, threshold),
    reportTopCandidates(db, input.runId, {
      limit: input.topLimit,
      maxEHullEvPerAtom: threshold.eHullEvPerAtom,
      inDomainOnly: input.inDomainOnly,
    }),
    reportModels(db, input.runId),
  ]);
  return {
    generatedAt: new Date().toISOString(),
    ...part,
    tcHistogram: histogram,
    trajectories,
    funnel,
    topCandidates,
    models,
  };
}
