/** The CampaignWorkflow driving a run's first pass; shard children are `<id>/shard-<index>`. */
export function campaignWorkflowId(runId: string): string {
  return `kiago-run-${runId}`;
}
