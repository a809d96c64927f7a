import { TOP_CANDIDATE_RANKS } from '@kiago/db';
import { elementBySymbol, parseOrThrow } from '@kiago/shared';
import { z } from 'zod';

const decimal = (name: string) =>
  z
    .string()
    .regex(/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/, `${name} must be a number, e.g. 0.1`)
    .transform(Number)
    // 1e999 reads as Infinity: refuse it here, in the parameter's name, not in the query's.
    .pipe(z.number({ error: `${name} must be a finite number` }));
const elementList = () =>
  z
    .array(z.string())
    .transform((values) =>
      values
        .flatMap((value) => value.split(','))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .superRefine((symbols, ctx) => {
      for (const symbol of symbols) {
        if (!elementBySymbol(symbol))
          ctx.addIssue({
            code: 'custom',
            message: `${JSON.stringify(symbol)} is not an element symbol`,
          });
      }
    });

/**
 * `GET /runs/:id/candidates?limit&maxEhull&passed&inDomain&include&exclude&rank&k`; unknown parameters
 * are refused (typos). `rank=lcb` orders by the Tc ensemble's mean − k·sd (k from 0 to 10, default 1).
 */
const candidatesQuerySchema = z
  .strictObject({
    limit: z
      .string()
      .regex(/^\d+$/, 'limit must be a whole number from 1 to 1000')
      .transform(Number)
      .pipe(z.int().min(1, 'limit must be at least 1').max(1000, 'limit must be at most 1000'))
      .default(30),
    maxEhull: decimal('maxEhull').optional(),
    passed: z
      .enum(['true', 'false', '1', '0'], { error: 'passed must be true or false' })
      .transform((value) => value === 'true' || value === '1')
      .default(false),
    inDomain: z
      .enum(['true', 'false', '1', '0'], { error: 'inDomain must be true or false' })
      .transform((value) => value === 'true' || value === '1')
      .default(false),
    include: elementList().default([]),
    exclude: elementList().default([]),
    rank: z.enum(TOP_CANDIDATE_RANKS, { error: 'rank must be tc or lcb' }).default('tc'),
    k: decimal('k').pipe(z.number().min(0, 'k must be ≥ 0').max(10, 'k must be ≤ 10')).optional(),
  })
  .superRefine((query, ctx) => {
    if (query.k !== undefined && query.rank !== 'lcb') {
      ctx.addIssue({ code: 'custom', path: ['k'], message: 'k applies to rank=lcb only' });
    }
    // Both at once can match nothing: say so instead of answering [].
    const both = query.include.filter((symbol) => query.exclude.includes(symbol));
    if (both.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['exclude'],
        message: `${both.join(', ')} also in include: no candidate can match`,
      });
    }
  });
export type CandidatesQuery = z.output<typeof candidatesQuerySchema>;

const LIST_PARAMS = new Set(['include', 'exclude']);

/** Query string → validated filters; include/exclude take `Cu,O` or repeated parameters. */
export function parseCandidatesQuery(params: URLSearchParams): CandidatesQuery {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    raw[key] = LIST_PARAMS.has(key) ? values : (values.at(-1) as string);
  }
  return parseOrThrow(candidatesQuerySchema, raw, 'query');
}
