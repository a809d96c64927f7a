import { type MaterialHits, materialHits } from '@kiago/orchestration';
import { parseOrThrow } from '@kiago/shared';
import type { Command } from 'commander';
import { z } from 'zod';
import { printResult, renderTable, type Table } from '../output/format.js';
import { formatFlag, integerFlag } from './cli-flags.js';
import { defaultOrchestrationDeps, type OrchestrationCommandDeps, withDb } from './orchestration-deps.js';

const showOptionsSchema = z.object({
  formula: z.string().trim().min(1, 'FORMULA must be a composition such as La2CuO4'),
  limit: integerFlag('--limit', { min: 1, max: 10_000 }).default(200),
  format: formatFlag,
});

/** `kiago materials show <formula>`: a deduplicated material and every run that found it. */
export function registerMaterialsCommand(
  program: Command,
  deps: OrchestrationCommandDeps = defaultOrchestrationDeps,
): void {
  const materials = program
    .command('materials')
    .description('Distinct compositions found across runs and campaigns');
  materials
    .command('show')
    .description('The material of a formula (any scale: La2CuO4 = La4Cu2O8) and its hits in every run')
    .argument('<formula>', 'composition, e.g. La2CuO4 or La0.5Cu0.25O')
    .option('--limit <n>', 'at most this many runs, newest first', '200')
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (formula: string, raw: Record<string, unknown>) => {
      const options = parseOrThrow(showOptionsSchema, { ...raw, formula }, 'kiago materials show');
      const hits = await withDb(deps, (db) => materialHits(db, options.formula, { limit: options.limit }));
      if (options.format === 'table')
        process.stdout.write(`${renderTable(materialTable(hits), 'table')}\n\n`);
      printResult(options.format, hits, () => hitsTable(hits));
    });
}

function materialTable({ material, canonicalKey, totals }: MaterialHits): Table {
  return {
    columns: ['material', 'system', 'runs', 'campaigns', 'hits', 'bestTcKelvin', 'firstSeen', 'id'],
    rows: [
      [
        canonicalKey,
        material.elementSetKey,
        totals.runs,
        totals.campaigns,
        totals.hits,
        totals.bestTcKelvin,
        material.firstSeenAt.toISOString(),
        material.id,
      ],
    ],
  };
}

function hitsTable({ hits }: MaterialHits): Table {
  return {
    columns: [
      'campaign',
      'run',
      'runStatus',
      'runCreated',
      'hits',
      'bestTcKelvin',
      'deltaTcKelvin',
      'base',
      'eAboveHullEvPerAtom',
      'efEvPerAtom',
    ],
    rows: hits.map((h) => [
      h.campaignName,
      h.runId,
      h.runStatus,
      h.runCreatedAt.toISOString(),
      h.hitCount,
      h.bestTcKelvin,
      h.deltaTcKelvin,
      h.baseFormula,
      h.eAboveHullEvPerAtom,
      h.efEvPerAtom,
    ]),
  };
}
