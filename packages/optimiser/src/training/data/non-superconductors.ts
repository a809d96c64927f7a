import type { CompositionRecord } from '@kiago/datasets';
import { classifyTcFamily } from './tc-family.js';
import type { NonSuperconductorSource, TcRow } from './tc-row.js';

/** One list of Tc = 0 candidates; earlier tiers are better evidence and are used first. */
export interface NonSuperconductorTier {
  source: NonSuperconductorSource;
  rows: readonly CompositionRecord[];
}

export interface NonSuperconductorTierReport {
  source: NonSuperconductorSource;
  candidates: number;
  /** Same canonical composition as a known superconductor: never labelled Tc = 0. */
  excludedKnownSuperconductors: number;
  /** Already taken from an earlier tier. */
  duplicatesOfEarlierTier: number;
  used: number;
}

export interface NonSuperconductorSelection {
  rows: TcRow[];
  budget: number;
  tiers: NonSuperconductorTierReport[];
}

/**
 * Fills `budget` Tc = 0 rows tier by tier. Inside a tier that does not fit whole, rows are ranked
 * by a hash of their canonical key, so the pick is stable under file reordering and independent of
 * the split seed (the data hash then describes the data, the seed only the split).
 */
export function selectNonSuperconductors(
  tiers: readonly NonSuperconductorTier[],
  superconductorKeys: ReadonlySet<string>,
  budget: number,
): NonSuperconductorSelection {
  const taken = new Set<string>();
  const rows: TcRow[] = [];
  const reports: NonSuperconductorTierReport[] = [];
  for (const tier of tiers) {
    const report: NonSuperconductorTierReport = {
      source: tier.source,
      candidates: tier.rows.length,
      excludedKnownSuperconductors: 0,
      duplicatesOfEarlierTier: 0,
      used: 0,
    };
    const eligible: CompositionRecord[] = [];
    for (const row of tier.rows) {
      if (superconductorKeys.has(row.key)) report.excludedKnownSuperconductors++;
      else if (taken.has(row.key)) report.duplicatesOfEarlierTier++;
      else eligible.push(row);
    }
    const ranked = eligible
      .map((row) => ({ row, rank: fnv1a32(row.key) }))
      .sort((a, b) => a.rank - b.rank || (a.row.key < b.row.key ? -1 : a.row.key > b.row.key ? 1 : 0));
    for (const { row } of ranked.slice(0, Math.max(0, budget - rows.length))) {
      taken.add(row.key);
      rows.push({
        key: row.key,
        elementSetKey: row.elementSetKey,
        composition: row.composition,
        tcKelvin: 0,
        family: classifyTcFamily(row.composition),
        source: tier.source,
      });
      report.used++;
    }
    reports.push(report);
  }
  return { rows, budget, tiers: reports };
}

/** FNV-1a over UTF-16 code units: a cheap, well-spread rank that never changes between runs. */
function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
