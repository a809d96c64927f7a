import type { Db } from '@kiago/db';
import type { TcHistogram } from '../report-data.js';
import { binEdges, histogramBins } from './histogram-bins.js';

const FINITE = (column: string) =>
  `${column} NOT IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8)`;

const RANGE_SQL = `SELECT least(min(tc_kelvin) FILTER (WHERE ${FINITE('tc_kelvin')}),
      min(tc_continuous_kelvin) FILTER (WHERE ${FINITE('tc_continuous_kelvin')})) AS low,
    greatest(max(tc_kelvin) FILTER (WHERE ${FINITE('tc_kelvin')}),
      max(tc_continuous_kelvin) FILTER (WHERE ${FINITE('tc_continuous_kelvin')})) AS high,
    count(*) FILTER (WHERE NOT ${FINITE('tc_kelvin')} OR NOT ${FINITE('tc_continuous_kelvin')})::int AS "nonFinite"
  FROM candidates WHERE run_id = $1`;

// Bin index 0…count-1 (the bins cover the whole range, so the clamp only guards float edges).
const bucket = (column: string) => `least(greatest(floor((${column} - $2) / $3)::int, 0), $4 - 1)`;
const COUNTS_SQL = `SELECT 'integer' AS form, ${bucket('tc_kelvin')} AS bin, count(*)::int AS n
    FROM candidates WHERE run_id = $1 AND ${FINITE('tc_kelvin')} GROUP BY 2
  UNION ALL
  SELECT 'continuous', ${bucket('tc_continuous_kelvin')}, count(*)::int
    FROM candidates WHERE run_id = $1 AND ${FINITE('tc_continuous_kelvin')} GROUP BY 2`;

/** Tc distribution of a run's candidates, continuous and integer forms on shared bins (two scans in SQL). */
export async function tcHistogram(
  db: Pick<Db, 'pool'>,
  runId: string,
  targetBins = 30,
): Promise<TcHistogram | null> {
  const { rows } = await db.pool.query<{ low: number | null; high: number | null; nonFinite: number }>(
    RANGE_SQL,
    [runId],
  );
  const range = rows[0];
  if (!range || range.low === null || range.high === null) return null;
  const bins = histogramBins(range.low, range.high, targetBins);
  const counts = await db.pool.query<{ form: 'integer' | 'continuous'; bin: number; n: number }>(COUNTS_SQL, [
    runId,
    bins.lowKelvin,
    bins.widthKelvin,
    bins.count,
  ]);
  const histogram: TcHistogram = {
    binEdgesKelvin: binEdges(bins),
    continuous: new Array<number>(bins.count).fill(0),
    integer: new Array<number>(bins.count).fill(0),
    nonFinite: range.nonFinite,
  };
  for (const row of counts.rows) histogram[row.form][row.bin] = row.n;
  return histogram;
}
