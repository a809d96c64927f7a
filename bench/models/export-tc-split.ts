/**
 * Writes the Tc training data exactly as `kiago models train tc` splits it, for measuring tools in
 * other languages (bench/models/tc_peer_gbt.py): per split, `<split>.x.f32` (n × 118 atomic
 * fractions, Z order, float32 little-endian), `<split>.y.f32` (Tc in K) and `<split>.json` (keys,
 * element sets, families), plus `meta.json` (data and split hashes, seed, split kind).
 * Run (after npm run build): node bench/models/export-tc-split.ts --out DIR [--seed 42] [--split grouped|random]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDataDir } from '@kiago/datasets';
import { buildTcDataset, SPLIT_NAMES } from '@kiago/optimiser';
import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';

const options = parseOrThrow(
  z.object({
    out: z.string({ error: '--out DIR is required' }).min(1, '--out must name a folder'),
    seed: z.coerce.number({ error: '--seed must be a number' }).int().default(42),
    split: z.enum(['grouped', 'random'], { error: '--split must be grouped or random' }).default('grouped'),
  }),
  parseArgs({ options: { out: { type: 'string' }, seed: { type: 'string' }, split: { type: 'string' } } })
    .values,
  'export-tc-split options',
);

const data = await buildTcDataset({
  seed: options.seed,
  split: options.split,
  dataDir: resolveDataDir({ env: process.env }),
});
await mkdir(options.out, { recursive: true });
const bytes = (array: Float32Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);
for (const name of SPLIT_NAMES) {
  const split = data[name];
  await writeFile(join(options.out, `${name}.x.f32`), bytes(split.x));
  await writeFile(join(options.out, `${name}.y.f32`), bytes(split.y));
  const labels = { keys: split.keys, elementSetKeys: split.elementSetKeys, families: split.families };
  await writeFile(join(options.out, `${name}.json`), JSON.stringify(labels));
  console.log(`${name}: ${split.y.length} rows`);
}
const meta = { seed: options.seed, split: options.split, dataHash: data.dataHash, splitHash: data.splitHash };
await writeFile(join(options.out, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
console.log(
  `written to ${options.out} (dataHash ${data.dataHash.slice(0, 12)}…, splitHash ${data.splitHash.slice(0, 12)}…)`,
);
