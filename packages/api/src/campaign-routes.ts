import { campaignDetail, listCampaigns, planCampaign } from '@kiago/orchestration';
import { campaignSpecSchemaWithin, NotFoundError, parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import type { Route } from './api-types.js';
import { HttpError } from './http-error.js';
import { readJsonBody } from './read-json-body.js';

const booleanParam = (name: string) =>
  z
    .enum(['true', 'false'], { error: `${name} must be true or false` })
    .transform((value) => value === 'true')
    .default(false);
const launchQuerySchema = z.strictObject({
  replaceSpec: booleanParam('replaceSpec'),
  dryRun: booleanParam('dryRun'),
});
const listQuerySchema = z.strictObject({
  limit: z
    .string()
    .regex(/^\d+$/, 'limit must be a whole number from 1 to 1000')
    .transform(Number)
    .pipe(z.int().min(1, 'limit must be at least 1').max(1000, 'limit must be at most 1000'))
    .default(200),
});

export const campaignRoutes: Route[] = [
  {
    // Body: a campaign spec (the JSON form of a spec file). 202: the run is started, not finished.
    // ?dryRun=true: the same validation and limits, then 200 with the cost preview; nothing is written.
    method: 'POST',
    pattern: /^\/campaigns$/,
    handle: async ({ launcher, campaignPlan }, { request, url }) => {
      const query = parseOrThrow(launchQuerySchema, Object.fromEntries(url.searchParams), 'query');
      const schema = campaignSpecSchemaWithin(campaignPlan.limits);
      const spec = parseOrThrow(schema, await readJsonBody(request), 'body');
      if (query.dryRun)
        return { status: 200, body: { dryRun: true, plan: planCampaign(spec, campaignPlan) } };
      try {
        const launched = await launcher({ spec, replaceSpec: query.replaceSpec });
        return { status: 202, body: { ...launched, links: { run: `/runs/${launched.runId}` } } };
      } catch (error) {
        // The spec is valid but names what is not there (e.g. a model version): the request is at fault.
        if (error instanceof NotFoundError) throw new HttpError(422, error.code, error.message);
        throw error;
      }
    },
  },
  {
    method: 'GET',
    pattern: /^\/campaigns$/,
    handle: async ({ db }, { url }) => {
      const query = parseOrThrow(listQuerySchema, Object.fromEntries(url.searchParams), 'query');
      return { status: 200, body: await listCampaigns(db, { limit: query.limit }) };
    },
  },
  {
    method: 'GET',
    pattern: /^\/campaigns\/(?<campaign>[^/]+)$/,
    handle: async ({ db }, { params }) => ({
      status: 200,
      body: await campaignDetail(db, params.campaign as string),
    }),
  },
];
