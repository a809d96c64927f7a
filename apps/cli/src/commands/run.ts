import {
  cancelRun,
  getRunStatus,
  pauseRun,
  type RunProgress,
  type RunStatusReport,
  readRunProgress,
  resumeRun,
  retryFailedShards,
} from '@kiago/orchestration';
import { parseOrThrow } from '@kiago/shared';
import type { Command } from 'commander';
import { z } from 'zod';
import { printResult, renderTable, type Table } from '../output/format.js';
import { progressLine } from '../progress/progress-line.js';
import { waitWithProgress } from '../progress/wait-with-progress.js';
import { formatFlag, integerFlag, runIdArgument } from './cli-flags.js';
import {
  defaultOrchestrationDeps,
  type OrchestrationCommandDeps,
  withDb,
  withOrchestration,
} from './orchestration-deps.js';

const statusOptionsSchema = z.object({ runId: runIdArgument, format: formatFlag });
const watchOptionsSchema = z.object({
  runId: runIdArgument,
  pollInterval: integerFlag('--poll-interval', { min: 1, max: 3600 }).default(2),
  format: formatFlag,
});
const cancelOptionsSchema = z.object({
  runId: runIdArgument,
  wait: z.boolean().default(false),
  format: formatFlag,
});
const retryOptionsSchema = z.object({
  runId: runIdArgument,
  errorType: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_.-]+$/, '--error-type must be an error type such as RESOURCE_EXHAUSTED'),
    )
    .optional(),
  wait: z.boolean().default(false),
  pollInterval: integerFlag('--poll-interval', { min: 1, max: 3600 }).default(2),
  format: formatFlag,
});
const controlOptionsSchema = z.object({ runId: runIdArgument });

/** `kiago run …`: follow and control one run. */
export function registerRunCommand(
  program: Command,
  deps: OrchestrationCommandDeps = defaultOrchestrationDeps,
): void {
  const run = program
    .command('run')
    .description('Status and control of one run (ids from kiago campaign show)');
  const format = (command: Command) => command.option('--format <format>', 'table | json | csv', 'table');

  format(
    run
      .command('status')
      .description(
        'Shard counts, candidates, best Tc and the running shards’ last heartbeats (plus the workflow’s view while active)',
      )
      .argument('<run>', 'run id'),
  ).action(async (runId: string, raw: Record<string, unknown>) => {
    const options = parseOrThrow(statusOptionsSchema, { ...raw, runId }, 'kiago run status');
    const report = await withOrchestration(deps, (ctx) => getRunStatus(ctx, options.runId));
    printResult(options.format, report, () => progressTable(report.database, report));
    if (options.format === 'table' && report.database.running.length > 0) {
      process.stdout.write(`\n${renderTable(runningShardsTable(report.database), 'table')}\n`);
    }
  });

  format(
    run
      .command('watch')
      .description('Follow a run with a progress bar until it finishes')
      .argument('<run>', 'run id')
      .option('--poll-interval <s>', 'seconds between polls', '2'),
  ).action(async (runId: string, raw: Record<string, unknown>) => {
    const options = parseOrThrow(watchOptionsSchema, { ...raw, runId }, 'kiago run watch');
    const final = await withDb(deps, (db) =>
      waitWithProgress({ db, runId: options.runId, pollIntervalMs: options.pollInterval * 1000 }),
    );
    if (final) printResult(options.format, final, () => progressTable(final));
  });

  format(
    run
      .command('cancel')
      .description('Cancel a run: running shards stop, unfinished ones become CANCELLED')
      .argument('<run>', 'run id')
      .option('--wait', 'return once the run is closed as CANCELLED'),
  ).action(async (runId: string, raw: Record<string, unknown>) => {
    const options = parseOrThrow(cancelOptionsSchema, { ...raw, runId }, 'kiago run cancel');
    const progress = await withOrchestration(deps, async (ctx) => {
      await cancelRun(ctx, options.runId, { wait: options.wait });
      return readRunProgress(ctx.db, options.runId);
    });
    printResult(options.format, progress, () => progressTable(progress));
  });

  format(
    run
      .command('retry-failed')
      .description('Re-run only the FAILED shards of a finished run, then dedupe and summarise it again')
      .argument('<run>', 'run id')
      .option(
        '--error-type <type...>',
        'only shards whose last error has one of these types, e.g. RESOURCE_EXHAUSTED',
      )
      .option('--wait', 'follow the retry with a progress bar until the run is closed again')
      .option('--poll-interval <s>', 'seconds between polls with --wait', '2'),
  ).action(async (runId: string, raw: Record<string, unknown>) => {
    const options = parseOrThrow(retryOptionsSchema, { ...raw, runId }, 'kiago run retry-failed');
    const output = await withOrchestration(deps, async (ctx) => {
      const retry = await retryFailedShards(
        ctx,
        options.runId,
        options.errorType ? { errorTypes: options.errorType } : {},
      );
      if (!options.wait) return { runId: options.runId, ...retry };
      process.stderr.write(`retrying ${retry.shards} failed shards of run ${options.runId}\n`);
      const run = await waitWithProgress({
        db: ctx.db,
        runId: options.runId,
        pollIntervalMs: options.pollInterval * 1000,
      });
      return { runId: options.runId, ...retry, run };
    });
    printResult(options.format, output, () => ({
      columns: ['run', 'workflow', 'shardsRetried', 'status'],
      rows: [
        [
          output.runId,
          output.workflowId,
          output.shards,
          'run' in output && output.run ? progressLine(output.run) : 'started',
        ],
      ],
    }));
  });

  for (const [name, action, description] of [
    ['pause', pauseRun, 'Start no new shard until resumed (running shards finish)'],
    ['resume', resumeRun, 'Resume a paused run'],
  ] as const) {
    run
      .command(name)
      .description(description)
      .argument('<run>', 'run id')
      .action(async (runId: string) => {
        const options = parseOrThrow(controlOptionsSchema, { runId }, `kiago run ${name}`);
        await withOrchestration(deps, (ctx) => action(ctx, options.runId));
        process.stdout.write(`${name} signal sent to run ${options.runId}\n`);
      });
  }
}

function progressTable(progress: RunProgress, report?: RunStatusReport): Table {
  const rows: [string, string | number | null][] = [
    ['run', progress.runId],
    ['campaign', progress.campaignName],
    ['status', progress.status],
    ['trigger', progress.trigger],
    [
      'shards',
      `${progress.shards.succeeded} succeeded, ${progress.shards.failed} failed, ${progress.shards.running} running, ${progress.shards.planned} planned, ${progress.shards.cancelled} cancelled of ${progress.shards.total}`,
    ],
    ['candidates', progress.candidates],
    ['best Tc (K)', progress.bestTcKelvin],
    ['started', progress.startedAt?.toISOString() ?? null],
    ['finished', progress.finishedAt?.toISOString() ?? null],
  ];
  if (report?.workflow) {
    rows.push([
      'workflow',
      `${progress.workflowId} (round ${report.workflow.round}/${report.workflow.rounds}${report.workflow.paused ? ', paused' : ''})`,
    ]);
  }
  return { columns: ['field', 'value'], rows };
}

function runningShardsTable(progress: RunProgress): Table {
  return {
    columns: ['shard', 'base', 'stage', 'step', 'steps', 'bestTcKelvin'],
    rows: progress.running.map((shard) => {
      const p = shard.progress as {
        stage?: string;
        step?: number;
        steps?: number;
        bestTcKelvin?: number | null;
      };
      return [
        shard.index,
        shard.baseFormula,
        p.stage ?? '-',
        p.step ?? null,
        p.steps ?? null,
        p.bestTcKelvin ?? null,
      ];
    }),
  };
}
