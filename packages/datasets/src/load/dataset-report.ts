/**
 * What a loader did with its input. Invariant: `rowsRead = rowsKept + Σ dropped + duplicatesMerged`.
 * Drop reasons are either a FormulaError reason (`non-element-symbol`, `malformed`, …) or
 * `<column>:<problem>` for a value that failed validation (`tc_K:negative`, `target:above-max`).
 */
export interface DatasetReport {
  dataset: string;
  /** Files read, as given (relative to the data directory for the shipped sets). */
  files: string[];
  /** Data records read (headers and empty lines not counted). */
  rowsRead: number;
  /** Rows returned: one per canonical composition. */
  rowsKept: number;
  dropped: Record<string, number>;
  /** Valid rows folded into another row with the same canonical composition. */
  duplicatesMerged: number;
}

export interface LoadedDataset<Row> {
  rows: Row[];
  report: DatasetReport;
}

/** Counts drops by reason; `toRecord` sorts reasons so reports diff cleanly. */
export class DropCounter {
  private readonly counts = new Map<string, number>();

  add(reason: string): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
  }

  get total(): number {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  }

  toRecord(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }
}
