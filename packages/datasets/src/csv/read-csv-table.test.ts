import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataFileError } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { readCsvTable } from './read-csv-table.js';

const missingColumnFixture = fileURLToPath(new URL('../../fixtures/missing-tc-column.csv', import.meta.url));

async function rowsOf(file: string, columns: readonly string[]) {
  const rows = [];
  for await (const row of readCsvTable(file, columns)) rows.push(row);
  return rows;
}

describe('readCsvTable', () => {
  it('throws a DataFileError naming the missing column and the file', async () => {
    const attempt = rowsOf(missingColumnFixture, ['formula', 'tc_K', 'family']);
    await expect(attempt).rejects.toBeInstanceOf(DataFileError);
    await expect(rowsOf(missingColumnFixture, ['formula', 'tc_K'])).rejects.toThrow(
      `${missingColumnFixture}: missing column "tc_K" (header: id, formula, family)`,
    );
  });

  it('picks the requested columns by header name and flags records with the wrong field count', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'kiago-table-')), 't.csv');
    await writeFile(file, 'id, formula ,tc_K\n1,Nb3Sn1,18\n2,Mg1B2\n3,"V3Si",17\n');
    expect(await rowsOf(file, ['tc_K', 'formula'])).toEqual([
      { ok: true, line: 2, cells: { tc_K: '18', formula: 'Nb3Sn1' } },
      { ok: false, line: 3, reason: 'field-count-mismatch' },
      { ok: true, line: 4, cells: { tc_K: '17', formula: 'V3Si' } },
    ]);
  });

  it('rejects an empty file', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'kiago-table-')), 'empty.csv');
    await writeFile(file, '\n\n');
    await expect(rowsOf(file, ['formula'])).rejects.toThrow(/empty file: expected a header with formula/);
  });
});
