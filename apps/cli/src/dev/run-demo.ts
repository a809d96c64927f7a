import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findRepoRoot } from '@kiago/datasets';
import { createDb } from '@kiago/db';
import type { TfBackendChoice } from '@kiago/optimiser';
import {
  connectTemporalClient,
  launchCampaign,
  type RunProgress,
  readRunProgress,
  waitForRun,
} from '@kiago/orchestration';
import type { PassRateFunnel, ReportTopCandidates } from '@kiago/report';
import { buildRunReport, renderReportHtml } from '@kiago/report';
import { loadCampaignSpec } from '@kiago/shared';
import { installTemporalRuntime, type TemporalEnv, temporalConnectionOptions } from '@kiago/worker-runtime';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { ensureActiveModels, ensureReferenceSet } from './dev-prerequisites.js';
import { startAllWorkers } from './start-all-workers.js';

export interface DemoOptions {
  specPath: string;
  databaseUrl: string;
  temporal: TemporalEnv;
  backend: TfBackendChoice;
  top: number;
  /** Where the MP reference set is imported from when the database has none. */
  dataDir: string;
  log: (line: string) => void;
}

export interface DemoResult {
  run: RunProgress;
  /** The report's own top table (same rows, same filter), cut to `top` rows. */
  top: ReportTopCandidates;
  /** The hull bound that table applies, and where it came from (option, spec or default). */
  eHullThreshold: PassRateFunnel['eHullThreshold'];
  /** The report's funnel: rates per candidate and per distinct formula. */
  funnel: PassRateFunnel;
  reportPath: string;
  seconds: number;
}

/**
 * The single-process demo: shipped models and the MP reference set in place, all three workers in
 * this process, the campaign launched and followed to the end, its HTML report written to
 * .kiago/reports/<run>.html and the report's top table returned, so terminal and report agree.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const started = performance.now();
  const { log } = options;
  installTemporalRuntime('warn');
  const db = createDb({ databaseUrl: options.databaseUrl });
  const client = await connectTemporalClient(options.temporal);
  const connection = await NativeConnection.connect(await temporalConnectionOptions(options.temporal));
  try {
    const spec = await loadCampaignSpec(options.specPath);
    await ensureActiveModels(db, log);
    await ensureReferenceSet(db, 'mp', log, options.dataDir);
    const workers = await startAllWorkers({
      connection,
      namespace: options.temporal.namespace,
      taskQueues: options.temporal.taskQueues,
      db,
      logger: Runtime.instance().logger,
      backend: options.backend,
    });
    const ctx = { db, client, taskQueues: options.temporal.taskQueues };
    try {
      const launched = await launchCampaign(ctx, { spec, source: options.specPath, replaceSpec: true });
      log(
        `[kiago] run ${launched.runId} of campaign ${spec.name}: ${spec.bases.length} bases × ${spec.seeds.length} seeds`,
      );
      const ticker = setInterval(() => {
        readRunProgress(db, launched.runId).then(
          (progress) => log(describeProgress(progress)),
          () => undefined,
        );
      }, 5000);
      let run: RunProgress;
      try {
        run = await waitForRun(ctx, launched.runId);
      } finally {
        clearInterval(ticker);
      }
      const report = await buildRunReport(db, launched.runId);
      const reportPath = join(findRepoRoot(), '.kiago', 'reports', `${launched.runId}.html`);
      await mkdir(join(reportPath, '..'), { recursive: true });
      await writeFile(reportPath, renderReportHtml(report));
      return {
        run,
        top: { ...report.topCandidates, rows: report.topCandidates.rows.slice(0, options.top) },
        eHullThreshold: report.funnel.eHullThreshold,
        funnel: report.funnel,
        reportPath,
        seconds: (performance.now() - started) / 1000,
      };
    } finally {
      await workers.shutdown();
    }
  } finally {
    await connection.close();
    await client.connection.close();
    await db.close();
  }
}

function describeProgress(progress: RunProgress): string {
  const { shards } = progress;
  const steps = progress.running
    .map((shard) =>
      `#${shard.index} ${String(shard.progress.stage ?? '')} ${String(shard.progress.step ?? '')}`.trim(),
    )
    .join(', ');
  return (
    `[kiago] ${progress.status}: ${shards.succeeded}/${shards.total} shards done, ${shards.failed} failed, ` +
    `${progress.candidates} candidates${steps ? ` (running: ${steps})` : ''}`
  );
}
