import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Composition } from '../composition/composition.js';
import { FormulaError } from '../errors.js';
import { readFormulaColumn, SUPERCON_FORMULA_COLUMNS } from './fixtures/supercon-formula-columns.js';
import { formatFormula } from './format-formula.js';
import { parseFormula } from './parse-formula.js';

const dataDir = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));
function expectSameComposition(actual: Composition, expected: Composition, formula: string) {
  expect([...actual.keys()].sort(), formula).toEqual([...expected.keys()].sort());
  for (const [symbol, amount] of expected) {
    const relativeError = Math.abs((actual.get(symbol) ?? 0) - amount) / amount;
    if (relativeError > 1e-9)
      expect.fail(`${formula}: ${symbol} ${amount} came back as ${actual.get(symbol)}`);
  }
}

const hasData = existsSync(dataDir);

describe.skipIf(!hasData)(
  hasData ? 'SuperCon round trip' : `SuperCon round trip — SKIPPED: no data directory at ${dataDir}`,
  () => {
    it.each(SUPERCON_FORMULA_COLUMNS)(
      'parse → format → parse is the identity on every parsed row of $file',
      (table) => {
        const formulas = readFormulaColumn(dataDir, table);
        expect(formulas.length).toBeGreaterThan(16_000);
        let parsed = 0;
        for (const formula of formulas) {
          let comp: Composition;
          try {
            comp = parseFormula(formula);
          } catch (error) {
            if (error instanceof FormulaError) continue;
            throw error;
          }
          parsed += 1;
          expectSameComposition(parseFormula(formatFormula(comp)), comp, formula);
          expect([...parseFormula(formatFormula(comp, { order: 'input' })).keys()]).toEqual([...comp.keys()]);
        }
        expect(parsed / formulas.length).toBeGreaterThan(0.98);
      },
    );
  },
);
