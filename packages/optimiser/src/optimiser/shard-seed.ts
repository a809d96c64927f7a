import { SpecError } from '@kiago/shared';

const UINT32_MAX = 2 ** 32 - 1;

/** murmur3's 32-bit finaliser: a bijection on uint32 in which every input bit flips about half the output bits. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The seed of every random draw in one shard: fmix32(fmix32(campaignSeed) XOR (shardIndex + 1)·φ32),
 * φ32 = 0x9E3779B9 (the golden-ratio increment). Neighbouring seeds and neighbouring shards land far
 * apart, and the same (seed, shard) always gives the same uint32 on every machine.
 */
export function shardSeed(campaignSeed: number, shardIndex: number): number {
  const issues = [];
  if (!(Number.isInteger(campaignSeed) && campaignSeed >= 0 && campaignSeed <= UINT32_MAX)) {
    issues.push({ path: 'seed', message: `${campaignSeed} is not a uint32` });
  }
  if (!(Number.isInteger(shardIndex) && shardIndex >= 0 && shardIndex <= UINT32_MAX)) {
    issues.push({ path: 'shardIndex', message: `${shardIndex} is not a non-negative integer` });
  }
  if (issues.length > 0) throw new SpecError('shardSeed', issues);
  return fmix32(fmix32(campaignSeed) ^ Math.imul(shardIndex + 1, 0x9e3779b9));
}
