import {
  type AlexandriaLoadOptions,
  type DatasetReport,
  type LoadOptions,
  loadAlexandriaPbe,
  loadMpBinariesHull,
  loadMpFormationEnergyRoost,
  resolveDataDir,
} from '@kiago/datasets';
import type { ReferenceRow } from './reference-row.js';

/** A reference list read from the shared data, with the loader's report and a provenance line. */
export interface ReferenceSourceRows {
  rows: ReferenceRow[];
  /** Stored on the ReferenceSet: data set, files and what the energies are. */
  source: string;
  report: DatasetReport;
}

/**
 * The `mp` set: Roost's Materials Project table (84,294 reduced compositions with task ids and DFT
 * formation energies, MP corrections of ~2019–2020; lowest Ef kept per composition). It is the one
 * MP list with ids that covers ternaries and beyond. The SMACT binaries (MP 2025, mixed
 * GGA/GGA+U/r2SCAN) are a different energy scale and form their own set, `mp-binaries`: mixing
 * vintages in one hull would compare energies computed with different corrections.
 */
export async function mpReferenceRows(options: LoadOptions = {}): Promise<ReferenceSourceRows> {
  const { rows, report } = await loadMpFormationEnergyRoost(options);
  return {
    rows: rows.map((row) => ({
      sourceId: row.materialId,
      formula: row.formula,
      composition: row.composition,
      dftEfEvPerAtom: row.efEvPerAtom,
    })),
    source: provenance(report, options.dataDir, 'Materials Project via Roost (MP ~2019–2020 corrections)'),
    report,
  };
}

/** The `mp-binaries` set: SMACT's lowest-E_hull MP binaries (MP 2025 thermo), 10,180 compositions. */
export async function mpBinariesReferenceRows(options: LoadOptions = {}): Promise<ReferenceSourceRows> {
  const { rows, report } = await loadMpBinariesHull(options);
  return {
    rows: rows.map((row) => ({
      sourceId: row.materialId,
      formula: row.formula,
      composition: row.composition,
      dftEfEvPerAtom: row.efEvPerAtom,
    })),
    source: provenance(
      report,
      options.dataDir,
      'Materials Project binaries via SMACT (MP 2025, mixed GGA/r2SCAN)',
    ),
    report,
  };
}

/** The `alexandria` set: Alexandria PBE dump entries (lowest Ef per composition), ids `data.mat_id`. */
export async function alexandriaReferenceRows(
  options: AlexandriaLoadOptions = {},
): Promise<ReferenceSourceRows> {
  const { rows, report } = await loadAlexandriaPbe(options);
  const cutoff =
    options.maxEAboveHullEvPerAtom === undefined
      ? ''
      : `, e_above_hull ≤ ${options.maxEAboveHullEvPerAtom} eV/atom`;
  return {
    rows: rows.map((row) => ({
      sourceId: row.matId,
      formula: row.formula,
      composition: row.composition,
      dftEfEvPerAtom: row.efEvPerAtom,
    })),
    source: provenance(report, options.dataDir, `Alexandria PBE${cutoff}`),
    report,
  };
}

function provenance(report: DatasetReport, dataDir: string | undefined, what: string): string {
  const base = resolveDataDir({ dataDir });
  return `${what}; ${report.dataset}: ${report.files.join(', ')} (data dir ${base})`;
}
