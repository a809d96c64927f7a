/**
 * Defaults of the reference implementation (AkiraTOSEI/KIAGO `main.py`, DESIGN §5). Values that
 * differ by mode live in MODE_DEFAULTS; the schema fills them in after it knows the mode.
 */
export const DEFAULT_CANDIDATES_PER_SHARD = 4096;
export const DEFAULT_STEPS = 1000;
export const DEFAULT_ALPHA = 4;
export const DEFAULT_BETA_RAMP_MAX = 1e5;
export const DEFAULT_MAX_PARALLEL_SHARDS = 8;
export const DEFAULT_SHARD_RETRY_ROUNDS = 2;

export const DEFAULT_HYDROGEN_MIN_FRACTION = 0.4;
export const DEFAULT_HYDRIDE_MAX_ATOMS = 15;
export const DEFAULT_HYDRIDE_MAX_ELEMENTS = 3;

export interface BaseInitialisationDefaults {
  mutateProb: number;
  perturbVal: number;
  perturbProb: number;
}

export interface ModeDefaults {
  learningRate: number;
  /** Screening's element limit where no spec says (`kiago screen`); k itself comes from the preset. */
  maxElements: number;
  baseInitialisation: BaseInitialisationDefaults;
}

export const MODE_DEFAULTS = {
  normal: {
    learningRate: 0.03,
    maxElements: 8,
    baseInitialisation: { mutateProb: 0.29, perturbVal: 0.03, perturbProb: 0.22 },
  },
  substitution: {
    learningRate: 0.03,
    maxElements: 8,
    baseInitialisation: { mutateProb: 0.29, perturbVal: 0.03, perturbProb: 0.22 },
  },
  hydride: {
    learningRate: 0.04,
    maxElements: 2,
    baseInitialisation: { mutateProb: 0.35, perturbVal: 0.49, perturbProb: 0.03 },
  },
} as const satisfies Record<'normal' | 'substitution' | 'hydride', ModeDefaults>;
