import { Connection } from '@temporalio/client';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** host:port of the Temporal server for this test run (tests/setup/temporal.ts); '' when none. */
    kiagoTemporalAddress: string;
  }
}

const READY_TIMEOUT_MS = 60_000;

/**
 * The Temporal server of this test run (tests/setup/temporal.ts), once it answers. Throws with
 * instructions when there is none.
 */
export async function temporalTestAddress(): Promise<string> {
  const address = inject('kiagoTemporalAddress');
  if (!address) {
    throw new Error(
      'this test needs Temporal: set TEMPORAL_ADDRESS, or install the dev server with bash scripts/setup-temporal.sh',
    );
  }
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return address;
      } finally {
        await connection.close();
      }
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`the Temporal dev server at ${address} did not answer within 60 s: ${String(error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
