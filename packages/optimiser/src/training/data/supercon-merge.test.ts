import { compositionCell, type SuperconMeasurementRow, type SuperconRow } from '@kiago/datasets';
import { parseFormula } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { selectNonSuperconductors } from './non-superconductors.js';
import { mergeSupercon } from './supercon-merge.js';

const record = (formula: string) => ({ ...compositionCell(formula, parseFormula(formula)), mergedRows: 1 });
const superdiff = (formula: string, tcKelvin: number, family: SuperconRow['family']): SuperconRow => ({
  ...record(formula),
  tcKelvin,
  family,
});
const stanev = (formula: string, tcKelvin: number): SuperconMeasurementRow => ({
  ...record(formula),
  tcKelvin,
});

describe('mergeSupercon', () => {
  const merged = mergeSupercon(
    [
      superdiff('Nb3Sn', 18, 'other'),
      superdiff('La1.85Sr0.15CuO4', 38, 'cuprate'),
      superdiff('MgB2', 39, 'other'),
    ],
    [
      stanev('Nb0.75Sn0.25', 18.2), // same composition as Nb3Sn: one row, SuperDiff's Tc
      stanev('Mg2B4', 0), // SuperDiff says superconductor: the 0 is dropped
      stanev('Mo0.39Ru0.61', 6.9), // only in Stanev: added
      stanev('La2CuO4', 0), // only in Stanev, Tc = 0: a non-superconductor candidate
      stanev('La1.85Sr0.15Cu1O4', 30), // 8 K disagreement
    ],
  );

  it('keeps one row per composition with SuperDiff as the primary table', () => {
    expect(merged.superconductors.map((row) => [row.key, row.tcKelvin, row.source])).toEqual([
      ['Nb3Sn', 18, 'supercon-superdiff'],
      ['O80Cu20Sr3La37', 38, 'supercon-superdiff'],
      ['B2Mg', 39, 'supercon-superdiff'],
      ['Mo39Ru61', 6.9, 'supercon-stanev'],
    ]);
    expect(merged.stanevTc0.map((row) => row.key)).toEqual(['O4CuLa2']);
  });

  it('reports the overlap, the disagreements and the conflicts', () => {
    expect(merged.report).toEqual({
      superdiffCompositions: 3,
      stanevCompositions: 5,
      inBothWithTc: 2,
      tcAgreeWithin1Kelvin: 1,
      maxTcDifferenceKelvin: 8,
      stanevOnlySuperconductors: 1,
      stanevTc0ButSuperconductor: 1,
      stanevTc0Candidates: 1,
    });
  });
});

describe('selectNonSuperconductors', () => {
  const tiers = [
    { source: 'supercon-stanev-tc0', rows: [record('La2CuO4'), record('Re0.1W0.9')] },
    { source: 'matbench-expt-non-metal', rows: [record('NaCl'), record('Nb3Sn'), record('La4Cu2O8')] },
    { source: 'mp-non-metal', rows: ['KCl', 'LiF', 'MgO', 'CaO', 'SrO', 'BaO'].map(record) },
  ] as const;
  const known = new Set([record('Nb3Sn').key]);

  it('never labels a known superconductor Tc = 0 and takes each composition once', () => {
    const { rows, tiers: reports } = selectNonSuperconductors(tiers, known, 100);
    expect(rows.map((row) => row.key)).not.toContain(record('Nb3Sn').key);
    expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
    expect(reports[1]).toEqual({
      source: 'matbench-expt-non-metal',
      candidates: 3,
      excludedKnownSuperconductors: 1,
      duplicatesOfEarlierTier: 1,
      used: 1,
    });
    expect(rows.every((row) => row.tcKelvin === 0)).toBe(true);
    expect(rows.find((row) => row.source === 'supercon-stanev-tc0')?.family).toBe('cuprate');
  });

  it('fills the budget tier by tier with a pick that does not depend on row order', () => {
    const { rows, tiers: reports } = selectNonSuperconductors(tiers, known, 5);
    expect(reports.map((report) => report.used)).toEqual([2, 1, 2]);
    const reversed = tiers.map((tier) => ({ ...tier, rows: [...tier.rows].reverse() }));
    const again = selectNonSuperconductors(reversed, known, 5);
    expect(new Set(again.rows.map((row) => row.key))).toEqual(new Set(rows.map((row) => row.key)));
    expect(selectNonSuperconductors(tiers, known, 0).rows).toEqual([]);
  });
});
