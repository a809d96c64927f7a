import { createInterface } from 'node:readline/promises';
import { type CampaignPlan, planCampaign } from '@kiago/orchestration';
import { type CampaignSpec, campaignSpecSchemaWithin, KiagoError, parseOrThrow } from '@kiago/shared';
import { renderTable, type Table } from '../output/format.js';
import { type OrchestrationCommandDeps, planSettingsOf } from './orchestration-deps.js';

/** A launch above KIAGO_CONFIRM_CANDIDATE_STEPS that nobody confirmed (no --yes, declined or no terminal). */
export class LaunchNotConfirmedError extends KiagoError {
  readonly code = 'LAUNCH_NOT_CONFIRMED';
  readonly nonRetryable = true;
}

/** The spec checked against this deployment's limits (the launch's own check), and its cost preview. */
export function planOf(
  deps: OrchestrationCommandDeps,
  spec: CampaignSpec,
  source: string,
): { spec: CampaignSpec; plan: CampaignPlan } {
  const settings = planSettingsOf(deps);
  const checked = parseOrThrow(campaignSpecSchemaWithin(settings.limits), spec, source);
  return { spec: checked, plan: planCampaign(checked, settings) };
}

const count = (n: number) => n.toLocaleString('en-US');

/** 14 s, 23 min, 3,526 h: the unit that keeps the number readable. */
function duration(hours: number): string {
  if (hours * 3600 < 1) return 'under 1 s';
  if (hours < 1 / 60) return `${Math.round(hours * 3600)} s`;
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  return `${count(Math.round(hours * 10) / 10)} h`;
}

function bytes(n: number): string {
  return n >= 1e9 ? `${(n / 1e9).toFixed(1)} GB` : `${(n / 1e6).toFixed(1)} MB`;
}

/** One line of the plan for the confirmation prompt and the refusal. */
export function planSummary(plan: CampaignPlan): string {
  return (
    `${count(plan.shards)} shards, ${count(plan.candidateSteps)} candidate-steps ` +
    `(≈ ${duration(plan.gpuTime.workerHours)} of optimiser time at ${count(plan.gpuTime.candidateStepsPerSecond)}/s)`
  );
}

/**
 * Goes on when the plan is under the threshold, with --yes, or when the user says yes on a terminal;
 * otherwise throws LaunchNotConfirmedError before anything is written.
 */
export async function confirmLaunch(
  deps: OrchestrationCommandDeps,
  plan: CampaignPlan,
  yes: boolean,
): Promise<void> {
  if (!plan.confirmation.required || yes) return;
  const threshold = `above ${count(plan.confirmation.aboveCandidateSteps)} candidate-steps (${plan.confirmation.envVar})`;
  const ask = deps.askToConfirm ?? askOnTerminal;
  // On a terminal the whole plan comes first, then the one-line question.
  const answer = ask(
    `${renderTable(planTable(plan), 'table')}\n\nlaunch ${plan.campaign}: ${planSummary(plan)}, ${threshold}? [y/N] `,
  );
  if (answer === null) {
    throw new LaunchNotConfirmedError(
      `campaign ${plan.campaign}: ${planSummary(plan)} is ${threshold}; no terminal to confirm on: pass --yes`,
    );
  }
  if (!(await answer)) throw new LaunchNotConfirmedError(`campaign ${plan.campaign}: launch declined`);
}

function askOnTerminal(question: string): Promise<boolean> | null {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return null;
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  return terminal
    .question(question)
    .then((reply) => /^y(es)?$/i.test(reply.trim()))
    .finally(() => terminal.close());
}

/** `campaign plan` as a field/value table. */
export function planTable(plan: CampaignPlan): Table {
  const rows: [string, string][] = [
    ['campaign', plan.campaign],
    ['shards', `${count(plan.shards)} (${count(plan.bases)} bases × ${count(plan.seeds)} seeds)`],
    ['candidates per shard × steps', `${count(plan.candidatesPerShard)} × ${count(plan.steps)}`],
    ['candidate-steps', count(plan.candidateSteps)],
    [
      'throughput',
      `${count(plan.gpuTime.candidateStepsPerSecond)} candidate-steps/s per worker (${plan.gpuTime.throughputSource})`,
    ],
    ['optimiser time, one gpu-worker slot', duration(plan.gpuTime.workerHours)],
    ['optimiser wall time at maxParallelShards', duration(plan.gpuTime.wallHoursAtMaxParallel)],
    [
      'rows written',
      `1 run, ${count(plan.rows.shards)} shards, ≥ ${count(plan.rows.shardAttemptsAtLeast)} shard attempts, ≤ ${count(plan.rows.candidatesAtMost)} candidates`,
    ],
    ['storage (estimate)', bytes(plan.estimatedStorageBytes)],
    ...plan.limits.map((limit): [string, string] => [
      `limit: ${limit.quantity}`,
      `${count(limit.value)} of ${count(limit.limit)} (${limit.usedPercent} %, ${limit.envVar})`,
    ]),
    [
      'confirmation',
      `${plan.confirmation.required ? 'asked' : 'not needed'} (above ${count(plan.confirmation.aboveCandidateSteps)} candidate-steps, ${plan.confirmation.envVar})`,
    ],
  ];
  return { columns: ['field', 'value'], rows };
}
