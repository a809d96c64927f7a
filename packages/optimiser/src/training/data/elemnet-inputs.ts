import { ELEMNET_SYMBOLS } from '@kiago/shared';
import type { KeyedCompositionRow } from './assemble-splits.js';

const ELEMNET_SYMBOL_SET = new Set(ELEMNET_SYMBOLS);

export const OUTSIDE_ELEMNET_REASON = 'element-outside-elemnet-inputs';

export interface ElemNetRestriction<Row> {
  kept: Row[];
  /** Rows dropped because an element has no ElemNet input. */
  droppedRows: number;
  /** Dropped rows per offending element (a row with two such elements counts for both). */
  elementsOutsideInputs: Record<string, number>;
}

/**
 * ElemNet has 86 inputs (DESIGN §4); a composition with any other element (He, Ne, Ar, Po, At, Rn,
 * Fr, Ra, Z > 94) cannot be fed to it without silently dropping part of it, so the row goes.
 */
export function restrictToElemNetInputs<Row extends KeyedCompositionRow>(
  rows: readonly Row[],
): ElemNetRestriction<Row> {
  const kept: Row[] = [];
  const outside = new Map<string, number>();
  for (const row of rows) {
    const missing = [...row.composition.keys()].filter((symbol) => !ELEMNET_SYMBOL_SET.has(symbol));
    if (missing.length === 0) kept.push(row);
    for (const symbol of missing) outside.set(symbol, (outside.get(symbol) ?? 0) + 1);
  }
  return {
    kept,
    droppedRows: rows.length - kept.length,
    elementsOutsideInputs: Object.fromEntries([...outside].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}
