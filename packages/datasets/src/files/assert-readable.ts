import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { DataFileError } from '@kiago/shared';

/** Throws a DataFileError naming `file` (and `hint`, e.g. which setting points there) unless it is a readable file. */
export async function assertReadableFile(file: string, hint?: string): Promise<void> {
  const suffix = hint ? ` (${hint})` : '';
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new DataFileError(file, `not a regular file${suffix}`);
    await access(file, constants.R_OK);
  } catch (error) {
    if (error instanceof DataFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const what = code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? String(error)})`;
    throw new DataFileError(file, `${what}${suffix}`, { cause: error });
  }
}

/** Throws a DataFileError naming `dir` (and `hint`) unless it is an existing directory. */
export async function assertDirectory(dir: string, hint?: string): Promise<void> {
  const suffix = hint ? ` (${hint})` : '';
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new DataFileError(dir, `not a directory${suffix}`);
  } catch (error) {
    if (error instanceof DataFileError) throw error;
    throw new DataFileError(dir, `directory not found${suffix}`, { cause: error });
  }
}
