import { parseArgs } from 'node:util';
import { loadMpBinariesHull, loadMpFormationEnergyRoost, resolveDataDir } from '@kiago/datasets';
import type { HullReference } from '@kiago/screening';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    highs: { type: 'string' },
    candidates: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
  strict: false,
});

/** `--data-dir=…`, else KIAGO_DATA_DIR, else ../shared/data next to the repo. */
export function dataDir(): string {
  const flag = typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined;
  return resolveDataDir({ dataDir: flag, env: process.env });
}

/** `--highs=DIR`: a folder where `npm install highs` was run (hull-vs-highs.ts only). */
export function highsDir(): string | undefined {
  return typeof values.highs === 'string' ? values.highs : undefined;
}

/** `--candidates=N`, else `fallback`. */
export function candidateCount(fallback: number): number {
  return typeof values.candidates === 'string' ? Number(values.candidates) : fallback;
}

/** `--keep`: leave the benchmark database in place. */
export function keepDatabase(): boolean {
  return values.keep === true;
}

/**
 * Every MP reference in memory: Roost's MP table plus the SMACT binaries, as the hull sees them.
 * (Stored sets keep the two vintages apart; mixing them here only sizes the hull workload.)
 */
export async function mpHullReferences(): Promise<HullReference[]> {
  const options = { dataDir: dataDir() };
  const [roost, binaries] = await Promise.all([
    loadMpFormationEnergyRoost(options),
    loadMpBinariesHull(options),
  ]);
  return [...roost.rows, ...binaries.rows].map((row) => ({
    id: row.materialId,
    composition: row.composition,
    efEvPerAtom: row.efEvPerAtom,
  }));
}
