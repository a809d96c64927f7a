import type { Composition } from '@kiago/shared';
import { groupedSplit, randomSplit, type SplitIndices } from './dataset-split.js';
import {
  type EncodedRows,
  encodeRows,
  hashEncodedRows,
  hashSplitAssignment,
  takeRows,
} from './encoded-rows.js';
import { SPLIT_NAMES, type SplitFractions, type SplitKind, type SplitName } from './split-options.js';

export interface SplitPlan {
  seed: number;
  split: SplitKind;
  fractions: SplitFractions;
}

/** A composition row with one canonical key; keys must be unique within a data set. */
export interface KeyedCompositionRow {
  key: string;
  elementSetKey: string;
  composition: Composition;
}

export interface AssembledSplits<Row> {
  /** All rows in canonical (key) order; `indices` point into it. */
  rows: Row[];
  indices: SplitIndices;
  splits: Record<SplitName, EncodedRows>;
  dataHash: string;
  splitHash: string;
}

/** The report fields every data set shares: row summaries overall and per split, hashes, build time. */
export interface SplitsReport<Summary> {
  overall: Summary;
  splits: Record<SplitName, Summary>;
  dataHash: string;
  splitHash: string;
  buildMilliseconds: number;
}

export interface AssembleOptions<Row> {
  target: (row: Row) => number;
  /** Per-row text folded into the data hash next to the key (family, source, …). */
  label: (row: Row) => string;
  /** Data-set format tag, part of the hash: bump it when the encoding changes meaning. */
  formatTag: string;
  /** Entries of the 118-vector to keep (ElemNet's 86); all 118 when omitted. */
  columns?: readonly number[];
}

/**
 * Sorts rows by key (so the data hash does not depend on file order), encodes them once, splits
 * them by element set (or row-level when asked) and copies each split out.
 */
export function assembleSplits<Row extends KeyedCompositionRow>(
  unsortedRows: readonly Row[],
  plan: SplitPlan,
  options: AssembleOptions<Row>,
): AssembledSplits<Row> {
  // Code-unit order, not localeCompare: the hash must not depend on the machine's locale.
  const rows = [...unsortedRows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const encoded = encodeRows(
    rows.map((row) => ({
      key: row.key,
      elementSetKey: row.elementSetKey,
      composition: row.composition,
      target: options.target(row),
    })),
    options.columns,
  );
  const indices =
    plan.split === 'grouped'
      ? groupedSplit(
          rows.map((row) => row.elementSetKey),
          plan.seed,
          plan.fractions,
        )
      : randomSplit(rows.length, plan.seed, plan.fractions);
  const splits = Object.fromEntries(
    SPLIT_NAMES.map((name) => [name, takeRows(encoded, indices[name])]),
  ) as Record<SplitName, EncodedRows>;
  return {
    rows,
    indices,
    splits,
    dataHash: hashEncodedRows(options.formatTag, encoded, rows.map(options.label)),
    splitHash: hashSplitAssignment(encoded.keys, indices),
  };
}

/** The rows of one split, in canonical order. */
export function rowsOfSplit<Row>(assembled: AssembledSplits<Row>, name: SplitName): Row[] {
  return assembled.indices[name].map((index) => assembled.rows[index]!);
}

/** Summaries of all rows and of each split, the hashes, and the time since `startedMs`. */
export function splitsReport<Row, Summary>(
  assembled: AssembledSplits<Row>,
  summarise: (rows: readonly Row[]) => Summary,
  startedMs: number,
): SplitsReport<Summary> {
  const summariseSplit = (name: SplitName) => summarise(rowsOfSplit(assembled, name));
  return {
    overall: summarise(assembled.rows),
    splits: { train: summariseSplit('train'), val: summariseSplit('val'), test: summariseSplit('test') },
    dataHash: assembled.dataHash,
    splitHash: assembled.splitHash,
    buildMilliseconds: Math.round(performance.now() - startedMs),
  };
}
