import type { Db } from '@kiago/db';
import type { FunnelStage, FunnelStageKey, PassRateFunnel } from '../report-data.js';

// Each stage keeps the candidates of the previous one that also pass its check (cumulative funnel).
const CHARGE = 'charge_neutral';
const EN = `${CHARGE} AND electronegativity_ok`;
const EF = `${EN} AND ef_negative`;
const COUNT_OK = `${EF} AND element_count_ok`;
const HULL = `${COUNT_OK} AND e_above_hull_ev_per_atom <= $2::float8`;

// Rates per candidate hide collapse onto a few formulas (and per formula hide the reverse), so every
// stage counts both: candidates, and distinct integer formulas among them.
const SQL = `SELECT count(*)::int AS generated,
    count(*) FILTER (WHERE ${CHARGE})::int AS "chargeNeutral",
    count(*) FILTER (WHERE ${EN})::int AS "electronegativityOk",
    count(*) FILTER (WHERE ${EF})::int AS "efNegative",
    count(*) FILTER (WHERE ${COUNT_OK})::int AS "elementCountOk",
    count(*) FILTER (WHERE ${HULL})::int AS "withinHull",
    count(DISTINCT material_id) FILTER (WHERE ${HULL})::int AS "uniqueMaterials",
    count(DISTINCT formula)::int AS "generatedFormulas",
    count(DISTINCT formula) FILTER (WHERE ${CHARGE})::int AS "chargeNeutralFormulas",
    count(DISTINCT formula) FILTER (WHERE ${EN})::int AS "electronegativityOkFormulas",
    count(DISTINCT formula) FILTER (WHERE ${EF})::int AS "efNegativeFormulas",
    count(DISTINCT formula) FILTER (WHERE ${COUNT_OK})::int AS "elementCountOkFormulas",
    count(DISTINCT formula) FILTER (WHERE ${HULL})::int AS "withinHullFormulas",
    count(DISTINCT material_id) FILTER (WHERE ${HULL})::int AS "uniqueMaterialsFormulas",
    bool_or(material_id IS NOT NULL) AS deduplicated
  FROM candidates WHERE run_id = $1`;

const LABELS: Record<FunnelStageKey, (eHull: number) => string> = {
  generated: () => 'generated',
  chargeNeutral: () => 'charge-neutral',
  electronegativityOk: () => 'electronegativity ok',
  efNegative: () => 'Ef < 0',
  elementCountOk: () => 'element count ok',
  withinHull: (eHull) => `e_hull ≤ ${eHull} eV/atom`,
  uniqueMaterials: () => 'unique materials',
};

/** generated → charge-neutral → EN ok → Ef < 0 → element count → e_hull ≤ threshold → unique materials. */
export async function passRateFunnel(
  db: Pick<Db, 'pool'>,
  runId: string,
  eHullThreshold: PassRateFunnel['eHullThreshold'],
): Promise<PassRateFunnel> {
  const { rows } = await db.pool.query<Record<string, number> & { deduplicated: boolean | null }>(SQL, [
    runId,
    eHullThreshold.eHullEvPerAtom,
  ]);
  const row = rows[0];
  const stages: FunnelStage[] = (Object.keys(LABELS) as FunnelStageKey[]).map((key) => ({
    key,
    label: LABELS[key](eHullThreshold.eHullEvPerAtom),
    count: row?.[key] ?? 0,
    distinctFormulas: row?.[`${key}Formulas`] ?? 0,
  }));
  return { eHullThreshold, stages, deduplicated: row?.deduplicated === true };
}
