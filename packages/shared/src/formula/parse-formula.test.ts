import { describe, expect, it } from 'vitest';
import { FormulaError, type FormulaErrorReason } from '../errors.js';
import { parseFormula } from './parse-formula.js';

const entries = (text: string) => [...parseFormula(text)];

describe('parseFormula', () => {
  it('reads explicit 1s and decimals at the written scale', () => {
    expect(entries('La1.85Sr0.15Cu1O4')).toEqual([
      ['La', 1.85],
      ['Sr', 0.15],
      ['Cu', 1],
      ['O', 4],
    ]);
    expect(entries('La1.85Sr0.15CuO4')).toEqual(entries('La1.85Sr0.15Cu1O4'));
  });

  it('reads fraction strings with trailing zeros', () => {
    expect(entries('O0.555600Pr0.222200Pt0.222200')).toEqual([
      ['O', 0.5556],
      ['Pr', 0.2222],
      ['Pt', 0.2222],
    ]);
  });

  it('multiplies parenthesised and bracketed groups, nested, with decimal multipliers', () => {
    expect(entries('Ag(AuS)2')).toEqual([
      ['Ag', 1],
      ['Au', 2],
      ['S', 2],
    ]);
    expect(entries('Ca3[Co(CN)6]2')).toEqual([
      ['Ca', 3],
      ['Co', 2],
      ['C', 12],
      ['N', 12],
    ]);
    expect(entries('Ba{Fe(SO4)0.5}2')).toEqual([
      ['Ba', 1],
      ['Fe', 2],
      ['S', 1],
      ['O', 4],
    ]);
  });

  it('sums repeated elements in order of first appearance', () => {
    expect(entries('CH3COOH')).toEqual([
      ['C', 2],
      ['H', 4],
      ['O', 2],
    ]);
    expect(entries('Nb1Al0.5Nb0.25')).toEqual([
      ['Nb', 1.25],
      ['Al', 0.5],
    ]);
  });

  it('reads two-letter symbols greedily and single elements', () => {
    expect(entries('Rh1')).toEqual([['Rh', 1]]);
    expect(entries('Co')).toEqual([['Co', 1]]);
    expect(entries('CO')).toEqual([
      ['C', 1],
      ['O', 1],
    ]);
  });

  it('trims outer whitespace and allows whitespace between terms only', () => {
    expect(entries('  Li2 O1\n')).toEqual([
      ['Li', 2],
      ['O', 1],
    ]);
    expect(entries('Fe2 (SO4)3')).toEqual(entries('Fe2(SO4)3'));
    expectFormulaError('Fe 2O3', 'malformed', '2');
  });
});

function expectFormulaError(text: string, reason: FormulaErrorReason, token: string) {
  let caught: unknown;
  try {
    parseFormula(text);
  } catch (error) {
    caught = error;
  }
  expect(caught, text).toBeInstanceOf(FormulaError);
  expect(caught, text).toMatchObject({ formula: text, reason, token });
  expect((caught as Error).message).toContain(JSON.stringify(token));
}

describe('parseFormula errors name the reason and the token', () => {
  it.each<[string, FormulaErrorReason, string]>([
    ['', 'empty', ''],
    ['   ', 'empty', '   '],
    ['Xx2O', 'unknown-element', 'Xx'],
    ['LaQ2', 'unknown-element', 'Q'],
    ['D0.77Pd1', 'non-element-symbol', 'D'],
    ['Pd1T0.734', 'non-element-symbol', 'T'],
    ['M0.26Ta1S2', 'non-element-symbol', 'M'],
    ['P4Ph5', 'non-element-symbol', 'Ph'],
    ['Sr4V2.7TI0.3O9.51', 'non-element-symbol', 'TI'],
    ['Bi2Sr2Ca1Cu2O8+d', 'malformed', '+d'],
    ['YBa2Cu3O7-x', 'malformed', '-x'],
    ['YBa2Cu3O7+δ', 'malformed', '+δ'],
    ['Hg0.3Pb0.7Sr1.75La0.25Cu1O4+2', 'malformed', '+2'],
    ['Eu1.45Pr0.05Ce0.5Sr2Cu2Nb1O10=z', 'malformed', '=z'],
    ['Y2C2Br0.5!1.5', 'malformed', '!1.5'],
    ['2H2O', 'malformed', '2'],
    ['la2CuO4', 'malformed', 'la2'],
    ['Fe()2', 'malformed', '()'],
    ['Sm1Ba-1Cu3O6.94', 'non-positive-amount', 'Ba-1'],
    ['La1.85Nd0Ca1.15Cu2O5.99', 'non-positive-amount', 'Nd0'],
    ['Fe(SO4)0', 'non-positive-amount', '(SO4)0'],
    ['Sr2Cu1Cl1.2O4.', 'bad-amount', '4.'],
    ['Fe1.2.3', 'bad-amount', '1.2.3'],
    ['Ag(AuS2', 'unbalanced-parentheses', '('],
    ['AgAuS)2', 'unbalanced-parentheses', ')'],
    ['Ca3[Co(CN)6)2', 'unbalanced-parentheses', ')'],
  ])('%j → %s at %j', (text, reason, token) => expectFormulaError(text, reason, token));
});
