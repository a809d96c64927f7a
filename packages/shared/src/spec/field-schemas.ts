import { z } from 'zod';
import { DEFAULT_BETA_RAMP_MAX } from './defaults.js';
import { strictSpecObject } from './strict-object.js';

/** Lower-case slug: it names workflows, database rows and CLI arguments. */
export const campaignNameSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,62}$/,
    'must be 1–63 characters of lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
  );

/** 32-bit unsigned, so every seeded generator in the pipeline accepts it unchanged. */
const MAX_SEED = 2 ** 32 - 1;

export const seedsSchema = z
  .array(z.int().min(0, 'must be a non-negative integer').max(MAX_SEED, `must be at most ${MAX_SEED}`))
  .min(1, 'must list at least one seed')
  .superRefine((seeds, ctx) => {
    seeds.forEach((seed, index) => {
      const first = seeds.indexOf(seed);
      if (first !== index) {
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `duplicate seed ${seed} (already seeds.${first})`,
        });
      }
    });
  });

/** The integer loss evaluates every N for every candidate, so Nset stays bounded. */
const MAX_N_UNITS = 10_000;
const positiveN = z.int().min(1, 'must be a positive integer').max(MAX_N_UNITS, `must be ≤ ${MAX_N_UNITS}`);

/** Nset of the integer loss: an explicit list or an inclusive range. */
export const nUnitsSchema = z.union(
  [
    z.array(positiveN).min(1, 'must list at least one N'),
    strictSpecObject({ min: positiveN, max: positiveN }).superRefine((range, ctx) => {
      if (range.max < range.min) {
        ctx.addIssue({ code: 'custom', path: ['max'], message: `must be ≥ min (${range.min})` });
      }
    }),
  ],
  { error: 'must be a list of positive integers or a range { min, max }' },
);
export type NUnits = z.output<typeof nUnitsSchema>;

export const betaScheduleSchema = z.discriminatedUnion('kind', [
  // β = 0 for t < T/2, then a linear ramp reaching `max` at the last step (DESIGN §5).
  strictSpecObject({
    kind: z.literal('reference-ramp'),
    max: z.number().positive('must be positive').default(DEFAULT_BETA_RAMP_MAX),
  }),
  // The paper's variant (β = 1 in the second stage) and substitution mode (β = 0, no integer loss).
  strictSpecObject({ kind: z.literal('constant'), value: z.number().min(0, 'must be ≥ 0') }),
]);
export type BetaSchedule = z.output<typeof betaScheduleSchema>;

const probability = z
  .number()
  .min(0, 'must be a probability in [0, 1]')
  .max(1, 'must be a probability in [0, 1]');

/** Mode-dependent fields stay optional here; `resolveDefaults` fills them once the mode is known. */
export const initialisationInputSchema = z.discriminatedUnion('kind', [
  strictSpecObject({
    kind: z.literal('base'),
    mutateProb: probability.optional(),
    perturbVal: z.number().min(0, 'must be ≥ 0').optional(),
    perturbProb: probability.optional(),
  }),
  // Baseline: `elementCount` random elements with random fractions (defaults to maxElements).
  strictSpecObject({ kind: z.literal('random'), elementCount: positiveN.optional() }),
  // Every entry uniform random; substitution mode starts from here (DESIGN §5).
  strictSpecObject({ kind: z.literal('uniform') }),
]);

export const screeningSchema = strictSpecObject({
  oxidationStates: z.enum(['smact14', 'icsd24']).default('smact14'),
  maxEhullEvPerAtom: z.number().min(0, 'must be ≥ 0 eV/atom').optional(),
  requireNegativeEf: z.boolean().default(true),
});

const modelVersionSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/, 'must be "latest" or a model version such as "tc-2025-01-07"');

/** Ensembles are small: their cost is one extra forward pass per member per candidate. */
export const TC_ENSEMBLE_MAX_MEMBERS = 8;

export const modelsSchema = strictSpecObject({
  tc: modelVersionSchema.default('latest'),
  ef: modelVersionSchema.default('latest'),
  /**
   * Registered Tc versions (e.g. the same architecture trained with different seeds) that re-predict
   * every candidate's integer formula after the optimisation, for a Tc mean ± sd per candidate. The
   * optimisation itself follows `tc` only. Empty: no ensemble.
   */
  tcEnsemble: z
    .array(
      modelVersionSchema.refine((version) => version !== 'latest', {
        error: 'must name a registered version: "latest" changes meaning when another is promoted',
      }),
    )
    .max(TC_ENSEMBLE_MAX_MEMBERS, `at most ${TC_ENSEMBLE_MAX_MEMBERS} members`)
    .refine((versions) => versions.length !== 1, {
      error: 'needs at least 2 members (a spread of one model is meaningless); leave it out for none',
    })
    .refine((versions) => new Set(versions).size === versions.length, {
      error: 'lists a version twice',
    })
    .default([]),
});
