import { type ModelManifest, type SuperconductorMetrics, TC_FAMILIES } from '@kiago/optimiser';
import type { Cell, Table } from '../output/format.js';

type Metrics = ModelManifest['metrics']['test']['overall'];

const familyRank = (family: string) => {
  const index = (TC_FAMILIES as readonly string[]).indexOf(family);
  return index < 0 ? TC_FAMILIES.length : index;
};

/**
 * Val and test metrics per group: all rows, then (Tc) the superconductors only (measured Tc > 0) with
 * the share predicted above 0 K (the reference's measure) and above 1 K (ours).
 */
export function modelMetricsTable(manifest: ModelManifest): Table {
  const rows: Cell[][] = [];
  for (const split of ['val', 'test'] as const) {
    const { overall, byFamily, superconductors } = manifest.metrics[split];
    // Registry manifests come back from jsonb with their keys reordered: families in TC_FAMILIES order.
    const families = Object.entries(byFamily ?? {}).sort(([a], [b]) => familyRank(a) - familyRank(b));
    const groups: [string, Metrics][] = [['all', overall], ...families];
    for (const [group, all] of groups) {
      const sc = group === 'all' ? superconductors?.overall : superconductors?.byFamily[group];
      rows.push([split, group, all.count, all.mae, all.rmse, all.r2, ...superconductorCells(sc)]);
    }
  }
  const unit = manifest.metrics.unit;
  const columns = ['split', 'group', 'rows', `mae_${unit}`, 'rmse', 'r2'];
  if (manifest.kind !== 'tc') return { columns, rows: rows.map((row) => row.slice(0, columns.length)) };
  return {
    columns: [...columns, 'sc_rows', `sc_mae_${unit}`, 'sc_rmse', 'sc_r2', 'sc_above_0K', 'sc_above_1K'],
    rows,
  };
}

/** Blank cells for a manifest written before superconductor-only metrics (run `models evaluate`). */
function superconductorCells(metrics: SuperconductorMetrics | undefined): Cell[] {
  if (!metrics) return ['', '', '', '', '', ''];
  return [
    metrics.count,
    metrics.mae,
    metrics.rmse,
    metrics.r2,
    metrics.fractionPredictedAbove0K,
    metrics.fractionPredictedAbove1K,
  ];
}

/** `field value` rows of the same numbers, for `models show`. */
export function modelMetricsFields(manifest: ModelManifest): (readonly [string, string])[] {
  const table = modelMetricsTable(manifest);
  const text = (cell: Cell) =>
    typeof cell === 'number' && !Number.isInteger(cell) ? cell.toPrecision(4) : String(cell ?? '-');
  const unit = manifest.metrics.unit;
  const fields = table.rows.map(
    (row) =>
      [
        `${row[0]} ${row[1]} MAE/RMSE/R²`,
        `${text(row[3])} / ${text(row[4])} / ${text(row[5])} ${unit}`,
      ] as const,
  );
  if (manifest.kind !== 'tc') return fields;
  const superconductorFields = table.rows.map(
    (row) =>
      [
        `${row[0]} ${row[1]} Tc>0 only: rows, MAE/RMSE/R², >0 K, >1 K`,
        row[6] === ''
          ? '- (run kiago models evaluate <dir> --write)'
          : `${text(row[6])}, ${text(row[7])} / ${text(row[8])} / ${text(row[9])} ${unit}, ${percent(row[10])}, ${percent(row[11])}`,
      ] as const,
  );
  return [...fields, ...superconductorFields];
}

function percent(cell: Cell): string {
  return typeof cell === 'number' ? `${(cell * 100).toFixed(1)} %` : '-';
}
