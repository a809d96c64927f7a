import type { Composition } from '../composition/composition.js';
import { elementBySymbol } from '../elements/element-lookup.js';
import { FormulaError, type FormulaErrorReason } from '../errors.js';
import { NON_ELEMENT_SYMBOLS } from './non-element-symbols.js';

const CLOSER_OF: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const WELL_FORMED_AMOUNT = /^\d+(?:\.\d+)?$/;
const NUMBER_RUN = /[0-9.]+/y;
/** What is reported for junk such as "+d", "-x", "=z", "!1.5": everything up to the next symbol or bracket. */
const JUNK_RUN = /[^A-Z()[\]{}\s]+/y;

interface Group {
  amounts: Map<string, number>;
  opener: string;
  start: number;
}

/**
 * Reads a formula into element → amount (at the scale written; repeated elements are summed, in
 * order of first appearance). Accepts explicit 1s (La1.85Sr0.15Cu1O4), decimals and fractions
 * (O0.5556Pr0.2222Pt0.2222), nested (), [] and {} groups with integer or decimal multipliers (Ag(AuS)2).
 * Whitespace: leading and trailing whitespace is ignored; inside, whitespace may only separate terms
 * (pymatgen's "Li2 O1"); an amount after whitespace ("Fe 2") is malformed.
 * Throws FormulaError whose `token` is the offending part of the text.
 */
export function parseFormula(text: string): Composition {
  const source = text.trim();
  const fail = (reason: FormulaErrorReason, token: string, detail: string) =>
    new FormulaError(text, reason, token, detail);
  if (source === '') throw fail('empty', text, 'empty formula');

  const stack: Group[] = [{ amounts: new Map(), opener: '', start: 0 }];
  let at = 0;

  const matchAt = (pattern: RegExp): string => {
    pattern.lastIndex = at;
    return pattern.exec(source)?.[0] ?? '';
  };
  const add = (symbol: string, amount: number) => {
    const amounts = stack[stack.length - 1]!.amounts;
    amounts.set(symbol, (amounts.get(symbol) ?? 0) + amount);
  };

  /** Amount written right after `owner` (a symbol or a closed group); 1 when none is written. */
  const readAmount = (owner: string): number => {
    if (source[at] === '-' && /\d/.test(source[at + 1] ?? '')) {
      at += 1;
      throw fail('non-positive-amount', `${owner}-${matchAt(NUMBER_RUN)}`, `negative amount for ${owner}`);
    }
    const written = matchAt(NUMBER_RUN);
    if (written === '') return 1;
    const amount = Number(written);
    if (!WELL_FORMED_AMOUNT.test(written) || !Number.isFinite(amount)) {
      throw fail('bad-amount', written, `amount ${written} is not a decimal number`);
    }
    if (amount === 0) throw fail('non-positive-amount', owner + written, `zero amount for ${owner}`);
    at += written.length;
    return amount;
  };

  const readElement = () => {
    const symbol = /[a-z]/.test(source[at + 1] ?? '') ? source.slice(at, at + 2) : source.slice(at, at + 1);
    if (!elementBySymbol(symbol)) {
      const named = [source.slice(at, at + 2), symbol].find((s) => NON_ELEMENT_SYMBOLS.has(s));
      if (named) throw fail('non-element-symbol', named, `${named} is not a chemical element`);
      throw fail('unknown-element', symbol, `unknown element symbol ${symbol}`);
    }
    at += symbol.length;
    add(symbol, readAmount(symbol));
  };

  const closeGroup = (closer: string) => {
    const group = stack.pop()!;
    if (stack.length === 0 || CLOSER_OF[group.opener] !== closer) {
      throw fail('unbalanced-parentheses', closer, `${closer} at position ${at} closes no matching bracket`);
    }
    at += 1;
    const groupText = source.slice(group.start, at);
    if (group.amounts.size === 0) throw fail('malformed', groupText, 'empty group');
    const multiplier = readAmount(groupText);
    for (const [symbol, amount] of group.amounts) add(symbol, amount * multiplier);
  };

  while (at < source.length) {
    const char = source[at]!;
    if (/\s/.test(char)) at += 1;
    else if (char >= 'A' && char <= 'Z') readElement();
    else if (Object.hasOwn(CLOSER_OF, char)) {
      stack.push({ amounts: new Map(), opener: char, start: at });
      at += 1;
    } else if (char === ')' || char === ']' || char === '}') closeGroup(char);
    else if (/[0-9.]/.test(char)) {
      const number = matchAt(NUMBER_RUN);
      throw fail('malformed', number, `amount ${number} does not follow an element or a group`);
    } else {
      const junk = matchAt(JUNK_RUN);
      throw fail('malformed', junk, `unexpected ${junk}`);
    }
  }
  const unclosed = stack[stack.length - 1]!;
  if (stack.length > 1)
    throw fail('unbalanced-parentheses', unclosed.opener, `${unclosed.opener} is never closed`);
  return unclosed.amounts;
}
