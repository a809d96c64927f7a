import { ApplicationFailure } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';

export interface FaultPlan {
  activityType: string;
  /** Fail only the first shard this activity is called for (the others run normally). */
  firstShardOnly?: boolean;
  /** How many calls fail, per shard, before the real activity runs again. */
  times: number;
  /** What is thrown; default a retryable "connection reset", like a dropped database socket. */
  error?: () => Error;
}

export interface FaultInjector {
  /** Install in a worker's `interceptors.activity` (inside the attempt log: injected faults are attempts too). */
  interceptor: ActivityInterceptorsFactory;
  /** Replaces the current plan (undefined: no faults). */
  plan(fault: FaultPlan | undefined): void;
  /** Shard ids the plan failed, with how often. */
  failed(): Map<string, number>;
  /** Arguments of every call of `activityType` since the plan was set (failed ones included). */
  calls(): unknown[][];
}

const shardIdOf = (args: readonly unknown[]): string => {
  const first = args[0];
  if (typeof first === 'string') return first;
  const id = (first as { shardId?: unknown } | undefined)?.shardId;
  return typeof id === 'string' ? id : '';
};

/**
 * Makes real activities fail before they run — the faults a flaky network, a lost database or an
 * exhausted GPU produce — at the point where Temporal sees them, per a plan the test sets.
 */
export function createFaultInjector(): FaultInjector {
  let current: FaultPlan | undefined;
  let target: string | undefined;
  let failures = new Map<string, number>();
  let calls: unknown[][] = [];
  const interceptor: ActivityInterceptorsFactory = (ctx) => ({
    inbound: {
      async execute(input, next) {
        const fault = current;
        if (!fault || ctx.info.activityType !== fault.activityType) return next(input);
        calls.push([...input.args]);
        const shardId = shardIdOf(input.args);
        if (fault.firstShardOnly) {
          target ??= shardId;
          if (shardId !== target) return next(input);
        }
        const count = failures.get(shardId) ?? 0;
        if (count >= fault.times) return next(input);
        failures.set(shardId, count + 1);
        throw fault.error?.() ?? ApplicationFailure.retryable('read ECONNRESET (injected)', 'ECONNRESET');
      },
    },
  });
  return {
    interceptor,
    plan(fault) {
      current = fault;
      target = undefined;
      failures = new Map();
      calls = [];
    },
    failed: () => failures,
    calls: () => calls,
  };
}
