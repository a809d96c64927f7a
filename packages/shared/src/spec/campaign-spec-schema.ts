import type { z } from 'zod';
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

/** A validated spec with every default filled in. */
export type CampaignSpec = z.output<typeof campaignSpecSchema>;
/** A spec as written in YAML/JSON, defaults optional. */
export type CampaignSpecInput = z.input<typeof campaignSpecSchema>;
