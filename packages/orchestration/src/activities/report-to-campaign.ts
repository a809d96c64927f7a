import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { type ShardReport, shardFinishedSignal } from '../workflows/workflow-types.js';

export interface ReportToCampaignInput {
  /** The campaign's workflow id: the signal reaches whichever execution is current (continue-as-new). */
  campaignWorkflowId: string;
  report: ShardReport;
}

/**
 * A shard's end, signalled to its campaign from the worker instead of by a workflow command: as a
 * local activity it rides in the shard's last workflow task, where a signal command costs the shard
 * a server round trip and one more workflow task before it can complete.
 * A campaign that is gone (terminated, or closed meanwhile) has nobody to tell: the shard's row is
 * already written.
 */
export async function reportToCampaign(
  client: Pick<Client, 'workflow'>,
  input: ReportToCampaignInput,
): Promise<void> {
  try {
    await client.workflow.getHandle(input.campaignWorkflowId).signal(shardFinishedSignal, input.report);
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
}
