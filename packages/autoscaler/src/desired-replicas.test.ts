import { describe, expect, it } from 'vitest';
import { desiredReplicas } from './desired-replicas.js';

const base = { backlog: 0, runningShards: 0, slotsPerReplica: 2, min: 0, max: 10 };

describe('desiredReplicas', () => {
  it('gives every waiting and running shard a slot, rounding pods up', () => {
    expect(desiredReplicas({ ...base, backlog: 1 })).toBe(1);
    expect(desiredReplicas({ ...base, backlog: 4 })).toBe(2);
    expect(desiredReplicas({ ...base, backlog: 5 })).toBe(3);
    expect(desiredReplicas({ ...base, backlog: 3, runningShards: 4 })).toBe(4);
    expect(desiredReplicas({ ...base, backlog: 7, slotsPerReplica: 8 })).toBe(1);
  });

  it('clamps to [min, max]', () => {
    expect(desiredReplicas({ ...base, min: 2 })).toBe(2);
    expect(desiredReplicas({ ...base, backlog: 1000 })).toBe(10);
    expect(desiredReplicas({ ...base, backlog: 0, min: 0 })).toBe(0);
  });

  it('rejects counts that are negative, fractional or inconsistent', () => {
    expect(() => desiredReplicas({ ...base, backlog: -1 })).toThrow(
      /backlog must be an integer >= 0, got -1/,
    );
    expect(() => desiredReplicas({ ...base, runningShards: 1.5 })).toThrow(/runningShards/);
    expect(() => desiredReplicas({ ...base, slotsPerReplica: 0 })).toThrow(
      /slotsPerReplica must be an integer >= 1/,
    );
    expect(() => desiredReplicas({ ...base, min: 5, max: 3 })).toThrow(/max must be an integer >= 5, got 3/);
  });
});
