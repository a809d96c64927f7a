import { createDb, type Db } from '@kiago/db';
import { testDatabaseUrl } from '@kiago/db/testing';
import { SpecError } from '@kiago/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScreeningRun } from '../activities/fixtures/screening-run.js';
import { summariseRun } from './summarise-run.js';

describe('summariseRun', () => {
  let db: Db;
  beforeAll(() => {
    db = createDb({ databaseUrl: testDatabaseUrl() });
  });
  afterAll(() => db?.close());

  it('stores pass rates, the best passed candidates with ΔTc, per-base results and the failed shards', async () => {
    const fixture = await createScreeningRun(
      db,
      [
        [
          { formula: 'La2CuO4', efEvPerAtom: -2, tcKelvin: 40 },
          { formula: 'La3CuO4', efEvPerAtom: -1, tcKelvin: 60 }, // fails screening
          { formula: 'Sr2CuO3', efEvPerAtom: -1.5, tcKelvin: 45 }, // too far above the hull
        ],
        [],
      ],
      { screening: { maxEhullEvPerAtom: 0.1 } },
    );
    const [shard0, shard1] = fixture.shardIds;
    await db.pool.query(
      `UPDATE candidates SET tc_base_kelvin = 38, delta_tc_kelvin = tc_kelvin - 38,
         passed = formula <> 'La3CuO4', e_above_hull_ev_per_atom = CASE formula WHEN 'Sr2CuO3' THEN 0.3 ELSE 0 END
       WHERE shard_id = $1`,
      [shard0],
    );
    await db.prisma.shard.update({ where: { id: shard0! }, data: { status: 'SUCCEEDED' } });
    await db.prisma.shard.update({
      where: { id: shard1! },
      data: { status: 'FAILED', errorType: 'ECONNRESET', lastError: 'read ECONNRESET', attempts: 6 },
    });

    const summary = await summariseRun(db, fixture.runId);
    expect(summary).toMatchObject({
      shards: { total: 2, succeeded: 1, failed: 1, cancelled: 0, unfinished: 0 },
      failedShards: [
        {
          index: 1,
          baseFormula: 'La2CuO4',
          errorType: 'ECONNRESET',
          lastError: 'read ECONNRESET',
          attempts: 6,
        },
      ],
      candidates: 3,
      passed: 2,
      passRate: 2 / 3,
      formulas: 3,
      passedFormulas: 2,
      passRatePerFormula: 2 / 3,
      outOfDomain: 0,
      withinHull: 1,
      materials: 0,
      deltaTcKelvin: { best: 2, meanOfTop: 2 },
    });
    // The hit list honours the spec's hull bound: Sr2CuO3 passed screening but sits 0.3 eV/atom above.
    expect(summary.top.map((c) => [c.formula, c.tcKelvin, c.deltaTcKelvin])).toEqual([['La2CuO4', 40, 2]]);
    expect(summary.byBase).toEqual([
      {
        baseFormula: 'La2CuO4',
        tcBaseKelvin: 38,
        candidates: 3,
        passed: 2,
        bestTcKelvin: 45,
        bestDeltaTcKelvin: 7,
      },
    ]);
    const stored = await db.prisma.run.findUniqueOrThrow({ where: { id: fixture.runId } });
    expect(stored.summary).toEqual(JSON.parse(JSON.stringify(summary)));
  });

  it('refuses a malformed run id as bad input', async () => {
    await expect(summariseRun(db, 'run-1')).rejects.toBeInstanceOf(SpecError);
  });
});
