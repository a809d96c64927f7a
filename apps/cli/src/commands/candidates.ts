import { TOP_CANDIDATE_RANKS, type TopCandidate, type TopCandidateRank, topCandidates } from '@kiago/db';
import { findCampaign } from '@kiago/orchestration';
import { parseOrThrow } from '@kiago/shared';
import type { Command } from 'commander';
import { z } from 'zod';
import { printResult, type Table } from '../output/format.js';
import { decimalFlag, elementListFlag, formatFlag, integerFlag } from './cli-flags.js';
import { defaultOrchestrationDeps, type OrchestrationCommandDeps, withDb } from './orchestration-deps.js';

const topOptionsSchema = z
  .object({
    run: z.uuid({ error: '--run must be a run id (uuid)' }).optional(),
    campaign: z.string().trim().min(1, '--campaign must be a campaign name or id').optional(),
    limit: integerFlag('--limit', { min: 1, max: 1000 }).default(30),
    maxEhull: decimalFlag('--max-ehull', 'eV/atom').optional(),
    passed: z.boolean().default(false),
    inDomain: z.boolean().default(false),
    include: elementListFlag('--include'),
    exclude: elementListFlag('--exclude'),
    rank: z.enum(TOP_CANDIDATE_RANKS, { error: '--rank must be tc or lcb' }).default('tc'),
    k: decimalFlag('--k', 'standard deviations', { max: 10 })
      .pipe(z.number().min(0, '--k must be at least 0 standard deviations'))
      .optional(),
    format: formatFlag,
  })
  .refine((o) => o.k === undefined || o.rank === 'lcb', {
    error: '--k applies to --rank lcb only',
    path: ['k'],
  })
  .refine((o) => (o.run === undefined) !== (o.campaign === undefined), {
    error: 'give exactly one of --run or --campaign',
    path: ['run'],
  });

/** `kiago candidates top`: the best candidates of a run or a campaign, filtered. */
export function registerCandidatesCommand(
  program: Command,
  deps: OrchestrationCommandDeps = defaultOrchestrationDeps,
): void {
  const candidates = program.command('candidates').description('Query the candidates stored in Postgres');
  candidates
    .command('top')
    .description(
      'Highest-Tc candidates of a run or of every run of a campaign, with screening and hull filters',
    )
    .option('--run <id>', 'candidates of this run')
    .option('--campaign <name|id>', 'candidates of every run of this campaign')
    .option('--limit <n>', 'how many (1–1000)', '30')
    .option('--max-ehull <eV>', 'only candidates with a known e_above_hull at most this (eV/atom)')
    .option('--passed', 'only candidates that passed every screening check')
    .option('--in-domain', "only candidates whose every element is in the Tc model's training support")
    .option('--include <elements...>', 'must contain all of these elements, e.g. Cu,O')
    .option('--exclude <elements...>', 'must contain none of these elements, e.g. Hg')
    .option(
      '--rank <order>',
      'tc (the optimised model) | lcb (Tc ensemble mean − k·sd; runs with models.tcEnsemble only)',
      'tc',
    )
    .option('--k <sd>', 'lcb: standard deviations below the ensemble mean (0–10, default 1)')
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (raw: unknown) => {
      const options = parseOrThrow(topOptionsSchema, raw, 'kiago candidates top');
      const rows = await withDb(deps, async (db) => {
        const scope = options.run
          ? { runId: options.run }
          : { campaignId: (await findCampaign(db, options.campaign as string)).id };
        return topCandidates(db, {
          ...scope,
          limit: options.limit,
          maxEHullEvPerAtom: options.maxEhull,
          passedOnly: options.passed,
          inDomainOnly: options.inDomain,
          includeElements: options.include,
          excludeElements: options.exclude,
          rank: options.rank,
          k: options.k,
        });
      });
      printResult(options.format, rows, () =>
        candidatesTable(rows, options.campaign !== undefined, options.rank),
      );
    });
}

function candidatesTable(rows: readonly TopCandidate[], withRun: boolean, rank: TopCandidateRank): Table {
  const columns = [
    'rank',
    'formula',
    'tcKelvin',
    'deltaTcKelvin',
    'tcContinuousKelvin',
    'tcEnsembleMeanKelvin',
    'tcEnsembleSdKelvin',
    ...(rank === 'lcb' ? ['tcLowerBoundKelvin'] : []),
    'efEvPerAtom',
    'eAboveHullEvPerAtom',
    'passed',
    'inDomain',
    'nUnits',
    'id',
  ];
  return {
    columns: withRun ? [...columns, 'run'] : columns,
    rows: rows.map((c, i) => {
      const row = [
        i + 1,
        c.formula,
        c.tcKelvin,
        c.deltaTcKelvin,
        c.tcContinuousKelvin,
        c.tcEnsembleMeanKelvin,
        c.tcEnsembleSdKelvin,
        ...(rank === 'lcb' ? [c.tcLowerBoundKelvin] : []),
        c.efEvPerAtom,
        c.eAboveHullEvPerAtom,
        c.passed === null ? '-' : c.passed ? 'yes' : 'no',
        c.inDomain ? 'yes' : 'no',
        c.nUnits,
        c.id,
      ];
      return withRun ? [...row, c.runId] : row;
    }),
  };
}
