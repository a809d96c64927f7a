export { betaAtStep, maskStep } from './beta-schedule.js';
export {
  type CampaignLimits,
  campaignLimitUsage,
  checkCampaignLimits,
  DEFAULT_CAMPAIGN_LIMITS,
  INT4_MAX,
  type LimitUsage,
  parseCampaignLimits,
} from './campaign-limits.js';
export {
  type CampaignSpec,
  type CampaignSpecInput,
  campaignSpecSchema,
  campaignSpecSchemaWithin,
} from './campaign-spec-schema.js';
export * from './defaults.js';
export { type BetaSchedule, type NUnits, TC_ENSEMBLE_MAX_MEMBERS } from './field-schemas.js';
export { loadCampaignSpec, parseCampaignSpec, type SpecFormat } from './load-campaign-spec.js';
export type { CampaignMode, CampaignModeKind } from './mode-schema.js';
export { largestNUnit, nUnitsValues } from './n-units.js';
export { optimisableElements, optimisationElements, preservedAmounts } from './optimisation-elements.js';
export { type PlannedShard, planShards } from './plan-shards.js';
export {
  DEFAULT_PRESET,
  ELEMENT_SETS,
  type ElementSet,
  PRESET_NAMES,
  PRESETS,
  type PresetName,
  type PresetValues,
} from './presets.js';
export type { Initialisation } from './resolve-defaults.js';
export { fixedFractionsForBase } from './shard-fixed-fractions.js';
