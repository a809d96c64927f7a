import {
  applyMigrations,
  type CandidateInsert,
  createDb,
  type Db,
  databaseNameOf,
  dropDatabase,
  insertCandidates,
  parseDbEnv,
  recreateDatabase,
} from '@kiago/db';
import { campaignSpecSchema, elementSetKey, formatFormula, mulberry32 } from '@kiago/shared';
import { keepDatabase } from './bench-args.ts';
import type { BenchCandidate } from './candidates.ts';

/** A migrated `<db>_<label>` on the DATABASE_URL server (recreated); `finish` drops it unless --keep. */
export async function openBenchDatabase(label: string): Promise<{ db: Db; finish(): Promise<void> }> {
  const { databaseUrl: serverUrl } = parseDbEnv(process.env);
  const name = `${databaseNameOf(serverUrl)}_${label}`;
  const databaseUrl = await recreateDatabase(serverUrl, name);
  await applyMigrations(databaseUrl);
  const db = createDb({ databaseUrl, maxConnections: 4 });
  return {
    db,
    async finish() {
      await db.close();
      if (keepDatabase()) console.log(`kept database ${name}`);
      else await dropDatabase(serverUrl, name);
    },
  };
}

/**
 * A campaign (valid spec), pinned model versions, a run and its shards holding `shards[i]` as
 * candidates, written with insertCandidates as optimiseShard would. Tc is random in [0, 120) K.
 */
export async function createBenchRun(
  db: Db,
  shards: readonly (readonly BenchCandidate[])[],
  options: { campaignId?: string; passed?: boolean } = {},
): Promise<{ campaignId: string; runId: string; shardIds: string[] }> {
  const version = (kind: 'TC' | 'EF') =>
    db.prisma.modelVersion.upsert({
      where: { kind_version: { kind, version: 'bench' } },
      create: { kind, version: 'bench', path: '/bench', manifest: {} },
      update: {},
    });
  const [tc, ef] = [await version('TC'), await version('EF')];
  const spec = campaignSpecSchema.parse({ name: 'bench-screening', bases: ['La2CuO4'], seeds: [1] });
  const campaignId =
    options.campaignId ??
    (await db.prisma.campaign.create({ data: { name: `bench-${Date.now()}`, spec } })).id;
  const run = await db.prisma.run.create({
    data: { campaignId, tcModelVersionId: tc.id, efModelVersionId: ef.id },
  });
  const shardRows = await db.prisma.shard.createManyAndReturn({
    data: shards.map((candidates, index) => ({
      runId: run.id,
      index,
      baseFormula: 'La2CuO4',
      seed: BigInt(index),
      candidateCount: candidates.length,
    })),
    select: { id: true, index: true },
  });
  shardRows.sort((a, b) => a.index - b.index);
  const random = mulberry32(11);
  for (const [index, candidates] of shards.entries()) {
    const rows = candidates.map((candidate, slot): CandidateInsert => {
      const ef = -2 + 2.5 * random();
      const tc = 120 * random();
      return {
        shardId: shardRows[index]!.id,
        runId: run.id,
        slot,
        composition: Object.fromEntries(candidate.fractions),
        formula: formatFormula(candidate.counts, { order: 'z' }),
        nUnits: [...candidate.counts.values()].reduce((a, b) => a + b, 0),
        tcKelvin: tc,
        efEvPerAtom: ef,
        tcContinuousKelvin: tc,
        efContinuousEvPerAtom: ef,
        elementSetKey: elementSetKey(candidate.counts),
        ...(options.passed !== undefined && { passed: options.passed }),
      };
    });
    await insertCandidates(db, rows);
  }
  return { campaignId, runId: run.id, shardIds: shardRows.map((s) => s.id) };
}

export const silentLogger = { info: () => undefined, warn: () => undefined };
export const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
