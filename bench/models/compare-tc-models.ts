/**
 * Tc models side by side on today's data set and split (grouped, the first model's split seed): test
 * metrics on all rows and on superconductors only (y > 0), per family, and every measured hydride
 * row with its split, so a hydride's prediction is labelled held out (val/test) or seen (train).
 * Unlike `kiago models evaluate` it does not require the recorded data hash. A model trained on
 * another data set is scored anyway but flagged: the grouped split shuffles the whole list of element
 * sets, so adding groups reassigns the rest, and such a model has trained on part of today's test
 * split (its numbers are optimistic; compare it on its own manifest's split instead).
 * Run (after npm run build): nice -n 10 node bench/models/compare-tc-models.ts DIR [DIR …] [--json F]
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { resolveDataDir } from '@kiago/datasets';
import {
  buildTcDataset,
  loadModelArtifact,
  predictRows,
  selectTfBackend,
  tcSplitMetrics,
} from '@kiago/optimiser';

const { values, positionals } = parseArgs({ options: { json: { type: 'string' } }, allowPositionals: true });
if (positionals.length === 0)
  throw new Error('usage: compare-tc-models.ts MODEL_DIR [MODEL_DIR …] [--json FILE]');
await selectTfBackend('auto', (line) => process.stderr.write(`${line}\n`));

const first = await loadModelArtifact(positionals[0]!, { expectedKind: 'tc' });
const data = await buildTcDataset({
  seed: first.manifest.data.splitSeed,
  split: 'grouped',
  dataDir: resolveDataDir({ env: process.env }),
});
first.model.dispose();

/**
 * The measured hydride rows of every split as rows of their own: predicting them alone costs a few
 * compositions per model, not the whole training split.
 */
const measuredHydrides = (() => {
  const labels: { key: string; split: 'train' | 'val' | 'test'; measuredKelvin: number }[] = [];
  const features: Float32Array[] = [];
  for (const split of ['train', 'val', 'test'] as const) {
    const rows = data[split];
    rows.sources.forEach((source, i) => {
      if (source !== 'hydride-measured') return;
      labels.push({ key: rows.keys[i]!, split, measuredKelvin: rows.y[i]! });
      features.push(rows.x.subarray(i * rows.width, (i + 1) * rows.width));
    });
  }
  const width = data.test.width;
  const x = new Float32Array(features.length * width);
  for (const [i, row] of features.entries()) x.set(row, i * width);
  return { labels, rows: { width, x, y: Float32Array.from(labels, (label) => label.measuredKelvin) } };
})();

const fmt = (value: number | null | undefined, digits = 2) => (value == null ? '—' : value.toFixed(digits));
const results = [];
for (const dir of positionals) {
  const { model, manifest } = await loadModelArtifact(dir, { expectedKind: 'tc' });
  const test = tcSplitMetrics(predictRows(model, data.test, 2048), data.test.y, data.test.families);
  const predictedHydrides = predictRows(model, measuredHydrides.rows, 2048);
  const hydrides = measuredHydrides.labels.map((label, i) => ({
    ...label,
    predictedKelvin: predictedHydrides[i]!,
  }));
  model.dispose();
  const sameSplit = manifest.data.splitHash === data.splitHash;
  results.push({
    dir,
    version: manifest.version,
    architecture: manifest.architecture,
    sameSplit,
    test,
    hydrides,
  });

  const sc = test.superconductors;
  console.log(
    `\n${manifest.version} (${manifest.architecture}, width ${manifest.width}) — test split, today's data`,
  );
  console.log(
    `all rows      ${test.overall.count} rows  MAE ${fmt(test.overall.mae)} K  R² ${fmt(test.overall.r2, 3)}`,
  );
  console.log(
    `superconductors ${sc?.overall.count} rows  MAE ${fmt(sc?.overall.mae)} K  RMSE ${fmt(sc?.overall.rmse)}  ` +
      `R² ${fmt(sc?.overall.r2, 3)}  predicted > 0 K ${fmt(sc?.overall.fractionPredictedAbove0K, 3)}  > 1 K ${fmt(sc?.overall.fractionPredictedAbove1K, 3)}`,
  );
  for (const [family, metrics] of Object.entries(sc?.byFamily ?? {})) {
    console.log(
      `  ${family.padEnd(11)} ${String(metrics.count).padStart(5)}  MAE ${fmt(metrics.mae)}  R² ${fmt(metrics.r2, 3)}  > 1 K ${fmt(metrics.fractionPredictedAbove1K, 3)}`,
    );
  }
  for (const row of hydrides) {
    console.log(
      `  hydride ${row.key.padEnd(8)} ${row.split.padEnd(5)} ${row.split === 'train' ? 'seen    ' : 'held out'}  measured ${fmt(row.measuredKelvin, 0)} K  predicted ${fmt(row.predictedKelvin, 1)} K`,
    );
  }
}
if (values.json) await writeFile(values.json, `${JSON.stringify(results, null, 2)}\n`);
