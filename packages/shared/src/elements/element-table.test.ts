import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FormulaError } from '../errors.js';
import { buildElementTable, readElementDataTexts } from './build-element-table.js';
import { ELEMENT_COUNT } from './element.js';
import { ELEMENTS, elementBySymbol, requireElement } from './element-lookup.js';
import { ELEMENT_TABLE } from './element-table.gen.js';
import { renderElementTableModule } from './render-element-table.js';

const dataDir = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));
const hasData = existsSync(dataDir);

describe.skipIf(!hasData)(
  hasData ? 'committed element table' : `committed element table — SKIPPED: no data directory at ${dataDir}`,
  () => {
    it('equals what the generator builds from ../shared/data', () => {
      const built = buildElementTable(readElementDataTexts(dataDir));
      expect(ELEMENT_TABLE).toEqual(built);
      const committed = readFileSync(new URL('./element-table.gen.ts', import.meta.url), 'utf8');
      expect(committed).toBe(renderElementTableModule(built));
    });

    it("takes pymatgen's common oxidation states from its periodic_table.json, and refuses a bad entry", () => {
      expect(requireElement('Fe').oxidationStates.pymatgenCommon).toEqual([2, 3]);
      expect(requireElement('Cu').oxidationStates.pymatgenCommon).toEqual([2]);
      expect(requireElement('Xe').oxidationStates.pymatgenCommon).toEqual([]);
      const texts = readElementDataTexts(dataDir);
      const table = JSON.parse(texts.pymatgenPeriodicTableJson);
      table.Fe['Common oxidation states'] = [2, 'three'];
      expect(() => buildElementTable({ ...texts, pymatgenPeriodicTableJson: JSON.stringify(table) })).toThrow(
        /pymatgen_periodic_table\.json: Fe\.Common oxidation states\.1/,
      );
    });
  },
);

const el = (symbol: string) => requireElement(symbol);

describe('ELEMENTS', () => {
  it('holds 118 elements indexed by Z - 1', () => {
    expect(ELEMENTS).toHaveLength(ELEMENT_COUNT);
    expect(ELEMENTS.map((e) => e.z)).toEqual(Array.from({ length: 118 }, (_, i) => i + 1));
  });

  it('has the expected fields for H, Fe, La, Lu, U and Og', () => {
    expect(el('H')).toEqual({
      z: 1,
      symbol: 'H',
      name: 'Hydrogen',
      period: 1,
      group: 1,
      block: 's',
      longFormColumn: 1,
      paulingEn: 2.2,
      oxidationStates: { smact14: [-1, 1], icsd24: [-1, 1], pymatgenCommon: [-1, 1] },
      isMetal: false,
      atomicMassU: 1.00794,
    });
    expect(el('Fe')).toMatchObject({
      z: 26,
      period: 4,
      group: 8,
      block: 'd',
      longFormColumn: 22,
      paulingEn: 1.83,
    });
    expect(el('Fe').isMetal).toBe(true);
    expect(el('La')).toMatchObject({
      z: 57,
      period: 6,
      group: null,
      block: 'f',
      longFormColumn: 3,
      paulingEn: 1.1,
    });
    // Lu heads the d-block column under Sc and Y; SMACT gives it EN 1.0 (pymatgen 1.27).
    expect(el('Lu')).toMatchObject({
      z: 71,
      period: 6,
      group: 3,
      block: 'd',
      longFormColumn: 17,
      paulingEn: 1,
    });
    expect(el('U')).toMatchObject({
      z: 92,
      period: 7,
      group: null,
      block: 'f',
      longFormColumn: 6,
      paulingEn: 1.7,
    });
    expect(el('Og')).toMatchObject({
      z: 118,
      period: 7,
      group: 18,
      block: 'p',
      longFormColumn: 32,
      paulingEn: null,
    });
    expect(el('Og').oxidationStates).toEqual({ smact14: [], icsd24: [], pymatgenCommon: [] });
  });

  it('carries both SMACT oxidation-state lists for Fe', () => {
    expect(el('Fe').oxidationStates.smact14).toEqual([-2, -1, 1, 2, 3, 4, 5, 6]);
    expect(el('Fe').oxidationStates.icsd24).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("uses SMACT's metal list, including its quirks", () => {
    const metals = ELEMENTS.filter((e) => e.isMetal).map((e) => e.symbol);
    expect(metals).toHaveLength(79);
    expect(metals).toEqual(expect.arrayContaining(['Li', 'Ge', 'Sb', 'Po', 'No']));
    for (const nonMetal of ['H', 'B', 'Si', 'As', 'Te', 'O', 'Pm', 'Lr', 'Rf'])
      expect(el(nonMetal).isMetal).toBe(false);
  });

  it('places every period in distinct long-form columns, periods 6 and 7 filling all 32', () => {
    for (let period = 1; period <= 7; period++) {
      const columns = ELEMENTS.filter((e) => e.period === period).map((e) => e.longFormColumn);
      expect(new Set(columns).size).toBe(columns.length);
      for (const column of columns) expect(column).toBeGreaterThanOrEqual(1);
      for (const column of columns) expect(column).toBeLessThanOrEqual(32);
    }
    const period6 = ELEMENTS.filter((e) => e.period === 6).map((e) => e.longFormColumn);
    expect(period6).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect(el('He').longFormColumn).toBe(32);
    expect(el('Yb').longFormColumn).toBe(16);
    expect(el('No').longFormColumn).toBe(16);
    expect(el('Lr').longFormColumn).toBe(17);
    expect(el('B').longFormColumn).toBe(27);
  });

  it('gives group null exactly to the f-block', () => {
    const groupless = ELEMENTS.filter((e) => e.group === null);
    expect(groupless.every((e) => e.block === 'f')).toBe(true);
    expect(groupless).toHaveLength(28);
  });
});

describe('element lookup', () => {
  it('is case-sensitive', () => {
    expect(elementBySymbol('Co')?.z).toBe(27);
    expect(elementBySymbol('CO')).toBeUndefined();
    expect(elementBySymbol('co')).toBeUndefined();
  });

  it('requireElement names an unknown symbol', () => {
    expect(() => requireElement('Xx')).toThrow(FormulaError);
    try {
      requireElement('Xx');
    } catch (error) {
      expect(error).toMatchObject({ reason: 'unknown-element', token: 'Xx' });
    }
  });
});
