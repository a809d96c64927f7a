import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadCampaignSpec } from './load-campaign-spec.js';
import { planShards } from './plan-shards.js';

const EXAMPLES_DIR = fileURLToPath(new URL('../../../../examples/', import.meta.url));

async function specFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/.test(entry.name))
    .map((entry) => relative(EXAMPLES_DIR, join(entry.parentPath, entry.name)))
    .sort();
}

describe('examples/', () => {
  test('every example spec validates', async () => {
    const files = await specFiles(EXAMPLES_DIR);
    expect(files).toContain('demo.yaml');
    expect(files.length).toBe(1 + 1 + 1 + 11);
    const names = new Set<string>();
    for (const file of files) {
      const spec = await loadCampaignSpec(join(EXAMPLES_DIR, file));
      names.add(spec.name);
    }
    expect(names.size).toBe(files.length);
  });

  test('the demo is CPU-sized', async () => {
    const demo = await loadCampaignSpec(join(EXAMPLES_DIR, 'demo.yaml'));
    expect(planShards(demo)).toHaveLength(6);
    expect([demo.candidatesPerShard, demo.steps, demo.nUnits]).toEqual([32, 60, { min: 1, max: 30 }]);
  });

  test('the paper experiments have their 9 normal, 11 substitution and 5 hydride bases', async () => {
    const normal = await loadCampaignSpec(join(EXAMPLES_DIR, 'paper/normal.yaml'));
    const hydride = await loadCampaignSpec(join(EXAMPLES_DIR, 'paper/hydride.yaml'));
    const substitution = await specFiles(join(EXAMPLES_DIR, 'paper/substitution'));
    expect(normal.bases).toHaveLength(9);
    expect(normal.mode.kind).toBe('normal');
    expect(hydride.bases).toEqual(['PdH', 'PtH', 'LaH10', 'H3S', 'SiH4']);
    expect(hydride.mode.kind).toBe('hydride');
    expect(substitution).toHaveLength(11);
    for (const file of substitution) {
      const spec = await loadCampaignSpec(join(EXAMPLES_DIR, file));
      expect(spec.mode.kind, file).toBe('substitution');
    }
  });
});
