import type { Db } from '@kiago/db';
import { z } from 'zod';
import type { ReportModelMetrics, ReportModels, ReportSuperconductorMetrics } from '../report-data.js';

const SQL = `SELECT tc.manifest AS tc, ef.manifest AS ef,
    ARRAY(SELECT m.version FROM unnest(coalesce(r.tc_ensemble_model_version_ids, '{}')) WITH ORDINALITY AS e(id, n)
      JOIN model_versions m ON m.id = e.id ORDER BY e.n) AS "tcEnsembleMembers"
  FROM runs r
  JOIN model_versions tc ON tc.id = r.tc_model_version_id
  JOIN model_versions ef ON ef.id = r.ef_model_version_id
  WHERE r.id = $1`;

// What the report reads of a stored manifest (packages/optimiser models/manifest.ts); the report does
// not load TensorFlow, and a manifest it cannot read only hides the model section's numbers.
const metrics = z.object({ count: z.number(), mae: z.number(), rmse: z.number(), r2: z.number().nullable() });
const superconductorMetrics = metrics.extend({
  fractionPredictedAbove0K: z.number().nullable(),
  fractionPredictedAbove1K: z.number().nullable(),
});
const manifestSchema = z.object({
  version: z.string(),
  architecture: z.string(),
  width: z.number(),
  data: z.object({ splitKind: z.string() }),
  metrics: z.object({
    unit: z.string(),
    test: z.object({
      overall: metrics,
      byFamily: z.record(z.string(), metrics).optional(),
      superconductors: z
        .object({ overall: superconductorMetrics, byFamily: z.record(z.string(), superconductorMetrics) })
        .optional(),
    }),
  }),
  elementalOffsets: z
    .object({ efEvPerAtom: z.record(z.string(), z.number()), exponent: z.number(), test: metrics })
    .optional(),
});

// jsonb keeps keys in its own order; the report shows families in the manifest's (the Tc trainer's).
const FAMILY_ORDER = ['cuprate', 'iron-based', 'hydride', 'other'];
const familyRank = (family: string) => {
  const index = FAMILY_ORDER.indexOf(family);
  return index < 0 ? FAMILY_ORDER.length : index;
};

const errors = ({ count, mae, rmse, r2 }: z.infer<typeof metrics>) => ({ rows: count, mae, rmse, r2 });
const superconductors = (
  m: z.infer<typeof superconductorMetrics> | undefined,
): ReportSuperconductorMetrics | null =>
  m
    ? {
        ...errors(m),
        fractionPredictedAbove0K: m.fractionPredictedAbove0K,
        fractionPredictedAbove1K: m.fractionPredictedAbove1K,
      }
    : null;

function modelMetrics(stored: unknown): ReportModelMetrics | null {
  const parsed = manifestSchema.safeParse(stored);
  if (!parsed.success) return null;
  const manifest = parsed.data;
  const { test } = manifest.metrics;
  const offsets = manifest.elementalOffsets;
  return {
    version: manifest.version,
    architecture: manifest.architecture,
    width: manifest.width,
    unit: manifest.metrics.unit,
    splitKind: manifest.data.splitKind,
    overall: errors(test.overall),
    families: Object.entries(test.byFamily ?? {})
      .sort(([a], [b]) => familyRank(a) - familyRank(b) || a.localeCompare(b))
      .map(([family, all]) => ({
        family,
        all: errors(all),
        superconductors: superconductors(test.superconductors?.byFamily[family]),
      })),
    superconductors: superconductors(test.superconductors?.overall),
    elementalCorrection: offsets
      ? {
          exponent: offsets.exponent,
          maxAbsOffsetEvPerAtom: Math.max(...Object.values(offsets.efEvPerAtom).map(Math.abs)),
          correctedTestMae: offsets.test.mae,
        }
      : null,
  };
}

/** The run's pinned models with their held-out metrics, and its Tc ensemble's members. */
export async function reportModels(db: Pick<Db, 'pool'>, runId: string): Promise<ReportModels> {
  const { rows } = await db.pool.query<{ tc: unknown; ef: unknown; tcEnsembleMembers: string[] }>(SQL, [
    runId,
  ]);
  const row = rows[0];
  if (!row) return { tc: null, ef: null, tcEnsembleMembers: [] };
  return { tc: modelMetrics(row.tc), ef: modelMetrics(row.ef), tcEnsembleMembers: row.tcEnsembleMembers };
}
