import { z } from 'zod';
import {
  DEFAULT_HYDRIDE_MAX_ATOMS,
  DEFAULT_HYDRIDE_MAX_ELEMENTS,
  DEFAULT_HYDROGEN_MIN_FRACTION,
} from './defaults.js';
import { elementAmountsSchema, elementSymbolSchema } from './element-inputs.js';
import { strictSpecObject } from './strict-object.js';

export const modeSchema = z.discriminatedUnion('kind', [
  strictSpecObject({ kind: z.literal('normal') }),
  strictSpecObject({
    kind: z.literal('substitution'),
    /** The base element replaced by elements sharing `targetOxidationState`. */
    targetElement: elementSymbolSchema,
    targetOxidationState: z.int('must be an integer oxidation state'),
    /**
     * Amounts kept fixed, on the base formula's scale (`Sr2CaCu2O8` for Bi2Sr2CaCu2O8). Omitted:
     * every base element except the target, with the base's amounts.
     */
    preserved: elementAmountsSchema(z.number().positive('must be a positive amount'), {
      elemNetOnly: true,
    }).optional(),
  }),
  strictSpecObject({
    kind: z.literal('hydride'),
    minHydrogenFraction: z
      .number()
      .gt(0, 'must be a fraction strictly between 0 and 1')
      .lt(1, 'must be a fraction strictly between 0 and 1')
      .default(DEFAULT_HYDROGEN_MIN_FRACTION),
    maxAtoms: z.int().min(2, 'must be at least 2 atoms').default(DEFAULT_HYDRIDE_MAX_ATOMS),
    /** Screening limit on distinct elements; hydrides are H plus one or two others. */
    maxElements: z
      .int()
      .min(2, 'must be 2 or 3 (hydrogen plus one or two elements)')
      .max(DEFAULT_HYDRIDE_MAX_ELEMENTS, 'must be 2 or 3 (hydrogen plus one or two elements)')
      .default(DEFAULT_HYDRIDE_MAX_ELEMENTS),
  }),
]);
export type CampaignMode = z.output<typeof modeSchema>;
export type CampaignModeKind = CampaignMode['kind'];
