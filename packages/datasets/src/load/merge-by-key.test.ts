import { parseFormula } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { compositionCell } from './cells.js';
import { type CompositionRecord, KeyedRows, keepLowest, median } from './merge-by-key.js';

interface EnergyRow extends CompositionRecord {
  efEvPerAtom: number;
}
const row = (formula: string, efEvPerAtom: number): EnergyRow => ({
  ...compositionCell(formula, parseFormula(formula)),
  mergedRows: 1,
  efEvPerAtom,
});

describe('KeyedRows', () => {
  it('folds rows with one canonical key, keeps first-seen order and counts the merged rows', () => {
    const keyed = new KeyedRows<EnergyRow>();
    for (const r of [row('Fe2O3', -1.5), row('NaCl', -2), row('Fe4O6', -1.7), row('Fe0.4O0.6', -1.6)])
      keyed.add(r);
    const { rows, duplicatesMerged } = keyed.finish(keepLowest((r) => r.efEvPerAtom));
    expect(duplicatesMerged).toBe(2);
    expect(rows.map((r) => [r.formula, r.efEvPerAtom, r.mergedRows])).toEqual([
      ['Fe4O6', -1.7, 3],
      ['NaCl', -2, 1],
    ]);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([18.3, 17, 18])).toBe(18);
    expect(median([39.5, 39])).toBe(39.25);
  });
});
