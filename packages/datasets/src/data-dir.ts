import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataFileError, parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import { assertDirectory } from './files/assert-readable.js';

/** The environment variable a process's env module passes in: where the shared data sets live. */
export const DATA_DIR_ENV = 'KIAGO_DATA_DIR';

const dataDirSettingsSchema = z.object({
  dataDir: z.string().trim().min(1, 'must not be empty').optional(),
  [DATA_DIR_ENV]: z.string().trim().min(1, 'must not be empty').optional(),
});

export interface DataDirSettings {
  /** Explicit directory (e.g. a `--data-dir` flag); wins over the environment. */
  dataDir?: string | undefined;
  /** The caller's environment (its env module passes it), read for `KIAGO_DATA_DIR` only. */
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * The data directory, by precedence: `options.dataDir`, `KIAGO_DATA_DIR`, `<repo root>/../shared/data`
 * (the data sets sit next to the checkout and are never copied into it). Relative paths resolve
 * against the working directory. Does not touch the file system beyond finding the repo root.
 */
export function resolveDataDir(given: DataDirSettings): string {
  const settings = parseOrThrow(
    dataDirSettingsSchema,
    { dataDir: given.dataDir, [DATA_DIR_ENV]: given.env[DATA_DIR_ENV] },
    'data directory settings',
  );
  const chosen = settings.dataDir ?? settings[DATA_DIR_ENV];
  if (chosen !== undefined) return resolve(chosen);
  return join(findRepoRoot(), '..', 'shared', 'data');
}

/** The directory itself once it is known to exist (DataFileError naming it and the env var). */
export async function requireDataDir(dataDir: string): Promise<string> {
  await assertDirectory(dataDir, dataDirHint(dataDir));
  return dataDir;
}

/** Absolute path of a data file given relative to the data directory (absolute paths pass through). */
export function dataFilePath(dataDir: string, file: string): string {
  return isAbsolute(file) ? file : join(dataDir, file);
}

/** The hint attached to missing-path errors: where the directory came from and how to change it. */
export function dataDirHint(dataDir: string): string {
  return `data directory ${dataDir}; set ${DATA_DIR_ENV} or pass --data-dir to point elsewhere`;
}

let repoRoot: string | undefined;

/** The monorepo root: the nearest ancestor of this package whose package.json declares workspaces. */
export function findRepoRoot(): string {
  if (repoRoot) return repoRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in (JSON.parse(readFileSync(manifest, 'utf8')) as object)) {
      repoRoot = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      const here = fileURLToPath(import.meta.url);
      throw new DataFileError(
        here,
        `no workspace root (package.json with workspaces) above it; set ${DATA_DIR_ENV}`,
      );
    }
    dir = parent;
  }
}
