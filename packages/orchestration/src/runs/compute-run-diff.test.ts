import { randomUUID } from 'node:crypto';
import { createDb, type Db } from '@kiago/db';
import { createRunFixture, testDatabaseUrl } from '@kiago/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeRunDiff } from './compute-run-diff.js';

describe('computeRunDiff', () => {
  let db: Db;
  beforeAll(() => {
    db = createDb({ databaseUrl: testDatabaseUrl() });
  });
  afterAll(() => db?.close());

  /** A run whose deduped materials have these best Tc values (the candidate rows are not needed). */
  async function runWith(materials: Record<string, number>, campaignId?: string) {
    const fixture = await createRunFixture(db, { shardCount: 1, ...(campaignId && { campaignId }) });
    for (const [key, tcKelvin] of Object.entries(materials)) {
      const material = await db.prisma.material.upsert({
        where: { canonicalKey: key },
        create: { canonicalKey: key, formula: key.replace(/^diff-[0-9a-f]+-/, ''), elementSetKey: 'X' },
        update: {},
      });
      await db.prisma.runMaterial.create({
        data: {
          runId: fixture.runId,
          materialId: material.id,
          bestCandidateId: 1n,
          bestTcKelvin: tcKelvin,
          hitCount: 1,
        },
      });
    }
    return fixture;
  }

  it('reports materials new to and dropped from the top-k, and the Tc changes of shared ones', async () => {
    const tag = `diff-${randomUUID().slice(0, 6)}-`;
    const previous = await runWith({ [`${tag}A`]: 40, [`${tag}B`]: 30, [`${tag}C`]: 20, [`${tag}D`]: 10 });
    const current = await runWith(
      { [`${tag}A`]: 42, [`${tag}B`]: 30, [`${tag}E`]: 35, [`${tag}C`]: 5 },
      previous.campaignId,
    );
    const report = await computeRunDiff(db, current.runId, previous.runId, 3);
    const formulas = (list: { formula: string }[]) => list.map((m) => m.formula);
    expect(formulas(report.newInTopK)).toEqual(['E']); // top-3 now A, E, B; before A, B, C
    expect(formulas(report.droppedFromTopK)).toEqual(['C']);
    expect(
      report.tcChanges.map((c) => [c.formula, c.previousTcKelvin, c.currentTcKelvin, c.deltaTcKelvin]),
    ).toEqual([
      ['C', 20, 5, -15],
      ['A', 40, 42, 2],
    ]);
    expect(report.materials).toEqual({ previous: 4, current: 4, onlyCurrent: 1, onlyPrevious: 1, shared: 3 });
    expect(report.modelVersions).toEqual({
      previous: { tc: 'fixture', ef: 'fixture' },
      current: { tc: 'fixture', ef: 'fixture' },
    });
  });
});
