import { DataFileError } from '@kiago/shared';
import { z } from 'zod';
import { readCsvRecords } from './read-csv-records.js';

export type CsvRow =
  | { ok: true; line: number; cells: Record<string, string> }
  | { ok: false; line: number; reason: 'field-count-mismatch' };

/** A header must name every required column; the zod issue names the missing one. */
function headerSchema(columns: readonly string[]) {
  return z.array(z.string()).superRefine((header, ctx) => {
    for (const column of columns) {
      if (!header.includes(column)) ctx.addIssue({ code: 'custom', message: `missing column "${column}"` });
    }
  });
}

/**
 * Streams a CSV file with a header row as `{ column: text }` records holding the `columns` asked for.
 * A header lacking one of them is a DataFileError naming the column and the file; a record whose
 * field count differs from the header's is reported as a row-level failure, not thrown.
 */
export async function* readCsvTable(file: string, columns: readonly string[]): AsyncGenerator<CsvRow> {
  const records = readCsvRecords(file);
  const first = await records.next();
  if (first.done) throw new DataFileError(file, `empty file: expected a header with ${columns.join(', ')}`);
  const header = first.value.fields.map((name) => name.trim());
  const checked = headerSchema(columns).safeParse(header);
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => issue.message).join('; ');
    throw new DataFileError(file, `${problems} (header: ${header.join(', ')})`);
  }
  const indices = columns.map((column) => header.indexOf(column));
  for await (const { fields, line } of records) {
    if (fields.length !== header.length) {
      yield { ok: false, line, reason: 'field-count-mismatch' };
      continue;
    }
    const cells: Record<string, string> = {};
    for (let i = 0; i < columns.length; i++) cells[columns[i]!] = fields[indices[i]!]!;
    yield { ok: true, line, cells };
  }
}
