import {
  type AlexandriaLoadOptions,
  type DatasetReport,
  type LoadOptions,
  loadAlexandriaPbe,
  loadMpBinariesHull,
  loadMpFormationEnergyMatbench,
  loadMpFormationEnergyRoost,
} from '@kiago/datasets';
import { compositionsMissingFrom, filledReport } from './fill-missing-compositions.js';
import type { ReferenceRow } from './reference-row.js';

/** A reference list read from the shared data, with the loader's report and a provenance line. */
export interface ReferenceSourceRows {
  rows: ReferenceRow[];
  /** Stored on the ReferenceSet: data set, files and what the energies are. */
  source: string;
  report: DatasetReport;
}

/** Source ids of the compositions Matbench adds to the `mp` set (Matbench rows carry no MP id). */
export const MATBENCH_ID_PREFIX = 'matbench:';

/**
 * The `mp` set: Roost's Materials Project table (84,286 compositions kept, with task ids and DFT
 * formation energies, MP corrections of ~2019–2020), plus Matbench's `mp_e_form` (MP v2018.06,
 * lowest-energy polymorph) for the 11,992 compositions Roost lacks: 96,278 in all (docs/hull.md).
 *
 * Roost alone misses 835 of the 4,639 binaries MP calls stable (NaCl, BaO, AlN, Fe2O3 …), and a hull
 * without NaCl puts NaCl 0.66 eV/atom below it. Both tables carry MP's legacy corrections: on the
 * 83,126 compositions they share, the median difference is 0.000 and the mean |difference| 0.003
 * eV/atom. The hull takes its energies from the pinned ElemNet anyway; the list decides which
 * compounds are there. The SMACT binaries (MP 2025, mixed GGA/GGA+U/r2SCAN) are a different energy
 * scale and stay a set of their own, `mp-binaries`.
 */
export async function mpReferenceRows(options: LoadOptions): Promise<ReferenceSourceRows> {
  const [roost, matbench] = await Promise.all([
    loadMpFormationEnergyRoost(options),
    loadMpFormationEnergyMatbench(options),
  ]);
  const filledIn = compositionsMissingFrom(roost.rows, matbench.rows);
  const report = filledReport(roost.report, matbench.report, filledIn.length);
  return {
    rows: [
      ...roost.rows.map((row) => referenceRow(row, row.materialId)),
      ...filledIn.map((row) => referenceRow(row, `${MATBENCH_ID_PREFIX}${row.key}`)),
    ],
    source: provenance(
      'Materials Project via Roost (MP ~2019–2020 corrections), and Matbench mp_e_form (MP v2018.06) ' +
        `for the ${filledIn.length} compositions Roost lacks`,
      report,
      options.dataDir,
    ),
    report,
  };
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
    rows: rows.map((row) => referenceRow(row, sourceIdOf(row))),
    source: provenance(what, report, dataDir),
    report,
  };
}

function referenceRow(
  row: Pick<ReferenceRow, 'formula' | 'composition'> & { efEvPerAtom: number },
  sourceId: string,
): ReferenceRow {
  return { sourceId, formula: row.formula, composition: row.composition, dftEfEvPerAtom: row.efEvPerAtom };
}

function provenance(what: string, report: DatasetReport, dataDir: string): string {
  return `${what}; ${report.dataset}: ${report.files.join(', ')} (data dir ${dataDir})`;
}
