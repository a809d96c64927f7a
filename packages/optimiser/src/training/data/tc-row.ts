import type { Composition } from '@kiago/shared';
import type { TcFamily } from './tc-family.js';

/** Where a Tc training row came from; the last three are the non-superconductor (Tc = 0) lists. */
export const TC_ROW_SOURCES = [
  'supercon-superdiff',
  'supercon-stanev',
  'hydride-measured',
  'supercon-stanev-tc0',
  'matbench-expt-non-metal',
  'mp-non-metal',
] as const;
export type TcRowSource = (typeof TC_ROW_SOURCES)[number];
export type NonSuperconductorSource = Extract<
  TcRowSource,
  'supercon-stanev-tc0' | 'matbench-expt-non-metal' | 'mp-non-metal'
>;

/** One composition of the Tc data set (one per canonical key). */
export interface TcRow {
  key: string;
  elementSetKey: string;
  composition: Composition;
  tcKelvin: number;
  family: TcFamily;
  source: TcRowSource;
}
