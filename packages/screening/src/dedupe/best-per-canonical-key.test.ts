import { describe, expect, it } from 'vitest';
import { bestPerCanonicalKey } from './best-per-canonical-key.js';

describe('bestPerCanonicalKey', () => {
  const candidates = [
    { id: 'c3', canonicalKey: 'O4CuLa2', tcKelvin: 30 },
    { id: 'c1', canonicalKey: 'O3Fe2', tcKelvin: 5 },
    { id: 'c2', canonicalKey: 'O4CuLa2', tcKelvin: 38 },
    { id: 'c0', canonicalKey: 'O4CuLa2', tcKelvin: 38 },
    { id: 'c4', canonicalKey: 'O3Fe2', tcKelvin: Number.NaN },
  ];

  it('keeps the highest Tc per key, breaks ties by the smaller id and counts every hit', () => {
    const result = bestPerCanonicalKey(candidates);
    expect([...result.keys()]).toEqual(['O4CuLa2', 'O3Fe2']);
    expect(result.get('O4CuLa2')).toEqual({ best: candidates[3], hitCount: 3 });
    expect(result.get('O3Fe2')).toEqual({ best: candidates[1], hitCount: 2 });
  });

  it('does not depend on input order', () => {
    const forward = bestPerCanonicalKey(candidates);
    const backward = bestPerCanonicalKey([...candidates].reverse());
    for (const [key, entry] of forward) expect(backward.get(key)).toEqual(entry);
  });

  it('ranks a NaN Tc below every number, but still returns it when it is alone', () => {
    const alone = bestPerCanonicalKey([{ id: 'x', canonicalKey: 'k', tcKelvin: Number.NaN }]);
    expect(alone.get('k')?.best.id).toBe('x');
  });
});
