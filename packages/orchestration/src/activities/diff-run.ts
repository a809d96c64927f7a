import { NotFoundError, parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import { computeRunDiff, type RunDiffReport } from '../runs/compute-run-diff.js';
import type { OrchestratorActivityDeps } from './orchestrator-activity-deps.js';

const diffInputSchema = z.object({ runId: z.uuid('must be a run uuid') });

/** Stores the diff of a run against its previous run (RunDiff, one per run; a re-run replaces it). */
export async function diffRun(
  deps: OrchestratorActivityDeps,
  raw: z.input<typeof diffInputSchema>,
): Promise<Pick<RunDiffReport, 'previousRunId' | 'materials'> | null> {
  const { runId } = parseOrThrow(diffInputSchema, raw, 'diffRun input');
  const run = await deps.db.prisma.run.findUnique({ where: { id: runId }, select: { previousRunId: true } });
  if (!run) throw new NotFoundError('run', runId);
  if (!run.previousRunId) return null;
  const report = await computeRunDiff(deps.db, runId, run.previousRunId);
  const json = JSON.parse(JSON.stringify(report));
  await deps.db.prisma.runDiff.upsert({
    where: { runId },
    create: { runId, previousRunId: run.previousRunId, report: json },
    update: { previousRunId: run.previousRunId, report: json },
  });
  return { previousRunId: report.previousRunId, materials: report.materials };
}
