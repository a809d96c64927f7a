import type { DatasetReport } from '@kiago/datasets';
import { describe, expect, it } from 'vitest';
import { compositionsMissingFrom, filledReport } from './fill-missing-compositions.js';

const report = (over: Partial<DatasetReport>): DatasetReport => ({
  dataset: 'd',
  files: [],
  rowsRead: 0,
  rowsKept: 0,
  dropped: {},
  duplicatesMerged: 0,
  ...over,
});

describe('compositionsMissingFrom', () => {
  it('keeps the secondary rows whose composition the primary lacks, in their order', () => {
    const primary = [
      { key: 'NaCl', id: 'mp-1' },
      { key: 'O3Cr2', id: 'mp-2' },
    ];
    const secondary = [
      { key: 'O3Cr2', ef: -1.7 },
      { key: 'ClAg', ef: -0.6 },
      { key: 'NaCl', ef: -2.0 },
      { key: 'OBa', ef: -2.8 },
    ];
    expect(compositionsMissingFrom(primary, secondary)).toEqual([
      { key: 'ClAg', ef: -0.6 },
      { key: 'OBa', ef: -2.8 },
    ]);
  });
});

describe('filledReport', () => {
  it('adds reads and drops, and counts the secondary rows the primary already had as merged', () => {
    const roost = report({
      dataset: 'roost',
      files: ['r.csv'],
      rowsRead: 10,
      rowsKept: 8,
      dropped: { 'non-finite': 2 },
    });
    const matbench = report({
      dataset: 'matbench',
      files: ['m.csv'],
      rowsRead: 12,
      rowsKept: 9,
      dropped: { malformed: 1, 'non-finite': 1 },
      duplicatesMerged: 2,
    });
    expect(filledReport(roost, matbench, 4)).toEqual({
      dataset: 'roost+matbench',
      files: ['r.csv', 'm.csv'],
      rowsRead: 22,
      rowsKept: 12,
      dropped: { malformed: 1, 'non-finite': 3 },
      duplicatesMerged: 2 + (9 - 4),
    });
  });
});
