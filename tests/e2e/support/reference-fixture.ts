import type { Db } from '@kiago/db';
import { importReferences } from '@kiago/screening';
import { parseFormula } from '@kiago/shared';

// Hand-written DFT-like energies in the chemical systems of the e2e bases (B–Mg, Nb–Sn, Cu–O–…):
// enough references for a real hull; the pipeline replaces them with the pinned ElemNet's energies.
const REFERENCES: [string, number][] = [
  ['MgB2', -0.32],
  ['MgB4', -0.28],
  ['MgB7', -0.2],
  ['Nb3Sn', -0.18],
  ['NbSn2', -0.12],
  ['CuO', -0.8],
  ['Cu2O', -0.6],
  ['La2O3', -3.8],
  ['SrO', -3.1],
  ['La2CuO4', -2.7],
  ['SrCuO2', -2.2],
];

/** Imports the e2e reference set under `name` (idempotent). */
export async function importReferenceFixture(db: Db, name: string): Promise<void> {
  await importReferences(db, {
    set: name,
    source: 'tests/e2e/support/reference-fixture.ts (hand-written)',
    rows: REFERENCES.map(([formula, efEvPerAtom]) => ({
      sourceId: `e2e-${formula}`,
      formula,
      composition: parseFormula(formula),
      dftEfEvPerAtom: efEvPerAtom,
    })),
  });
}
