// Measurements of a finished scale run, read back from Temporal's visibility store and Postgres.
import type { Db } from '@kiago/db';
import type { Client } from '@temporalio/client';

export interface ShardTiming {
  workflowMs: number;
  activityMs: number;
}

/** Every ShardWorkflow of the run: its own wall time and the time its activities ran (attempt log). */
export async function shardTimings(
  client: Client,
  db: Db,
  workflowId: string,
  runId: string,
): Promise<ShardTiming[]> {
  const workflowMs = new Map<string, number>();
  const query = `WorkflowType = 'ShardWorkflow' AND WorkflowId STARTS_WITH '${workflowId}/shard-' AND ExecutionStatus = 'Completed'`;
  for await (const execution of client.workflow.list({ query })) {
    if (!execution.closeTime) continue;
    const index = execution.workflowId.slice(execution.workflowId.lastIndexOf('-') + 1);
    workflowMs.set(index, execution.closeTime.getTime() - execution.startTime.getTime());
  }
  const { rows } = await db.pool.query<{ index: number; ms: number }>(
    `SELECT s.index, sum(extract(epoch FROM a.finished_at - a.started_at) * 1000)::float8 AS ms
     FROM shard_attempts a JOIN shards s ON s.id = a.shard_id WHERE s.run_id = $1 GROUP BY s.index`,
    [runId],
  );
  return rows.flatMap((row) => {
    const wall = workflowMs.get(String(row.index));
    return wall === undefined ? [] : [{ workflowMs: wall, activityMs: row.ms }];
  });
}

export interface HistoryFigures {
  campaignExecutions: number;
  maxCampaignEvents: number;
  maxCampaignBytes: number;
  shardEventsMean: number;
  shardBytesMean: number;
}

/** History length and size of every CampaignWorkflow execution (continue-as-new) and of the shards. */
export async function historyFigures(client: Client, workflowId: string): Promise<HistoryFigures> {
  const campaign = [];
  for await (const execution of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
    campaign.push(execution);
  }
  let shardEvents = 0;
  let shardBytes = 0;
  let shards = 0;
  for await (const execution of client.workflow.list({
    query: `WorkflowType = 'ShardWorkflow' AND WorkflowId STARTS_WITH '${workflowId}/shard-'`,
  })) {
    shards++;
    shardEvents += execution.historyLength;
    shardBytes += execution.historySize ?? 0;
  }
  return {
    campaignExecutions: campaign.length,
    maxCampaignEvents: Math.max(...campaign.map((e) => e.historyLength)),
    maxCampaignBytes: Math.max(...campaign.map((e) => e.historySize ?? 0)),
    shardEventsMean: shardEvents / Math.max(1, shards),
    shardBytesMean: shardBytes / Math.max(1, shards),
  };
}

/** Rows inserted and updated in every table since the counters were last read (pg_stat_user_tables). */
export async function tableWrites(db: Db): Promise<Map<string, { inserted: number; updated: number }>> {
  const { rows } = await db.pool.query<{ relname: string; ins: string; upd: string }>(
    `SELECT relname, n_tup_ins AS ins, n_tup_upd AS upd FROM pg_stat_user_tables WHERE schemaname = 'public'`,
  );
  return new Map(rows.map((row) => [row.relname, { inserted: Number(row.ins), updated: Number(row.upd) }]));
}

export const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;

/** CPU seconds (user + system) a process has used, from /proc; undefined when it cannot be read. */
export async function processCpuSeconds(pid: number): Promise<number | undefined> {
  try {
    const { readFile } = await import('node:fs/promises');
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ = 100 on Linux
  } catch {
    return undefined;
  }
}
