import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import type { Route } from './api-types.js';
import { HttpError } from './http-error.js';

const MAX_FORMULAS = 1000;

/** `GET /predict?formula=YBa2Cu3O7&formula=MgB2&tcModel&efModel&refs&oxidationStates`; unknown parameters are refused. */
const predictQuerySchema = z.strictObject({
  formula: z
    .array(z.string().trim().min(1, 'formula must not be empty'))
    .min(1, 'give at least one formula, e.g. ?formula=MgB2')
    .max(MAX_FORMULAS, `at most ${MAX_FORMULAS} formulas per request`),
  tcModel: z.string().trim().min(1).default('latest'),
  efModel: z.string().trim().min(1).default('latest'),
  /** A reference set name, or "none" to skip e_above_hull. */
  refs: z.string().trim().min(1).default('mp'),
  oxidationStates: z
    .enum(['smact14', 'icsd24'], { error: 'oxidationStates must be smact14 or icsd24' })
    .default('smact14'),
});

export const predictRoutes: Route[] = [
  {
    // What the models say about given formulas; a bad formula is a 400 FORMULA_INVALID naming it.
    method: 'GET',
    pattern: /^\/predict$/,
    handle: async ({ db, predictor }, { url }) => {
      const raw: Record<string, string | string[]> = {};
      for (const key of new Set(url.searchParams.keys())) {
        const values = url.searchParams.getAll(key);
        raw[key] = key === 'formula' ? values : (values.at(-1) as string);
      }
      const query = parseOrThrow(predictQuerySchema, raw, 'query');
      if (!predictor) {
        throw new HttpError(
          501,
          'PREDICT_NOT_SERVED',
          'this process has no TensorFlow models (the orchestrator image carries none): use `kiago predict`',
        );
      }
      const batch = await predictor(db, {
        formulas: query.formula,
        tcModel: query.tcModel,
        efModel: query.efModel,
        referenceSet: query.refs === 'none' ? null : query.refs,
        oxidationStates: query.oxidationStates,
      });
      return { status: 200, body: batch };
    },
  },
];
