import type { z } from 'zod';
import { dropReasonOf } from './cells.js';

export type RowResult<Row> = { ok: true; row: Row } | { ok: false; reason: string };

/** One CSV file of a data set: its required columns (the schema's keys) and how a valid record becomes a Row. */
export interface CsvSource<Row> {
  /** Path relative to the data directory (or absolute). */
  file: string;
  columns: readonly string[];
  parse(cells: Record<string, string>): RowResult<Row>;
}

/**
 * Declares a CSV source: `schema` validates the required columns (extra columns are ignored) and
 * `toRow` maps the validated cells to the data set's row type.
 */
export function csvSource<S extends z.ZodObject, Row>(
  file: string,
  schema: S,
  toRow: (cells: z.output<S>) => Row,
): CsvSource<Row> {
  return {
    file,
    columns: Object.keys(schema.shape),
    parse(cells) {
      const result = schema.safeParse(cells);
      return result.success
        ? { ok: true, row: toRow(result.data) }
        : { ok: false, reason: dropReasonOf(result.error) };
    },
  };
}
