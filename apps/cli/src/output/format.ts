import { z } from 'zod';

/** Every command that prints results takes `--format`; json is for machines, table for people. */
export const outputFormatSchema = z.enum(['table', 'json', 'csv']);
export type OutputFormat = z.infer<typeof outputFormatSchema>;

export type Cell = string | number | boolean | null | undefined;
export interface Table {
  columns: readonly string[];
  rows: readonly (readonly Cell[])[];
}

function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toPrecision(6);
  return String(value);
}

function csvEscape(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Renders a table as aligned text (numbers right-aligned) or CSV. */
export function renderTable(table: Table, format: 'table' | 'csv'): string {
  const texts = table.rows.map((row) => row.map(cellText));
  if (format === 'csv') {
    return [table.columns, ...texts].map((row) => row.map(csvEscape).join(',')).join('\n');
  }
  const widths = table.columns.map((col, i) =>
    Math.max(col.length, ...texts.map((row) => row[i]?.length ?? 0)),
  );
  const numeric = table.columns.map((_, i) => table.rows.every((row) => typeof row[i] !== 'string'));
  const line = (cells: readonly string[], header: boolean) =>
    cells
      .map((cell, i) => (numeric[i] && !header ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [
    line(table.columns, true),
    line(
      widths.map((w) => '-'.repeat(w)),
      true,
    ),
    ...texts.map((r) => line(r, false)),
  ].join('\n');
}

/** Prints `data` as JSON, or `table` (built from the same data) as text/CSV. */
export function printResult(format: OutputFormat, data: unknown, table: () => Table): void {
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${renderTable(table(), format)}\n`);
}
