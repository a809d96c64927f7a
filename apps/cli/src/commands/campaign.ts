import type { RunProgress } from '@kiago/orchestration';
import {
  type CampaignDetail,
  type CampaignListItem,
  campaignDetail,
  type LaunchedRun,
  launchCampaign,
  listCampaigns,
} from '@kiago/orchestration';
import { loadCampaignSpec, parseOrThrow } from '@kiago/shared';
import type { Command } from 'commander';
import { z } from 'zod';
import { printResult, renderTable, type Table } from '../output/format.js';
import { waitWithProgress } from '../progress/wait-with-progress.js';
import { confirmLaunch, planOf, planTable } from './campaign-plan.js';
import { formatFlag, integerFlag } from './cli-flags.js';
import {
  defaultOrchestrationDeps,
  type OrchestrationCommandDeps,
  withDb,
  withOrchestration,
} from './orchestration-deps.js';

const launchOptionsSchema = z.object({
  specPath: z.string().trim().min(1, 'SPEC must be the path of a .yaml, .yml or .json campaign spec'),
  wait: z.boolean().default(false),
  replaceSpec: z.boolean().default(false),
  yes: z.boolean().default(false),
  pollInterval: integerFlag('--poll-interval', { min: 1, max: 3600 }).default(2),
  format: formatFlag,
});
const planOptionsSchema = z.object({
  specPath: z.string().trim().min(1, 'SPEC must be the path of a .yaml, .yml or .json campaign spec'),
  format: formatFlag,
});
const listOptionsSchema = z.object({
  limit: integerFlag('--limit', { min: 1, max: 10_000 }).default(200),
  format: formatFlag,
});
const showOptionsSchema = z.object({
  campaign: z.string().trim().min(1, 'CAMPAIGN must be a campaign name or id'),
  runs: integerFlag('--runs', { min: 1, max: 10_000 }).default(50),
  format: formatFlag,
});

/** What `campaign launch` prints: the launch, and with --wait the run's final state. */
export interface LaunchOutput extends LaunchedRun {
  run?: RunProgress | null;
}

/** `kiago campaign …`: launch campaigns from spec files and look at them. */
export function registerCampaignCommand(
  program: Command,
  deps: OrchestrationCommandDeps = defaultOrchestrationDeps,
): void {
  const campaign = program
    .command('campaign')
    .description('Launch campaigns (spec files) and list or show them');

  campaign
    .command('plan')
    .description(
      'What a launch of the spec would cost: shards, candidate-steps, worker-hours, rows, storage and the ' +
        'limits it comes close to; reads and writes nothing',
    )
    .argument('<spec>', 'campaign spec file (.yaml, .yml or .json)')
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (specPath: string, raw: Record<string, unknown>) => {
      const options = parseOrThrow(planOptionsSchema, { ...raw, specPath }, 'kiago campaign plan');
      const { plan } = planOf(deps, await loadCampaignSpec(options.specPath), options.specPath);
      printResult(options.format, plan, () => planTable(plan));
    });

  campaign
    .command('launch')
    .description(
      'Validate a campaign spec, store it and start a run (CampaignWorkflow); asks first above ' +
        'KIAGO_CONFIRM_CANDIDATE_STEPS (--yes skips); --wait follows it to the end',
    )
    .argument('<spec>', 'campaign spec file (.yaml, .yml or .json), e.g. examples/demo.yaml')
    .option(
      '--wait',
      'follow the run with a progress bar until it finishes (exit status 1 if it failed or was cancelled)',
    )
    .option('--replace-spec', 'overwrite the stored spec when this campaign name already has a different one')
    .option('--yes', 'launch above KIAGO_CONFIRM_CANDIDATE_STEPS without asking (required off a terminal)')
    .option('--poll-interval <s>', 'seconds between progress polls with --wait', '2')
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (specPath: string, raw: Record<string, unknown>) => {
      const options = parseOrThrow(launchOptionsSchema, { ...raw, specPath }, 'kiago campaign launch');
      const { spec, plan } = planOf(deps, await loadCampaignSpec(options.specPath), options.specPath);
      // Before Postgres or Temporal is touched: a refused launch writes nothing.
      await confirmLaunch(deps, plan, options.yes);
      const output = await withOrchestration(deps, async (ctx): Promise<LaunchOutput> => {
        const launched = await launchCampaign(ctx, {
          spec,
          source: options.specPath,
          replaceSpec: options.replaceSpec,
        });
        if (!options.wait) return launched;
        process.stderr.write(`launched run ${launched.runId} of campaign ${launched.campaign.name}\n`);
        const run = await waitWithProgress({
          db: ctx.db,
          runId: launched.runId,
          pollIntervalMs: options.pollInterval * 1000,
        });
        return { ...launched, run };
      });
      printResult(options.format, output, () => launchTable(output));
      if (output.run && (output.run.status === 'FAILED' || output.run.status === 'CANCELLED'))
        process.exitCode = 1;
    });

  campaign
    .command('list')
    .description('Campaigns, most recently run first, with their run count and latest run')
    .option('--limit <n>', 'at most this many campaigns', '200')
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (raw: unknown) => {
      const options = parseOrThrow(listOptionsSchema, raw, 'kiago campaign list');
      const campaigns = await withDb(deps, (db) => listCampaigns(db, { limit: options.limit }));
      printResult(options.format, campaigns, () => listTable(campaigns));
    });

  campaign
    .command('show')
    .description('A campaign (by name or id): its stored spec and its runs, newest first')
    .argument('<campaign>', 'campaign name or id')
    .option('--runs <n>', 'at most this many runs', '50')
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (name: string, raw: Record<string, unknown>) => {
      const options = parseOrThrow(showOptionsSchema, { ...raw, campaign: name }, 'kiago campaign show');
      const detail = await withDb(deps, (db) =>
        campaignDetail(db, options.campaign, { runLimit: options.runs }),
      );
      if (options.format === 'table')
        process.stdout.write(`${renderTable(campaignHeader(detail), 'table')}\n\n`);
      printResult(options.format, detail, () => runsTable(detail));
    });
}

function launchTable(output: LaunchOutput): Table {
  const rows: [string, string | number | null][] = [
    ['run', output.runId],
    ['workflow', output.workflowId],
    ['campaign', `${output.campaign.name} (${output.campaign.change})`],
    ['tc model', output.modelVersions.tc.version],
    ['ef model', output.modelVersions.ef.version],
  ];
  if (output.run) {
    rows.push(
      ['status', output.run.status],
      [
        'shards',
        `${output.run.shards.succeeded} succeeded, ${output.run.shards.failed} failed of ${output.run.shards.total}`,
      ],
      ['candidates', output.run.candidates],
      ['best Tc (K)', output.run.bestTcKelvin],
    );
  }
  return { columns: ['field', 'value'], rows };
}

function listTable(campaigns: readonly CampaignListItem[]): Table {
  return {
    columns: ['name', 'runs', 'latestRun', 'latestStatus', 'latestAt', 'nightly', 'id'],
    rows: campaigns.map((c) => [
      c.name,
      c.runs,
      c.latestRun?.id ?? '-',
      c.latestRun?.status ?? '-',
      c.latestRun?.createdAt.toISOString() ?? '-',
      c.nightly ? 'yes' : 'no',
      c.id,
    ]),
  };
}

function campaignHeader({ campaign }: CampaignDetail): Table {
  const spec = campaign.spec as {
    bases?: unknown[];
    seeds?: unknown[];
    candidatesPerShard?: number;
    steps?: number;
  };
  return {
    columns: ['campaign', 'id', 'nightly', 'bases', 'seeds', 'candidatesPerShard', 'steps', 'created'],
    rows: [
      [
        campaign.name,
        campaign.id,
        campaign.nightly ? 'yes' : 'no',
        spec.bases?.length ?? '-',
        spec.seeds?.length ?? '-',
        spec.candidatesPerShard ?? '-',
        spec.steps ?? '-',
        campaign.createdAt.toISOString(),
      ],
    ],
  };
}

function runsTable({ runs }: CampaignDetail): Table {
  return {
    columns: [
      'run',
      'status',
      'trigger',
      'created',
      'tcModel',
      'efModel',
      'candidates',
      'passed',
      'bestPassedTc',
      'bestDeltaTc',
    ],
    rows: runs.map((r) => [
      r.id,
      r.status,
      r.trigger,
      r.createdAt.toISOString(),
      r.tcModelVersion,
      r.efModelVersion,
      r.candidates,
      r.passed,
      r.bestPassedTcKelvin,
      r.bestDeltaTcKelvin,
    ]),
  };
}
