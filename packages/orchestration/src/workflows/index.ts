// The workflow worker's entry (workflowsPath / bundle): every workflow type the orchestrator runs.
export { CampaignWorkflow } from './campaign-workflow.js';
export { NightlyWorkflow } from './nightly-workflow.js';
export { ShardWorkflow } from './shard-workflow.js';
