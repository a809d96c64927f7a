import {
  type AlexandriaLoadOptions,
  type DatasetReport,
  type LoadOptions,
  loadAlexandriaPbe,
  loadMpBinariesHull,
  loadMpFormationEnergyRoost,
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
export async function mpReferenceRows(options: LoadOptions): Promise<ReferenceSourceRows> {
  return referenceSourceRows(
    await loadMpFormationEnergyRoost(options),
    (row) => row.materialId,
    options.dataDir,
    'Materials Project via Roost (MP ~2019–2020 corrections)',
  );
}

/** The `mp-binaries` set: SMACT's lowest-E_hull MP binaries (MP 2025 thermo), 10,180 compositions. */
export async function mpBinariesReferenceRows(options: LoadOptions): Promise<ReferenceSourceRows> {
  return referenceSourceRows(
    await loadMpBinariesHull(options),
    (row) => row.materialId,
    options.dataDir,
    'Materials Project binaries via SMACT (MP 2025, mixed GGA/r2SCAN)',
  );
}

/** The `alexandria` set: Alexandria PBE dump entries (lowest Ef per composition), ids `data.mat_id`. */
export async function alexandriaReferenceRows(options: AlexandriaLoadOptions): Promise<ReferenceSourceRows> {
  const cutoff =
    options.maxEAboveHullEvPerAtom === undefined
      ? ''
      : `, e_above_hull ≤ ${options.maxEAboveHullEvPerAtom} eV/atom`;
  return referenceSourceRows(
    await loadAlexandriaPbe(options),
    (row) => row.matId,
    options.dataDir,
    `Alexandria PBE${cutoff}`,
  );
}

/** A loader's rows with their DFT energies as reference rows, and the provenance line `what; files`. */
function referenceSourceRows<
  Row extends Pick<ReferenceRow, 'formula' | 'composition'> & { efEvPerAtom: number },
>(
  loaded: { rows: readonly Row[]; report: DatasetReport },
  sourceIdOf: (row: Row) => string,
  dataDir: string,
  what: string,
): ReferenceSourceRows {
  const { rows, report } = loaded;
  return {
    rows: rows.map((row) => ({
      sourceId: sourceIdOf(row),
      formula: row.formula,
      composition: row.composition,
      dftEfEvPerAtom: row.efEvPerAtom,
    })),
    source: `${what}; ${report.dataset}: ${report.files.join(', ')} (data dir ${dataDir})`,
    report,
  };
}
