import { createDb, type Db, insertCandidates } from '@kiago/db';
import { createRunFixture, testDatabaseUrl } from '@kiago/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCandidateRows } from './candidate-rows.js';
import { testSpec, tinyModels } from './fixtures/tiny-models.js';
import { optimiseShard } from './optimise-shard.js';
import type { ShardModels } from './optimiser-step.js';
import type { ShardResult } from './shard-result.js';

describe('toCandidateRows', () => {
  let db: Db;
  let models: ShardModels & { dispose(): void };
  let result: ShardResult;

  beforeAll(async () => {
    db = createDb({ databaseUrl: testDatabaseUrl() });
    models = await tinyModels();
    result = await optimiseShard({
      spec: testSpec({ candidatesPerShard: 6, steps: 4 }),
      base: 'LaNiAsO',
      seed: 9,
      shardIndex: 0,
      models,
    });
  });
  afterAll(async () => {
    models?.dispose();
    await db?.close();
  });

  it('writes every candidate of a shard through insertCandidates, idempotently', async () => {
    const fixture = await createRunFixture(db, { shardCount: 1 });
    const rows = toCandidateRows(result, { shardId: fixture.shardIds[0]!, runId: fixture.runId });
    expect(rows).toHaveLength(6);
    expect(await insertCandidates(db, rows)).toEqual({ inserted: 6, skipped: 0 });
    expect(await insertCandidates(db, rows)).toEqual({ inserted: 0, skipped: 6 });
    const stored = await db.prisma.candidate.findFirstOrThrow({
      where: { shardId: fixture.shardIds[0]!, slot: 2 },
    });
    const source = result.candidates[2]!;
    expect(stored.formula).toBe(source.formula);
    expect(stored.nUnits).toBe(source.nUnits);
    expect(stored.tcKelvin).toBeCloseTo(source.tcKelvin!, 5);
    expect(stored.deltaTcKelvin).toBeCloseTo(source.tcKelvin! - result.baseTcKelvin, 5);
    expect(stored.composition).toEqual(source.composition);
  });

  it('leaves out candidates without an integer form or with a non-finite prediction', () => {
    const broken: ShardResult = {
      ...result,
      candidates: result.candidates.map((candidate, slot) =>
        slot === 0
          ? {
              ...candidate,
              nUnits: null,
              counts: null,
              formula: null,
              tcKelvin: null,
              efEvPerAtom: null,
              failure: 'non-finite-composition',
            }
          : slot === 1
            ? { ...candidate, tcKelvin: Number.NaN }
            : candidate,
      ),
    };
    const rows = toCandidateRows(broken, {
      shardId: '00000000-0000-4000-8000-000000000000',
      runId: '00000000-0000-4000-8000-000000000001',
    });
    expect(rows.map((row) => row.slot)).toEqual([2, 3, 4, 5]);
    expect(rows[0]?.elementSetKey).toMatch(/^[A-Z][a-z]?(-[A-Z][a-z]?)*$/);
  });
});
