import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFileError } from '@kiago/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsvRecords } from './read-csv-records.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiago-csv-'));
});

async function recordsOf(content: string) {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.csv`);
  await writeFile(file, content);
  const records = [];
  for await (const record of readCsvRecords(file)) records.push(record);
  return records;
}

describe('readCsvRecords', () => {
  it('reads CRLF files, skips empty lines and reports the starting line of each record', async () => {
    const records = await recordsOf('\uFEFFname,Tc\r\n\r\nNb3Sn1,18\r\n"Mg1B2, bulk","39"\r\n\r\n');
    expect(records).toEqual([
      { fields: ['name', 'Tc'], line: 1 },
      { fields: ['Nb3Sn1', '18'], line: 3 },
      { fields: ['Mg1B2, bulk', '39'], line: 4 },
    ]);
  });

  it('joins a quoted field spanning CRLF line breaks with \\n', async () => {
    const records = await recordsOf('a,b\r\n"x\r\ny",1\r\nlast,2');
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['x\ny', '1'],
      ['last', '2'],
    ]);
    expect(records[2]!.line).toBe(4);
  });

  it('keeps empty lines inside a quoted field', async () => {
    const records = await recordsOf('a\n"one\n\ntwo"\n');
    expect(records[1]!.fields).toEqual(['one\n\ntwo']);
  });

  it('throws a DataFileError for an unclosed quote and for a missing file', async () => {
    await expect(recordsOf('a,b\n"open,1\n')).rejects.toThrow(
      /quoted field opened on line 2 is never closed/,
    );
    const missing = join(dir, 'nope.csv');
    const read = async () => {
      for await (const _ of readCsvRecords(missing)) break;
    };
    await expect(read()).rejects.toBeInstanceOf(DataFileError);
    await expect(read()).rejects.toThrow(missing);
  });
});
