import type { Composition } from '../composition/composition.js';
import { CompositionError } from '../composition/composition-error.js';
import { resolveComposition } from '../composition/resolve-composition.js';

export interface FormatFormulaOptions {
  /** 'z' (default): ascending atomic number; 'input': the composition map's insertion order. */
  order?: 'z' | 'input';
  /** Decimals kept per amount (default 6, enough for every amount in the SuperCon tables). */
  maxDecimals?: number;
}

/** Rounds to maxDecimals, trims trailing zeros; an amount that would print as 0 keeps one significant digit. */
function formatAmount(amount: number, maxDecimals: number): string {
  let text = amount.toFixed(maxDecimals);
  if (Number(text) === 0) text = amount.toFixed(Math.min(100, Math.ceil(-Math.log10(amount))));
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return text === '1' ? '' : text;
}

/**
 * Symbol–amount pairs without separators, amount 1 omitted, trailing zeros trimmed:
 * {La: 1.85, Sr: 0.15, Cu: 1, O: 4} → "O4CuSr0.15La1.85" (order 'z') or "La1.85Sr0.15CuO4" (order 'input').
 */
export function formatFormula(comp: Composition, options: FormatFormulaOptions = {}): string {
  const { order = 'z', maxDecimals = 6 } = options;
  if (!(Number.isInteger(maxDecimals) && maxDecimals >= 0 && maxDecimals <= 20)) {
    throw new CompositionError('bad-option', `maxDecimals ${maxDecimals} is not an integer in 0..20`);
  }
  const entries = resolveComposition(comp);
  if (order === 'z') entries.sort((a, b) => a.element.z - b.element.z);
  return entries.map(({ element, amount }) => element.symbol + formatAmount(amount, maxDecimals)).join('');
}
