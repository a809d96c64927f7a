import type { NUnits } from './field-schemas.js';

/** The N set as ascending distinct integers. */
export function nUnitsValues(nUnits: NUnits): number[] {
  if (Array.isArray(nUnits)) return [...new Set(nUnits)].sort((a, b) => a - b);
  return Array.from({ length: nUnits.max - nUnits.min + 1 }, (_, offset) => nUnits.min + offset);
}

export function largestNUnit(nUnits: NUnits): number {
  return Array.isArray(nUnits) ? nUnits.reduce((max, n) => Math.max(max, n), 0) : nUnits.max;
}
