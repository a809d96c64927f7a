import type { CompositionCell } from './cells.js';

/** A loaded row: one canonical composition, possibly folded from several source rows. */
export interface CompositionRecord extends CompositionCell {
  /** How many valid source rows were merged into this one (1 = no duplicate). */
  mergedRows: number;
}

/** Folds rows sharing a canonical key into one; called only for groups of two or more. */
export type MergeRule<Row extends CompositionRecord> = (rows: readonly Row[]) => Row;

/**
 * Groups rows by canonical key, keeping first-seen order, and folds each duplicate group with
 * `merge`. Returns the merged rows and how many rows were folded away.
 */
export class KeyedRows<Row extends CompositionRecord> {
  private readonly firstByKey = new Map<string, Row>();
  // Arrays only for the (few) duplicated keys: one array per row would double the garbage.
  private readonly duplicatesByKey = new Map<string, Row[]>();
  private added = 0;

  add(row: Row): void {
    this.added++;
    if (!this.firstByKey.has(row.key)) this.firstByKey.set(row.key, row);
    else {
      const duplicates = this.duplicatesByKey.get(row.key);
      if (duplicates) duplicates.push(row);
      else this.duplicatesByKey.set(row.key, [row]);
    }
  }

  finish(merge: MergeRule<Row>): { rows: Row[]; duplicatesMerged: number } {
    const rows: Row[] = [];
    for (const [key, first] of this.firstByKey) {
      const duplicates = this.duplicatesByKey.get(key);
      rows.push(duplicates ? { ...merge([first, ...duplicates]), mergedRows: duplicates.length + 1 } : first);
    }
    return { rows, duplicatesMerged: this.added - rows.length };
  }
}

/** Merge rule: keep the row with the smallest `value` (the first one on ties). */
export function keepLowest<Row extends CompositionRecord>(value: (row: Row) => number): MergeRule<Row> {
  return (rows) => rows.reduce((best, row) => (value(row) < value(best) ? row : best));
}

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
