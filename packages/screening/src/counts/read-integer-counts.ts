import { type Element, elementBySymbol, SpecError, type SpecIssue } from '@kiago/shared';

/** One element of an integer formula with its atom count. */
export interface CountedElement {
  element: Element;
  count: number;
}

/**
 * Checks an integer formula (element symbol → atom count) and pairs each count with its element,
 * in the map's insertion order. Every problem is reported at once as a SpecError whose issue paths
 * are the offending symbols, so a bad candidate row names what is wrong with it.
 */
export function readIntegerCounts(counts: ReadonlyMap<string, number>, source: string): CountedElement[] {
  const issues: SpecIssue[] = [];
  const entries: CountedElement[] = [];
  if (counts.size === 0) issues.push({ path: '', message: 'no elements' });
  for (const [symbol, count] of counts) {
    const element = elementBySymbol(symbol);
    if (!element) issues.push({ path: symbol, message: `unknown element symbol ${JSON.stringify(symbol)}` });
    if (!(Number.isSafeInteger(count) && count > 0)) {
      issues.push({ path: symbol, message: `count ${count} is not a positive integer` });
    }
    if (element) entries.push({ element, count });
  }
  if (issues.length > 0) throw new SpecError(source, issues);
  return entries;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Divides every count by their greatest common divisor (Fe4O6 → Fe2O3). */
export function reduceCounts(entries: readonly CountedElement[]): CountedElement[] {
  const divisor = entries.reduce((acc, e) => gcd(acc, e.count), 0);
  return divisor <= 1 ? [...entries] : entries.map((e) => ({ element: e.element, count: e.count / divisor }));
}
