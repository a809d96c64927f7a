import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readModelManifest } from '@kiago/optimiser';
import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';

const modelSchema = z.object({
  dir: z.string(),
  version: z.string(),
  architecture: z.string(),
  width: z.number(),
  testMae: z.number(),
  testCount: z.int(),
  /** sha256 of the model's files (manifest.json left out), in name order: the weights themselves. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ModelRecord = z.infer<typeof modelSchema>;

const sessionSchema = z.object({
  startedAt: z.string(),
  wallSeconds: z.number().min(0),
  unitsRun: z.int().min(0),
  unitsFailed: z.int().min(0),
  parallel: z.int().min(1),
  commit: z.string(),
  machine: z.string(),
  backend: z.string(),
});
export type SessionRecord = z.infer<typeof sessionSchema>;

/** <out>/run.json: what every unit file under <out> was computed with, and each session's wall time. */
export const runRecordSchema = z.object({
  format: z.literal('kiago-reproduction-run/v1'),
  scale: z.object({
    name: z.string(),
    candidates: z.int(),
    steps: z.int(),
    seeds: z.int(),
    table1Bases: z.int(),
    maxAtoms: z.array(z.int()),
    oursRandomInit: z.boolean(),
    basesPerSection: z.int().nullable(),
  }),
  models: z.object({ smoke: z.boolean(), tc: modelSchema.nullable(), ef: modelSchema.nullable() }),
  sessions: z.array(sessionSchema),
});
export type RunRecord = z.infer<typeof runRecordSchema>;

const runFile = (outDir: string) => join(outDir, 'run.json');

export async function readRunRecord(outDir: string): Promise<RunRecord | null> {
  const text = await readFile(runFile(outDir), 'utf8').catch(() => null);
  return text === null ? null : parseOrThrow(runRecordSchema, JSON.parse(text), runFile(outDir));
}

export async function writeRunRecord(outDir: string, record: RunRecord): Promise<void> {
  await writeFile(runFile(outDir), `${JSON.stringify(record, null, 2)}\n`);
}

export async function describeModel(dir: string): Promise<ModelRecord> {
  const manifest = await readModelManifest(dir);
  const hash = createHash('sha256');
  for (const name of (await readdir(dir)).filter((n) => n !== 'manifest.json').sort())
    hash.update(await readFile(join(dir, name)));
  return {
    dir,
    version: manifest.version,
    architecture: manifest.architecture,
    width: manifest.width,
    testMae: manifest.metrics.test.overall.mae,
    testCount: manifest.metrics.test.overall.count,
    sha256: hash.digest('hex'),
  };
}

/** Why units under an existing run record cannot be mixed with this run's, or null when they can. */
export function mismatch(existing: RunRecord, wanted: Pick<RunRecord, 'scale' | 'models'>): string | null {
  if (JSON.stringify(existing.scale) !== JSON.stringify(wanted.scale))
    return `scale ${JSON.stringify(existing.scale)} there, ${JSON.stringify(wanted.scale)} asked`;
  const key = (m: RunRecord['models']) => `${m.smoke} ${m.tc?.sha256} ${m.ef?.sha256}`;
  if (key(existing.models) !== key(wanted.models)) return 'other models (smoke flag or weight hashes differ)';
  return null;
}
