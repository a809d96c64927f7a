import { Context } from '@temporalio/activity';

/** What a gpu activity needs from its Temporal context; tests pass a plain object. */
export interface ActivityRuntime {
  heartbeat(details: unknown): void;
  readonly signal: AbortSignal;
  /** 1 for the first attempt; Temporal counts retries of the same activity. */
  readonly attempt: number;
  /** The last heartbeat of the previous attempt, when it sent one (a resumed shard logs where it was). */
  readonly previousHeartbeat: unknown;
}

/** The runtime of the activity executing now (AsyncLocalStorage behind Context.current()). */
export function temporalActivityRuntime(): ActivityRuntime {
  const context = Context.current();
  return {
    heartbeat: (details) => context.heartbeat(details),
    signal: context.cancellationSignal,
    attempt: context.info.attempt,
    previousHeartbeat: context.info.heartbeatDetails,
  };
}
