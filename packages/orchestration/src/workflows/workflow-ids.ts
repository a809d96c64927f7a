/** The CampaignWorkflow driving a run's first pass; shard children are `<id>/shard-<index>`. */
export function campaignWorkflowId(runId: string): string {
  return `kiago-run-${runId}`;
}

/** A shard's ShardWorkflow id, a child of its campaign's workflow. */
export function shardWorkflowId(campaignWorkflowId: string, index: number): string {
  return `${campaignWorkflowId}/shard-${index}`;
}
