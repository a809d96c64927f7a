import type {
  AutoscalerClock,
  AutoscalerLogger,
  BacklogSnapshot,
  BacklogSource,
  GpuAutoscalerConfig,
  TickOutcome,
} from './autoscaler-types.js';
import { createDeploymentScaleClient, type DeploymentScale } from './deployment-scale-client.js';
import { desiredReplicas } from './desired-replicas.js';
import {
  ScaleApiError,
  ScaleConflictError,
  ScaleForbiddenError,
  ScaleTargetNotFoundError,
} from './errors.js';
import type { K8sApi } from './k8s-api.js';
import { createReplicaStabiliser } from './replica-stabiliser.js';
import { systemClock } from './system-clock.js';

/** Read-modify-patch attempts when another writer keeps changing the scale under us. */
export const MAX_CONFLICT_ATTEMPTS = 3;
/** Upper bound of the exponential back-off after 403/404. */
export const MAX_BACKOFF_MS = 10 * 60_000;

export interface GpuAutoscalerDeps {
  k8s: Pick<K8sApi, 'apps'>;
  backlogSource: BacklogSource;
  config: GpuAutoscalerConfig;
  logger: AutoscalerLogger;
  clock?: AutoscalerClock;
}

export interface GpuAutoscaler {
  /** One reconcile step: read backlog and scale, patch the scale if the stabilised count differs. Never throws. */
  tick(): Promise<TickOutcome>;
  /** Ticks every `intervalMs` until `signal` aborts. */
  run(signal: AbortSignal): Promise<void>;
}

/**
 * Sizes the gpu-worker Deployment from the `kiago-gpu` backlog. It only ever reads and patches
 * `deployments/<config.deployment>/scale` in `config.namespace` — the one resource its Role allows.
 */
export function createGpuAutoscaler(deps: GpuAutoscalerDeps): GpuAutoscaler {
  const { config, logger, backlogSource } = deps;
  const clock = deps.clock ?? systemClock;
  const scale = createDeploymentScaleClient(deps.k8s.apps, {
    namespace: config.namespace,
    deployment: config.deployment,
  });
  const stabiliser = createReplicaStabiliser(config);
  const target = { namespace: config.namespace, deployment: config.deployment };
  let consecutiveRefusals = 0;
  let retryAtMs = Number.NEGATIVE_INFINITY;

  function backOff(): number {
    consecutiveRefusals += 1;
    const delayMs = Math.min(MAX_BACKOFF_MS, config.intervalMs * 2 ** consecutiveRefusals);
    retryAtMs = clock.nowMs() + delayMs;
    return delayMs;
  }

  async function readBacklog(): Promise<BacklogSnapshot | string> {
    try {
      const snapshot = await backlogSource();
      const valid = [snapshot.backlog, snapshot.runningShards].every((n) => Number.isInteger(n) && n >= 0);
      return valid ? snapshot : `backlog source returned ${JSON.stringify(snapshot)}`;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  // Patches towards the stabilised count, re-reading after each 409 (someone else scaled meanwhile).
  async function reconcile(current: DeploymentScale, desired: number): Promise<TickOutcome> {
    let observed = current;
    for (let attempt = 1; attempt <= MAX_CONFLICT_ATTEMPTS; attempt += 1) {
      const next = stabiliser.stabilise(clock.nowMs(), observed.replicas);
      if (next === observed.replicas) return { kind: 'steady', replicas: next, desiredReplicas: desired };
      try {
        await scale.patchReplicas(next, observed.resourceVersion);
        return {
          kind: 'scaled',
          fromReplicas: observed.replicas,
          toReplicas: next,
          desiredReplicas: desired,
        };
      } catch (error) {
        if (!(error instanceof ScaleConflictError)) throw error;
        logger.warn(
          `gpu autoscaler: ${error.message}; re-reading (attempt ${attempt}/${MAX_CONFLICT_ATTEMPTS})`,
        );
        observed = await scale.read();
      }
    }
    return { kind: 'conflict-unresolved', attempts: MAX_CONFLICT_ATTEMPTS };
  }

  async function tick(): Promise<TickOutcome> {
    if (clock.nowMs() < retryAtMs) return { kind: 'backing-off', retryAtMs };
    const snapshot = await readBacklog();
    if (typeof snapshot === 'string') {
      logger.warn(`gpu autoscaler: backlog unavailable, leaving replicas as they are: ${snapshot}`);
      return { kind: 'backlog-unavailable', reason: snapshot };
    }
    const desired = desiredReplicas({
      ...snapshot,
      slotsPerReplica: config.shardsPerReplica,
      min: config.minReplicas,
      max: config.maxReplicas,
    });
    stabiliser.record(clock.nowMs(), desired);
    try {
      const outcome = await reconcile(await scale.read(), desired);
      consecutiveRefusals = 0;
      if (outcome.kind === 'scaled') {
        logger.info(
          `gpu autoscaler: scaled ${target.namespace}/${target.deployment} ${outcome.fromReplicas} -> ${outcome.toReplicas}`,
          { ...snapshot, desiredReplicas: desired, shardsPerReplica: config.shardsPerReplica },
        );
      }
      return outcome;
    } catch (error) {
      return handleFailure(error);
    }
  }

  function handleFailure(error: unknown): TickOutcome {
    if (error instanceof ScaleForbiddenError || error instanceof ScaleTargetNotFoundError) {
      const delayMs = backOff();
      logger.error(`gpu autoscaler: ${error.message}; backing off ${Math.round(delayMs / 1000)} s`, {
        consecutiveRefusals,
      });
      return { kind: error instanceof ScaleForbiddenError ? 'forbidden' : 'not-found', retryAtMs };
    }
    const httpStatus = error instanceof ScaleApiError ? error.httpStatus : null;
    logger.warn(
      `gpu autoscaler: ${error instanceof Error ? error.message : String(error)}; retrying next tick`,
    );
    return { kind: 'api-error', httpStatus };
  }

  return {
    tick,
    async run(signal) {
      logger.info('gpu autoscaler: started', { ...config });
      while (!signal.aborted) {
        await tick();
        await clock.sleep(config.intervalMs, signal);
      }
      logger.info('gpu autoscaler: stopped');
    },
  };
}
