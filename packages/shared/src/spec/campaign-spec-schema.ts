import type { z } from 'zod';
import { type CampaignLimits, checkCampaignLimits } from './campaign-limits.js';
import { checkGeneralRules } from './general-rules.js';
import { checkHydrideRules } from './hydride-rules.js';
import { rawCampaignSpecSchema } from './raw-spec-schema.js';
import { resolveDefaults } from './resolve-defaults.js';
import { checkSubstitutionRules } from './substitution-rules.js';

/**
 * A campaign spec (DESIGN §3, §5): field checks, then mode-dependent defaults, then cross-field
 * rules, each issue at its exact path. The output is plain JSON and parses again to itself.
 */
export const campaignSpecSchema = rawCampaignSpecSchema
  .transform(resolveDefaults)
  .superRefine((spec, ctx) => {
    checkGeneralRules(spec, ctx);
    checkSubstitutionRules(spec, ctx);
    checkHydrideRules(spec, ctx);
  });

/**
 * The spec schema of a launch: the same checks plus this deployment's size limits, so the API, the
 * CLI and nightly runs refuse the same campaigns. Stored specs are re-read with `campaignSpecSchema`,
 * so lowering a limit later does not break runs already admitted.
 */
export function campaignSpecSchemaWithin(limits: CampaignLimits) {
  return campaignSpecSchema.superRefine((spec, ctx) => checkCampaignLimits(spec, ctx, limits));
}

/** A validated spec with every default filled in. */
export type CampaignSpec = z.output<typeof campaignSpecSchema>;
/** A spec as written in YAML/JSON, defaults optional. */
export type CampaignSpecInput = z.input<typeof campaignSpecSchema>;
