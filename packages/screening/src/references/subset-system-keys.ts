import { requireElement, SpecError } from '@kiago/shared';

/** 2^16 − 1 subsets per set at most: far past any real candidate (KIAGO keeps ≤ 8 elements). */
const MAX_SET_ELEMENTS = 16;

/**
 * Every non-empty subset of every element set, as chemical-system keys (symbols sorted by code unit,
 * joined by '-', like `elementSetKey`), deduplicated: the systems whose references can take part in
 * the hull of a candidate with those elements. Identical element sets are expanded once.
 */
export function subsetSystemKeys(elementSets: Iterable<Iterable<string>>): string[] {
  const keys = new Set<string>();
  const expanded = new Set<string>();
  for (const elements of elementSets) {
    const symbols = [...new Set(elements)].sort();
    const setKey = symbols.join('-');
    if (expanded.has(setKey)) continue;
    expanded.add(setKey);
    for (const symbol of symbols) requireElement(symbol);
    if (symbols.length > MAX_SET_ELEMENTS) {
      throw new SpecError('hull', [
        {
          path: '',
          message: `${setKey} has ${symbols.length} elements; the hull handles at most ${MAX_SET_ELEMENTS}`,
        },
      ]);
    }
    const subsets = 1 << symbols.length;
    for (let mask = 1; mask < subsets; mask++) {
      let key = '';
      for (let i = 0; i < symbols.length; i++) {
        if (mask & (1 << i)) key = key === '' ? symbols[i]! : `${key}-${symbols[i]}`;
      }
      keys.add(key);
    }
  }
  return [...keys];
}
