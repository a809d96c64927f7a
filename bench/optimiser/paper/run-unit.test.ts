import { predictInBatches, roundedCounts, runShardMethod } from '@kiago/optimiser';
import { ELEMENT_COUNT } from '@kiago/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSpec, tinyModels } from '../../../packages/optimiser/src/optimiser/fixtures/tiny-models.ts';
import { secondStageMetrics } from './run-unit.ts';

const mean = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0) / values.length;

describe('Table 1 on the paper’s protocol (tiny deterministic models)', () => {
  let models: Awaited<ReturnType<typeof tinyModels>>;
  beforeAll(async () => {
    models = await tinyModels();
  });
  afterAll(() => models.dispose());

  it('measures both drops from the T/2 composition: KIAGO’s stage 2 vs round(x·M) of that same composition', async () => {
    const rows = 6;
    const spec = testSpec({ candidatesPerShard: rows, steps: 10, nUnits: { min: 1, max: 15 } });
    const kiago = await runShardMethod(
      { kind: 'kiago' },
      { spec, base: 'LaNiAsO', seed: 3, shardIndex: 0, models },
    );
    const metrics = secondStageMetrics(kiago, 15, spec, models);

    const half = kiago.firstStageContinuous!;
    const rounded = new Float32Array(rows * ELEMENT_COUNT);
    for (let row = 0; row < rows; row++) {
      const counts = roundedCounts(half.subarray(row * ELEMENT_COUNT, (row + 1) * ELEMENT_COUNT), 15);
      const atoms = [...counts.values()].reduce((a, b) => a + b, 0);
      for (const [e, count] of counts) rounded[row * ELEMENT_COUNT + e] = count / atoms;
    }
    const predict = (x: Float32Array) => predictInBatches((t) => models.tc.predictTc(t), x, rows, rows);
    const [tcHalf, tcRule] = [mean(predict(half)), mean(predict(rounded))];
    const tcKiago = mean(kiago.candidates.map((c) => c.tcKelvin!));

    expect(metrics.comparedCandidates).toBe(rows);
    expect(metrics.tcFirstStageKelvin).toBeCloseTo(tcHalf, 4);
    expect(metrics.kiagoDropKelvin).toBeCloseTo(tcHalf - tcKiago, 4);
    expect(metrics.ruleDropKelvin).toBeCloseTo(tcHalf - tcRule, 4);
    // The start is the T/2 composition, not KIAGO's final continuous one (the old protocol's start).
    expect(Math.abs(metrics.tcFirstStageKelvin! - metrics.kiagoTcFinalContinuousKelvin!)).toBeGreaterThan(
      1e-3,
    );
  });
});
