import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type Db, updateCandidateEnsembles } from '@kiago/db';
import { testDatabaseUrl } from '@kiago/db/testing';
import { createReportFixture, type ReportFixture } from '@kiago/report/testing';
import { FormulaError, NotFoundError, SpecError } from '@kiago/shared';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCampaignCommand } from './campaign.js';
import { registerCandidatesCommand } from './candidates.js';
import { runKiago } from './fixtures/run-kiago.js';
import { registerMaterialsCommand } from './materials.js';
import { registerReportCommand } from './report.js';
import { registerRunCommand } from './run.js';

const COMMANDS = [
  registerCampaignCommand,
  registerCandidatesCommand,
  registerMaterialsCommand,
  registerReportCommand,
  registerRunCommand,
];
const kiago = (...args: string[]) => runKiago(COMMANDS, args);
const json = async (...args: string[]) => JSON.parse((await kiago(...args, '--format', 'json')).stdout);

// The commands that only read Postgres, on a finished fixture run (see report/fixtures/report-fixture.ts).
describe('kiago read commands on a finished run', () => {
  let db: Db;
  let fixture: ReportFixture;

  beforeAll(async () => {
    db = createDb({ databaseUrl: testDatabaseUrl(), maxConnections: 2 });
    fixture = await createReportFixture(db);
  });
  afterAll(() => db?.close());

  it('campaign list and show: runs with their summary numbers', async () => {
    const campaigns = await json('campaign', 'list');
    expect(campaigns.find((c: { name: string }) => c.name === fixture.campaignName)).toMatchObject({
      id: fixture.campaignId,
      runs: 1,
      latestRun: { id: fixture.runId, status: 'COMPLETED_WITH_FAILURES' },
    });
    const detail = await json('campaign', 'show', fixture.campaignName);
    expect(detail.campaign.spec.bases).toEqual(['La2CuO4', 'MgB2', 'YBa2Cu3O7']);
    expect(detail.runs).toEqual([
      expect.objectContaining({
        id: fixture.runId,
        candidates: 480,
        passed: 264,
        materials: 4,
        tcModelVersion: 'fixture',
      }),
    ]);
    const { stdout } = await kiago('campaign', 'show', fixture.campaignId);
    expect(stdout).toMatch(
      new RegExp(
        `^campaign\\s+id\\s+nightly[\\s\\S]*\\n${fixture.campaignName}\\s+${fixture.campaignId}\\s+no\\s+3\\s+1\\s+240\\s+100`,
      ),
    );
    expect(stdout).toMatch(new RegExp(`\\n${fixture.runId}\\s+COMPLETED_WITH_FAILURES\\s+manual`));
    await expect(kiago('campaign', 'show', 'no-such-campaign')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('candidates top: filters by hull, screening and elements, for a run or a campaign', async () => {
    const top = await json(
      'candidates',
      'top',
      '--run',
      fixture.runId,
      '--limit',
      '5',
      '--passed',
      '--max-ehull',
      '0.05',
      '--include',
      'Cu,O',
      '--exclude',
      'Mg',
    );
    expect(top).toHaveLength(5);
    for (const candidate of top) {
      expect(candidate).toMatchObject({ passed: true, runId: fixture.runId });
      expect(candidate.eAboveHullEvPerAtom).toBeLessThanOrEqual(0.05);
      expect(candidate.elements).toEqual(expect.arrayContaining(['Cu', 'O']));
    }
    expect(top.map((c: { tcKelvin: number }) => c.tcKelvin)).toEqual(
      [...top.map((c: { tcKelvin: number }) => c.tcKelvin)].sort((a, b) => b - a),
    );
    expect(top[0].formula).toBe('O7Cu2La3'); // the best passed cuprate within the bound

    const csv = (
      await kiago('candidates', 'top', '--campaign', fixture.campaignName, '--limit', '3', '--format', 'csv')
    ).stdout;
    const [header, ...rows] = csv.trim().split('\n');
    expect(header).toBe(
      'rank,formula,tcKelvin,deltaTcKelvin,tcContinuousKelvin,tcEnsembleMeanKelvin,tcEnsembleSdKelvin,' +
        'efEvPerAtom,eAboveHullEvPerAtom,passed,inDomain,nUnits,id,run',
    );
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(new RegExp(`^1,O5CuLa2,.*,no,yes,8,\\d+,${fixture.runId}$`)); // highest Tc overall is not neutral
  });

  it('candidates top --rank lcb: by the Tc ensemble mean − k·sd, ensemble columns shown', async () => {
    // Give the run's three best candidates a (made-up) ensemble: 100 ± 30, 90 ± 2, 80 ± 0 K.
    const { rows: best } = await db.pool.query<{ shardId: string; slot: number; id: string }>(
      `SELECT shard_id AS "shardId", slot, id::text AS id FROM candidates WHERE run_id = $1
       ORDER BY tc_kelvin DESC, id LIMIT 3`,
      [fixture.runId],
    );
    const stats = [
      [100, 30],
      [90, 2],
      [80, 0],
    ] as const;
    for (const [i, row] of best.entries()) {
      await updateCandidateEnsembles(db, {
        shardId: row.shardId,
        slots: [row.slot],
        meanKelvin: [stats[i]![0]],
        sdKelvin: [stats[i]![1]],
        members: 4,
      });
    }
    const ranked = await json('candidates', 'top', '--run', fixture.runId, '--rank', 'lcb', '--k', '2');
    // Bounds 40, 86, 80 → second, third, first.
    expect(ranked.map((c: { id: string }) => c.id)).toEqual([best[1]!.id, best[2]!.id, best[0]!.id]);
    expect(ranked[0]).toMatchObject({
      tcEnsembleMeanKelvin: 90,
      tcEnsembleSdKelvin: 2,
      tcLowerBoundKelvin: 86,
    });
    const { stdout } = await kiago('candidates', 'top', '--run', fixture.runId, '--rank', 'lcb');
    expect(stdout).toMatch(/tcEnsembleMeanKelvin\s+tcEnsembleSdKelvin\s+tcLowerBoundKelvin/);
  });

  it('candidates top: errors name the flag', async () => {
    await expect(kiago('candidates', 'top', '--run', fixture.runId, '--k', '1')).rejects.toThrow(
      /--k applies to --rank lcb only/,
    );
    await expect(
      kiago('candidates', 'top', '--run', fixture.runId, '--rank', 'lcb', '--k', '-1'),
    ).rejects.toThrow(/--k must be at least 0/);
    await expect(kiago('candidates', 'top', '--run', fixture.runId, '--rank', 'best')).rejects.toThrow(
      /--rank must be tc or lcb/,
    );
    await expect(kiago('candidates', 'top')).rejects.toThrow(/give exactly one of --run or --campaign/);
    await expect(kiago('candidates', 'top', '--run', fixture.runId, '--include', 'Cu,Xx')).rejects.toThrow(
      /--include: "Xx" is not an element symbol/,
    );
    await expect(kiago('candidates', 'top', '--run', fixture.runId, '--limit', '0')).rejects.toThrow(
      /--limit must be at least 1/,
    );
    await expect(
      kiago('candidates', 'top', '--run', fixture.runId, '--max-ehull', 'abc'),
    ).rejects.toBeInstanceOf(SpecError);
  });

  it('materials show: any scale of the formula finds the material and this run’s hits', async () => {
    const hits = await json('materials', 'show', 'La6Cu4O14');
    expect(hits).toMatchObject({ canonicalKey: 'O7Cu2La3', material: { elementSetKey: 'Cu-La-O' } });
    const mine = hits.hits.find((h: { runId: string }) => h.runId === fixture.runId);
    expect(mine).toMatchObject({
      campaignName: fixture.campaignName,
      hitCount: 48,
      baseFormula: 'La2CuO4',
      passed: true,
    });
    expect(hits.totals.runs).toBeGreaterThanOrEqual(1);
    const { stdout } = await kiago('materials', 'show', 'La3Cu2O7');
    expect(stdout).toMatch(/^material\s+system\s+runs/);
    expect(stdout).toContain(fixture.campaignName);
    await expect(kiago('materials', 'show', 'Xx2O')).rejects.toBeInstanceOf(FormulaError);
    await expect(kiago('materials', 'show', 'Pu3Np')).rejects.toThrow(
      /material \(no run has found it yet\) "NpPu3" not found/,
    );
  });

  it('report: writes a self-contained HTML file, or the data as JSON', async () => {
    const out = join(tmpdir(), `kiago-report-${fixture.runId}.html`);
    const { stderr } = await kiago('report', fixture.runId, '--out', out, '--top', '2');
    expect(stderr).toMatch(/^wrote .*\.html \(\d+ KiB\)/);
    const html = await readFile(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<svg /g)).toHaveLength(3);
    const data = await json('report', fixture.runId, '--max-ehull', '0.25');
    expect(data.funnel.eHullThreshold).toEqual({ eHullEvPerAtom: 0.25, source: 'option' });
    await expect(kiago('report', 'not-a-run')).rejects.toThrow(/RUN must be a run id/);
    await expect(kiago('report', fixture.runId, '--format', 'pdf')).rejects.toThrow(
      /--format must be html or json/,
    );
  });

  it('run status of a finished run reads Postgres only (no Temporal call)', async () => {
    // A lazy connection to a port nobody listens on: any Temporal call would fail.
    const client = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
    const temporal = { client, taskQueues: { orchestrator: 'o', gpu: 'g', screening: 's' } };
    const status = JSON.parse(
      (await runKiago(COMMANDS, ['run', 'status', fixture.runId, '--format', 'json'], temporal)).stdout,
    );
    expect(status).toMatchObject({
      database: {
        runId: fixture.runId,
        status: 'COMPLETED_WITH_FAILURES',
        candidates: 480,
        shards: { failed: 1, total: 3 },
      },
      workflow: null,
    });
    const { stdout } = await runKiago(COMMANDS, ['run', 'status', fixture.runId], temporal);
    expect(stdout).toMatch(/shards\s+2 succeeded, 1 failed, 0 running, 0 planned, 0 cancelled of 3/);
    await expect(runKiago(COMMANDS, ['run', 'status', 'abc'], temporal)).rejects.toThrow(
      /RUN must be a run id/,
    );
  });
});
