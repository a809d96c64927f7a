import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { DataFileError } from '@kiago/shared';

/**
 * Streams a text file as UTF-8 chunks, decompressing `.gz` with node:zlib and `.bz2` through the
 * system `bzip2 -dc` (Node has no bzip2 codec and we add no dependency for it: without `bzip2` on
 * PATH a `.bz2` file is a DataFileError asking for the program or a decompressed copy).
 */
export function decompressedText(file: string): AsyncGenerator<string> {
  if (file.endsWith('.bz2')) return bunzip2Text(file);
  const raw = createReadStream(file);
  if (!file.endsWith('.gz')) return textChunks(raw, file, [raw]);
  const gunzip = createGunzip();
  raw.on('error', (error) => gunzip.destroy(error));
  return textChunks(raw.pipe(gunzip), file, [raw, gunzip]);
}

async function* textChunks(
  stream: Readable,
  file: string,
  owned: readonly Readable[],
): AsyncGenerator<string> {
  stream.setEncoding('utf8');
  try {
    for await (const chunk of stream) yield chunk as string;
  } catch (error) {
    throw new DataFileError(file, `cannot read: ${(error as Error).message}`, { cause: error });
  } finally {
    for (const s of owned) s.destroy();
  }
}

async function* bunzip2Text(file: string): AsyncGenerator<string> {
  const child = spawn('bzip2', ['-dc', '--', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  exited.catch(() => undefined); // awaited below; this only keeps an early return from leaving it unhandled
  try {
    yield* textChunks(child.stdout, file, []);
    let code: number | null;
    try {
      code = await exited;
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      const detail = missing ? 'the `bzip2` program is not on PATH' : (error as Error).message;
      throw new DataFileError(
        file,
        `cannot decompress .bz2: ${detail} (or decompress it first: bunzip2 -k)`,
        {
          cause: error,
        },
      );
    }
    if (code !== 0) throw new DataFileError(file, `bzip2 -dc failed (exit ${code}): ${stderr.trim()}`);
  } finally {
    if (child.exitCode === null) child.kill();
  }
}
