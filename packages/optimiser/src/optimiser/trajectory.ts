import type { ShardTrajectory } from './shard-result.js';

/** Keeps every `stride`-th step and the last one, so a trajectory stays a few hundred points long. */
export class TrajectoryRecorder {
  private readonly stride: number;
  readonly trajectory: ShardTrajectory = { step: [], meanLoss: [], meanTcKelvin: [], bestTcKelvin: [] };

  constructor(
    private readonly steps: number,
    maxPoints: number,
  ) {
    this.stride = Math.max(1, Math.ceil(steps / maxPoints));
  }

  /** `step` counts completed steps (1…steps). */
  record(step: number, meanLoss: number, meanTcKelvin: number, bestTcKelvin: number): void {
    if (step % this.stride !== 0 && step !== this.steps) return;
    this.trajectory.step.push(step);
    this.trajectory.meanLoss.push(meanLoss);
    this.trajectory.meanTcKelvin.push(meanTcKelvin);
    this.trajectory.bestTcKelvin.push(bestTcKelvin);
  }
}
