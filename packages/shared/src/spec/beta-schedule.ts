import type { BetaSchedule } from './field-schemas.js';

/**
 * β(t) for step t ∈ [0, steps). Both schedules are 0 in the first stage (t < T/2): the integer loss
 * belongs to the second stage, where M_max is built (the paper's two-stage method; the reference
 * code agrees). Then the reference ramp is max·(t − T/2 + 1)/(T/2) — at T = 1000 and max 1e5 that
 * is 200, 400, … reaching 1e5 at the last step — and `constant` is its value (the paper's β = 1).
 */
export function betaAtStep(schedule: BetaSchedule, step: number, steps: number): number {
  const half = Math.floor(steps / 2);
  if (step < half) return 0;
  if (schedule.kind === 'constant') return schedule.value;
  return (schedule.max * (step - half + 1)) / (steps - half);
}

/** The step at which the element-count mask is built (and the reference β ramp starts). */
export function maskStep(steps: number): number {
  return Math.floor(steps / 2);
}
