import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, type Db } from '@kiago/db';
import { testDatabaseUrl } from '@kiago/db/testing';
import { NotFoundError, SpecError } from '@kiago/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRunReport } from './build-run-report.js';
import { createReportFixture, type ReportFixture } from './fixtures/report-fixture.js';

describe('buildRunReport', () => {
  let db: Db;
  let fixture: ReportFixture;

  beforeAll(async () => {
    db = createDb({ databaseUrl: testDatabaseUrl(), maxConnections: 4 });
    fixture = await createReportFixture(db);
  });
  afterAll(() => db?.close());

  it('reads the pinned models’ test metrics from their manifests, and the Tc ensemble members', async () => {
    // Before: the fixture's models have empty manifests, which the report shows as unreadable.
    expect((await buildRunReport(db, fixture.runId)).models).toEqual({
      tc: null,
      ef: null,
      tcEnsembleMembers: [],
    });
    const shipped = fileURLToPath(
      new URL('../../../models/shipped/tc-2026.12.07-ref-w0.25', import.meta.url),
    );
    const manifest = JSON.parse(await readFile(join(shipped, 'manifest.json'), 'utf8'));
    const version = `report-tc-${randomUUID().slice(0, 8)}`;
    const model = await db.prisma.modelVersion.create({
      data: { kind: 'TC', version, path: '/models/tc/report', manifest: { ...manifest, version } },
    });
    const { tcModelVersionId } = await db.prisma.run.findUniqueOrThrow({ where: { id: fixture.runId } });
    await db.prisma.run.update({
      where: { id: fixture.runId },
      data: { tcModelVersionId: model.id, tcEnsembleModelVersionIds: [model.id, model.id] },
    });
    const { models } = await buildRunReport(db, fixture.runId);
    await db.prisma.run.update({
      where: { id: fixture.runId },
      data: { tcModelVersionId, tcEnsembleModelVersionIds: [] },
    });
    expect(models.tc).toMatchObject({ version, unit: 'K', splitKind: 'grouped', overall: { rows: 4833 } });
    expect(models.tc?.superconductors).toMatchObject({ rows: 2374 });
    expect(models.tc?.superconductors?.mae).toBeCloseTo(8.28, 2);
    expect(models.tc?.families.map((f) => [f.family, f.superconductors?.rows])).toEqual([
      ['cuprate', 1084],
      ['iron-based', 178],
      ['hydride', 14],
      ['other', 1098],
    ]);
    expect(models.tcEnsembleMembers).toEqual([version, version]);
  });

  it('counts the funnel cumulatively, with the spec’s hull bound', async () => {
    const report = await buildRunReport(db, fixture.runId);
    expect(report.funnel.eHullThreshold).toEqual({ eHullEvPerAtom: 0.05, source: 'spec' });
    // La2CuO4 shard: 5 formulas × 48; MgB2 shard: 4 formulas × 60 (see report-fixture.ts).
    expect(Object.fromEntries(report.funnel.stages.map((s) => [s.key, s.count]))).toEqual({
      generated: 480,
      chargeNeutral: 372,
      electronegativityOk: 312,
      efNegative: 264,
      elementCountOk: 264,
      withinHull: 216,
      uniqueMaterials: 4,
    });
    expect(report.funnel.deduplicated).toBe(true);
    expect(report.funnel.stages.find((s) => s.key === 'generated')?.distinctFormulas).toBe(9);
  });

  it('bins the continuous and integer Tc of every candidate on shared edges', async () => {
    const { tcHistogram } = await buildRunReport(db, fixture.runId, { histogramBins: 20 });
    if (!tcHistogram) throw new Error('expected a histogram');
    const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
    expect(sum(tcHistogram.integer)).toBe(480);
    expect(sum(tcHistogram.continuous)).toBe(480);
    expect(tcHistogram.binEdgesKelvin).toHaveLength(tcHistogram.integer.length + 1);
    // Fixture Tc: 37 − 4.85 … 61 + 4.85 (+ up to 8 K for the continuous form).
    expect(tcHistogram.binEdgesKelvin[0]).toBeLessThanOrEqual(32.15);
    expect(tcHistogram.binEdgesKelvin.at(-1)).toBeGreaterThan(65.85);
    // The continuous form sits higher than the integer one: its mass is further right.
    const meanBin = (counts: number[]) => counts.reduce((acc, n, i) => acc + n * i, 0) / sum(counts);
    expect(meanBin(tcHistogram.continuous)).toBeGreaterThan(meanBin(tcHistogram.integer));
  });

  it('lists the best candidate per material with ΔTc vs its base, highest Tc first', async () => {
    const { topCandidates } = await buildRunReport(db, fixture.runId);
    expect(topCandidates.basis).toBe('best-per-material');
    expect(topCandidates.rows.map((r) => r.materialFormula)).toEqual([
      'O7Cu2La3',
      'B3Mg2',
      'O4CuLa2',
      'B2Mg',
    ]);
    const best = topCandidates.rows[0];
    expect(best).toMatchObject({ baseFormula: 'La2CuO4', tcBaseKelvin: 38, hitCount: 48 });
    expect(best?.deltaTcKelvin).toBeCloseTo((best?.tcKelvin ?? 0) - 38, 9);
    expect(best?.tcKelvin).toBeGreaterThan(48);
  });

  it('keeps the trajectories with the highest final best Tc, and the failed shard', async () => {
    const report = await buildRunReport(db, fixture.runId, { trajectoryShards: 1 });
    expect(report.trajectories.shardsWithTrajectory).toBe(2);
    expect(report.trajectories.shown.map((t) => t.baseFormula)).toEqual(['MgB2']);
    expect(report.trajectories.shown[0]?.step).toHaveLength(20);
    expect(report.shards).toMatchObject({ total: 3, succeeded: 2, failed: 1 });
    expect(report.failedShards).toEqual([
      expect.objectContaining({
        index: 2,
        baseFormula: 'YBa2Cu3O7',
        errorType: 'RESOURCE_EXHAUSTED',
        attempts: 3,
      }),
    ]);
    expect(report.spec).toMatchObject({ bases: ['La2CuO4', 'MgB2', 'YBa2Cu3O7'], seeds: 1, steps: 100 });
  });

  it('takes a hull bound for the report and refuses bad options and unknown runs', async () => {
    const loose = await buildRunReport(db, fixture.runId, { maxEHullEvPerAtom: 0.25 });
    expect(loose.funnel.eHullThreshold.source).toBe('option');
    expect(loose.funnel.stages.find((s) => s.key === 'withinHull')?.count).toBe(264);
    await expect(buildRunReport(db, fixture.runId, { maxEHullEvPerAtom: -1 })).rejects.toThrow(
      /maxEHullEvPerAtom: must be ≥ 0/,
    );
    await expect(buildRunReport(db, 'run-1')).rejects.toBeInstanceOf(SpecError);
    await expect(buildRunReport(db, randomUUID())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reports a run before dedupe with raw top candidates and no materials', async () => {
    const early = await createReportFixture(db, { dedupe: false });
    const report = await buildRunReport(db, early.runId, { topLimit: 3 });
    expect(report.funnel.deduplicated).toBe(false);
    expect(report.topCandidates.basis).toBe('candidates');
    expect(report.topCandidates.rows).toHaveLength(3);
    expect(report.topCandidates.rows.every((r) => r.hitCount === null && r.formula === 'O7Cu2La3')).toBe(
      true,
    );
  });
});
