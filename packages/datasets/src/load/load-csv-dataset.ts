import { isAbsolute } from 'node:path';
import { SpecError } from '@kiago/shared';
import { readCsvTable } from '../csv/read-csv-table.js';
import { dataDirHint, dataFilePath } from '../data-dir.js';
import { assertDirectory, assertReadableFile } from '../files/assert-readable.js';
import type { CsvSource } from './csv-source.js';
import { DropCounter, type LoadedDataset } from './dataset-report.js';
import { type CompositionRecord, KeyedRows, type MergeRule } from './merge-by-key.js';

export interface CsvDatasetDefinition<Row extends CompositionRecord> {
  dataset: string;
  /** Files of one energy/Tc scale, read in order; rows of all of them are merged by composition. */
  sources: readonly CsvSource<Row>[];
  merge: MergeRule<Row>;
}

export interface LoadOptions {
  /** Data directory, from the caller (`resolveDataDir` turns a flag and the environment into one). */
  dataDir: string;
  /** Replaces the default files one for one (same columns), e.g. with test fixtures. */
  files?: readonly string[] | undefined;
}

/** Streams every source file, validates and parses each record, then merges duplicates by composition. */
export async function loadCsvDataset<Row extends CompositionRecord>(
  definition: CsvDatasetDefinition<Row>,
  options: LoadOptions,
): Promise<LoadedDataset<Row>> {
  const sources = withFiles(definition, options.files);
  const { dataDir } = options;
  const hint = dataDirHint(dataDir);
  if (sources.some((source) => !isAbsolute(source.file))) await assertDirectory(dataDir, hint);

  const dropped = new DropCounter();
  const keyed = new KeyedRows<Row>();
  let rowsRead = 0;
  for (const source of sources) {
    const path = dataFilePath(dataDir, source.file);
    await assertReadableFile(path, isAbsolute(source.file) ? undefined : hint);
    for await (const record of readCsvTable(path, source.columns)) {
      rowsRead++;
      const result = record.ok ? source.parse(record.cells) : record;
      if (result.ok) keyed.add(result.row);
      else dropped.add(result.reason);
    }
  }
  const { rows, duplicatesMerged } = keyed.finish(definition.merge);
  return {
    rows,
    report: {
      dataset: definition.dataset,
      files: sources.map((source) => source.file),
      rowsRead,
      rowsKept: rows.length,
      dropped: dropped.toRecord(),
      duplicatesMerged,
    },
  };
}

function withFiles<Row extends CompositionRecord>(
  definition: CsvDatasetDefinition<Row>,
  files: readonly string[] | undefined,
): readonly CsvSource<Row>[] {
  if (!files) return definition.sources;
  if (files.length !== definition.sources.length) {
    throw new SpecError(`${definition.dataset} loader options`, [
      { path: 'files', message: `expected ${definition.sources.length} file(s), got ${files.length}` },
    ]);
  }
  return definition.sources.map((source, i) => ({ ...source, file: files[i]! }));
}
