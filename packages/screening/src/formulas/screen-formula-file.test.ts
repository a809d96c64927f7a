import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFileError } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { screenFormulaFile } from './screen-formula-file.js';

const dir = mkdtempSync(join(tmpdir(), 'kiago-screen-'));
function csv(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}
const NORMAL = { oxidationStateSet: 'smact14', mode: 'normal' } as const;

describe('screenFormulaFile', () => {
  it('screens each row, with Ef when given, and reports bad rows with their reason', async () => {
    const file = csv(
      'mixed.csv',
      'id,formula,ef_ev_per_atom\n1,La2CuO4,-1.2\n2,La1.85Sr0.15CuO4,\n3,NaCl2,-0.5\n4,FeXx,-1\n5,,-1\n6,MgB2,NaN\n7,NaCl,0.3\n',
    );
    const rows = await screenFormulaFile(file, NORMAL);
    expect(
      rows.map((r) => (r.ok ? [r.line, r.counts, r.efEvPerAtom, r.flags.valid] : [r.line, r.error])),
    ).toEqual([
      [2, 'La2CuO4', -1.2, true],
      [3, 'La37Sr3Cu20O80', null, true],
      [4, 'NaCl2', -0.5, false],
      [5, expect.stringMatching(/unknown element.*Xx/)],
      [6, expect.stringMatching(/empty/)],
      [7, 'ef_ev_per_atom "NaN" is not a finite decimal number'],
      [8, 'NaCl', 0.3, false],
    ]);
    const positive = rows[6];
    expect(positive?.ok && positive.flags).toMatchObject({ formationEnergyOk: false, chargeNeutral: true });
    const noEf = rows[1];
    expect(noEf?.ok && noEf.flags.formationEnergyOk).toBeNull();
  });

  it('a formula too lopsided for exact arithmetic is one bad row; the rest is still screened', async () => {
    const file = csv(
      'lopsided.csv',
      `formula\nCu0.000000001O1\nCu1000000O1\nCu0.${'0'.repeat(320)}1O1\nLa2CuO4\n`,
    );
    const rows = await screenFormulaFile(file, NORMAL);
    expect(rows.map((r) => (r.ok ? [r.line, r.counts] : [r.line, r.error]))).toEqual([
      [2, expect.stringMatching(/1000000001 atoms in its integer formula; screening takes at most 100000/)],
      [3, expect.stringMatching(/1000001 atoms/)],
      [4, expect.stringMatching(/counts-too-large|above 2\^53 - 1|zero amount/)],
      [5, 'La2CuO4'],
    ]);
  });

  it('hydride mode applies the hydride rule and its 3-element default', async () => {
    const file = csv('hydrides.csv', 'formula\nLaH10\nLaYCaH10\nLaH16\n');
    const rows = await screenFormulaFile(file, { oxidationStateSet: 'smact14', mode: 'hydride' });
    expect(rows.map((r) => r.ok && [r.flags.valid, r.flags.elementCountOk, r.flags.hydrideLimitsOk])).toEqual(
      [
        [true, true, true],
        [false, false, true],
        [false, true, false],
      ],
    );
  });

  it('a missing file or a header without formula is a DataFileError', async () => {
    await expect(screenFormulaFile(join(dir, 'absent.csv'), NORMAL)).rejects.toBeInstanceOf(DataFileError);
    const file = csv('no-formula.csv', 'composition\nLa2CuO4\n');
    await expect(screenFormulaFile(file, NORMAL)).rejects.toThrow(/missing column "formula"/);
  });
});
