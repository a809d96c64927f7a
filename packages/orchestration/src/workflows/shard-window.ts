import { condition } from '@temporalio/workflow';
import { bookkeeping } from './activity-proxies.js';
import type { ShardRef } from './workflow-types.js';

/** Where a round's shards go: the window of ShardWorkflows a campaign keeps running. */
export interface ShardWindow {
  /** Waits for a free slot (and, while paused, for resume), then starts the shard's workflow. */
  launch(shard: ShardRef, from: 'planned' | 'failed'): Promise<void>;
  /** Before continue-as-new: the shards the next execution must still wait for. */
  endPage(): Promise<ShardRef[] | undefined>;
  /** Waits until every shard of the round has ended (the next round lists the failed ones). */
  drain(): Promise<void>;
  /** The run was cancelled or failed: waits until its running shards have stopped. */
  stop(): Promise<void>;
}

export interface WindowControl {
  isPaused(): boolean;
}

/** Pausing stops new starts; the run's row mirrors the pause while the window waits. */
export async function waitForSlot(
  runId: string,
  control: WindowControl,
  hasSlot: () => boolean,
): Promise<void> {
  const books = bookkeeping();
  await condition(() => control.isPaused() || hasSlot());
  if (control.isPaused()) {
    await books.setRunPaused({ runId, paused: true });
    await condition(() => !control.isPaused() && hasSlot());
    await books.setRunPaused({ runId, paused: false });
  }
}
