import { topCandidates } from '@kiago/db';
import { readRunProgress } from '@kiago/orchestration';
import { buildRunReport, renderReportHtml } from '@kiago/report';
import { NotFoundError, parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import type { Route } from './api-types.js';
import { parseCandidatesQuery } from './candidates-query.js';

const runIdSchema = z.uuid({ error: 'the run id must be a uuid' });
const runId = (params: Readonly<Record<string, string>>) => parseOrThrow(runIdSchema, params.runId, 'path');

export const runRoutes: Route[] = [
  {
    // The run's progress as stored (shards, candidates, best Tc, running shards) and its summary once written.
    method: 'GET',
    pattern: /^\/runs\/(?<runId>[^/]+)$/,
    handle: async ({ db }, { params }) => {
      const id = runId(params);
      const progress = await readRunProgress(db, id);
      const { summary } = await db.prisma.run.findUniqueOrThrow({ where: { id }, select: { summary: true } });
      return { status: 200, body: { ...progress, summary } };
    },
  },
  {
    method: 'GET',
    pattern: /^\/runs\/(?<runId>[^/]+)\/candidates$/,
    handle: async ({ db }, { params, url }) => {
      const id = runId(params);
      const query = parseCandidatesQuery(url.searchParams);
      // An unknown run gives 404 rather than an empty list.
      const run = await db.prisma.run.findUnique({ where: { id }, select: { id: true } });
      if (!run) throw new NotFoundError('run', id);
      const candidates = await topCandidates(db, {
        runId: id,
        limit: query.limit,
        maxEHullEvPerAtom: query.maxEhull,
        passedOnly: query.passed,
        inDomainOnly: query.inDomain,
        includeElements: query.include,
        excludeElements: query.exclude,
        rank: query.rank,
        k: query.k,
      });
      return { status: 200, body: candidates };
    },
  },
  {
    method: 'GET',
    pattern: /^\/runs\/(?<runId>[^/]+)\/report$/,
    handle: async ({ db }, { params }) => ({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: renderReportHtml(await buildRunReport(db, runId(params))),
    }),
  },
];
