import { collectDatasetStats, type DataDirStats } from '@kiago/datasets';
import { parseOrThrow } from '@kiago/shared';
import type { Command } from 'commander';
import { z } from 'zod';
import { cliDataDir } from '../env.js';
import { outputFormatSchema, printResult, type Table } from '../output/format.js';

const statsOptionsSchema = z.object({
  dataDir: z.string().trim().min(1, 'must not be empty').optional(),
  format: outputFormatSchema,
});

/** `kiago data …`: inspect the real data sets the models are trained and screened on. */
export function registerDataCommand(program: Command): void {
  const data = program
    .command('data')
    .description(
      'Inspect the training and reference data sets (KIAGO_DATA_DIR, default <repo>/../shared/data)',
    );

  data
    .command('stats')
    .description('Load every data set and report rows read, kept, dropped (by reason) and duplicates merged')
    .option('--data-dir <dir>', 'data directory (overrides KIAGO_DATA_DIR)')
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (raw: unknown) => {
      const options = parseOrThrow(statsOptionsSchema, raw, 'kiago data stats');
      const stats = await collectDatasetStats({ dataDir: cliDataDir(options.dataDir) });
      printResult(options.format, stats, () => statsTable(stats));
      if (options.format !== 'json') {
        for (const { dataset, reason } of stats.skipped) {
          process.stderr.write(`skipped ${dataset}: ${reason}\n`);
        }
      }
    });
}

function statsTable(stats: DataDirStats): Table {
  return {
    columns: ['dataset', 'rowsRead', 'rowsKept', 'dropped', 'duplicatesMerged', 'ms', 'dropReasons', 'files'],
    rows: stats.datasets.map((report) => {
      const reasons = Object.entries(report.dropped);
      return [
        report.dataset,
        report.rowsRead,
        report.rowsKept,
        reasons.reduce((sum, [, count]) => sum + count, 0),
        report.duplicatesMerged,
        report.elapsedMs,
        reasons.map(([reason, count]) => `${reason}=${count}`).join(' ') || '-',
        report.files.join(' '),
      ];
    }),
  };
}
