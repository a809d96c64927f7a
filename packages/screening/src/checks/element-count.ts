import type { CheckOutcome } from './formation-energy.js';

/** At most `maxElements` distinct elements (DESIGN §7; KIAGO's default is 8). */
export function checkElementCount(elementCount: number, maxElements: number): CheckOutcome {
  return elementCount <= maxElements
    ? { ok: true }
    : { ok: false, reason: `${elementCount} elements > maxElements ${maxElements}` };
}
