import type { DatasetReport } from '@kiago/datasets';

/** A loaded row as the loaders key it: `key` is the canonical (reduced, Z-ordered) composition. */
interface Keyed {
  key: string;
}

/**
 * The rows of `secondary` whose composition `primary` lacks, in their own order. `primary` wins on
 * every composition both hold, so its ids and energies are kept where it has them.
 */
export function compositionsMissingFrom<Row extends Keyed>(
  primary: readonly Keyed[],
  secondary: readonly Row[],
): Row[] {
  const held = new Set(primary.map((row) => row.key));
  return secondary.filter((row) => !held.has(row.key));
}

/**
 * One report for a list made of `primary` plus `filledIn` rows of `secondary`: rows read and drops
 * add up, and each secondary row whose composition `primary` already had counts as merged.
 */
export function filledReport(
  primary: DatasetReport,
  secondary: DatasetReport,
  filledIn: number,
): DatasetReport {
  const dropped = { ...primary.dropped };
  for (const [reason, count] of Object.entries(secondary.dropped)) {
    dropped[reason] = (dropped[reason] ?? 0) + count;
  }
  return {
    dataset: `${primary.dataset}+${secondary.dataset}`,
    files: [...primary.files, ...secondary.files],
    rowsRead: primary.rowsRead + secondary.rowsRead,
    rowsKept: primary.rowsKept + filledIn,
    dropped: Object.fromEntries(Object.entries(dropped).sort(([a], [b]) => a.localeCompare(b))),
    duplicatesMerged: primary.duplicatesMerged + secondary.duplicatesMerged + (secondary.rowsKept - filledIn),
  };
}
