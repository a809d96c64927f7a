/** How big a reproduction run is: one preset per machine class (bench/optimiser/README.md). */
export interface ReproductionScale {
  name: string;
  candidates: number;
  steps: number;
  /** Seeds 0..seeds−1 for every (experiment, base, method). */
  seeds: number;
  /** Table 1: how many of the normal spec's bases (in its order) and which maximum atom counts M. */
  table1Bases: number;
  maxAtoms: readonly number[];
  /** Our own random-initialisation variant (8 random elements, whole pipeline) in Table 2. */
  oursRandomInit: boolean;
  /** Bases per other section (the spec's order); null = all of them. */
  basesPerSection: number | null;
}

export const SCALES = {
  /** Seconds: checks the runner, never a report. */
  tiny: {
    name: 'tiny',
    candidates: 16,
    steps: 20,
    seeds: 3,
    table1Bases: 1,
    maxAtoms: [15, 50],
    oursRandomInit: true,
    basesPerSection: 1,
  },
  /** A quick look: about 30 min on 2 idle cores (timings in bench/optimiser/README.md). */
  cpu: {
    name: 'cpu',
    candidates: 128,
    steps: 200,
    seeds: 3,
    table1Bases: 5,
    maxAtoms: [15, 20, 25, 50, 100],
    oursRandomInit: false,
    basesPerSection: null,
  },
  /**
   * The largest that fits 2 idle cores in about two hours: 256 × 200 took 60 CPU-min (2026-12-07),
   * and this is 3.5 times the candidate-steps.
   */
  'cpu-2h': {
    name: 'cpu-2h',
    candidates: 512,
    steps: 350,
    seeds: 3,
    table1Bases: 5,
    maxAtoms: [15, 20, 25, 50, 100],
    oursRandomInit: false,
    basesPerSection: null,
  },
  /** The paper's 4096 candidates × 1000 steps on every base: a GPU node. */
  paper: {
    name: 'paper',
    candidates: 4096,
    steps: 1000,
    seeds: 3,
    table1Bases: 9,
    maxAtoms: [15, 20, 25, 50, 100],
    oursRandomInit: true,
    basesPerSection: null,
  },
} as const satisfies Record<string, ReproductionScale>;

export type ScaleName = keyof typeof SCALES;
export const SCALE_NAMES = Object.keys(SCALES) as [ScaleName, ...ScaleName[]];
