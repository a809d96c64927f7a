// dedupeRun over a run of 100,000 candidates (25 shards × 4,000, every candidate a hit).
//   npx turbo run build --filter=@kiago/screening && DATABASE_URL=... node bench/screening/dedupe.ts \
//     [--candidates 100000] [--data-dir DIR] [--keep]
// Works in its own database `<db>_bench_dedupe` (recreated, dropped at the end unless --keep) and times:
//   1. the first dedupe (creates the Material rows, links every candidate, builds RunMaterial);
//   2. the same call again (idempotent: changes nothing);
//   3. a second run of the campaign with the same candidates (Materials exist, shared across runs).
// Prints figures; asserts nothing.
import { createScreeningActivities } from '@kiago/screening';
import { candidateCount } from './bench-args.ts';
import { createBenchRun, fmt, openBenchDatabase, silentLogger } from './bench-db.ts';
import { kiagoLikeCandidates } from './candidates.ts';

const TOTAL = candidateCount(100_000);
const PER_SHARD = 4000;
const { db, finish } = await openBenchDatabase('bench_dedupe');

try {
  const candidates = await kiagoLikeCandidates(TOTAL, 7);
  const shards = Array.from({ length: Math.ceil(TOTAL / PER_SHARD) }, (_, i) =>
    candidates.slice(i * PER_SHARD, (i + 1) * PER_SHARD),
  );
  const started = performance.now();
  const first = await createBenchRun(db, shards, { passed: true });
  const second = await createBenchRun(db, shards, { passed: true, campaignId: first.campaignId });
  await db.pool.query('VACUUM ANALYZE candidates');
  console.log(
    `setup: 2 runs × ${fmt(TOTAL, 0)} candidates in ${shards.length} shards written in ${fmt((performance.now() - started) / 1000, 2)} s`,
  );

  const activities = createScreeningActivities({ db, logger: silentLogger });
  const time = async (label: string, runId: string) => {
    const start = performance.now();
    const summary = await activities.dedupeRun(runId);
    const seconds = (performance.now() - start) / 1000;
    console.log(
      `${label}: ${fmt(seconds, 2)} s → ${fmt(summary.hits / seconds, 0)} candidates/s ` +
        `(hits ${fmt(summary.hits, 0)}, materials ${fmt(summary.materials, 0)}, new ${fmt(summary.newMaterials, 0)}, ` +
        `candidates changed ${fmt(summary.candidatesChanged, 0)}, run materials changed ${fmt(summary.runMaterialsChanged, 0)})`,
    );
  };
  await time('dedupeRun, first', first.runId);
  await time('dedupeRun, again (idempotent)', first.runId);
  await time('dedupeRun, second run sharing the materials', second.runId);
} finally {
  await finish();
}
