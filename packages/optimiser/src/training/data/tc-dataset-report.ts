import type { DatasetReport } from '@kiago/datasets';
import type { SplitPlan, SplitsReport } from './assemble-splits.js';
import type { NonSuperconductorTierReport } from './non-superconductors.js';
import type { SuperconMergeReport } from './supercon-merge.js';
import { TC_FAMILIES, type TcFamily } from './tc-family.js';
import { TC_ROW_SOURCES, type TcRow, type TcRowSource } from './tc-row.js';

export interface TcRowsSummary {
  rows: number;
  superconductors: number;
  nonSuperconductors: number;
  /** Distinct element sets (the split groups). */
  elementSets: number;
  families: Record<TcFamily, { rows: number; superconductors: number }>;
  sources: Record<TcRowSource, number>;
}

export interface NonSuperconductorReport {
  /** Requested non-superconductors per superconductor. */
  ratio: number;
  /** round(ratio × superconductors): how many Tc = 0 rows were asked for. */
  budget: number;
  selected: number;
  /** Tiers in priority order: SuperCon Tc = 0, experimental non-metals, MP non-metals. */
  tiers: NonSuperconductorTierReport[];
  /** MP rows with a PBE gap below this are not used (semimetals, numerical noise). */
  mpMinBandGapEv: number;
  mpBelowMinBandGap: number;
  /** Matbench rows labelled metal: unknown superconductivity, so never Tc = 0. */
  matbenchMetalsSkipped: number;
}

export interface TcDatasetReport extends SplitPlan, SplitsReport<TcRowsSummary> {
  kind: 'tc';
  dataDir: string;
  /** The four loader reports (rows read, kept, dropped by reason, duplicates merged). */
  loaders: DatasetReport[];
  supercon: SuperconMergeReport;
  nonSuperconductors: NonSuperconductorReport;
}

/** Counts rows, superconductors, element sets, families and sources. */
export function summariseTcRows(rows: readonly TcRow[]): TcRowsSummary {
  const families = Object.fromEntries(TC_FAMILIES.map((family) => [family, { rows: 0, superconductors: 0 }]));
  const sources = Object.fromEntries(TC_ROW_SOURCES.map((source) => [source, 0]));
  let superconductors = 0;
  for (const row of rows) {
    const family = families[row.family]!;
    family.rows++;
    sources[row.source]!++;
    if (row.tcKelvin > 0) {
      superconductors++;
      family.superconductors++;
    }
  }
  return {
    rows: rows.length,
    superconductors,
    nonSuperconductors: rows.length - superconductors,
    elementSets: new Set(rows.map((row) => row.elementSetKey)).size,
    families: families as TcRowsSummary['families'],
    sources: sources as TcRowsSummary['sources'],
  };
}
