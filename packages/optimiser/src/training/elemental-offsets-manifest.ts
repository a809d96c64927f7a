import type * as tf from '@tensorflow/tfjs';
import {
  ELEMENTAL_CORRECTION_DESCRIPTION,
  ELEMENTAL_CORRECTION_EXPONENT,
  elementalReferenceEnergies,
  elemNetElementalOffsets,
} from '../models/elemental-correction.js';
import type { ModelManifest } from '../models/manifest.js';
import { regressionMetrics } from './metrics.js';
import { predictRows, type RegressionRows } from './train-loop.js';

/** The manifest block of an ElemNet: its elemental offsets and the corrected predictions' test metrics. */
export function elementalOffsetsManifest(
  model: tf.LayersModel,
  test: RegressionRows,
): NonNullable<ModelManifest['elementalOffsets']> {
  const efEvPerAtom = elemNetElementalOffsets(model);
  const raw = predictRows(model, test, 2048);
  const reference = elementalReferenceEnergies(test.x, efEvPerAtom);
  return {
    efEvPerAtom,
    exponent: ELEMENTAL_CORRECTION_EXPONENT,
    description: ELEMENTAL_CORRECTION_DESCRIPTION,
    test: regressionMetrics(
      raw.map((ef, i) => ef - reference[i]!),
      test.y,
    ),
  };
}
