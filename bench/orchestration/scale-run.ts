/**
 * Orchestration at scale: ≥ 2,000 shards through the real Temporal dev server and Postgres, with a
 * fast optimiser setting (4 candidates × 4 steps on the shipped models). The workflow worker runs in
 * this process, the gpu and screening workers in their own (their production entry points). Prints
 * shards/min, window occupancy, history sizes, orchestration overhead per shard (ShardWorkflow wall
 * time minus the time its activities ran; per-shard latency needs --parallel ≤ --gpu-slots, e.g.
 * `--shards 100 --parallel 2`) and the Postgres rows written. Asserts nothing.
 *   npx turbo run build && bash scripts/setup-tfjs.sh && DATABASE_URL=… [TEMPORAL_ADDRESS=…] \
 *     node bench/orchestration/scale-run.ts [--shards 2000] [--parallel 32] [--gpu-slots 2] \
 *       [--steps 4] [--candidates 4] [--shards-per-execution 500] [--keep]
 * Works in its own database `<db>_scale` (recreated; dropped at the end unless --keep) and starts the
 * dev server of scripts/temporal-dev.sh when TEMPORAL_ADDRESS is unset.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureActiveModels, ensureReferenceSet, ensureTemporalAddress } from '@kiago/cli';
import { findRepoRoot, resolveDataDir } from '@kiago/datasets';
import {
  applyMigrations,
  createDb,
  databaseNameOf,
  dropDatabase,
  parseDbEnv,
  recreateDatabase,
} from '@kiago/db';
import { getRunStatus, launchCampaign, orchestrationSettings, waitForRun } from '@kiago/orchestration';
import { createOrchestratorWorker } from '@kiago/orchestrator';
import { parseOrThrow } from '@kiago/shared';
import { installTemporalRuntime, runWorkers, suffixedTaskQueues } from '@kiago/worker-runtime';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { z } from 'zod';
import { historyFigures, percentile, processCpuSeconds, shardTimings, tableWrites } from './scale-figures.ts';
import { spawnWorkerProcesses } from './scale-processes.ts';

const count = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `--${name} must be a number` })
    .int()
    .min(1)
    .default(fallback);
const options = parseOrThrow(
  z.object({
    shards: count('shards', 2000),
    parallel: count('parallel', 32),
    'gpu-slots': count('gpu-slots', 2),
    steps: count('steps', 4).pipe(z.number().min(2)),
    candidates: count('candidates', 4),
    'shards-per-execution': count('shards-per-execution', 500),
    keep: z.boolean().default(false),
  }),
  parseArgs({
    options: {
      shards: { type: 'string' },
      parallel: { type: 'string' },
      'gpu-slots': { type: 'string' },
      steps: { type: 'string' },
      candidates: { type: 'string' },
      'shards-per-execution': { type: 'string' },
      keep: { type: 'boolean' },
    },
  }).values,
  'scale-run options',
);

const BASES = [
  'MgB2',
  'Nb3Sn',
  'La1.85Sr0.15CuO4',
  'YBa2Cu3O7',
  'NbN',
  'V3Si',
  'PbMo6S8',
  'LaFeAsO',
  'Ba2CuO3',
  'CaC6',
];
const seedsPerBase = Math.ceil(options.shards / BASES.length);
const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
const log = (line: string) => console.error(line);

installTemporalRuntime('warn');
const { databaseUrl: serverUrl } = parseDbEnv(process.env);
const scaleName = `${databaseNameOf(serverUrl)}_scale`;
const databaseUrl = await recreateDatabase(serverUrl, scaleName);
await applyMigrations(databaseUrl);
const address = await ensureTemporalAddress();
// Set-up writes go through their own pool, closed (statistics flushed) before the run is measured.
const setupDb = createDb({ databaseUrl, maxConnections: 2 });
await ensureActiveModels(setupDb, log);
await ensureReferenceSet(setupDb, 'mp-binaries', log, resolveDataDir({ env: process.env }));
await setupDb.close();
const db = createDb({ databaseUrl, maxConnections: 20 });

const suffix = `scale-${Date.now().toString(36)}`;
const taskQueues = suffixedTaskQueues(suffix);
const connection = await NativeConnection.connect({ address });
const clientConnection = await Connection.connect({ address });
const client = new Client({ connection: clientConnection });
const orchestrator = await createOrchestratorWorker({
  connection,
  namespace: 'default',
  taskQueue: taskQueues.orchestrator,
  db,
  logger: Runtime.instance().logger,
});
const orchestratorRunning = runWorkers([orchestrator]);
const workerProcesses = spawnWorkerProcesses(
  {
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: address,
    KIAGO_TASK_QUEUE_SUFFIX: suffix,
    KIAGO_HULL_REFERENCE_SET: 'mp-binaries',
  },
  options['gpu-slots'],
  availableParallelism() * 2,
);
const settings = orchestrationSettings({ shardsPerExecution: options['shards-per-execution'] });
const ctx = { db, client, taskQueues, settings };
const spec = {
  name: 'scale-run',
  bases: BASES,
  seeds: Array.from({ length: seedsPerBase }, (_, i) => i),
  candidatesPerShard: options.candidates,
  steps: options.steps,
  nUnits: { min: 1, max: 20 },
  maxParallelShards: options.parallel,
  shardRetryRounds: 1,
};

// The dev server of scripts/temporal-dev.sh leaves its pid; its CPU is orchestration cost too.
const serverPid = await readFile(join(findRepoRoot(), '.kiago', 'temporal.pid'), 'utf8').then(
  Number,
  () => undefined,
);
const serverCpuBefore = serverPid === undefined ? undefined : await processCpuSeconds(serverPid);
const writesBefore = await tableWrites(db);
const cpuBefore = process.cpuUsage();
const started = performance.now();
const launched = await launchCampaign(ctx, { spec });
// Window occupancy: children in flight by the workflow's own count (progress query), sampled.
const occupancy: number[] = [];
const ticker = setInterval(async () => {
  const status = await getRunStatus(ctx, launched.runId).catch(() => undefined);
  const shards = status?.workflow?.shards;
  if (!shards) return;
  if (shards.planned > 0) occupancy.push(shards.running);
  log(
    `[scale] ${shards.succeeded}/${shards.total} shards after ${fmt((performance.now() - started) / 1000, 0)} s, ${shards.running} in the window`,
  );
}, 5_000);
const run = await waitForRun(ctx, launched.runId);
clearInterval(ticker);
const wallS = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const orchestratorCpuS = (cpu.user + cpu.system) / 1e6;
const serverCpuAfter = serverPid === undefined ? undefined : await processCpuSeconds(serverPid);
const serverCpuS =
  serverCpuBefore === undefined || serverCpuAfter === undefined
    ? undefined
    : serverCpuAfter - serverCpuBefore;

const { rows: phases } = await db.pool.query<{ first: Date; last: Date }>(
  `SELECT min(a.started_at) AS first, max(a.finished_at) AS last FROM shard_attempts a JOIN shards s ON s.id = a.shard_id
   WHERE s.run_id = $1`,
  [launched.runId],
);
const shardPhaseS = (phases[0]!.last.getTime() - phases[0]!.first.getTime()) / 1000;
const timings = await shardTimings(client, db, launched.workflowId, launched.runId);
const overheads = timings.map((t) => t.workflowMs - t.activityMs).sort((a, b) => a - b);
const activityMs = timings.reduce((sum, t) => sum + t.activityMs, 0);
const history = await historyFigures(client, launched.workflowId);
const { rows: stored } = await db.pool.query<Record<string, number>>(
  `SELECT (SELECT count(*) FROM candidates WHERE run_id = $1)::int AS candidates,
     (SELECT count(*) FROM shards WHERE run_id = $1)::int AS shards,
     (SELECT count(*) FROM shard_attempts a JOIN shards s ON s.id = a.shard_id WHERE s.run_id = $1)::int AS "shard_attempts",
     (SELECT count(*) FROM run_materials WHERE run_id = $1)::int AS "run_materials",
     (SELECT count(*) FROM materials)::int AS materials`,
  [launched.runId],
);
// Every process that wrote must have ended (a backend flushes its statistics when it exits).
await workerProcesses.stop();
orchestrator.shutdown();
await orchestratorRunning;
await connection.close();
await clientConnection.close();
await db.close();
const statsDb = createDb({ databaseUrl, maxConnections: 1 });
const writesAfter = await tableWrites(statsDb);
await statsDb.close();

console.log(
  `scale run: ${run.shards.total} shards (${BASES.length} bases × ${seedsPerBase} seeds), ${options.candidates} candidates × ${options.steps} steps, window ${options.parallel}, gpu slots ${options['gpu-slots']}, ${availableParallelism()} cores`,
);
console.log(
  `status                ${run.status} (${run.shards.succeeded} succeeded, ${run.shards.failed} failed)`,
);
console.log(`wall                  ${fmt(wallS)} s (launch → COMPLETED); shard phase ${fmt(shardPhaseS)} s`);
console.log(
  `throughput            ${fmt((run.shards.total / shardPhaseS) * 60)} shards/min (shard phase), ${fmt((run.shards.total / wallS) * 60)} shards/min (wall)`,
);
const perShardMs = (seconds: number) => fmt((seconds * 1000) / run.shards.total, 0);
const amortisedMs = ((shardPhaseS - activityMs / 1000 / availableParallelism()) * 1000) / run.shards.total;
console.log(
  `overhead per shard    ${fmt(amortisedMs, 0)} ms amortised: (shard phase − Σ activity time / ${availableParallelism()} cores) / shards`,
);
console.log(
  `orchestration CPU     ${perShardMs(orchestratorCpuS)} ms per shard in the workflow worker` +
    (serverCpuS === undefined ? '' : ` + ${perShardMs(serverCpuS)} ms in the Temporal dev server`),
);
console.log(
  options.parallel <= options['gpu-slots']
    ? `shard latency         ShardWorkflow wall − its activities: median ${fmt(percentile(overheads, 0.5), 0)} ms, p90 ${fmt(percentile(overheads, 0.9), 0)} ms, p95 ${fmt(percentile(overheads, 0.95), 0)} ms`
    : `shard latency         n/a at window ${options.parallel} > ${options['gpu-slots']} gpu slots (shards queue for a slot); run with --parallel ${options['gpu-slots']}`,
);
console.log(
  `activity time         ${fmt(activityMs / 1000)} s in all; ${fmt(activityMs / Math.max(1, timings.length), 0)} ms per shard (optimise + screen + hull)`,
);
const sortedOccupancy = [...occupancy].sort((a, b) => a - b);
console.log(
  `window occupancy      ${fmt(occupancy.reduce((sum, n) => sum + n, 0) / Math.max(1, occupancy.length))} running of ${options.parallel} on average, ` +
    `min ${sortedOccupancy[0] ?? 0}, p10 ${percentile(sortedOccupancy, 0.1)} (${occupancy.length} samples every 5 s while shards were still planned)`,
);
console.log(
  `campaign history      ${history.campaignExecutions} executions (continue-as-new every ${options['shards-per-execution']} shards), largest ${fmt(history.maxCampaignEvents, 0)} events / ${fmt(history.maxCampaignBytes / 1024, 0)} KiB (limits 51,200 events / 50 MiB)`,
);
console.log(
  `shard history         ${fmt(history.shardEventsMean)} events / ${fmt(history.shardBytesMean / 1024)} KiB per ShardWorkflow`,
);
console.log(
  `rows of the run         ${Object.entries(stored[0] ?? {})
    .map(([table, n]) => `${table} ${fmt(n, 0)}`)
    .join(', ')}`,
);
console.log('postgres writes by table, whole run (inserted / updated, pg_stat_user_tables):');
let totalWrites = 0;
for (const [table, after] of [...writesAfter].sort()) {
  const before = writesBefore.get(table) ?? { inserted: 0, updated: 0 };
  const inserted = after.inserted - before.inserted;
  const updated = after.updated - before.updated;
  if (inserted + updated === 0) continue;
  totalWrites += inserted + updated;
  console.log(`  ${table.padEnd(20)} ${fmt(inserted, 0).padStart(9)} / ${fmt(updated, 0)}`);
}
console.log(`  ${'total'.padEnd(20)} ${fmt(totalWrites, 0).padStart(9)}`);

if (!options.keep) await dropDatabase(serverUrl, scaleName);
