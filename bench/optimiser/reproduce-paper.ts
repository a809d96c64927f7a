/**
 * Re-runs the KIAGO paper's comparisons (Fujii et al., Digital Discovery 2025; arXiv 2403.13627) on
 * our models and writes docs/reproduction.md. The work is split into (experiment, base, method,
 * seed) units run by --parallel worker processes; each unit's result is written to
 * <out-dir>/units/<id>.json as soon as it finishes, so a cut-off run resumes where it stopped.
 * Build as in bench/optimiser/README.md, then:
 *   nice -n 10 node bench/optimiser/reproduce-paper.ts --scale cpu            # run (or resume) and report
 *   node bench/optimiser/reproduce-paper.ts --scale cpu --report-only         # report from the unit files
 *   node bench/optimiser/reproduce-paper.ts --scale paper --backend node-gpu  # the paper's scale, GPU node
 * Options: --parallel 2 --sections table1,table2,fig3,substitution,hydride,outside
 *          --out-dir bench-results/reproduction/<scale> --report docs/reproduction.md
 *          --tc-model DIR --ef-model DIR (default: the newest in models/shipped) --backend auto
 *          --candidates/--steps/--seeds (override the preset) --smoke (untrained models: tests only)
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { shippedModelDir, TF_BACKEND_CHOICES } from '@kiago/optimiser';
import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import {
  describeModel,
  mismatch,
  type RunRecord,
  readRunRecord,
  type SessionRecord,
  writeRunRecord,
} from './paper/run-record.ts';
import { runUnits } from './paper/run-units.ts';
import { SCALE_NAMES, SCALES } from './paper/scales.ts';
import { readUnitResults } from './paper/unit-result.ts';
import { EXPERIMENTS, planUnits, type WorkUnit } from './paper/units.ts';
import { renderReport } from './paper/write-report.ts';

const list = (text: string) => text.split(',').filter(Boolean);
const optionsSchema = z.object({
  scale: z.enum(SCALE_NAMES).default('cpu'),
  parallel: z.coerce.number().int().min(1).default(2),
  sections: z
    .string()
    .default(EXPERIMENTS.join(','))
    .transform(list)
    .pipe(z.array(z.enum(EXPERIMENTS))),
  'out-dir': z.string().optional(),
  report: z.string().default('docs/reproduction.md'),
  'tc-model': z.string().optional(),
  'ef-model': z.string().optional(),
  backend: z.enum(TF_BACKEND_CHOICES).default('auto'),
  candidates: z.coerce.number().int().min(1).optional(),
  steps: z.coerce.number().int().min(2).optional(),
  seeds: z.coerce.number().int().min(1).optional(),
  'report-only': z.boolean().default(false),
  smoke: z.boolean().default(false),
});
const flags = new Set(['report-only', 'smoke']);
const { values } = parseArgs({
  options: Object.fromEntries(
    Object.keys(optionsSchema.shape).map(
      (name) => [name, { type: flags.has(name) ? 'boolean' : 'string' }] as const,
    ),
  ),
});
const options = parseOrThrow(optionsSchema, values, 'bench/optimiser/reproduce-paper.ts options');
const root = new URL('../../', import.meta.url).pathname;
const outDir = resolve(root, options['out-dir'] ?? `bench-results/reproduction/${options.scale}`);
const started = Date.now();
const log = (line: string) =>
  console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(6)} s] ${line}`);

const preset = SCALES[options.scale];
const scale = {
  ...preset,
  maxAtoms: [...preset.maxAtoms],
  candidates: options.candidates ?? preset.candidates,
  steps: options.steps ?? preset.steps,
  seeds: options.seeds ?? preset.seeds,
};
let record = await readRunRecord(outDir);
if (!options['report-only']) {
  const tcDir = resolve(root, options['tc-model'] ?? (await shippedModelDir('tc')));
  const efDir = resolve(root, options['ef-model'] ?? (await shippedModelDir('ef')));
  const models = options.smoke
    ? { smoke: true, tc: null, ef: null }
    : { smoke: false, tc: await describeModel(tcDir), ef: await describeModel(efDir) };
  const problem = record && mismatch(record, { scale, models });
  if (problem) {
    console.error(`${outDir} holds another run (${problem}): pass another --out-dir or remove it`);
    process.exit(1);
  }
  record ??= { format: 'kiago-reproduction-run/v1', scale, models, sessions: [] } satisfies RunRecord;
  await mkdir(resolve(outDir, 'units'), { recursive: true });
  const units = await planUnits(root, scale, options.sections);
  const done = new Set((await readUnitResults(outDir)).map((u) => u.id));
  const todo = units.filter((u) => !done.has(u.id));
  log(
    `${units.length} units at scale ${scale.name} (${scale.candidates} × ${scale.steps}, ${scale.seeds} seeds): ` +
      `${units.length - todo.length} done, ${todo.length} to run on ${options.parallel} workers`,
  );
  if (todo.length > 0) await runSession(record, todo, { tcDir, efDir });
}
if (!record) throw new Error(`${outDir} has no run.json: run without --report-only first`);
const report = await renderReport(root, outDir, record, await readUnitResults(outDir));
await mkdir(dirname(resolve(root, options.report)), { recursive: true });
await writeFile(resolve(root, options.report), report);
log(`wrote ${options.report} from ${outDir}`);

/** Runs `todo` on the worker pool as one session of `record`, saving its wall time after every unit. */
async function runSession(record: RunRecord, todo: WorkUnit[], models: { tcDir: string; efDir: string }) {
  const session: SessionRecord = {
    startedAt: new Date(started).toISOString(),
    wallSeconds: 0,
    unitsRun: 0,
    unitsFailed: 0,
    parallel: options.parallel,
    commit: gitCommit(),
    machine: `${availableParallelism()} CPU cores (${cpus()[0]?.model ?? 'unknown CPU'})`,
    backend: options.backend,
  };
  record.sessions.push(session);
  const failures = await runUnits(todo, {
    parallel: options.parallel,
    worker: { root, outDir, backend: options.backend, ...models, smoke: options.smoke },
    log,
    onBackend: (line) => {
      session.backend = line.replace(/^\[gpu-worker\] /, '');
    },
    // Saved after every unit: a cut-off run still counts the time it spent.
    onUnit: async (ok) => {
      session.unitsRun += ok ? 1 : 0;
      session.unitsFailed += ok ? 0 : 1;
      session.wallSeconds = (Date.now() - started) / 1000;
      await writeRunRecord(outDir, record);
    },
  });
  session.wallSeconds = (Date.now() - started) / 1000;
  await writeRunRecord(outDir, record);
  if (failures > 0) log(`${failures} unit(s) failed: rerun the same command to retry them`);
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
