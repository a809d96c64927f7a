export interface StabiliserWindows {
  scaleUpStabilisationMs: number;
  scaleDownStabilisationMs: number;
}

export interface ReplicaStabiliser {
  /** Remembers one raw recommendation (what the backlog asks for right now). */
  record(nowMs: number, recommendedReplicas: number): void;
  /** The replica count to set, given the current one; does not record anything. */
  stabilise(nowMs: number, currentReplicas: number): number;
}

interface Recommendation {
  atMs: number;
  replicas: number;
}

/**
 * The HorizontalPodAutoscaler's stabilisation (behavior.scaleUp/scaleDown.stabilizationWindowSeconds):
 * - scale up only to the LOWEST recommendation seen within the scale-up window, i.e. a level the
 *   backlog has asked for throughout that window (window 0 = follow bursts at once);
 * - scale down only to the HIGHEST recommendation seen within the scale-down window, i.e. only when
 *   every recommendation in that window was lower.
 * The current count is then clamped into [that scale-up bound, that scale-down bound], so a backlog
 * that oscillates faster than the windows cannot make the Deployment flap.
 */
export function createReplicaStabiliser(windows: StabiliserWindows): ReplicaStabiliser {
  const { scaleUpStabilisationMs, scaleDownStabilisationMs } = windows;
  const longestWindowMs = Math.max(scaleUpStabilisationMs, scaleDownStabilisationMs);
  let history: Recommendation[] = [];

  return {
    record(nowMs, recommendedReplicas) {
      history = history.filter((r) => r.atMs > nowMs - longestWindowMs);
      history.push({ atMs: nowMs, replicas: recommendedReplicas });
    },
    stabilise(nowMs, currentReplicas) {
      const latest = history.at(-1);
      if (latest === undefined) return currentReplicas;
      let upBound = latest.replicas;
      let downBound = latest.replicas;
      for (const r of history) {
        if (r.atMs > nowMs - scaleUpStabilisationMs) upBound = Math.min(upBound, r.replicas);
        if (r.atMs > nowMs - scaleDownStabilisationMs) downBound = Math.max(downBound, r.replicas);
      }
      return Math.min(downBound, Math.max(upBound, currentReplicas));
    },
  };
}
