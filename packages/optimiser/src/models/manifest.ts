import { createHash } from 'node:crypto';
import { ELEMENTS, ELEMNET_SYMBOLS } from '@kiago/shared';
import { z } from 'zod';
import { ATOM_MAP_ID } from '../atom-map/atom-map.js';

export const MODEL_MANIFEST = 'manifest.json';
export const MANIFEST_FORMAT = 'kiago-model-manifest/v1';
export const MODEL_KINDS = ['tc', 'ef'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/** sha256 of the input element symbols joined by ','; a model trained on another list is refused. */
export function elementListHash(symbols: readonly string[]): string {
  return createHash('sha256').update(symbols.join(',')).digest('hex');
}

/** What the code in this checkout feeds each kind of model: encoding, element list (and atom map for Tc). */
export const CURRENT_INPUTS = {
  tc: {
    encoding: 'fractions118',
    elements: ELEMENTS.map((element) => element.symbol),
    atomMapId: ATOM_MAP_ID,
  },
  ef: { encoding: 'elemnet86', elements: [...ELEMNET_SYMBOLS], atomMapId: null },
} as const;

/** The manifest `input` block of a `kind` model fed by this checkout's code. */
export function currentModelInput(kind: ModelKind): ModelManifest['input'] {
  const { encoding, elements, atomMapId } = CURRENT_INPUTS[kind];
  return { encoding, elementCount: elements.length, elementListHash: elementListHash(elements), atomMapId };
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 hex digest');
const finite = z.number().finite();

export const regressionMetricsSchema = z.object({
  count: z.number().int().min(0),
  mae: finite,
  rmse: finite,
  r2: finite.nullable(),
});

const fraction = z.number().min(0).max(1).nullable();

/** Tc on the superconductors only (measured Tc > 0): the Tc = 0 half of the data cannot flatter these. */
export const superconductorMetricsSchema = regressionMetricsSchema.extend({
  /** Share of superconductors predicted above 0 K (the reference's measure); null when there are none. */
  fractionPredictedAbove0K: fraction,
  /** Share predicted above 1 K (ours, the headline: 0.05 K is a "no" to a chemist). */
  fractionPredictedAbove1K: fraction,
});

const splitMetricsSchema = z.object({
  overall: regressionMetricsSchema,
  /** Tc only: cuprate, iron-based, hydride, other. */
  byFamily: z.record(z.string(), regressionMetricsSchema).optional(),
  /** Tc only; absent from manifests written before 2026-12 (`kiago models evaluate --write` adds it). */
  superconductors: z
    .object({
      overall: superconductorMetricsSchema,
      byFamily: z.record(z.string(), superconductorMetricsSchema),
    })
    .optional(),
});

const epochSchema = z.object({
  epoch: z.number().int(),
  trainLoss: finite,
  valMae: finite,
  learningRate: finite,
  seconds: finite,
});

export const MODEL_VERSION_PATTERN = /^[0-9A-Za-z][0-9A-Za-z._+-]{0,63}$/;

export const modelManifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT, { error: `format must be ${MANIFEST_FORMAT}` }),
  kind: z.enum(MODEL_KINDS, { error: 'kind must be tc or ef' }),
  version: z.string().regex(MODEL_VERSION_PATTERN, 'version: letters, digits, . _ + - (≤ 64 characters)'),
  architecture: z.string().min(1, 'architecture must not be empty'),
  width: z.number().positive('width must be > 0'),
  parameters: z.number().int().positive(),
  input: z.object({
    /** Input vector layout: `fractions118` (Z order) for Tc, `elemnet86` (ELEMNET_SYMBOLS) for Ef. */
    encoding: z.enum(['fractions118', 'elemnet86']),
    elementCount: z.number().int().positive(),
    elementListHash: sha256,
    /** Tc: ATOM_MAP_ID (version + content hash) of the frozen atom-map layer; null for Ef. */
    atomMapId: z.string().nullable(),
  }),
  output: z.object({ name: z.enum(['tcKelvin', 'efEvPerAtom']), unit: z.enum(['K', 'eV/atom']) }),
  data: z.object({
    /** Data set(s) and tiers used, e.g. `supercon-superdiff+stanev; non-SC: …` or `mp-matbench`. */
    source: z.string().min(1),
    dataFormat: z.string().min(1),
    dataHash: sha256,
    splitHash: sha256,
    splitKind: z.enum(['grouped', 'random']),
    splitSeed: z.number().int().min(0),
    rows: z.object({ train: z.number().int(), val: z.number().int(), test: z.number().int() }),
  }),
  training: z.object({
    loss: z.literal('mae'),
    optimizer: z.literal('adam'),
    epochs: z.number().int().min(1),
    completedEpochs: z.number().int().min(1),
    bestEpoch: z.number().int().min(1),
    stopReason: z.enum(['epochs', 'early-stopping', 'time-limit']),
    batchSize: z.number().int().min(1),
    learningRate: finite,
    finalLearningRate: finite,
    patience: z.number().int(),
    lrPatience: z.number().int(),
    lrFactor: finite,
    shuffleSeed: z.number().int().min(0),
    /** Targets were multiplied by this for training; the saved output layer is rescaled back. */
    targetScale: finite,
    seconds: finite,
    history: z.array(epochSchema),
    /** Second phase on a weight-sharing model (ElemNet: the same layers without dropout). */
    fineTune: z
      .object({
        description: z.string(),
        /** False when phase 1's best weights were better on val and were kept. */
        kept: z.boolean(),
        learningRate: finite,
        completedEpochs: z.number().int().min(1),
        bestEpoch: z.number().int().min(1),
        stopReason: z.enum(['epochs', 'early-stopping', 'time-limit']),
        seconds: finite,
        history: z.array(epochSchema),
      })
      .optional(),
  }),
  metrics: z.object({
    unit: z.enum(['K', 'eV/atom']),
    val: splitMetricsSchema,
    test: splitMetricsSchema,
    /** Set when the metrics were recomputed after training (`kiago models evaluate --write`). */
    evaluated: z
      .object({ at: z.iso.datetime({ error: 'evaluated.at must be an ISO 8601 date-time' }), by: z.string() })
      .optional(),
  }),
  /**
   * ElemNet only: its raw prediction for each pure element (eV/atom, ELEMNET_SYMBOLS), which inference
   * subtracts weighted by x_i^exponent so that every element predicts 0 like the hull's
   * (models/elemental-correction.ts). Absent from manifests written before 2026-12.
   */
  elementalOffsets: z
    .object({
      efEvPerAtom: z.record(z.string(), finite),
      exponent: z.number().int().min(1),
      description: z.string(),
      /** Test metrics of the corrected predictions (what inference returns). */
      test: regressionMetricsSchema,
    })
    .optional(),
  backend: z.object({ name: z.string(), tfjsVersion: z.string(), nativeTfVersion: z.string().nullable() }),
  created: z.iso.datetime({ error: 'created must be an ISO 8601 date-time' }),
});

export type ModelManifest = z.infer<typeof modelManifestSchema>;
export type SplitMetrics = z.infer<typeof splitMetricsSchema>;
export type SuperconductorMetrics = z.infer<typeof superconductorMetricsSchema>;
