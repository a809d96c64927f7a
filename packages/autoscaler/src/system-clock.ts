import { setTimeout as delay } from 'node:timers/promises';
import type { AutoscalerClock } from './autoscaler-types.js';

export const systemClock: AutoscalerClock = {
  nowMs: () => Date.now(),
  async sleep(ms, signal) {
    try {
      await delay(ms, undefined, { signal });
    } catch (error) {
      if (!signal.aborted) throw error;
    }
  },
};
