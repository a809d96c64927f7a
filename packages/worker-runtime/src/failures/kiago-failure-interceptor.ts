import { CancelledFailure } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { toApplicationFailure } from './to-application-failure.js';

/**
 * Turns every KiagoError an activity throws into a typed ApplicationFailure (see
 * toApplicationFailure). Once the activity has been cancelled, whatever it threw on its way out
 * (e.g. the optimiser's own "cancelled after N steps") is reported as the cancellation it is.
 */
export const kiagoFailureInterceptor: ActivityInterceptorsFactory = (ctx) => ({
  inbound: {
    async execute(input, next) {
      try {
        return await next(input);
      } catch (error) {
        const reason: unknown = ctx.cancellationSignal.reason;
        if (ctx.cancellationSignal.aborted && reason instanceof CancelledFailure) throw reason;
        throw toApplicationFailure(error);
      }
    },
  },
});
