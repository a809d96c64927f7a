import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import { EXPERIMENTS } from './units.ts';

/** JSON has no NaN: a metric written as null (no value, e.g. no valid formula) reads back as NaN. */
const metric = z
  .number()
  .nullable()
  .transform((value) => value ?? Number.NaN);

/** One finished unit, as written to <out>/units/<id>.json (summary numbers, not candidates). */
export const unitResultSchema = z.object({
  id: z.string().min(1),
  experiment: z.enum(EXPERIMENTS),
  base: z.string().min(1),
  /** methodLabel(): kiago, c-es, kiago-random-init, random-init-first-stage-4 … */
  method: z.string().min(1),
  seed: z.int().min(0),
  maxAtoms: z.int().min(1).nullable(),
  candidates: z.int().min(1),
  steps: z.int().min(0),
  seconds: z.number().min(0),
  /** CPU time of the worker process over the unit (all its threads): work done, whatever the load. */
  cpuSeconds: z.number().min(0),
  /** Why the method could not run on this base (C-ES without a whole cell within the limits). */
  unavailable: z.string().nullable(),
  metrics: z.record(z.string(), metric),
  notes: z.array(z.string()),
});
export type UnitResult = z.infer<typeof unitResultSchema>;

export const unitFile = (outDir: string, id: string) => join(outDir, 'units', `${id}.json`);

/** Writes a unit's result atomically (a cut-off run never leaves half a file to resume from). */
export async function writeUnitResult(outDir: string, result: UnitResult): Promise<void> {
  const path = unitFile(outDir, result.id);
  await writeFile(`${path}.partial`, `${JSON.stringify(result, null, 1)}\n`);
  await rename(`${path}.partial`, path);
}

/** Every finished unit under `outDir`, validated; a file that does not parse names itself. */
export async function readUnitResults(outDir: string): Promise<UnitResult[]> {
  const dir = join(outDir, 'units');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.json'));
  return Promise.all(
    names
      .sort()
      .map(async (name) =>
        parseOrThrow(unitResultSchema, JSON.parse(await readFile(join(dir, name), 'utf8')), join(dir, name)),
      ),
  );
}
