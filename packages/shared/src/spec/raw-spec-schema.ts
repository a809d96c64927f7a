import { z } from 'zod';
import { INT4_MAX } from './campaign-limits.js';
import {
  DEFAULT_ALPHA,
  DEFAULT_CANDIDATES_PER_SHARD,
  DEFAULT_MAX_PARALLEL_SHARDS,
  DEFAULT_SHARD_RETRY_ROUNDS,
  DEFAULT_STEPS,
} from './defaults.js';
import { elementAmountsSchema, elementSymbolSchema, formulaSchema } from './element-inputs.js';
import {
  betaScheduleSchema,
  campaignNameSchema,
  initialisationInputSchema,
  modelsSchema,
  nUnitsSchema,
  screeningSchema,
  seedsSchema,
} from './field-schemas.js';
import { modeSchema } from './mode-schema.js';
import { ELEMENT_SETS, PRESET_NAMES } from './presets.js';
import { strictSpecObject } from './strict-object.js';

/** A count stored in a Postgres integer column (run limits, campaign-limits.ts, are usually far lower). */
const columnInt = () =>
  z
    .int()
    .min(1, 'must be a positive integer')
    .max(INT4_MAX, `must be at most ${INT4_MAX} (a database integer)`);

const fraction = z
  .number()
  .gt(0, 'must be a fraction strictly between 0 and 1')
  .lt(1, 'must be a fraction strictly between 0 and 1');

/**
 * The spec as written, field by field. Fields whose default depends on the mode stay optional
 * here; `resolveDefaults` fills them in and the cross-field rules run on the result.
 */
export const rawCampaignSpecSchema = strictSpecObject(
  {
    name: campaignNameSchema,
    bases: z.array(formulaSchema).min(1, 'must list at least one base formula'),
    seeds: seedsSchema,
    /** Where Nset, k, β and the element set default from (presets.ts); each field still overrides. */
    preset: z.enum(PRESET_NAMES, { error: `must be one of ${PRESET_NAMES.join(', ')}` }).optional(),
    candidatesPerShard: columnInt().default(DEFAULT_CANDIDATES_PER_SHARD),
    /** T; at least 2 because the element-count mask and the β ramp start at T/2. */
    steps: z
      .int()
      .min(2, 'must be an integer ≥ 2 (masks and β start at steps/2)')
      .max(INT4_MAX, `must be at most ${INT4_MAX} (a database integer)`)
      .default(DEFAULT_STEPS),
    learningRate: z.number().positive('must be positive').optional(),
    alpha: z.number().min(0, 'must be ≥ 0').default(DEFAULT_ALPHA),
    beta: betaScheduleSchema.optional(),
    /** k: how many elements survive the element-count mask, fixed ones included. */
    maxElements: z.int().min(1, 'must be a positive integer').max(118).optional(),
    nUnits: nUnitsSchema.optional(),
    mode: modeSchema.default({ kind: 'normal' }),
    /** `supported` (data-supported, the default) or `reference` (ElemNet's 86); allowedElements replaces it. */
    elements: z.enum(ELEMENT_SETS, { error: `must be one of ${ELEMENT_SETS.join(', ')}` }).optional(),
    allowedElements: z.array(elementSymbolSchema).min(1, 'must list at least one element').optional(),
    excludedElements: z.array(elementSymbolSchema).default([]),
    /** Fractions added to every candidate as-is (`c` in DESIGN §5); `H0.4` means x_H = 0.4. */
    fixedComposition: elementAmountsSchema(fraction, { elemNetOnly: true }).optional(),
    initialisation: initialisationInputSchema.optional(),
    screening: screeningSchema.prefault({}),
    models: modelsSchema.prefault({}),
    nightly: z.boolean().default(false),
    maxParallelShards: columnInt().default(DEFAULT_MAX_PARALLEL_SHARDS),
    shardRetryRounds: z
      .int()
      .min(0, 'must be 0–10')
      .max(10, 'must be 0–10')
      .default(DEFAULT_SHARD_RETRY_ROUNDS),
    /** Candidates per forward/backward pass when B does not fit in accelerator memory at once. */
    microBatch: columnInt().optional(),
  },
  'a campaign spec must be a mapping with at least name, bases and seeds',
);
export type RawCampaignSpec = z.output<typeof rawCampaignSpecSchema>;
