import { ELEMENTS, MIN_TRAINING_SUPERCONDUCTORS, TC_TRAINING_SUPPORT } from '@kiago/shared';
import { expect, test } from 'vitest';
import { SUPERCON_ELEMENT_COUNTS } from './element-frequency.gen.js';

test('the shared Tc training support is the elements counted often enough in the training split', () => {
  const counted = ELEMENTS.filter(
    (element) => (SUPERCON_ELEMENT_COUNTS[element.z - 1] ?? 0) >= MIN_TRAINING_SUPERCONDUCTORS,
  ).map((element) => element.symbol);
  expect(TC_TRAINING_SUPPORT).toEqual(counted);
});
