import { SpecError } from '@kiago/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../client/create-db.js';
import { createRunFixture, type RunFixture, testDatabaseUrl } from '../testing/index.js';
import type { CandidateInsert } from './candidate-insert.js';
import { insertCandidates } from './insert-candidates.js';

function candidate(fixture: RunFixture, shard: number, slot: number): CandidateInsert {
  return {
    shardId: fixture.shardIds[shard]!,
    runId: fixture.runId,
    slot,
    composition: { La: 0.2857, Cu: 0.1429, O: 0.5714 },
    formula: 'La2CuO4',
    nUnits: 7,
    tcKelvin: 30 + slot,
    efEvPerAtom: -2.1,
    tcContinuousKelvin: 31 + slot,
    efContinuousEvPerAtom: -2.05,
    elementSetKey: 'Cu-La-O',
  };
}

describe('insertCandidates', () => {
  let db: Db;
  let fixture: RunFixture;

  beforeAll(async () => {
    db = createDb({ databaseUrl: testDatabaseUrl() });
    fixture = await createRunFixture(db, { shardCount: 2 });
  });
  afterAll(() => db?.close());

  it('inserts in several batches and skips every row on a retried write', async () => {
    const rows = [0, 1].flatMap((shard) =>
      Array.from({ length: 25 }, (_, slot) => candidate(fixture, shard, slot)),
    );

    expect(await insertCandidates(db, rows, { batchSize: 7 })).toEqual({ inserted: 50, skipped: 0 });
    expect(await insertCandidates(db, rows, { batchSize: 7 })).toEqual({ inserted: 0, skipped: 50 });

    const count = await db.prisma.candidate.count({ where: { runId: fixture.runId } });
    expect(count).toBe(50);
  });

  it('inserts only the missing slots of a partially written shard, and duplicates within one call once', async () => {
    const other = await createRunFixture(db, { shardCount: 1 });
    await insertCandidates(db, [candidate(other, 0, 0), candidate(other, 0, 2)]);
    const retry = [0, 1, 2, 3, 3].map((slot) => candidate(other, 0, slot));

    expect(await insertCandidates(db, retry)).toEqual({ inserted: 2, skipped: 3 });
    const slots = await db.prisma.candidate.findMany({
      where: { shardId: other.shardIds[0]! },
      select: { slot: true },
      orderBy: { slot: 'asc' },
    });
    expect(slots.map((s) => s.slot)).toEqual([0, 1, 2, 3]);
  });

  it('stores every column, derives elements from the element set and leaves unset columns null', async () => {
    const other = await createRunFixture(db, { shardCount: 1 });
    const material = await db.prisma.material.create({
      data: { canonicalKey: `La2CuO4-${other.runId}`, formula: 'La2CuO4', elementSetKey: 'Cu-La-O' },
    });
    const row = {
      ...candidate(other, 0, 0),
      tcBaseKelvin: 25.5,
      deltaTcKelvin: 4.5,
      efNegative: false,
      passed: true,
      materialId: material.id,
    };
    await insertCandidates(db, [row]);

    const stored = await db.prisma.candidate.findFirstOrThrow({ where: { shardId: other.shardIds[0]! } });
    expect(stored).toMatchObject({
      slot: 0,
      composition: { La: 0.2857, Cu: 0.1429, O: 0.5714 },
      formula: 'La2CuO4',
      nUnits: 7,
      tcKelvin: 30,
      efEvPerAtom: -2.1,
      tcContinuousKelvin: 31,
      efContinuousEvPerAtom: -2.05,
      tcBaseKelvin: 25.5,
      deltaTcKelvin: 4.5,
      eAboveHullEvPerAtom: null,
      chargeNeutral: null,
      efNegative: false,
      passed: true,
      materialId: material.id,
      elementSetKey: 'Cu-La-O',
      elements: ['Cu', 'La', 'O'],
    });
  });

  it("refuses a row whose runId is not its shard's run, and writes none of the batch", async () => {
    const other = await createRunFixture(db, { shardCount: 1 });
    const rows = [candidate(other, 0, 0), { ...candidate(other, 0, 1), runId: fixture.runId }];
    await expect(insertCandidates(db, rows)).rejects.toThrow(/candidates_shard_id_run_id_fkey/);
    expect(await db.prisma.candidate.count({ where: { shardId: other.shardIds[0]! } })).toBe(0);
  });

  it('rejects NaN Tc and a malformed element set, naming the row and field, and writes nothing', async () => {
    const other = await createRunFixture(db, { shardCount: 1 });
    const good = candidate(other, 0, 0);
    const bad = [good, { ...candidate(other, 0, 1), tcKelvin: Number.NaN }];
    await expect(insertCandidates(db, bad)).rejects.toThrow(SpecError);
    await expect(insertCandidates(db, bad)).rejects.toThrow(/1\.tcKelvin/);
    await expect(insertCandidates(db, [{ ...good, elementSetKey: 'La,Cu,O' }])).rejects.toThrow(
      /0\.elementSetKey/,
    );
    expect(await db.prisma.candidate.count({ where: { runId: other.runId } })).toBe(0);
  });
});
