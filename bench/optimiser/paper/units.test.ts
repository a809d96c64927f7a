import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpecError } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { SCALES } from './scales.ts';
import { readUnitResults, unitFile, writeUnitResult } from './unit-result.ts';
import { EXPERIMENTS, OUTSIDE_BASES, planUnits } from './units.ts';

const root = new URL('../../../', import.meta.url).pathname;

describe('the reproduction plan and its unit files', () => {
  it('plans every (experiment, base, method) over the scale’s seeds, with Table 1’s M sharing one shard', async () => {
    const units = await planUnits(root, SCALES.tiny, EXPERIMENTS);
    expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
    const seedsOf = new Map<string, number[]>();
    for (const u of units) {
      const group = u.id.replace(/__s\d+$/, '');
      seedsOf.set(group, [...(seedsOf.get(group) ?? []), u.seed]);
    }
    for (const seeds of seedsOf.values()) expect(seeds).toEqual([0, 1, 2]);
    const table1 = units.filter((u) => u.experiment === 'table1');
    expect(new Set(table1.map((u) => u.maxAtoms))).toEqual(new Set(SCALES.tiny.maxAtoms));
    // Same base and seed at every M: the same shard, so stage 2 starts from the same T/2 composition.
    expect(new Set(table1.map((u) => `${u.base} ${u.shardIndex}`)).size).toBe(1);
    expect(units.filter((u) => u.experiment === 'fig3').map((u) => u.method)).toContainEqual({
      kind: 'random-init-first-stage',
      elementCount: 7,
      learningRate: 0.001,
    });
    const paper = await planUnits(root, SCALES.paper, ['outside']);
    expect(new Set(paper.map((u) => u.base))).toEqual(new Set(OUTSIDE_BASES));
  });

  it('writes results atomically and reads them back validated, NaN (no value) included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kiago-units-'));
    const result = {
      id: 'hydride__PdH__c-es__s0',
      experiment: 'hydride' as const,
      base: 'PdH',
      method: 'c-es',
      seed: 0,
      maxAtoms: null,
      candidates: 16,
      steps: 20,
      seconds: 0.2,
      cpuSeconds: 0.3,
      unavailable: null,
      metrics: { top30DeltaTcKelvin: Number.NaN, valid: 3 },
      notes: [],
    };
    await mkdir(join(dir, 'units'));
    await writeUnitResult(dir, result);
    const [read] = await readUnitResults(dir);
    expect(read!.metrics.valid).toBe(3);
    expect(read!.metrics.top30DeltaTcKelvin).toBeNaN();
    await writeFile(unitFile(dir, 'broken'), JSON.stringify({ ...result, seed: -1 }));
    await expect(readUnitResults(dir)).rejects.toThrow(SpecError);
    await expect(readUnitResults(dir)).rejects.toThrow(/broken\.json/);
  });
});
