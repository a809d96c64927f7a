import type {
  ReportData,
  ReportErrorMetrics,
  ReportModelMetrics,
  ReportSuperconductorMetrics,
} from '../report-data.js';
import { escapeXml } from '../svg/svg-markup.js';
import { fixed } from './format-values.js';
import { type Column, htmlTable } from './table-sections.js';

interface MetricsRow {
  group: string;
  all: ReportErrorMetrics;
  superconductors: ReportSuperconductorMetrics | null;
}

const percent = (fraction: number | null | undefined) =>
  fraction === null || fraction === undefined ? '–' : `${(100 * fraction).toFixed(1)} %`;

function tcColumns(unit: string): readonly Column<MetricsRow>[] {
  const sc = (row: MetricsRow) => row.superconductors;
  return [
    { heading: 'group', cell: (row) => row.group },
    { heading: 'rows', numeric: true, cell: (row) => String(row.all.rows) },
    { heading: `MAE (${unit})`, numeric: true, cell: (row) => fixed(row.all.mae, 2) },
    { heading: 'R²', numeric: true, cell: (row) => fixed(row.all.r2, 3) },
    { heading: 'Tc > 0 rows', numeric: true, cell: (row) => (sc(row) ? String(sc(row)?.rows) : '–') },
    { heading: `Tc > 0 MAE (${unit})`, numeric: true, cell: (row) => fixed(sc(row)?.mae, 2) },
    { heading: 'Tc > 0 R²', numeric: true, cell: (row) => fixed(sc(row)?.r2, 3) },
    { heading: 'predicted > 0 K', numeric: true, cell: (row) => percent(sc(row)?.fractionPredictedAbove0K) },
    { heading: 'predicted > 1 K', numeric: true, cell: (row) => percent(sc(row)?.fractionPredictedAbove1K) },
  ];
}

function tcModel(model: ReportModelMetrics): string {
  const rows: MetricsRow[] = [
    { group: 'all', all: model.overall, superconductors: model.superconductors },
    ...model.families.map(({ family, all, superconductors }) => ({ group: family, all, superconductors })),
  ];
  const missing = model.superconductors
    ? ''
    : ' Superconductor-only metrics are missing from this manifest: run kiago models evaluate &lt;dir&gt; --write.';
  return (
    `<h3>Tc ${escapeXml(model.version)} · ${escapeXml(model.architecture)} × ${model.width}</h3>` +
    `<p class="note">Test split (${escapeXml(model.splitKind)}, never used for any choice). "Tc &gt; 0": the ` +
    `measured superconductors only, where the Tc = 0 half of the data cannot flatter the numbers.${missing}</p>` +
    htmlTable(tcColumns(model.unit), rows)
  );
}

function efModel(model: ReportModelMetrics): string {
  const correction = model.elementalCorrection
    ? ` Elements are held at 0 eV/atom (Ef − Σ x_i^${model.elementalCorrection.exponent}·Ef(element i); ` +
      `largest elemental offset ${fixed(model.elementalCorrection.maxAbsOffsetEvPerAtom, 2)} eV/atom); ` +
      `test MAE with the correction ${fixed(model.elementalCorrection.correctedTestMae, 3)} eV/atom.`
    : '';
  const { overall } = model;
  return (
    `<h3>Ef ${escapeXml(model.version)} · ${escapeXml(model.architecture)} × ${model.width}</h3>` +
    `<p class="note">Test split (${escapeXml(model.splitKind)}): ${overall.rows} compositions, MAE ` +
    `${fixed(overall.mae, 3)} eV/atom, RMSE ${fixed(overall.rmse, 3)}, R² ${fixed(overall.r2, 3)}.${escapeXml(correction)}</p>`
  );
}

/** The pinned models' held-out metrics, so a reader can weigh the Tc numbers above. */
export function modelsSection({ models }: ReportData): string {
  const parts = [
    models.tc
      ? tcModel(models.tc)
      : '<p class="note">The Tc model’s manifest carries no readable metrics.</p>',
    models.ef ? efModel(models.ef) : '',
    models.tcEnsembleMembers.length > 0
      ? `<p class="note">Tc ensemble (final re-prediction of every candidate, mean ± sd): ${escapeXml(
          models.tcEnsembleMembers.join(', '),
        )}.</p>`
      : '',
  ];
  return `<section id="models"><h2>Models</h2>${parts.join('')}</section>`;
}
