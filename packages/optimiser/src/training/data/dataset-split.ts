import { mulberry32, parseOrThrow, shuffleInPlace } from '@kiago/shared';
import { z } from 'zod';
import {
  DEFAULT_SPLIT_FRACTIONS,
  SPLIT_NAMES,
  type SplitFractions,
  type SplitName,
  splitFractionsSchema,
  splitSeedSchema,
} from './split-options.js';

/** Row indices per split, ascending. */
export type SplitIndices = Record<SplitName, number[]>;

const splitArgumentsSchema = z.object({ seed: splitSeedSchema, fractions: splitFractionsSchema });

/**
 * Split by group: every row sharing a group key (the element set, `elementSetKey`) lands in one
 * split, so test compositions never have chemical-system siblings in training. Groups are sorted
 * by key (input order does not matter), shuffled with the seed, then laid end to end; a group goes
 * to the split whose range holds its row midpoint. Each split misses its share by at most half of
 * the largest group per boundary.
 */
export function groupedSplit(
  groupKeys: readonly string[],
  seed: number,
  fractions: SplitFractions = DEFAULT_SPLIT_FRACTIONS,
): SplitIndices {
  const checked = parseOrThrow(splitArgumentsSchema, { seed, fractions }, 'groupedSplit');
  const rowsByGroup = new Map<string, number[]>();
  groupKeys.forEach((key, index) => {
    const rows = rowsByGroup.get(key);
    if (rows) rows.push(index);
    else rowsByGroup.set(key, [index]);
  });
  const order = shuffleInPlace([...rowsByGroup.keys()].sort(), mulberry32(checked.seed));
  return assignInOrder(
    order.map((key) => rowsByGroup.get(key)!),
    groupKeys.length,
    checked.fractions,
  );
}

/** Row-level split (each row its own group): only to measure how optimistic a random split is. */
export function randomSplit(
  rowCount: number,
  seed: number,
  fractions: SplitFractions = DEFAULT_SPLIT_FRACTIONS,
): SplitIndices {
  const checked = parseOrThrow(splitArgumentsSchema, { seed, fractions }, 'randomSplit');
  const order = shuffleInPlace(
    Array.from({ length: rowCount }, (_, index) => index),
    mulberry32(checked.seed),
  );
  return assignInOrder(
    order.map((index) => [index]),
    rowCount,
    checked.fractions,
  );
}

function assignInOrder(
  groups: readonly number[][],
  rowCount: number,
  fractions: SplitFractions,
): SplitIndices {
  const split: SplitIndices = { train: [], val: [], test: [] };
  const trainEnd = fractions.train;
  const valEnd = fractions.train + fractions.val;
  let rowsBefore = 0;
  for (const rows of groups) {
    const midpoint = (rowsBefore + rows.length / 2) / rowCount;
    const name: SplitName = midpoint < trainEnd ? 'train' : midpoint < valEnd ? 'val' : 'test';
    split[name].push(...rows);
    rowsBefore += rows.length;
  }
  for (const name of SPLIT_NAMES) split[name].sort((a, b) => a - b);
  return split;
}
