import { SpecError } from '@kiago/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../client/create-db.js';
import { createRunFixture, type RunFixture, testDatabaseUrl } from '../testing/index.js';
import { updateCandidateEnsembles } from './candidate-ensembles.js';
import { insertCandidates } from './insert-candidates.js';
import { type TopCandidatesQuery, topCandidates } from './top-candidates.js';

interface Spec {
  formula: string;
  tcKelvin: number;
  elementSetKey: string;
  passed: boolean | null;
  eAboveHullEvPerAtom: number | null;
}

// Hand-built: every filter keeps a different, known subset. Run B's Tc interleave with run A's.
const RUN_A: Spec[] = [
  { formula: 'La2CuO4', tcKelvin: 100, elementSetKey: 'Cu-La-O', passed: true, eAboveHullEvPerAtom: 0 },
  {
    formula: 'HgBa2CuO4',
    tcKelvin: 90,
    elementSetKey: 'Ba-Cu-Hg-O',
    passed: false,
    eAboveHullEvPerAtom: 0.3,
  },
  { formula: 'LaFeAsO', tcKelvin: 80, elementSetKey: 'As-Fe-La-O', passed: true, eAboveHullEvPerAtom: 0.1 },
  { formula: 'La3Cu2O7', tcKelvin: 70, elementSetKey: 'Cu-La-O', passed: null, eAboveHullEvPerAtom: null },
  { formula: 'MgB2', tcKelvin: 60, elementSetKey: 'B-Mg', passed: true, eAboveHullEvPerAtom: 0.02 },
];
const RUN_B: Spec[] = [
  { formula: 'YBa2Cu3O7', tcKelvin: 95, elementSetKey: 'Ba-Cu-O-Y', passed: true, eAboveHullEvPerAtom: 0.01 },
  { formula: 'La4Cu3O10', tcKelvin: 85, elementSetKey: 'Cu-La-O', passed: true, eAboveHullEvPerAtom: 0.05 },
  { formula: 'MgB4', tcKelvin: 50, elementSetKey: 'B-Mg', passed: false, eAboveHullEvPerAtom: 0.5 },
];

async function insertSpecs(db: Db, fixture: RunFixture, specs: Spec[]): Promise<void> {
  await insertCandidates(
    db,
    specs.map((spec, slot) => ({
      ...spec,
      shardId: fixture.shardIds[0]!,
      runId: fixture.runId,
      slot,
      composition: { X: 1 },
      nUnits: 4,
      efEvPerAtom: -1,
      tcContinuousKelvin: spec.tcKelvin + 1,
      efContinuousEvPerAtom: -1,
    })),
  );
}

describe('topCandidates', () => {
  let db: Db;
  let runA: RunFixture;
  let runB: RunFixture;
  const formulas = async (query: TopCandidatesQuery) =>
    (await topCandidates(db, query)).map((c) => c.formula);

  beforeAll(async () => {
    db = createDb({ databaseUrl: testDatabaseUrl() });
    runA = await createRunFixture(db, { shardCount: 1 });
    runB = await createRunFixture(db, { shardCount: 1, campaignId: runA.campaignId });
    await insertSpecs(db, runA, RUN_A);
    await insertSpecs(db, runB, RUN_B);
  });
  afterAll(() => db?.close());

  it('orders a run by Tc, highest first, and honours the limit', async () => {
    expect(await formulas({ runId: runA.runId })).toEqual([
      'La2CuO4',
      'HgBa2CuO4',
      'LaFeAsO',
      'La3Cu2O7',
      'MgB2',
    ]);
    expect(await formulas({ runId: runA.runId, limit: 2 })).toEqual(['La2CuO4', 'HgBa2CuO4']);
  });

  it('filters by screening result and hull distance (unknown hull distance never qualifies)', async () => {
    expect(await formulas({ runId: runA.runId, passedOnly: true })).toEqual(['La2CuO4', 'LaFeAsO', 'MgB2']);
    expect(await formulas({ runId: runA.runId, maxEHullEvPerAtom: 0.05 })).toEqual(['La2CuO4', 'MgB2']);
  });

  it('keeps candidates containing all included elements and none of the excluded ones', async () => {
    expect(await formulas({ runId: runA.runId, includeElements: ['Cu'] })).toEqual([
      'La2CuO4',
      'HgBa2CuO4',
      'La3Cu2O7',
    ]);
    expect(await formulas({ runId: runA.runId, includeElements: ['La', 'O', 'Cu'] })).toEqual([
      'La2CuO4',
      'La3Cu2O7',
    ]);
    expect(await formulas({ runId: runA.runId, excludeElements: ['Cu'] })).toEqual(['LaFeAsO', 'MgB2']);
    expect(await formulas({ runId: runA.runId, excludeElements: ['Hg', 'Fe'] })).toEqual([
      'La2CuO4',
      'La3Cu2O7',
      'MgB2',
    ]);
    expect(
      await formulas({
        runId: runA.runId,
        passedOnly: true,
        maxEHullEvPerAtom: 0.05,
        excludeElements: ['Mg'],
      }),
    ).toEqual(['La2CuO4']);
  });

  it('merges every run of a campaign by Tc', async () => {
    expect(await formulas({ campaignId: runA.campaignId })).toEqual([
      'La2CuO4',
      'YBa2Cu3O7',
      'HgBa2CuO4',
      'La4Cu3O10',
      'LaFeAsO',
      'La3Cu2O7',
      'MgB2',
      'MgB4',
    ]);
    expect(await formulas({ campaignId: runA.campaignId, limit: 3 })).toEqual([
      'La2CuO4',
      'YBa2Cu3O7',
      'HgBa2CuO4',
    ]);
    expect(
      await formulas({ campaignId: runA.campaignId, passedOnly: true, includeElements: ['Cu'] }),
    ).toEqual(['La2CuO4', 'YBa2Cu3O7', 'La4Cu3O10']);
    expect(await formulas({ runId: runB.runId })).toEqual(['YBa2Cu3O7', 'La4Cu3O10', 'MgB4']);
  });

  it('returns typed rows', async () => {
    const [best] = await topCandidates(db, { runId: runB.runId, limit: 1 });
    expect(best).toEqual({
      id: expect.stringMatching(/^\d+$/),
      runId: runB.runId,
      shardId: runB.shardIds[0],
      slot: 0,
      formula: 'YBa2Cu3O7',
      composition: { X: 1 },
      nUnits: 4,
      tcKelvin: 95,
      efEvPerAtom: -1,
      tcContinuousKelvin: 96,
      deltaTcKelvin: null,
      eAboveHullEvPerAtom: 0.01,
      passed: true,
      inDomain: true,
      materialId: null,
      elementSetKey: 'Ba-Cu-O-Y',
      elements: ['Ba', 'Cu', 'O', 'Y'],
      tcEnsembleMeanKelvin: null,
      tcEnsembleSdKelvin: null,
      tcEnsembleSize: null,
      tcLowerBoundKelvin: null,
    });
  });

  it('records whether every element is in the Tc training support, and filters on it', async () => {
    const run = await createRunFixture(db, { shardCount: 1 });
    await insertSpecs(db, run, [
      {
        formula: 'O10Cu8SrXe5',
        tcKelvin: 50,
        elementSetKey: 'Cu-O-Sr-Xe',
        passed: true,
        eAboveHullEvPerAtom: 0,
      },
      {
        formula: 'O14Cu5La7Ac',
        tcKelvin: 45,
        elementSetKey: 'Ac-Cu-La-O',
        passed: true,
        eAboveHullEvPerAtom: 0,
      },
      // U is in SuperCon often enough (UBe13, …): in domain, although no longer optimised by default.
      { formula: 'UBe13', tcKelvin: 40, elementSetKey: 'Be-U', passed: true, eAboveHullEvPerAtom: 0 },
      { formula: 'MgB2', tcKelvin: 39, elementSetKey: 'B-Mg', passed: true, eAboveHullEvPerAtom: 0 },
    ]);
    const rows = await topCandidates(db, { runId: run.runId });
    expect(rows.map((c) => [c.formula, c.inDomain])).toEqual([
      ['O10Cu8SrXe5', false],
      ['O14Cu5La7Ac', false],
      ['UBe13', true],
      ['MgB2', true],
    ]);
    expect(await formulas({ runId: run.runId, inDomainOnly: true })).toEqual(['UBe13', 'MgB2']);
  });

  it('ranks by the Tc ensemble lower bound mean − k·sd, leaving out candidates without one', async () => {
    // Run A slots: La2CuO4 100 ± 40, HgBa2CuO4 90 ± 5, LaFeAsO 80 ± 0; the rest have no ensemble.
    await updateCandidateEnsembles(db, {
      shardId: runA.shardIds[0]!,
      slots: [0, 1, 2],
      meanKelvin: [100, 90, 80],
      sdKelvin: [40, 5, 0],
      members: 3,
    });
    // k = 0: by the mean. k = 1: 60, 85, 80. k = 3: −20, 75, 80.
    expect(await formulas({ runId: runA.runId, rank: 'lcb', k: 0 })).toEqual([
      'La2CuO4',
      'HgBa2CuO4',
      'LaFeAsO',
    ]);
    expect(await formulas({ runId: runA.runId, rank: 'lcb', k: 1 })).toEqual([
      'HgBa2CuO4',
      'LaFeAsO',
      'La2CuO4',
    ]);
    const k3 = await topCandidates(db, { campaignId: runA.campaignId, rank: 'lcb', k: 3, limit: 2 });
    expect(k3.map((c) => [c.formula, c.tcLowerBoundKelvin])).toEqual([
      ['LaFeAsO', 80],
      ['HgBa2CuO4', 75],
    ]);
    expect(k3[0]).toMatchObject({ tcEnsembleMeanKelvin: 80, tcEnsembleSdKelvin: 0, tcEnsembleSize: 3 });
    // The filters still apply.
    expect(await formulas({ runId: runA.runId, rank: 'lcb', passedOnly: true })).toEqual([
      'LaFeAsO',
      'La2CuO4',
    ]);
    // Tc order is unchanged and says nothing about a bound.
    expect((await topCandidates(db, { runId: runA.runId, limit: 1 }))[0]?.tcLowerBoundKelvin).toBeNull();
    await expect(topCandidates(db, { runId: runA.runId, rank: 'lcb', k: -1 })).rejects.toThrow(
      /k must be ≥ 0/,
    );
  });

  it('rejects an ambiguous scope and bad element symbols, naming the field', async () => {
    await expect(topCandidates(db, {})).rejects.toThrow(/runId: give exactly one of runId or campaignId/);
    await expect(topCandidates(db, { runId: runA.runId, campaignId: runA.campaignId })).rejects.toThrow(
      SpecError,
    );
    await expect(topCandidates(db, { runId: runA.runId, includeElements: ['cu'] })).rejects.toThrow(
      /includeElements\.0/,
    );
  });
});
