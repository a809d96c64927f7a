import type { RunProgress } from '@kiago/orchestration';

export const TERMINAL_RUN_STATUSES: ReadonlySet<string> = new Set([
  'COMPLETED',
  'COMPLETED_WITH_FAILURES',
  'FAILED',
  'CANCELLED',
]);

/** Shards that will not run again in this pass: succeeded, failed or cancelled. */
export function shardsDone(progress: RunProgress): number {
  const { succeeded, failed, cancelled } = progress.shards;
  return succeeded + failed + cancelled;
}

export function bestTcText(progress: RunProgress): string {
  return progress.bestTcKelvin === null ? '–' : `${progress.bestTcKelvin.toFixed(1)} K`;
}

/** "RUNNING · shards 3/6 (1 failed, 2 running) · candidates 1,536 · best Tc 52.1 K": one log line. */
export function progressLine(progress: RunProgress): string {
  const { shards } = progress;
  const details = [
    shards.failed > 0 ? `${shards.failed} failed` : undefined,
    shards.running > 0 ? `${shards.running} running` : undefined,
  ].filter(Boolean);
  return [
    progress.status,
    `shards ${shardsDone(progress)}/${shards.total}${details.length > 0 ? ` (${details.join(', ')})` : ''}`,
    `candidates ${progress.candidates.toLocaleString('en')}`,
    `best Tc ${bestTcText(progress)}`,
  ].join(' · ');
}
