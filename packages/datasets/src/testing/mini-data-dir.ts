import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ALEXANDRIA_FILES } from './mini-data/alexandria.js';
import { FORMATION_ENERGY_FILES } from './mini-data/formation-energy.js';
import { HULL_REFERENCE_FILES } from './mini-data/hull-references.js';
import type { MiniDataFiles } from './mini-data/mini-data-files.js';
import { NON_SUPERCONDUCTOR_FILES } from './mini-data/non-superconductors.js';
import { SUPERCON_FILES } from './mini-data/supercon.js';

export interface MiniDataDir {
  /** The data directory, for a loader's `dataDir` or the CLI's `--data-dir`. */
  dir: string;
  /** Removes the directory and everything in it. */
  cleanup(): Promise<void>;
}

const MINI_DATA_FILES: MiniDataFiles = {
  ...SUPERCON_FILES,
  ...NON_SUPERCONDUCTOR_FILES,
  ...FORMATION_ENERGY_FILES,
  ...HULL_REFERENCE_FILES,
  ...ALEXANDRIA_FILES,
};

/**
 * Writes a fresh data directory laid out like the real one (same folders and file names) with a
 * handful of invented rows per data set, chosen to exercise the loaders' merge and drop rules.
 * The real data sets are never copied into the repository, so tests build this one instead.
 */
export async function writeMiniDataDir(): Promise<MiniDataDir> {
  const dir = await mkdtemp(join(tmpdir(), 'kiago-mini-data-'));
  for (const [path, text] of Object.entries(MINI_DATA_FILES)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
