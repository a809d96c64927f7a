import {
  backfillNightlySchedule,
  deleteNightlySchedule,
  describeNightlySchedule,
  type NightlyScheduleInfo,
  pauseNightlySchedule,
  runNightlyNow,
  setNightlySchedule,
  triggerNightlySchedule,
  unpauseNightlySchedule,
} from '@kiago/orchestration';
import { parseOrThrow } from '@kiago/shared';
import type { Command } from 'commander';
import { z } from 'zod';
import { printResult, type Table } from '../output/format.js';
import { formatFlag } from './cli-flags.js';
import {
  defaultOrchestrationDeps,
  type OrchestrationCommandDeps,
  withOrchestration,
} from './orchestration-deps.js';

// Cron and time zone are checked by parseNightlyScheduleSpec (inside setNightlySchedule) with messages of their own.
const setOptionsSchema = z.object({
  cron: z.string({ error: '--cron is required, e.g. --cron "0 2 * * *"' }),
  tz: z.string().default('UTC'),
  force: z.boolean().default(false),
  note: z.string().optional(),
  format: formatFlag,
});
const showOptionsSchema = z.object({ format: formatFlag });
// Subcommands see every `nightly` option; they check only theirs.
const noteOptionsSchema = z.object({
  note: z.string().max(500, '--note must be at most 500 characters').optional(),
});
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;
const isoDate = (flag: string) =>
  z
    .string()
    .refine((text) => ISO_DATE.test(text) && !Number.isNaN(Date.parse(text)), {
      error: `${flag} must be an ISO date or date-time, e.g. 2025-01-07 or 2025-01-07T02:00:00Z`,
    })
    .transform((text) => new Date(text));
const backfillOptionsSchema = z
  .object({ start: isoDate('--start'), end: isoDate('--end') })
  .refine((o) => o.start < o.end, { error: '--end must be after --start', path: ['end'] });
const runNowOptionsSchema = z.object({ force: z.boolean().default(false) });

/**
 * `kiago schedule nightly …`: the Temporal Schedule that re-runs nightly campaigns with the latest
 * active models. `kiago schedule nightly --cron "0 2 * * *"` creates or updates it.
 */
export function registerScheduleCommand(
  program: Command,
  deps: OrchestrationCommandDeps = defaultOrchestrationDeps,
): void {
  const schedule = program.command('schedule').description('The nightly re-run Schedule (Temporal)');
  const nightly = schedule
    .command('nightly')
    .description(
      'Create or update the nightly Schedule (--cron); subcommands show, pause, resume, trigger, backfill, delete, run-now',
    )
    .option('--cron <expr>', 'five-field cron, e.g. "0 2 * * *" (02:00 every day)')
    .option('--tz <zone>', 'IANA time zone of the cron, e.g. Europe/Berlin', 'UTC')
    .option('--force', 're-run campaigns even when their models and spec did not change (also: run-now)')
    .option('--note <text>', 'note shown on the Schedule (also: pause, resume)')
    .option('--format <format>', 'table | json | csv (also: show)', 'table')
    .action(async (raw: unknown) => {
      const options = parseOrThrow(setOptionsSchema, raw, 'kiago schedule nightly');
      const info = await withOrchestration(deps, (ctx) =>
        setNightlySchedule(ctx, {
          cron: options.cron,
          timezone: options.tz,
          force: options.force,
          ...(options.note !== undefined && { note: options.note }),
        }),
      );
      printResult(options.format, info, () => scheduleTable(info, info.created ? 'created' : 'updated'));
    });

  // The subcommands read --format / --note / --force from `nightly` (optsWithGlobals): commander hands
  // options after a sub-subcommand to the nearest command that declares them, here `nightly`.
  nightly
    .command('show')
    .description('State, next and recent runs of the nightly Schedule (takes --format)')
    .action(async (_: unknown, command: Command) => {
      const options = parseOrThrow(
        showOptionsSchema,
        command.optsWithGlobals(),
        'kiago schedule nightly show',
      );
      const info = await withOrchestration(deps, (ctx) => describeNightlySchedule(ctx));
      printResult(options.format, info, () => scheduleTable(info));
    });

  for (const [name, action, description] of [
    ['pause', pauseNightlySchedule, 'Pause the Schedule (no nightly runs until resumed)'],
    ['resume', unpauseNightlySchedule, 'Resume a paused Schedule'],
  ] as const) {
    nightly
      .command(name)
      .description(`${description} (takes --note)`)
      .action(async (_: unknown, command: Command) => {
        const options = parseOrThrow(
          noteOptionsSchema,
          command.optsWithGlobals(),
          `kiago schedule nightly ${name}`,
        );
        await withOrchestration(deps, (ctx) => action(ctx, options.note));
        process.stdout.write(`nightly schedule ${name === 'pause' ? 'paused' : 'resumed'}\n`);
      });
  }

  nightly
    .command('trigger')
    .description('Run the nightly workflow now, through the Schedule')
    .action(async () => {
      await withOrchestration(deps, (ctx) => triggerNightlySchedule(ctx));
      process.stdout.write('nightly schedule triggered\n');
    });

  nightly
    .command('backfill')
    .description('Run the nights the Schedule missed between --start and --end (e.g. after an outage)')
    .requiredOption('--start <time>', 'ISO date or date-time')
    .requiredOption('--end <time>', 'ISO date or date-time')
    .action(async (raw: unknown) => {
      const range = parseOrThrow(backfillOptionsSchema, raw, 'kiago schedule nightly backfill');
      await withOrchestration(deps, (ctx) => backfillNightlySchedule(ctx, range));
      process.stdout.write(`backfill requested: ${range.start.toISOString()} → ${range.end.toISOString()}\n`);
    });

  nightly
    .command('delete')
    .description('Delete the nightly Schedule (runs already started go on)')
    .action(async () => {
      await withOrchestration(deps, (ctx) => deleteNightlySchedule(ctx));
      process.stdout.write('nightly schedule deleted\n');
    });

  nightly
    .command('run-now')
    .description('Start one nightly workflow outside the Schedule (takes --force)')
    .action(async (_: unknown, command: Command) => {
      const options = parseOrThrow(
        runNowOptionsSchema,
        command.optsWithGlobals(),
        'kiago schedule nightly run-now',
      );
      const workflowId = await withOrchestration(deps, (ctx) => runNightlyNow(ctx, { force: options.force }));
      process.stdout.write(`started nightly workflow ${workflowId}\n`);
    });
}

function scheduleTable(info: NightlyScheduleInfo, change?: string): Table {
  const rows: [string, string][] = [
    ['schedule', info.scheduleId],
    ['state', info.paused ? 'paused' : 'active'],
    ['time zone', info.timezone ?? 'UTC'],
    ['note', info.note ?? ''],
    ['next runs', info.nextRuns.map((d) => d.toISOString()).join(' ') || '-'],
    [
      'recent runs',
      info.recentRuns.map((r) => `${r.scheduledAt.toISOString()} ${r.workflowId}`).join('; ') || '-',
    ],
  ];
  if (change) rows.unshift(['change', change]);
  return { columns: ['field', 'value'], rows };
}
