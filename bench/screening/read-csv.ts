import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, highs: { type: 'string' } },
  strict: false,
});

/** `--data-dir=…`, default `../shared/data` next to the repository (the project never copies data in). */
export function dataPath(relative: string): string {
  const repoRoot = resolve(import.meta.dirname, '../..');
  const dataDir =
    typeof values['data-dir'] === 'string' ? values['data-dir'] : resolve(repoRoot, '../shared/data');
  return resolve(dataDir, relative);
}

/** `--highs=DIR`: a folder where `npm install highs` was run (hull-vs-highs.ts only). */
export function highsDir(): string | undefined {
  return typeof values.highs === 'string' ? values.highs : undefined;
}

/** Rows of a plain CSV (no quoted commas: true of the MP tables used here) as header → value records. */
export function readCsv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const columns = header!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
  });
}
