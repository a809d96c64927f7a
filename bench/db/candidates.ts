// Database benchmark: bulk-insert throughput of ≥ 1M candidates and top-30 latency with filters.
//   npx turbo run build --filter=@kiago/db && DATABASE_URL=... node bench/db/candidates.ts \
//     [--shards 1000] [--per-shard 1024] [--writers 1] [--keep]
// Works in its own database `<db>_bench` (recreated) on the DATABASE_URL server; drops it at the end
// unless --keep. Prints figures; asserts nothing.
import { parseArgs } from 'node:util';
import {
  applyMigrations,
  createDb,
  databaseNameOf,
  dropDatabase,
  insertCandidates,
  parseDbEnv,
  recreateDatabase,
  type TopCandidatesQuery,
  topCandidates,
} from '@kiago/db';
import { mulberry32 } from '@kiago/shared';
import { BASES, generateShardCandidates } from './candidate-generator.ts';

const { values } = parseArgs({
  options: {
    shards: { type: 'string', default: '1000' },
    'per-shard': { type: 'string', default: '1024' },
    writers: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
});
const shardCount = Number(values.shards);
const perShard = Number(values['per-shard']);
const writerCount = Number(values.writers);

const { databaseUrl: serverUrl } = parseDbEnv(process.env);
const benchName = `${databaseNameOf(serverUrl)}_bench`;
const databaseUrl = await recreateDatabase(serverUrl, benchName);
await applyMigrations(databaseUrl);
const db = createDb({ databaseUrl, maxConnections: writerCount + 1 });

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

try {
  const [tc, ef] = await Promise.all(
    (['TC', 'EF'] as const).map((kind) =>
      db.prisma.modelVersion.create({ data: { kind, version: 'bench', path: '/bench', manifest: {} } }),
    ),
  );
  const campaign = await db.prisma.campaign.create({ data: { name: 'bench', spec: {} } });
  const run = await db.prisma.run.create({
    data: { campaignId: campaign.id, tcModelVersionId: tc!.id, efModelVersionId: ef!.id },
  });
  const shards = await db.prisma.shard.createManyAndReturn({
    data: Array.from({ length: shardCount }, (_, index) => ({
      runId: run.id,
      index,
      baseFormula: BASES[index % BASES.length]!.formula,
      seed: BigInt(index),
      candidateCount: perShard,
    })),
    select: { id: true, index: true },
  });

  // --- bulk insert: one insertCandidates call per shard, as optimiseShard writes them; with
  // --writers N, N shards are in flight at once (several GPU workers finishing together).
  const random = mulberry32(20240601);
  let insertMs = 0;
  let inserted = 0;
  let lastShard: Parameters<typeof insertCandidates>[1] = [];
  const queue = [...shards];
  const wallStart = performance.now();
  const writer = async () => {
    for (let shard = queue.shift(); shard; shard = queue.shift()) {
      const rows = generateShardCandidates(
        { runId: run.id, shardId: shard.id },
        BASES[shard.index % BASES.length]!,
        perShard,
        random,
      );
      const start = performance.now();
      const result = await insertCandidates(db, rows);
      inserted += result.inserted; // after the await: `x += await f()` would lose concurrent updates
      insertMs += performance.now() - start;
      lastShard = rows;
    }
  };
  await Promise.all(Array.from({ length: writerCount }, writer));
  const wallMs = performance.now() - wallStart;
  const retryStart = performance.now();
  const retry = await insertCandidates(db, lastShard);
  const retryMs = performance.now() - retryStart;

  const analyzeStart = performance.now();
  await db.pool.query('VACUUM ANALYZE candidates');
  const analyzeMs = performance.now() - analyzeStart;
  const { rows: sizeRows } = await db.pool.query<{ table: string; indexes: string }>(
    `SELECT pg_size_pretty(pg_table_size('candidates')) AS table, pg_size_pretty(pg_indexes_size('candidates')) AS indexes`,
  );

  console.log(
    `bulk insert: ${fmt(inserted, 0)} rows in ${shardCount} shards × ${perShard}, ${writerCount} writer(s)`,
  );
  if (writerCount === 1) {
    const rowsPerSecond = inserted / (insertMs / 1000);
    console.log(`  insertCandidates time ${fmt(insertMs / 1000, 2)} s → ${fmt(rowsPerSecond, 0)} rows/s`);
  }
  console.log(
    `  wall incl. data generation ${fmt(wallMs / 1000, 2)} s → ${fmt(inserted / (wallMs / 1000), 0)} rows/s`,
  );
  console.log(`  retried shard (${retry.skipped} rows, all skipped): ${fmt(retryMs)} ms`);
  console.log(
    `  VACUUM ANALYZE ${fmt(analyzeMs / 1000, 2)} s; table ${sizeRows[0]?.table}, indexes ${sizeRows[0]?.indexes}`,
  );

  // --- top-30 with mixed filters over the 1M-row run and over the campaign holding it
  const scopes: Pick<TopCandidatesQuery, 'runId' | 'campaignId'>[] = [
    { runId: run.id },
    { campaignId: campaign.id },
  ];
  const mixes: Omit<TopCandidatesQuery, 'runId' | 'campaignId'>[] = [
    {},
    { passedOnly: true },
    { maxEHullEvPerAtom: 0.05 },
    { passedOnly: true, maxEHullEvPerAtom: 0.01 },
    { includeElements: ['Cu'] },
    { includeElements: ['Cu', 'O'], passedOnly: true },
    { includeElements: ['Hg'], maxEHullEvPerAtom: 0.1 },
    { includeElements: ['Re'] },
    { includeElements: ['Pt', 'Ir'] },
    { excludeElements: ['Hg', 'Tl', 'Pb', 'Cd', 'As'] },
    { excludeElements: ['Cu'], passedOnly: true, maxEHullEvPerAtom: 0.02 },
    { includeElements: ['Fe', 'As'], passedOnly: true, maxEHullEvPerAtom: 0.005 },
    { includeElements: ['Cu'], passedOnly: true, maxEHullEvPerAtom: 0.001 },
  ];
  const queries = [1, 2].flatMap(() => scopes.flatMap((scope) => mixes.map((mix) => ({ ...scope, ...mix }))));
  const latencies: { ms: number; query: TopCandidatesQuery; rows: number }[] = [];
  for (const query of queries) {
    const start = performance.now();
    const rows = await topCandidates(db, query);
    latencies.push({ ms: performance.now() - start, query, rows: rows.length });
  }
  const sorted = latencies.map((l) => l.ms).sort((a, b) => a - b);
  const label = (q: TopCandidatesQuery) =>
    `${q.runId ? 'run     ' : 'campaign'} ${JSON.stringify({ ...q, runId: undefined, campaignId: undefined })}`;
  console.log(
    `top-30 over ${fmt(inserted, 0)} rows: ${queries.length} queries (${mixes.length} filter mixes × run/campaign × 2, cold first pass included)`,
  );
  console.log(
    `  median ${fmt(percentile(sorted, 0.5), 2)} ms, p95 ${fmt(percentile(sorted, 0.95), 2)} ms, max ${fmt(sorted.at(-1)!, 2)} ms`,
  );
  for (const [i, first] of latencies.slice(0, queries.length / 2).entries()) {
    const second = latencies[i + queries.length / 2]!;
    console.log(
      `  ${fmt(first.ms, 2).padStart(7)} / ${fmt(second.ms, 2).padStart(6)} ms  ${String(first.rows).padStart(2)} rows  ${label(first.query)}`,
    );
  }
} finally {
  await db.close();
  if (!values.keep) await dropDatabase(serverUrl, benchName);
}
