import type { ReportCandidate, ReportData } from '../report-data.js';
import { escapeXml } from '../svg/svg-markup.js';
import { ensembleTc, fixed, signedFixed } from './format-values.js';

export interface Column<Row> {
  heading: string;
  numeric?: boolean;
  cell: (row: Row) => string;
  /** Extra class per cell, e.g. gain / loss colouring. */
  cellClass?: (row: Row) => string | undefined;
}

export function htmlTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const head = columns
    .map((c) => `<th${c.numeric ? ' class="num"' : ''}>${escapeXml(c.heading)}</th>`)
    .join('');
  const body = rows
    .map((row) => {
      const cells = columns.map((c) => {
        const classes = [c.numeric ? 'num' : undefined, c.cellClass?.(row)].filter(Boolean).join(' ');
        return `<td${classes ? ` class="${classes}"` : ''}>${escapeXml(c.cell(row))}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

const CANDIDATE_COLUMNS: readonly Column<ReportCandidate & { rank: number }>[] = [
  { heading: '#', numeric: true, cell: (c) => String(c.rank) },
  { heading: 'formula', cell: (c) => c.materialFormula ?? c.formula },
  { heading: 'base', cell: (c) => c.baseFormula },
  { heading: 'Tc (K)', numeric: true, cell: (c) => fixed(c.tcKelvin, 1) },
  { heading: 'base Tc (K)', numeric: true, cell: (c) => fixed(c.tcBaseKelvin, 1) },
  {
    heading: 'ΔTc (K)',
    numeric: true,
    cell: (c) => signedFixed(c.deltaTcKelvin, 1),
    cellClass: (c) => (c.deltaTcKelvin === null ? undefined : c.deltaTcKelvin > 0 ? 'gain' : 'loss'),
  },
  { heading: 'Tc continuous (K)', numeric: true, cell: (c) => fixed(c.tcContinuousKelvin, 1) },
  { heading: 'Ef (eV/atom)', numeric: true, cell: (c) => fixed(c.efEvPerAtom, 3) },
  { heading: 'e_hull (eV/atom)', numeric: true, cell: (c) => fixed(c.eAboveHullEvPerAtom, 3) },
  { heading: 'N*', numeric: true, cell: (c) => String(c.nUnits) },
  { heading: 'in domain', cell: (c) => (c.inDomain ? 'yes' : 'no') },
  { heading: 'hits', numeric: true, cell: (c) => (c.hitCount === null ? '–' : String(c.hitCount)) },
];

const ENSEMBLE_COLUMN: Column<ReportCandidate & { rank: number }> = {
  heading: 'Tc ensemble (K)',
  numeric: true,
  cell: (c) => ensembleTc(c.tcEnsembleMeanKelvin, c.tcEnsembleSdKelvin),
};

export function topCandidatesSection({ topCandidates, funnel }: ReportData): string {
  const basis =
    topCandidates.basis === 'best-per-material'
      ? 'One row per material (its best candidate); hits = candidates of the run that reduce to it.'
      : 'Dedupe has not run yet: raw top-Tc candidates, the same formula may repeat.';
  const domain = topCandidates.inDomainOnly
    ? " Only candidates whose every element is in the Tc model's training support."
    : '';
  const bound = `Passed every screening check and e_hull ≤ ${funnel.eHullThreshold.eHullEvPerAtom} eV/atom.${domain} ${basis}`;
  const rows = topCandidates.rows.map((row, i) => ({ ...row, rank: i + 1 }));
  // Runs with a Tc ensemble get its mean ± sd next to the optimised model's Tc.
  const columns = rows.some((row) => row.tcEnsembleMeanKelvin !== null)
    ? [...CANDIDATE_COLUMNS.slice(0, 4), ENSEMBLE_COLUMN, ...CANDIDATE_COLUMNS.slice(4)]
    : CANDIDATE_COLUMNS;
  const body =
    rows.length === 0
      ? '<p class="note">No candidate has reached the last screening stage yet.</p>'
      : htmlTable(columns, rows);
  return `<section id="top-candidates"><h2>Top candidates</h2><p class="note">${escapeXml(bound)}</p>${body}</section>`;
}

export function failedShardsSection({ failedShards, shards, run }: ReportData): string {
  if (shards.failed === 0) return '';
  const table = htmlTable(
    [
      { heading: 'shard', numeric: true, cell: (s) => String(s.index) },
      { heading: 'base', cell: (s) => s.baseFormula },
      { heading: 'attempts', numeric: true, cell: (s) => String(s.attempts) },
      { heading: 'error type', cell: (s) => s.errorType ?? '–' },
      { heading: 'last error', cell: (s) => (s.lastError ?? '').slice(0, 200) },
    ],
    failedShards,
  );
  const more =
    shards.failed > failedShards.length ? ` (first ${failedShards.length} of ${shards.failed})` : '';
  return `<section id="failed-shards"><h2>Failed shards${escapeXml(more)}</h2>${table}<p class="note">Re-run them: kiago run retry-failed ${escapeXml(run.id)}</p></section>`;
}
