import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { DataFileError } from '@kiago/shared';
import { assertReadableFile } from '../files/assert-readable.js';
import { CsvRecordParser, CsvSyntaxError } from './csv-record-parser.js';

export interface CsvRecord {
  fields: string[];
  /** 1-based physical line on which the record starts (the header is line 1). */
  line: number;
}

/**
 * Streams the RFC 4180 records of a CSV file, header included, without loading the file into
 * memory. LF and CRLF line ends both work; empty lines outside quoted fields are skipped; a UTF-8
 * byte-order mark is removed.
 */
export async function* readCsvRecords(file: string): AsyncGenerator<CsvRecord> {
  await assertReadableFile(file);
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  const parser = new CsvRecordParser();
  let lineNumber = 0;
  let recordStart = 0;
  try {
    for await (const raw of lines) {
      lineNumber++;
      const line = lineNumber === 1 && raw.charCodeAt(0) === BYTE_ORDER_MARK ? raw.slice(1) : raw;
      if (!parser.pending) {
        if (line === '') continue;
        recordStart = lineNumber;
      }
      const fields = parser.pushLine(line);
      if (fields) yield { fields, line: recordStart };
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new DataFileError(file, `line ${lineNumber}: ${error.message}`);
    throw error;
  } finally {
    lines.close();
    input.destroy();
  }
  if (parser.pending)
    throw new DataFileError(file, `quoted field opened on line ${recordStart} is never closed`);
}

const BYTE_ORDER_MARK = 0xfeff;
