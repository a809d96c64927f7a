import { DEFAULT_BETA_RAMP_MAX } from './defaults.js';
import type { BetaSchedule } from './field-schemas.js';

/** Which optimisable pool a spec starts from (before allowedElements / excludedElements). */
export const ELEMENT_SETS = ['supported', 'reference'] as const;
export type ElementSet = (typeof ELEMENT_SETS)[number];

export const PRESET_NAMES = ['reference', 'paper'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export interface PresetValues {
  /** Largest N of Nset = {1..nUnitsMax} outside hydride mode (hydride: maxAtoms − 1). */
  nUnitsMax: number;
  /** k outside / inside hydride mode. */
  maxElements: number;
  hydrideMaxElements: number;
  /** β outside substitution mode (which has no integer loss). */
  beta: BetaSchedule;
  elements: ElementSet;
}

/**
 * `reference`: the authors' code (AkiraTOSEI/KIAGO `main.py`), element set included.
 * `paper`: the paper's text (Nset {1..25}, k = 10, β = 1 in the second stage, binary or ternary
 * hydrides) on the data-supported element set. docs/presets.md measures both.
 */
export const PRESETS: Record<PresetName, PresetValues> = {
  reference: {
    nUnitsMax: 199,
    maxElements: 8,
    hydrideMaxElements: 2,
    beta: { kind: 'reference-ramp', max: DEFAULT_BETA_RAMP_MAX },
    elements: 'reference',
  },
  paper: {
    nUnitsMax: 25,
    maxElements: 10,
    hydrideMaxElements: 3,
    beta: { kind: 'constant', value: 1 },
    elements: 'supported',
  },
};

/** Chosen by measurement (docs/presets.md). */
export const DEFAULT_PRESET: PresetName = 'paper';
