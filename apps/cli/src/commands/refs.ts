import {
  alexandriaReferenceRows,
  type ImportReferencesResult,
  importReferences,
  listReferenceSets,
  mpBinariesReferenceRows,
  mpReferenceRows,
  type ReferenceSetSummary,
  type ReferenceSourceRows,
} from '@kiago/screening';
import { parseOrThrow } from '@kiago/shared';
import type { Command } from 'commander';
import { z } from 'zod';
import { cliDataDir } from '../env.js';
import { outputFormatSchema, printResult, type Table } from '../output/format.js';
import { type DbCommandDeps, defaultDbDeps, withDb } from './db-access.js';

/** The sets `kiago refs import` knows how to build from the shared data. */
const REFERENCE_SETS = ['mp', 'mp-binaries', 'alexandria'] as const;

const importOptionsSchema = z
  .object({
    set: z.enum(REFERENCE_SETS, { error: `must be one of ${REFERENCE_SETS.join(', ')}` }),
    dataDir: z.string().trim().min(1, 'must not be empty').optional(),
    file: z.array(z.string().trim().min(1, 'must not be empty')).optional(),
    maxEAboveHull: z
      .string()
      .regex(/^(?:\d+\.?\d*|\.\d+)$/, 'must be a non-negative number of eV/atom')
      .transform(Number)
      .optional(),
    format: outputFormatSchema,
  })
  .superRefine((options, ctx) => {
    for (const flag of ['file', 'maxEAboveHull'] as const) {
      if (options.set !== 'alexandria' && options[flag] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [flag], message: 'applies to the alexandria set only' });
      }
    }
  });
const listOptionsSchema = z.object({ format: outputFormatSchema });

/** `kiago refs …`: the hull's reference sets in Postgres. */
export function registerRefsCommand(program: Command, deps: DbCommandDeps = defaultDbDeps): void {
  const refs = program
    .command('refs')
    .description('Convex-hull reference sets stored in Postgres (DATABASE_URL)');

  refs
    .command('import')
    .description(
      'Import a reference set: mp (MP via Roost and Matbench, 96k compositions), mp-binaries (SMACT MP 2025 binaries) or ' +
        'alexandria (PBE dumps); re-importing updates changed entries and never duplicates',
    )
    .argument('<set>', REFERENCE_SETS.join(' | '))
    .option('--data-dir <dir>', 'data directory (overrides KIAGO_DATA_DIR)')
    .option(
      '--file <path...>',
      'alexandria only: dump file(s) (.json, .json.gz, .json.bz2); default every dump in <data dir>/alexandria',
    )
    .option('--max-e-above-hull <eV>', 'alexandria only: keep entries at most this far above the hull')
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (set: string, raw: Record<string, unknown>) => {
      const options = parseOrThrow(importOptionsSchema, { ...raw, set }, 'kiago refs import');
      const source = await readReferenceSource(options);
      const result = await withDb(deps, (db) => importReferences(db, { set: options.set, ...source }));
      const output = { ...result, report: source.report };
      printResult(options.format, output, () => importTable(output));
    });

  refs
    .command('list')
    .description('List the imported reference sets with their sizes and cached model energies')
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (raw: unknown) => {
      const options = parseOrThrow(listOptionsSchema, raw, 'kiago refs list');
      const sets = await withDb(deps, (db) => listReferenceSets(db));
      printResult(options.format, sets, () => listTable(sets));
    });
}

function readReferenceSource(options: z.output<typeof importOptionsSchema>): Promise<ReferenceSourceRows> {
  switch (options.set) {
    case 'mp':
      return mpReferenceRows({ dataDir: cliDataDir(options.dataDir) });
    case 'mp-binaries':
      return mpBinariesReferenceRows({ dataDir: cliDataDir(options.dataDir) });
    case 'alexandria':
      return alexandriaReferenceRows({
        dataDir: cliDataDir(options.dataDir),
        files: options.file,
        maxEAboveHullEvPerAtom: options.maxEAboveHull,
      });
  }
}

function importTable(output: ImportReferencesResult & { report: ReferenceSourceRows['report'] }): Table {
  const dropped = Object.entries(output.report.dropped);
  return {
    columns: [
      'set',
      'rowsRead',
      'rows',
      'inserted',
      'updated',
      'unchanged',
      'staleEnergiesDeleted',
      'dropReasons',
    ],
    rows: [
      [
        output.set,
        output.report.rowsRead,
        output.rows,
        output.inserted,
        output.updated,
        output.unchanged,
        output.staleEnergiesDeleted,
        dropped.map(([reason, count]) => `${reason}=${count}`).join(' ') || '-',
      ],
    ],
  };
}

function listTable(sets: readonly ReferenceSetSummary[]): Table {
  return {
    columns: ['name', 'entries', 'systems', 'withDftEnergy', 'modelEnergies', 'source'],
    rows: sets.map((set) => [
      set.name,
      set.entries,
      set.systems,
      set.entriesWithDftEnergy,
      Object.entries(set.modelEnergies)
        .map(([version, count]) => `${version}=${count}`)
        .join(' ') || '-',
      set.source,
    ]),
  };
}
