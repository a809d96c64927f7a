import { describe, expect, it } from 'vitest';
import { createReplicaStabiliser } from './replica-stabiliser.js';

const S = 1000;

describe('createReplicaStabiliser (HPA stabilisation windows)', () => {
  it('without history keeps the current count', () => {
    const stabiliser = createReplicaStabiliser({
      scaleUpStabilisationMs: 0,
      scaleDownStabilisationMs: 300 * S,
    });
    expect(stabiliser.stabilise(0, 3)).toBe(3);
  });

  it('scales up at once with a zero up window, down only after the down window', () => {
    const stabiliser = createReplicaStabiliser({
      scaleUpStabilisationMs: 0,
      scaleDownStabilisationMs: 60 * S,
    });
    stabiliser.record(0, 5);
    expect(stabiliser.stabilise(0, 1)).toBe(5);
    stabiliser.record(30 * S, 2);
    expect(stabiliser.stabilise(30 * S, 5)).toBe(5);
    stabiliser.record(59 * S, 2);
    expect(stabiliser.stabilise(59 * S, 5)).toBe(5);
    stabiliser.record(60 * S, 2);
    expect(stabiliser.stabilise(60 * S, 5)).toBe(2);
  });

  it('scales down to the highest recommendation still inside the window, not straight to the latest', () => {
    const stabiliser = createReplicaStabiliser({
      scaleUpStabilisationMs: 0,
      scaleDownStabilisationMs: 60 * S,
    });
    stabiliser.record(0, 8);
    stabiliser.record(30 * S, 4);
    stabiliser.record(61 * S, 1);
    expect(stabiliser.stabilise(61 * S, 8)).toBe(4);
  });

  it('scales up only to the level held for the whole up window', () => {
    const stabiliser = createReplicaStabiliser({
      scaleUpStabilisationMs: 30 * S,
      scaleDownStabilisationMs: 0,
    });
    stabiliser.record(0, 1);
    stabiliser.record(15 * S, 6);
    expect(stabiliser.stabilise(15 * S, 1)).toBe(1);
    stabiliser.record(31 * S, 9);
    expect(stabiliser.stabilise(31 * S, 1)).toBe(6);
    stabiliser.record(46 * S, 9);
    expect(stabiliser.stabilise(46 * S, 6)).toBe(9);
  });

  it('never moves for a recommendation that oscillates faster than both windows', () => {
    const stabiliser = createReplicaStabiliser({
      scaleUpStabilisationMs: 45 * S,
      scaleDownStabilisationMs: 120 * S,
    });
    let replicas = 3;
    for (let t = 0; t < 150; t += 15) stabiliser.record(t * S, 3);
    const seen = new Set<number>();
    for (let t = 150; t < 900; t += 15) {
      stabiliser.record(t * S, t % 30 === 0 ? 8 : 1);
      replicas = stabiliser.stabilise(t * S, replicas);
      seen.add(replicas);
    }
    expect([...seen]).toEqual([3]);
  });
});
