import type { DatasetReport, FormationEnergyRow } from '@kiago/datasets';
import type { SplitPlan, SplitsReport } from './assemble-splits.js';
import type { EfSource } from './ef-sources.js';

export interface EfRowsSummary {
  rows: number;
  elementSets: number;
  /** Mean and spread of the target: predicting the train mean is the baseline to beat. */
  meanEfEvPerAtom: number;
  stdEfEvPerAtom: number;
  minEfEvPerAtom: number;
  maxEfEvPerAtom: number;
}

export interface EfDatasetReport extends SplitPlan, SplitsReport<EfRowsSummary> {
  kind: 'ef';
  source: EfSource;
  /** What DFT scale `y` is on; one source per data set, never mixed. */
  energyScale: string;
  dataDir: string;
  loader: DatasetReport;
  /** `x` columns: ElemNet's 86 elements (ELEMNET_SYMBOLS, ascending Z). */
  inputWidth: number;
  /** Rows dropped after loading, by reason (`element-outside-elemnet-inputs`). */
  dropped: Record<string, number>;
  elementsOutsideInputs: Record<string, number>;
}

export function summariseEfRows(rows: readonly FormationEnergyRow[]): EfRowsSummary {
  let sum = 0;
  let sumOfSquares = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const { efEvPerAtom } of rows) {
    sum += efEvPerAtom;
    sumOfSquares += efEvPerAtom * efEvPerAtom;
    min = Math.min(min, efEvPerAtom);
    max = Math.max(max, efEvPerAtom);
  }
  const count = rows.length;
  const mean = count > 0 ? sum / count : Number.NaN;
  return {
    rows: count,
    elementSets: new Set(rows.map((row) => row.elementSetKey)).size,
    meanEfEvPerAtom: mean,
    stdEfEvPerAtom: count > 0 ? Math.sqrt(Math.max(0, sumOfSquares / count - mean * mean)) : Number.NaN,
    minEfEvPerAtom: count > 0 ? min : Number.NaN,
    maxEfEvPerAtom: count > 0 ? max : Number.NaN,
  };
}
