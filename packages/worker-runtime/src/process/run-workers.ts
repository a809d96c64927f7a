import type { Worker } from '@temporalio/worker';

/**
 * Runs workers side by side until all have stopped (a shutdown signal drains every one of them).
 * When one fails, the others are shut down too, so the process exits instead of limping on half
 * served; the first failure is rethrown.
 */
export async function runWorkers(workers: readonly Worker[]): Promise<void> {
  const stopOthers = () => {
    for (const worker of workers) if (worker.getState() === 'RUNNING') worker.shutdown();
  };
  const results = await Promise.allSettled(
    workers.map((worker) =>
      worker.run().catch((error: unknown) => {
        stopOthers();
        throw error;
      }),
    ),
  );
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
}
