import { readdir } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { dataDirHint, dataFilePath } from '../data-dir.js';
import { assertDirectory, assertReadableFile } from '../files/assert-readable.js';
import { DropCounter, type LoadedDataset } from '../load/dataset-report.js';
import { KeyedRows, keepLowest } from '../load/merge-by-key.js';
import { type AlexandriaRow, alexandriaEntryToRow } from './alexandria-entry.js';
import { decompressedText } from './decompressed-text.js';
import { jsonArrayElements } from './json-array-elements.js';

export interface AlexandriaLoadOptions {
  /** Data directory, from the caller. */
  dataDir: string;
  /** Dump files (relative to the data directory or absolute); default: every `alexandria/*.json[.gz|.bz2]`. */
  files?: readonly string[] | undefined;
  /** Keep only entries this close to the hull (a full dump has ~4.5M entries; references need few). */
  maxEAboveHullEvPerAtom?: number | undefined;
}

/** Where the default loader looks, relative to the data directory (no dump is shipped). */
export const ALEXANDRIA_DIR = 'alexandria';
const DUMP_NAME = /\.json(\.gz|\.bz2)?$/;

/**
 * Loads Alexandria PBE dumps (`alexandria_*.json[.bz2]` from alexandria.icams.rub.de: an object whose
 * `entries` are ComputedStructureEntry dicts), streaming one entry at a time. Energies come from
 * `data.e_form` / `data.e_above_hull` (eV/atom). Merge rule: the lowest-energy polymorph per composition.
 */
export async function loadAlexandriaPbe(
  options: AlexandriaLoadOptions,
): Promise<LoadedDataset<AlexandriaRow>> {
  const { dataDir } = options;
  const hint = dataDirHint(dataDir);
  const files = options.files ?? (await listDumps(dataDir, hint));
  const dropped = new DropCounter();
  const keyed = new KeyedRows<AlexandriaRow>();
  let rowsRead = 0;
  for (const file of files) {
    const path = dataFilePath(dataDir, file);
    await assertReadableFile(path, isAbsolute(file) ? undefined : hint);
    for await (const text of jsonArrayElements(decompressedText(path), 'entries', path)) {
      rowsRead++;
      const result = alexandriaEntryToRow(text, options.maxEAboveHullEvPerAtom);
      if (typeof result === 'string') dropped.add(result);
      else keyed.add(result);
    }
  }
  const { rows, duplicatesMerged } = keyed.finish(keepLowest((row) => row.efEvPerAtom));
  return {
    rows,
    report: {
      dataset: 'alexandria-pbe',
      files: [...files],
      rowsRead,
      rowsKept: rows.length,
      dropped: dropped.toRecord(),
      duplicatesMerged,
    },
  };
}

/** The dump files under `<dataDir>/alexandria`, sorted; a missing folder is a DataFileError. */
export async function listDumps(dataDir: string, hint = dataDirHint(dataDir)): Promise<string[]> {
  const dir = join(dataDir, ALEXANDRIA_DIR);
  await assertDirectory(dir, `Alexandria dumps go here; ${hint}`);
  const names = (await readdir(dir)).filter((name) => DUMP_NAME.test(name)).sort();
  return names.map((name) => join(ALEXANDRIA_DIR, name));
}
