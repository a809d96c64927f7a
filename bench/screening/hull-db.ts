// Hull distances INCLUDING the database reads: 4,096 KIAGO-like candidates against the `mp` set
// (Roost's MP table, 84,286 references) stored in Postgres.
//   npx turbo run build --filter=@kiago/screening && DATABASE_URL=... node bench/screening/hull-db.ts \
//     [--candidates 4096] [--data-dir DIR] [--keep]
// Works in its own database `<db>_bench_screening` (recreated, dropped at the end unless --keep):
//   0. imports the mp set (timed: read + write, then a no-op re-import);
//   1. library path: loadReferenceSystems (one query for every subset system) + hullDistance;
//   2. the activities on one shard: screenShard, then hullShard (reads candidates and references,
//      computes, writes e_above_hull), e_above_hull reset before each round.
// Prints figures (best of 3 and each round); asserts nothing. Target: ≤ 5 s for step 1 and 2.
import {
  createScreeningActivities,
  hullDistance,
  importReferences,
  loadReferenceSystems,
  mpReferenceRows,
} from '@kiago/screening';
import { mulberry32 } from '@kiago/shared';
import { candidateCount, dataDir } from './bench-args.ts';
import { createBenchRun, fmt, openBenchDatabase, silentLogger } from './bench-db.ts';
import { kiagoLikeCandidates } from './candidates.ts';

const CANDIDATES = candidateCount(4096);
const ROUNDS = 3;
const seconds = (ms: number) => `${fmt(ms / 1000, 3)} s`;
const { db, finish } = await openBenchDatabase('bench_screening');

try {
  let started = performance.now();
  const mp = await mpReferenceRows({ dataDir: dataDir() });
  const readMs = performance.now() - started;
  started = performance.now();
  const imported = await importReferences(db, { set: 'mp', source: mp.source, rows: mp.rows });
  const writeMs = performance.now() - started;
  started = performance.now();
  const again = await importReferences(db, { set: 'mp', source: mp.source, rows: mp.rows });
  const againMs = performance.now() - started;
  await db.pool.query('VACUUM ANALYZE reference_entries');
  console.log(
    `import mp: ${fmt(imported.inserted, 0)} references; read CSV ${seconds(readMs)}, write ${seconds(writeMs)} ` +
      `(${fmt(imported.inserted / (writeMs / 1000), 0)} rows/s); re-import ${again.unchanged} unchanged in ${seconds(againMs)}`,
  );

  const candidates = await kiagoLikeCandidates(CANDIDATES, 1);
  const random = mulberry32(2);
  const efs = candidates.map(() => -2 + 2.5 * random());
  const sizes = candidates.map((c) => c.counts.size);
  console.log(
    `candidates: ${CANDIDATES}, elements ${Math.min(...sizes)}–${Math.max(...sizes)} (mean ${fmt(sizes.reduce((a, b) => a + b, 0) / sizes.length, 2)})`,
  );

  // 1. Library path: one bulk read of the references inside the candidates' systems, then the LPs.
  const referenceSetId = imported.referenceSetId;
  // CPU time of this process too: on a shared machine wall time also measures the neighbours.
  const library: { readMs: number; hullMs: number; hullCpuMs: number; loaded: number; keys: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    const systems = await loadReferenceSystems(db, {
      referenceSetId,
      energySource: { kind: 'dft' },
      elementSets: candidates.map((c) => c.fractions.keys()),
    });
    const read = performance.now();
    const cpu = process.cpuUsage();
    candidates.forEach((c, i) => {
      hullDistance(
        { composition: c.fractions, efEvPerAtom: efs[i]! },
        systems.index.referencesWithin(c.fractions.keys()),
      );
    });
    library.push({
      readMs: read - start,
      hullMs: performance.now() - read,
      hullCpuMs: process.cpuUsage(cpu).user / 1000,
      loaded: systems.references.length,
      keys: systems.systemKeysQueried,
    });
  }
  for (const [round, r] of library.entries()) {
    console.log(
      `library round ${round + 1}: loadReferenceSystems ${seconds(r.readMs)} (${fmt(r.keys, 0)} subset keys → ${fmt(r.loaded, 0)} references), ` +
        `hullDistance ${seconds(r.hullMs)} (cpu ${seconds(r.hullCpuMs)}); total ${seconds(r.readMs + r.hullMs)} → ${fmt(CANDIDATES / ((r.readMs + r.hullMs) / 1000), 0)} candidates/s`,
    );
  }

  // 2. The activities on one shard of CANDIDATES candidates.
  const run = await createBenchRun(db, [candidates]);
  const shardId = run.shardIds[0]!;
  const activities = createScreeningActivities({ db, logger: silentLogger });
  started = performance.now();
  const screened = await activities.screenShard(shardId);
  console.log(
    `screenShard: ${seconds(performance.now() - started)} for ${screened.candidates} (passed ${screened.passed}), incl. reads and bulk writes`,
  );
  for (let round = 0; round < ROUNDS; round++) {
    await db.pool.query('UPDATE candidates SET e_above_hull_ev_per_atom = NULL WHERE shard_id = $1', [
      shardId,
    ]);
    started = performance.now();
    const summary = await activities.hullShard(shardId);
    const ms = performance.now() - started;
    console.log(
      `hullShard round ${round + 1}: ${seconds(ms)} for ${summary.candidates} candidates (${summary.computed} finite, ` +
        `${fmt(summary.referencesLoaded, 0)} references, ${summary.rowsUpdated} rows written) → ${fmt(summary.candidates / (ms / 1000), 0)} candidates/s`,
    );
  }
} finally {
  await finish();
}
