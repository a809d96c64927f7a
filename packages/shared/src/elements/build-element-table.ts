/**
 * Pure builder of the element table from the texts of the shared data files. It runs under plain
 * `node` (type stripping) in the generator before the package is built, so it has no runtime
 * imports of package modules and throws plain Errors (generation time only, never at run time).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Block, Element } from './element.js';

/** The data files the table is built from, relative to the data directory (`../shared/data`). */
export const ELEMENT_DATA_FILES = {
  elementsCompactCsv: 'elements/elements_compact.csv',
  smactElementDataTxt: 'elements/smact/element_data.txt',
  smactOxidationStates2014Txt: 'elements/smact/oxidation_states.txt',
  smactOxidationStatesIcsd24Txt: 'elements/smact/oxidation_states_icsd24_filtered.txt',
  pymatgenPeriodicTableJson: 'elements/pymatgen_periodic_table.json',
} as const;

export type ElementDataTexts = { [K in keyof typeof ELEMENT_DATA_FILES]: string };

/** Reads the element data files under `dataDir` (the shared data directory). */
export function readElementDataTexts(dataDir: string): ElementDataTexts {
  const read = (relativePath: string) => readFileSync(join(dataDir, relativePath), 'utf8');
  return {
    elementsCompactCsv: read(ELEMENT_DATA_FILES.elementsCompactCsv),
    smactElementDataTxt: read(ELEMENT_DATA_FILES.smactElementDataTxt),
    smactOxidationStates2014Txt: read(ELEMENT_DATA_FILES.smactOxidationStates2014Txt),
    smactOxidationStatesIcsd24Txt: read(ELEMENT_DATA_FILES.smactOxidationStatesIcsd24Txt),
    pymatgenPeriodicTableJson: read(ELEMENT_DATA_FILES.pymatgenPeriodicTableJson),
  };
}

/** The fields of pymatgen's periodic_table.json the table uses; the noble gases and Z ≥ 104 have no common states. */
const pymatgenTableSchema = z.record(
  z.string(),
  z.object({
    'Atomic no': z.int().min(1),
    'Common oxidation states': z.array(z.int().min(-9).max(9)).optional(),
  }),
);

/** pymatgen `common_oxidation_states` per symbol, ascending (Z checked against the CSV by the caller). */
function parsePymatgenCommonStates(text: string, file: string): Map<string, { z: number; states: number[] }> {
  const parsed = pymatgenTableSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return new Map(
    Object.entries(parsed.data).map(([symbol, entry]) => [
      symbol,
      { z: entry['Atomic no'], states: [...(entry['Common oxidation states'] ?? [])].sort((a, b) => a - b) },
    ]),
  );
}

/**
 * `smact.metals` from WMD-group/SMACT `smact/__init__.py` (commit 98f4f2da7236f54fb91b63576f60132837728f87),
 * the list `smact.screening.smact_validity` uses for its "all metals pass" shortcut. It is SMACT's own
 * choice, not a chemistry rule: it includes Ge and Sb, and leaves out Pm, Lr and everything past No.
 */
const SMACT_METALS = new Set(
  (
    'Li Be Na Mg Al K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb ' +
    'Cs Ba La Ce Pr Nd Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po Fr Ra Ac Th Pa ' +
    'U Np Pu Am Cm Bk Cf Es Fm Md No'
  ).split(' '),
);

const BLOCKS: readonly string[] = ['s', 'p', 'd', 'f'];

/**
 * Column in the 32-column long-form table, left to right:
 *   1–2   groups 1–2 (H at 1)
 *   3–16  f-block, La..Yb and Ac..No (14 columns, in Z order)
 *   17–26 d-block groups 3–12 (Sc, Y, Lu, Lr head column 17; Zn, Cd, Hg, Cn at 26)
 *   27–32 p-block groups 13–18 (He sits at 32 with the noble gases)
 */
function longFormColumn(z: number, block: Block, group: number | null): number {
  if (block === 'f') return 3 + (z >= 89 ? z - 89 : z - 57);
  if (group === null) throw new Error(`element Z=${z}: non-f-block element without a group`);
  return group <= 2 ? group : group + 14;
}

function dataLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** SMACT oxidation-state list file: `Symbol state state …` per line; elements not listed get []. */
function parseOxidationStates(text: string, file: string): Map<string, number[]> {
  const bySymbol = new Map<string, number[]>();
  for (const line of dataLines(text)) {
    const [symbol, ...states] = line.split(/\s+/);
    const values = states.map(Number);
    if (!symbol || values.some((v) => !Number.isInteger(v))) throw new Error(`${file}: bad line ${line}`);
    values.sort((a, b) => a - b);
    bySymbol.set(symbol, values);
  }
  return bySymbol;
}

/** SMACT element_data.txt: whitespace table whose 10th column is `el_neg` (Pauling), `None` = missing. */
function parsePaulingEn(text: string, file: string): Map<string, { z: number; paulingEn: number | null }> {
  const bySymbol = new Map<string, { z: number; paulingEn: number | null }>();
  for (const line of dataLines(text)) {
    const columns = line.split(/\s+/);
    const [symbol, , zText] = columns;
    const elNeg = columns[9];
    if (!symbol || elNeg === undefined || columns.length !== 12) throw new Error(`${file}: bad line ${line}`);
    bySymbol.set(symbol, { z: Number(zText), paulingEn: elNeg === 'None' ? null : Number(elNeg) });
  }
  return bySymbol;
}

function requireColumn(header: string[], name: string, file: string): number {
  const index = header.indexOf(name);
  if (index < 0) throw new Error(`${file}: missing column ${name}`);
  return index;
}

/** Builds the 118-element table (index = Z - 1) from the data file texts. */
export function buildElementTable(texts: ElementDataTexts): Element[] {
  const files = ELEMENT_DATA_FILES;
  const [headerLine, ...rows] = dataLines(texts.elementsCompactCsv);
  const header = (headerLine ?? '').split(',');
  const column = (name: string) => requireColumn(header, name, files.elementsCompactCsv);
  const [symbolAt, zAt, nameAt, periodAt, groupAt, blockAt, massAt] = [
    'symbol',
    'Z',
    'name',
    'period',
    'group',
    'block',
    'atomic_mass',
  ].map(column) as [number, number, number, number, number, number, number];
  const pauling = parsePaulingEn(texts.smactElementDataTxt, files.smactElementDataTxt);
  const smact14 = parseOxidationStates(texts.smactOxidationStates2014Txt, files.smactOxidationStates2014Txt);
  const icsd24 = parseOxidationStates(
    texts.smactOxidationStatesIcsd24Txt,
    files.smactOxidationStatesIcsd24Txt,
  );

  const pymatgenCommon = parsePymatgenCommonStates(
    texts.pymatgenPeriodicTableJson,
    files.pymatgenPeriodicTableJson,
  );

  const elements = rows.map((row, index): Element => {
    const cells = row.split(',');
    const cell = (at: number) => cells[at] ?? '';
    const z = Number(cell(zAt));
    const symbol = cell(symbolAt);
    const block = cell(blockAt);
    if (z !== index + 1 || !BLOCKS.includes(block)) {
      throw new Error(
        `${files.elementsCompactCsv}: row ${index + 1} (${row}) is out of Z order or has a bad block`,
      );
    }
    const smactPauling = pauling.get(symbol);
    if (smactPauling && smactPauling.z !== z) {
      throw new Error(`${files.smactElementDataTxt}: ${symbol} has Z ${smactPauling.z}`);
    }
    const common = pymatgenCommon.get(symbol);
    if (!common || common.z !== z) {
      throw new Error(`${files.pymatgenPeriodicTableJson}: ${symbol} is missing or has another Z`);
    }
    const typedBlock = block as Block;
    const group = typedBlock === 'f' ? null : Number(cell(groupAt));
    const [period, atomicMassU] = [Number(cell(periodAt)), Number(cell(massAt))];
    if (!Number.isInteger(period) || !(atomicMassU > 0) || (group !== null && !(group >= 1 && group <= 18))) {
      throw new Error(`${files.elementsCompactCsv}: ${symbol} has a bad period, group or atomic mass`);
    }
    return {
      z,
      symbol,
      name: cell(nameAt),
      period,
      group,
      block: typedBlock,
      longFormColumn: longFormColumn(z, typedBlock, group),
      paulingEn: smactPauling?.paulingEn ?? null,
      oxidationStates: {
        smact14: smact14.get(symbol) ?? [],
        icsd24: icsd24.get(symbol) ?? [],
        pymatgenCommon: common.states,
      },
      isMetal: SMACT_METALS.has(symbol),
      atomicMassU,
    };
  });
  if (elements.length !== 118) {
    throw new Error(`${files.elementsCompactCsv}: expected 118 elements, got ${elements.length}`);
  }
  const known = new Set(elements.map((e) => e.symbol));
  for (const symbol of [...smact14.keys(), ...icsd24.keys(), ...pauling.keys(), ...SMACT_METALS]) {
    if (!known.has(symbol)) {
      throw new Error(`element data: symbol ${symbol} is not in ${files.elementsCompactCsv}`);
    }
  }
  return elements;
}
