import { resolve } from 'node:path';
import {
  DEFAULT_TC_STEM,
  EF_DEFAULT_TRAINING,
  EF_SOURCES,
  evaluateModelDir,
  listModelVersions,
  MODEL_KINDS,
  MODEL_VERSION_PATTERN,
  type ModelVersionRecord,
  promoteModelVersion,
  registerModelVersion,
  selectTfBackend,
  showModelVersion,
  TC_DEFAULT_TRAINING,
  TC_STEMS,
  TF_BACKEND_CHOICES,
  type TrainingProgress,
  trainEfModel,
  trainTcModel,
} from '@kiago/optimiser';
import { parseOrThrow } from '@kiago/shared';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { z } from 'zod';
import { cliDataDir } from '../env.js';
import { outputFormatSchema, printResult, type Table } from '../output/format.js';
import { decimalFlag, integerFlag } from './cli-flags.js';
import { defaultDbDeps, withDb } from './db-access.js';
import { modelMetricsFields, modelMetricsTable } from './model-metrics-table.js';

const kindSchema = z.enum(MODEL_KINDS, { error: 'KIND must be tc or ef' });
const versionSchema = z.string().regex(MODEL_VERSION_PATTERN, 'letters, digits, . _ + - (≤ 64 characters)');

const trainOptionsSchema = z.object({
  epochs: integerFlag('--epochs', { min: 1, max: 10_000 }).default(200),
  width: decimalFlag('--width', 'channel multiplier', { positive: true, max: 4 }).optional(),
  seed: integerFlag('--seed', { min: 0, max: 0xffffffff }).default(42),
  split: z.enum(['grouped', 'random'], { error: '--split must be grouped or random' }).default('grouped'),
  out: z.string().trim().min(1, '--out must not be empty').optional(),
  version: versionSchema.optional(),
  resume: z.boolean().default(false),
  dataDir: z.string().trim().min(1, '--data-dir must not be empty').optional(),
  backend: z
    .enum(TF_BACKEND_CHOICES, { error: `--backend must be one of ${TF_BACKEND_CHOICES.join(', ')}` })
    .default('auto'),
  source: z.enum(EF_SOURCES, { error: `--source must be one of ${EF_SOURCES.join(', ')}` }).optional(),
  batchSize: integerFlag('--batch-size', { min: 1 }).optional(),
  learningRate: decimalFlag('--learning-rate', 'per step', { positive: true }).optional(),
  patience: integerFlag('--patience', { min: 1 }).optional(),
  maxMinutes: decimalFlag('--max-minutes', 'minutes', { positive: true }).optional(),
  stem: z.enum(TC_STEMS, { error: `--stem must be one of ${TC_STEMS.join(', ')}` }).default(DEFAULT_TC_STEM),
  shuffleSeed: integerFlag('--shuffle-seed', { min: 0, max: 0xffffffff }).optional(),
});

const evaluateOptionsSchema = z.object({
  write: z.boolean().default(false),
  dataDir: z.string().trim().min(1, '--data-dir must not be empty').optional(),
  backend: z
    .enum(TF_BACKEND_CHOICES, { error: `--backend must be one of ${TF_BACKEND_CHOICES.join(', ')}` })
    .default('auto'),
  format: outputFormatSchema,
});

/** CPU-sized defaults: the shipped models. A GPU node passes e.g. `--width 1`. */
const DEFAULT_WIDTH = { tc: 0.25, ef: 0.5 } as const;

/** `kiago models …`: train, register, promote and inspect Tc models and ElemNets. */
export function registerModelsCommand(program: Command): void {
  const models = program
    .command('models')
    .description('Train models and manage the model registry (ModelVersion rows)');

  models
    .command('train')
    .description('Train a Tc model (SuperCon + Tc = 0 rows, L1 in K) or ElemNet (formation energies, MAE)')
    .argument('<kind>', 'tc | ef')
    .option('--epochs <n>', 'maximum epochs (early stopping on validation MAE)')
    .option('--width <w>', 'channel/unit multiplier (default tc 0.25, ef 0.5)')
    .option('--seed <n>', 'split seed (grouped 80/5/15 by element set)')
    .option('--split <kind>', 'grouped | random (random only to compare)')
    .option('--out <dir>', 'model directory (default .kiago/models/<kind>-<version>, git-ignored)')
    .option('--version <v>', 'model version (default: UTC date-time + width)')
    .option('--resume', 'continue from the checkpoint in <out>.checkpoint')
    .option('--data-dir <dir>', 'data directory (overrides KIAGO_DATA_DIR)')
    .option('--backend <name>', TF_BACKEND_CHOICES.join(' | '))
    .option('--source <name>', `ef only: ${EF_SOURCES.join(' | ')} (never mixed)`)
    .option('--batch-size <n>', 'batch size')
    .option('--learning-rate <lr>', 'initial Adam learning rate')
    .option('--patience <n>', 'early-stopping patience in epochs')
    .option('--max-minutes <m>', 'stop after this much training time (best weights kept)')
    .option('--stem <stem>', `tc only: ${TC_STEMS.join(' | ')} (default ${DEFAULT_TC_STEM}; docs/models.md)`)
    .option('--shuffle-seed <n>', 'seed of the per-epoch shuffle (ensemble members differ by it)')
    .action(async (rawKind: unknown, raw: unknown) => {
      const kind = parseOrThrow(kindSchema, rawKind, 'kiago models train KIND');
      const options = parseOrThrow(trainOptionsSchema, raw, 'kiago models train');
      const width = options.width ?? DEFAULT_WIDTH[kind];
      const version = options.version ?? defaultVersion(width);
      const outDir = resolve(options.out ?? `.kiago/models/${kind}-${version}`);
      const backend = await selectTfBackend(options.backend, (line) => process.stderr.write(`${line}\n`));
      const defaults = kind === 'tc' ? TC_DEFAULT_TRAINING : EF_DEFAULT_TRAINING;
      const training = {
        ...defaults,
        epochs: options.epochs,
        batchSize: options.batchSize ?? defaults.batchSize,
        learningRate: options.learningRate ?? defaults.learningRate,
        patience: options.patience ?? defaults.patience,
        seed: options.shuffleSeed ?? defaults.seed,
        maxSeconds: options.maxMinutes === undefined ? null : options.maxMinutes * 60,
      };
      const common = {
        outDir,
        resume: options.resume,
        backend,
        version,
        width,
        splitSeed: options.seed,
        split: options.split,
        dataDir: cliDataDir(options.dataDir),
        training,
        onProgress: progressReporter(),
      };
      const result =
        kind === 'tc'
          ? await trainTcModel({ ...common, stem: options.stem })
          : await trainEfModel({ ...common, source: options.source });
      printResult('table', result, () => modelMetricsTable(result.manifest));
      process.stdout.write(`saved ${result.dir} (register it with: kiago models register ${result.dir})\n`);
    });

  models
    .command('register')
    .description('Register a model directory (manifest validated against this code) as an inactive version')
    .argument('<dir>', 'directory holding model.json, weights.bin and manifest.json')
    .action(async (dir: string) => {
      const record = await withDb(defaultDbDeps, (db) => registerModelVersion(db, dir));
      process.stdout.write(`registered ${record.kind} ${record.version} (${record.path})\n`);
    });

  models
    .command('promote')
    .description('Make a registered version the active one of its kind (what "latest" resolves to)')
    .argument('<kind>', 'tc | ef')
    .argument('<version>', 'registered version')
    .action(async (rawKind: unknown, rawVersion: unknown) => {
      const kind = parseOrThrow(kindSchema, rawKind, 'kiago models promote KIND');
      const version = parseOrThrow(versionSchema, rawVersion, 'kiago models promote VERSION');
      const record = await withDb(defaultDbDeps, (db) => promoteModelVersion(db, kind, version));
      process.stdout.write(`promoted ${record.kind} ${record.version}\n`);
    });

  models
    .command('evaluate')
    .description(
      "Recompute a model directory's val/test metrics on its recorded split (data and split hashes must match)",
    )
    .argument('<dir>', 'directory holding model.json, weights.bin and manifest.json')
    .option('--write', 'save the metrics into its manifest.json (then re-run kiago models register <dir>)')
    .option('--data-dir <dir>', 'data directory (overrides KIAGO_DATA_DIR)')
    .option('--backend <name>', TF_BACKEND_CHOICES.join(' | '))
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (dir: string, raw: unknown) => {
      const options = parseOrThrow(evaluateOptionsSchema, raw, 'kiago models evaluate');
      await selectTfBackend(options.backend, (line) => process.stderr.write(`${line}\n`));
      const evaluation = await evaluateModelDir(resolve(dir), {
        dataDir: cliDataDir(options.dataDir),
        write: options.write,
      });
      printResult(options.format, evaluation, () => modelMetricsTable(evaluation.manifest));
      if (evaluation.written) process.stderr.write(`wrote ${evaluation.dir}/manifest.json\n`);
    });

  models
    .command('list')
    .description('List registered model versions, newest first')
    .option('--kind <kind>', 'tc | ef')
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (raw: unknown) => {
      const options = parseOrThrow(
        z.object({ kind: kindSchema.optional(), format: outputFormatSchema }),
        raw,
        'kiago models list',
      );
      const records = await withDb(defaultDbDeps, (db) =>
        listModelVersions(db, options.kind ? { kind: options.kind } : {}),
      );
      printResult(options.format, records, () => listTable(records));
    });

  models
    .command('show')
    .description('Show one version with its manifest (data hashes, split, metrics, backend)')
    .argument('<kind>', 'tc | ef')
    .argument('<version>', 'registered version')
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (rawKind: unknown, rawVersion: unknown, raw: unknown) => {
      const kind = parseOrThrow(kindSchema, rawKind, 'kiago models show KIND');
      const version = parseOrThrow(versionSchema, rawVersion, 'kiago models show VERSION');
      const { format } = parseOrThrow(z.object({ format: outputFormatSchema }), raw, 'kiago models show');
      const record = await withDb(defaultDbDeps, (db) => showModelVersion(db, kind, version));
      printResult(format, record, () => ({
        columns: ['field', 'value'],
        rows: [
          ['kind', record.kind],
          ['version', record.version],
          ['active', record.active],
          ['path', record.path],
          ['architecture', `${record.manifest.architecture} × ${record.manifest.width}`],
          [
            'data',
            `${record.manifest.data.source} (${record.manifest.data.splitKind} split, seed ${record.manifest.data.splitSeed})`,
          ],
          ['dataHash', record.manifest.data.dataHash],
          ['created', record.manifest.created],
          ...(record.manifest.metrics.evaluated
            ? [['metrics evaluated', record.manifest.metrics.evaluated.at] as const]
            : []),
          ...modelMetricsFields(record.manifest),
        ],
      }));
    });
}

/** e.g. 2026.11.22-0131-w0.25: sortable, and the width is visible in directory names. */
function defaultVersion(width: number): string {
  const iso = new Date().toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '.')}-${iso.slice(11, 16).replace(':', '')}-w${width}`;
}

/** A progress bar per epoch on a TTY; one line per epoch otherwise (logs, CI). */
function progressReporter(): (event: TrainingProgress) => void {
  const tty = process.stderr.isTTY === true;
  const bar = new SingleBar({
    format: 'epoch {epoch} [{bar}] {value}/{total} batches | loss {loss}',
    stream: process.stderr,
  });
  return (event) => {
    if (event.type === 'epoch-start' && tty) bar.start(event.batches, 0, { epoch: event.epoch, loss: '-' });
    else if (event.type === 'batch' && tty) bar.update(event.batch, { loss: event.loss.toFixed(4) });
    else if (event.type === 'epoch-end') {
      if (tty) bar.stop();
      const { epoch, trainLoss, valMae, learningRate, seconds } = event.record;
      process.stderr.write(
        `epoch ${epoch}: train loss ${trainLoss.toFixed(4)}, val MAE ${valMae.toFixed(4)} (best ${event.bestValMae.toFixed(4)}${event.improved ? ', new best' : ''}), lr ${learningRate}, ${seconds.toFixed(0)} s\n`,
      );
    } else if (event.type === 'phase') {
      process.stderr.write(`phase: ${event.name}\n`);
    } else if (event.type === 'resumed') {
      process.stderr.write(
        `resumed after epoch ${event.completedEpochs} (best val MAE ${event.bestValMae.toFixed(4)})\n`,
      );
    } else if (event.type === 'stopped') {
      process.stderr.write(`stopped after epoch ${event.epoch}: ${event.reason}\n`);
    }
  };
}

function listTable(records: readonly ModelVersionRecord[]): Table {
  return {
    columns: [
      'kind',
      'version',
      'active',
      'architecture',
      'width',
      'test_mae',
      'test_sc_mae',
      'unit',
      'created',
      'path',
    ],
    rows: records.map((record) => [
      record.kind,
      record.version,
      record.active,
      record.manifest.architecture,
      record.manifest.width,
      record.manifest.metrics.test.overall.mae,
      // Tc on superconductors only (Tc > 0); blank for ElemNets and manifests not yet re-evaluated.
      record.manifest.metrics.test.superconductors?.overall.mae,
      record.manifest.metrics.unit,
      record.manifest.created,
      record.path,
    ]),
  };
}
