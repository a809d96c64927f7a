import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataFileError } from '@kiago/shared';

export interface MigrationFile {
  /** Folder name, e.g. `20261121235220_init`; folders sort in apply order. */
  name: string;
  sql: string;
  /** sha256 hex of migration.sql's bytes, the same checksum `prisma migrate` records. */
  checksum: string;
}

/** `<repo>/prisma/migrations`, found relative to this file in both src/ and dist/. */
export const DEFAULT_MIGRATIONS_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../prisma/migrations',
);

export function migrationChecksum(sql: string | Buffer): string {
  return createHash('sha256').update(sql).digest('hex');
}

/** Reads every `<name>/migration.sql` under `dir`, sorted by folder name. */
export async function readMigrations(dir: string = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  let entries: string[];
  try {
    entries = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch (error) {
    throw new DataFileError(dir, 'cannot read the migrations folder', { cause: error });
  }
  entries.sort();
  const migrations: MigrationFile[] = [];
  for (const name of entries) {
    const file = join(dir, name, 'migration.sql');
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw new DataFileError(file, 'migration folder without a readable migration.sql', { cause: error });
    }
    migrations.push({ name, sql: bytes.toString('utf8'), checksum: migrationChecksum(bytes) });
  }
  return migrations;
}
