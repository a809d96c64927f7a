import { randomUUID } from 'node:crypto';
import { type RunningApiServer, startApiServer } from '@kiago/api';
import { createDb, type Db } from '@kiago/db';
import { testDatabaseUrl } from '@kiago/db/testing';
import {
  createPredictor,
  type PredictionBatch,
  PredictionModelCache,
  registerModelVersion,
  shippedModelDir,
} from '@kiago/optimiser';
import { parseCampaignPlanSettings } from '@kiago/orchestration';
import { importReferences } from '@kiago/screening';
import { FormulaError, parseFormula } from '@kiago/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandStdout } from '../../apps/cli/src/commands/fixtures/run-kiago.js';
import { registerPredictCommand } from '../../apps/cli/src/commands/predict.js';

const TOKEN = 'test-token-0123456789abcdef';
const set = `test-predict-${randomUUID().slice(0, 8)}`;
const run = commandStdout(registerPredictCommand, 'predict');
let db: Db;
let versions: string[];

// Named versions, not 'latest': other tests may promote their own in the shared test database.
beforeAll(async () => {
  db = createDb({ databaseUrl: testDatabaseUrl(), maxConnections: 4 });
  const tc = await registerModelVersion(db, await shippedModelDir('tc'));
  const ef = await registerModelVersion(db, await shippedModelDir('ef'));
  versions = ['--tc-model', tc.version, '--ef-model', ef.version];
  const ref = (formula: string, dftEfEvPerAtom: number) => ({
    sourceId: `r-${formula}`,
    formula,
    composition: parseFormula(formula),
    dftEfEvPerAtom,
  });
  await importReferences(db, {
    set,
    source: 'fixture',
    rows: [ref('MgB2', -0.3), ref('NaCl', -2.1), ref('Nb3Sn', -0.2)],
  });
});
afterAll(() => db?.close());

describe('kiago predict on the shipped models and real Postgres', () => {
  it('gives Tc, Ef, flags, e_above_hull and the in-domain flag per formula', async () => {
    const out = await run(
      'YBa2Cu3O7',
      'MgB2',
      'NaCl',
      'O10Cu8SrXe5',
      ...versions,
      '--refs',
      set,
      '--format',
      'json',
    );
    const batch = JSON.parse(out) as PredictionBatch;
    const byFormula = new Map(batch.predictions.map((p) => [p.formula, p]));
    const ybco = byFormula.get('YBa2Cu3O7')!;
    const nacl = byFormula.get('NaCl')!;
    // The model has seen cuprates: YBCO far above a salt.
    expect(ybco.tcKelvin).toBeGreaterThan(30);
    expect(nacl.tcKelvin).toBeLessThan(ybco.tcKelvin / 3);
    expect(nacl).toMatchObject({ chargeNeutral: true, electronegativityOk: true, inDomain: true });
    expect(byFormula.get('O10Cu8SrXe5')?.inDomain).toBe(false);
    // MgB2 against a set holding MgB2 itself: e_above_hull = Ef(model) − (−0.3) on DFT energies.
    const mgb2 = byFormula.get('MgB2')!;
    expect(mgb2.hullEnergies).toBe('dft');
    expect(mgb2.eAboveHullEvPerAtom).toBeCloseTo(mgb2.efEvPerAtom + 0.3, 6);
    // YBCO's system has no reference here: elements only, E_hull 0.
    expect(ybco.eAboveHullEvPerAtom).toBeCloseTo(ybco.efEvPerAtom, 6);
  });

  it('rejects a bad formula with the FormulaError kiago screen reports', async () => {
    await expect(run('MgB2', 'Xy2O', ...versions, '--no-refs')).rejects.toThrow(FormulaError);
  });

  it('serves GET /predict from the same library, 400 for a bad formula', async () => {
    const predictionModels = new PredictionModelCache();
    const api: RunningApiServer = await startApiServer({
      db,
      launcher: async () => {
        throw new Error('not used');
      },
      predictor: createPredictor(predictionModels),
      campaignPlan: parseCampaignPlanSettings({}),
      token: TOKEN,
      port: 0,
      host: '127.0.0.1',
    });
    try {
      const call = (query: string) =>
        fetch(`http://127.0.0.1:${api.port}/predict?${query}`, {
          headers: { authorization: `Bearer ${TOKEN}` },
        });
      const tcModel = versions[1]!;
      const efModel = versions[3]!;
      const ok = await call(`formula=MgB2&formula=Nb3Sn&tcModel=${tcModel}&efModel=${efModel}&refs=${set}`);
      expect(ok.status).toBe(200);
      const body = (await ok.json()) as PredictionBatch;
      expect(body.predictions.map((p) => [p.formula, p.inDomain])).toEqual([
        ['MgB2', true],
        ['Nb3Sn', true],
      ]);
      const bad = await call(`formula=Xy2O&tcModel=${tcModel}&efModel=${efModel}`);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('FORMULA_INVALID');
    } finally {
      await api.close();
      await predictionModels.dispose();
    }
  });
});
