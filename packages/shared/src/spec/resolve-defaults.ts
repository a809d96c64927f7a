import { MODE_DEFAULTS } from './defaults.js';
import type { BetaSchedule, NUnits } from './field-schemas.js';
import type { CampaignMode } from './mode-schema.js';
import { DEFAULT_PRESET, PRESETS, type PresetValues } from './presets.js';
import type { RawCampaignSpec } from './raw-spec-schema.js';

export type Initialisation =
  | { kind: 'base'; mutateProb: number; perturbVal: number; perturbProb: number }
  | { kind: 'random'; elementCount: number }
  | { kind: 'uniform' };

function defaultBeta(mode: CampaignMode, preset: PresetValues): BetaSchedule {
  // Substitution keeps the preserved ratios exactly and has no integer loss (DESIGN §5).
  return mode.kind === 'substitution' ? { kind: 'constant', value: 0 } : { ...preset.beta };
}

function defaultNUnits(mode: CampaignMode, preset: PresetValues): NUnits {
  // The reference uses range(1, maxAtoms): every N whose candidates can pass the atom limit.
  return mode.kind === 'hydride' ? { min: 1, max: mode.maxAtoms - 1 } : { min: 1, max: preset.nUnitsMax };
}

function defaultFixedComposition(mode: CampaignMode): Record<string, number> {
  return mode.kind === 'hydride' ? { H: mode.minHydrogenFraction } : {};
}

function resolveInitialisation(
  input: RawCampaignSpec['initialisation'],
  mode: CampaignMode,
  maxElements: number,
): Initialisation {
  const baseDefaults = MODE_DEFAULTS[mode.kind].baseInitialisation;
  if (input === undefined) {
    return mode.kind === 'substitution' ? { kind: 'uniform' } : { kind: 'base', ...baseDefaults };
  }
  switch (input.kind) {
    case 'base':
      return {
        kind: 'base',
        mutateProb: input.mutateProb ?? baseDefaults.mutateProb,
        perturbVal: input.perturbVal ?? baseDefaults.perturbVal,
        perturbProb: input.perturbProb ?? baseDefaults.perturbProb,
      };
    case 'random':
      return { kind: 'random', elementCount: input.elementCount ?? maxElements };
    case 'uniform':
      return input;
  }
}

/**
 * Fills every default that depends on the preset or the mode (learning rate, k, Nset, β, element
 * set, initialisation, fixed H), keeping the documented field order so stored specs read like the
 * YAML they came from.
 */
export function resolveDefaults(raw: RawCampaignSpec) {
  const modeDefaults = MODE_DEFAULTS[raw.mode.kind];
  const presetName = raw.preset ?? DEFAULT_PRESET;
  const preset = PRESETS[presetName];
  const maxElements =
    raw.maxElements ?? (raw.mode.kind === 'hydride' ? preset.hydrideMaxElements : preset.maxElements);
  return {
    name: raw.name,
    preset: presetName,
    bases: raw.bases,
    seeds: raw.seeds,
    candidatesPerShard: raw.candidatesPerShard,
    steps: raw.steps,
    learningRate: raw.learningRate ?? modeDefaults.learningRate,
    alpha: raw.alpha,
    beta: raw.beta ?? defaultBeta(raw.mode, preset),
    maxElements,
    nUnits: raw.nUnits ?? defaultNUnits(raw.mode, preset),
    mode: raw.mode,
    elements: raw.elements ?? preset.elements,
    ...(raw.allowedElements && { allowedElements: raw.allowedElements }),
    excludedElements: raw.excludedElements,
    fixedComposition: raw.fixedComposition ?? defaultFixedComposition(raw.mode),
    initialisation: resolveInitialisation(raw.initialisation, raw.mode, maxElements),
    screening: raw.screening,
    models: raw.models,
    nightly: raw.nightly,
    maxParallelShards: raw.maxParallelShards,
    shardRetryRounds: raw.shardRetryRounds,
    ...(raw.microBatch !== undefined && { microBatch: raw.microBatch }),
  };
}
export type ResolvedCampaignSpec = ReturnType<typeof resolveDefaults>;
