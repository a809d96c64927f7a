import type { CompositionRecord, SuperconMeasurementRow, SuperconRow } from '@kiago/datasets';
import { classifyTcFamily } from './tc-family.js';
import type { TcRow } from './tc-row.js';

/** How SuperDiff (primary) and Stanev's table were combined; counts are canonical compositions. */
export interface SuperconMergeReport {
  superdiffCompositions: number;
  stanevCompositions: number;
  /** In both tables with Tc > 0: one row, SuperDiff's Tc. */
  inBothWithTc: number;
  /** Of those, how many Tcs agree within 1 K, and the largest disagreement. */
  tcAgreeWithin1Kelvin: number;
  maxTcDifferenceKelvin: number;
  /** Tc > 0 only in Stanev's table: added, family from the composition rule. */
  stanevOnlySuperconductors: number;
  /** Stanev Tc = 0 but a SuperDiff superconductor: the reported Tc wins, the 0 is dropped. */
  stanevTc0ButSuperconductor: number;
  /** Stanev Tc = 0 and absent from SuperDiff: first-tier non-superconductor candidates. */
  stanevTc0Candidates: number;
}

export interface MergedSupercon {
  superconductors: TcRow[];
  /** Stanev's "no Tc reported" compositions that no table lists as a superconductor. */
  stanevTc0: CompositionRecord[];
  report: SuperconMergeReport;
}

const TC_AGREEMENT_KELVIN = 1;

/**
 * SuperDiff is primary: it carries family labels and is a cleaned SuperCon export (duplicates
 * merged following Kim & Dordevic 2024). Stanev's table is the same database (12,395 identical
 * formula strings), so a composition in both is one row, never two; Stanev adds its few extra
 * superconductors and its Tc = 0 rows.
 */
export function mergeSupercon(
  superdiff: readonly SuperconRow[],
  stanev: readonly SuperconMeasurementRow[],
): MergedSupercon {
  const superdiffByKey = new Map(superdiff.map((row) => [row.key, row]));
  const superconductors: TcRow[] = superdiff.map((row) => ({
    key: row.key,
    elementSetKey: row.elementSetKey,
    composition: row.composition,
    tcKelvin: row.tcKelvin,
    family: classifyTcFamily(row.composition, row.family),
    source: 'supercon-superdiff',
  }));
  const stanevTc0: CompositionRecord[] = [];
  const report: SuperconMergeReport = {
    superdiffCompositions: superdiff.length,
    stanevCompositions: stanev.length,
    inBothWithTc: 0,
    tcAgreeWithin1Kelvin: 0,
    maxTcDifferenceKelvin: 0,
    stanevOnlySuperconductors: 0,
    stanevTc0ButSuperconductor: 0,
    stanevTc0Candidates: 0,
  };
  for (const row of stanev) {
    const primary = superdiffByKey.get(row.key);
    if (primary && row.tcKelvin > 0) {
      const differenceKelvin = Math.abs(primary.tcKelvin - row.tcKelvin);
      report.inBothWithTc++;
      if (differenceKelvin <= TC_AGREEMENT_KELVIN) report.tcAgreeWithin1Kelvin++;
      report.maxTcDifferenceKelvin = Math.max(report.maxTcDifferenceKelvin, differenceKelvin);
    } else if (primary) {
      report.stanevTc0ButSuperconductor++;
    } else if (row.tcKelvin > 0) {
      report.stanevOnlySuperconductors++;
      superconductors.push({
        key: row.key,
        elementSetKey: row.elementSetKey,
        composition: row.composition,
        tcKelvin: row.tcKelvin,
        family: classifyTcFamily(row.composition),
        source: 'supercon-stanev',
      });
    } else {
      report.stanevTc0Candidates++;
      stanevTc0.push(row);
    }
  }
  return { superconductors, stanevTc0, report };
}
