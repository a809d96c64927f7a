/**
 * How far ElemNet's elemental correction Ef(x) − Σ x_i^k·Ef(element i) moves held-out compounds, per
 * exponent k: the measurement behind ELEMENTAL_CORRECTION_EXPONENT (models/elemental-correction.ts).
 * Choose k on val only: the smallest whose MAE stays within 1 % of the uncorrected network's.
 * Run (after npm run build): nice -n 10 node bench/models/elemental-correction-exponent.ts [ef model dir]
 * Default model: the shipped ElemNet. Needs the Materials Project data (KIAGO_DATA_DIR).
 */
import { resolveDataDir } from '@kiago/datasets';
import {
  buildEfDataset,
  elementalReferenceEnergies,
  elemNetElementalOffsets,
  loadModelArtifact,
  predictRows,
  regressionMetrics,
  selectTfBackend,
  shippedModelDir,
} from '@kiago/optimiser';

const EXPONENTS = [1, 2, 3, 4, 6, 8, 12, 16];

await selectTfBackend('auto', (line) => process.stderr.write(`${line}\n`));
const dir = process.argv[2] ?? (await shippedModelDir('ef'));
const { model, manifest } = await loadModelArtifact(dir, { expectedKind: 'ef' });
const data = await buildEfDataset({
  seed: manifest.data.splitSeed,
  split: manifest.data.splitKind,
  dataDir: resolveDataDir({ env: process.env }),
});
const offsets = elemNetElementalOffsets(model);
const magnitudes = Object.values(offsets).map(Math.abs);
console.log(
  `${dir}: elemental offsets mean |Ef| ${(magnitudes.reduce((a, b) => a + b, 0) / magnitudes.length).toFixed(3)}, ` +
    `max ${Math.max(...magnitudes).toFixed(3)} eV/atom`,
);
console.log('split  k    MAE_eV/atom  mean|shift|  max|shift|');
for (const split of ['val', 'test'] as const) {
  const rows = data[split];
  const raw = predictRows(model, rows, 2048);
  console.log(`${split.padEnd(5)}  raw  ${regressionMetrics(raw, rows.y).mae.toFixed(4)}`);
  for (const k of EXPONENTS) {
    const shift = elementalReferenceEnergies(rows.x, offsets, k);
    const mae = regressionMetrics(
      raw.map((ef, i) => ef - shift[i]!),
      rows.y,
    ).mae;
    const absolute = Array.from(shift, Math.abs);
    const mean = absolute.reduce((a, b) => a + b, 0) / absolute.length;
    console.log(
      `${split.padEnd(5)}  ${String(k).padEnd(3)}  ${mae.toFixed(4)}       ${mean.toFixed(4)}       ${Math.max(...absolute).toFixed(3)}`,
    );
  }
}
model.dispose();
