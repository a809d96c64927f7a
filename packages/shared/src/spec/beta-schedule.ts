import type { BetaSchedule } from './field-schemas.js';

/**
 * β(t) for step t ∈ [0, steps). The reference ramp is 0 before T/2, then max·(t − T/2 + 1)/(T/2):
 * at T = 1000 and max 1e5 that is 200, 400, … reaching 1e5 at the last step.
 */
export function betaAtStep(schedule: BetaSchedule, step: number, steps: number): number {
  if (schedule.kind === 'constant') return schedule.value;
  const half = Math.floor(steps / 2);
  if (step < half) return 0;
  return (schedule.max * (step - half + 1)) / (steps - half);
}

/** The step at which the element-count mask is built (and the reference β ramp starts). */
export function maskStep(steps: number): number {
  return Math.floor(steps / 2);
}
