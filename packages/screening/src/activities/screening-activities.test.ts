import { randomUUID } from 'node:crypto';
import { createDb, type Db } from '@kiago/db';
import { testDatabaseUrl } from '@kiago/db/testing';
import { NotFoundError, parseFormula, SpecError } from '@kiago/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReferences } from '../references/import-references.js';
import { ReferenceEnergiesMissingError, ReferenceSetNotFoundError } from '../references/reference-errors.js';
import type { ScreeningProgress } from './activity-deps.js';
import { createScreeningActivities, type ScreeningActivities } from './create-screening-activities.js';
import { createScreeningRun, type FixtureCandidate, storedCandidates } from './fixtures/screening-run.js';

const candidate = (formula: string, efEvPerAtom: number, tcKelvin: number): FixtureCandidate => ({
  formula,
  efEvPerAtom,
  tcKelvin,
});

// Shard 0 covers every outcome; shard 1 repeats Sr2CuO3 so the run has three hits of one key.
const SHARDS = [
  [
    candidate('Sr2CuO3', -1.2, 30), // 0/0 passes; no Cu–O–Sr reference: e_above_hull = Ef
    candidate('Sr4Cu2O6', -1.1, 35), // 0/1 same key as Sr2CuO3, best Tc
    candidate('Fe3Al', -0.3, 5), // 0/2 all-metal; 0.2 above the Fe–FeAl facet
    candidate('FeAl', -1.0, 6), // 0/3 on the hull
    candidate('NaCl2', -0.5, 7), // 0/4 not charge-neutral
    candidate('Sr2CuO3', Number.NaN, 50), // 0/5 broken Ef prediction
    candidate('Xx2O', -1.0, 60), // 0/6 unknown element
    candidate('Nb3Sn', -0.4, 23), // 0/7 outside every reference system
  ],
  [candidate('Sr2CuO3', -1.2, 32)], // 1/0
];

describe('screening activities on a fixture run', () => {
  let db: Db;
  let activities: ScreeningActivities;
  let runId: string;
  let shardIds: string[];
  let campaignId: string;
  const referenceSet = `test-activities-${randomUUID().slice(0, 8)}`;
  const progress: ScreeningProgress[] = [];

  beforeAll(async () => {
    db = createDb({ databaseUrl: testDatabaseUrl() });
    await importReferences(db, {
      set: referenceSet,
      source: 'hand-written fixture',
      rows: [
        { sourceId: 'r-FeAl', formula: 'FeAl', composition: parseFormula('FeAl'), dftEfEvPerAtom: -1.0 },
        { sourceId: 'r-Fe2Al', formula: 'Fe2Al', composition: parseFormula('Fe2Al'), dftEfEvPerAtom: -0.5 },
        { sourceId: 'r-NaCl', formula: 'NaCl', composition: parseFormula('NaCl'), dftEfEvPerAtom: -2.0 },
        { sourceId: 'r-MgB2', formula: 'MgB2', composition: parseFormula('MgB2'), dftEfEvPerAtom: -0.1 },
      ],
    });
    activities = createScreeningActivities({
      db,
      logger: { info: () => undefined, warn: () => undefined },
      heartbeat: (p) => progress.push(p),
      hullReferenceSet: referenceSet,
      batchSize: 3,
    });
    const fixture = await createScreeningRun(db, SHARDS, { screening: { maxEhullEvPerAtom: 0.1 } });
    ({ runId, shardIds, campaignId } = fixture);
  });
  afterAll(() => db?.close());

  it('screenShard writes every flag in bulk; NaN Ef and an unknown element fail with reasons', async () => {
    const summary = await activities.screenShard(shardIds[0]!);
    expect(summary).toMatchObject({ candidates: 8, passed: 5, unreadable: 1, rowsUpdated: 8 });
    expect(summary.failed).toMatchObject({ chargeNeutral: 1, formationEnergy: 1 });
    expect(summary.unreadableExamples[0]?.reason).toMatch(/Xx/);
    expect(progress.at(-1)).toEqual({ stage: 'screen', done: 8, total: 8 });

    const rows = await storedCandidates(db, runId);
    expect(rows.get('0/0')).toMatchObject({ charge_neutral: true, electronegativity_ok: true, passed: true });
    expect(rows.get('0/4')).toMatchObject({ charge_neutral: false, passed: false });
    expect(rows.get('0/5')).toMatchObject({ charge_neutral: true, ef_negative: false, passed: false });
    expect(rows.get('0/6')).toMatchObject({ charge_neutral: null, ef_negative: null, passed: false });
    expect(rows.get('1/0')?.passed).toBeNull(); // other shard untouched
    await activities.screenShard(shardIds[1]!);
  });

  it('hullShard reads only the candidates’ systems and stores e_above_hull (NaN when undefined)', async () => {
    const summary = await activities.hullShard(shardIds[0]!);
    expect(summary).toMatchObject({
      referenceSet,
      energySource: { kind: 'dft' },
      candidates: 8,
      computed: 6,
      nonFinite: 2,
      unreadable: 1,
      referencesLoaded: 3, // FeAl, Fe2Al, NaCl; never MgB2
    });
    const rows = await storedCandidates(db, runId);
    const eHull = (key: string) => rows.get(key)?.e_above_hull_ev_per_atom;
    expect(eHull('0/0')).toBeCloseTo(-1.2, 12);
    expect(eHull('0/2')).toBeCloseTo(0.2, 12);
    expect(eHull('0/3')).toBeCloseTo(0, 12);
    // NaCl2 over NaCl (−2.0 at x_Cl = 1/2) and Cl: E_hull = −4/3.
    expect(eHull('0/4')).toBeCloseTo(-0.5 + 4 / 3, 12);
    expect(eHull('0/5')).toBeNaN();
    expect(eHull('0/6')).toBeNaN();
    expect(eHull('0/7')).toBeCloseTo(-0.4, 12); // pure elements only: E_hull = 0
    await activities.hullShard(shardIds[1]!);
  });

  it('dedupeRun links hits to shared materials and keeps the best candidate and hit count', async () => {
    const summary = await activities.dedupeRun(runId);
    expect(summary).toMatchObject({ hits: 5, materials: 3, newMaterials: 3, unreadable: 0 });
    const rows = await storedCandidates(db, runId);
    const material = (key: string) => rows.get(key)?.material_id;
    expect(material('0/0')).toBeTruthy();
    expect(material('0/1')).toBe(material('0/0'));
    expect(material('1/0')).toBe(material('0/0'));
    expect(material('0/2')).toBeNull(); // 0.2 eV/atom above the hull > maxEhull 0.1
    expect(material('0/5')).toBeNull(); // failed screening
    const runMaterials = await db.prisma.runMaterial.findMany({
      where: { runId },
      include: { material: true },
      orderBy: { bestTcKelvin: 'desc' },
    });
    expect(
      runMaterials.map((rm) => [rm.material.canonicalKey, rm.material.formula, rm.bestTcKelvin, rm.hitCount]),
    ).toEqual([
      ['O3CuSr2', 'Sr2CuO3', 35, 3],
      ['Nb3Sn', 'Nb3Sn', 23, 1],
      ['AlFe', 'FeAl', 6, 1],
    ]);
    expect(String(runMaterials[0]!.bestCandidateId)).toBe(rows.get('0/1')!.id);
    expect(runMaterials[0]!.material.firstSeenRunId).toBe(runId);
  });

  it('is idempotent: a second pass of every activity changes no row', async () => {
    const before = await storedCandidates(db, runId);
    const runMaterialsBefore = await db.prisma.runMaterial.findMany({ where: { runId } });
    expect((await activities.screenShard(shardIds[0]!)).rowsUpdated).toBe(0);
    expect((await activities.hullShard(shardIds[0]!)).rowsUpdated).toBe(0);
    expect(await activities.dedupeRun(runId)).toMatchObject({
      newMaterials: 0,
      candidatesChanged: 0,
      runMaterialsChanged: 0,
      runMaterialsRemoved: 0,
    });
    expect(await storedCandidates(db, runId)).toEqual(before);
    expect(await db.prisma.runMaterial.findMany({ where: { runId } })).toEqual(runMaterialsBefore);
  });

  it('shares a Material with a later run of the campaign and follows a changed hull bound', async () => {
    const later = await createScreeningRun(db, [[candidate('Sr2CuO3', -1.2, 40)]], {}, campaignId);
    // Both stages in one call (the activity a shard runs): flags, then e_above_hull.
    const stages = await activities.screenAndHullShard(later.shardIds[0]!);
    expect(stages).toMatchObject({
      screen: { candidates: 1, passed: 1, rowsUpdated: 1 },
      hull: { candidates: 1, computed: 1, rowsUpdated: 1 },
    });
    expect((await storedCandidates(db, later.runId)).get('0/0')).toMatchObject({
      passed: true,
      e_above_hull_ev_per_atom: -1.2,
    });
    const summary = await activities.dedupeRun(later.runId);
    expect(summary).toMatchObject({ hits: 1, materials: 1, newMaterials: 0 });
    const shared = await db.prisma.runMaterial.findFirstOrThrow({
      where: { runId: later.runId },
      include: { material: true },
    });
    expect(shared.material.firstSeenRunId).toBe(runId);

    // The later run's spec has no hull bound: the first run's Fe3Al counts there once re-deduped.
    const relaxed = await activities.dedupeRun(runId);
    expect(relaxed).toMatchObject({ hits: 6, materials: 4, newMaterials: 1, runMaterialsChanged: 1 });
  });

  it('uses the run’s Ef model energies once cached, and refuses a partial cache', async () => {
    const { efModelVersionId } = await db.prisma.run.findUniqueOrThrow({ where: { id: runId } });
    const entries = await db.prisma.referenceEntry.findMany({
      where: { referenceSet: { name: referenceSet } },
    });
    const id = (sourceId: string) => entries.find((e) => e.sourceId === sourceId)!.id;
    const energy = (sourceId: string, efEvPerAtom: number) => ({
      referenceEntryId: id(sourceId),
      modelVersionId: efModelVersionId,
      efEvPerAtom,
    });
    await db.prisma.referenceEnergy.createMany({ data: [energy('r-FeAl', -2.0)] });
    const partial = activities.hullShard(shardIds[0]!);
    await expect(partial).rejects.toBeInstanceOf(ReferenceEnergiesMissingError);
    await expect(partial).rejects.toThrow(new RegExp(`model version ${efModelVersionId}.*2 reference`));

    await db.prisma.referenceEnergy.createMany({ data: [energy('r-Fe2Al', -0.5), energy('r-NaCl', -2.0)] });
    const summary = await activities.hullShard(shardIds[0]!);
    expect(summary.energySource).toEqual({ kind: 'model', modelVersionId: efModelVersionId });
    // FeAl at −2.0 puts the Fe–FeAl facet at −1.0 under Fe3Al.
    expect((await storedCandidates(db, runId)).get('0/2')?.e_above_hull_ev_per_atom).toBeCloseTo(0.7, 12);
  });

  it('rejects bad ids with non-retryable typed errors and names a missing reference set', async () => {
    const badId = activities.screenShard('shard-7');
    await expect(badId).rejects.toBeInstanceOf(SpecError);
    await expect(badId).rejects.toMatchObject({
      nonRetryable: true,
      message: /shardId: must be a shard uuid/,
    });
    await expect(activities.dedupeRun('')).rejects.toThrow(/runId/);
    await expect(activities.hullShard(randomUUID())).rejects.toBeInstanceOf(NotFoundError);

    const missingSet = createScreeningActivities({
      db,
      logger: { info: () => undefined, warn: () => undefined },
      hullReferenceSet: 'never-imported',
    });
    const missing = missingSet.hullShard(shardIds[0]!);
    await expect(missing).rejects.toBeInstanceOf(ReferenceSetNotFoundError);
    await expect(missing).rejects.toThrow(/run kiago refs import never-imported/);
  });
});
