import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import type { GpuAutoscalerConfig } from './autoscaler-types.js';

// RFC 1123 label: what Kubernetes accepts for namespace and Deployment names.
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function integerVar(name: string, min: number, fallback: number) {
  return z.coerce
    .number({ error: `${name} must be an integer` })
    .int({ error: `${name} must be an integer` })
    .min(min, { error: `${name} must be at least ${min}` })
    .default(fallback);
}

function dnsLabelVar(name: string) {
  return z
    .string()
    .max(63, { error: `${name} must be at most 63 characters` })
    .regex(DNS_LABEL, { error: `${name} must be a lowercase RFC 1123 label (a-z, 0-9, '-')` });
}

const autoscalerEnvSchema = z
  .object({
    KIAGO_AUTOSCALER_ENABLED: z
      .stringbool({ error: 'KIAGO_AUTOSCALER_ENABLED must be true or false' })
      .default(false),
    KIAGO_AUTOSCALER_NAMESPACE: dnsLabelVar('KIAGO_AUTOSCALER_NAMESPACE').optional(),
    KIAGO_AUTOSCALER_DEPLOYMENT: dnsLabelVar('KIAGO_AUTOSCALER_DEPLOYMENT').default('kiago-gpu-worker'),
    KIAGO_AUTOSCALER_MIN_REPLICAS: integerVar('KIAGO_AUTOSCALER_MIN_REPLICAS', 0, 0),
    KIAGO_AUTOSCALER_MAX_REPLICAS: integerVar('KIAGO_AUTOSCALER_MAX_REPLICAS', 1, 4),
    KIAGO_AUTOSCALER_SHARDS_PER_REPLICA: integerVar('KIAGO_AUTOSCALER_SHARDS_PER_REPLICA', 1, 1),
    KIAGO_AUTOSCALER_SCALE_UP_STABILISATION_S: integerVar('KIAGO_AUTOSCALER_SCALE_UP_STABILISATION_S', 0, 0),
    KIAGO_AUTOSCALER_SCALE_DOWN_STABILISATION_S: integerVar(
      'KIAGO_AUTOSCALER_SCALE_DOWN_STABILISATION_S',
      0,
      300,
    ),
    KIAGO_AUTOSCALER_INTERVAL_S: integerVar('KIAGO_AUTOSCALER_INTERVAL_S', 1, 15),
  })
  .superRefine((env, ctx) => {
    if (env.KIAGO_AUTOSCALER_MIN_REPLICAS > env.KIAGO_AUTOSCALER_MAX_REPLICAS) {
      ctx.addIssue({
        code: 'custom',
        path: ['KIAGO_AUTOSCALER_MAX_REPLICAS'],
        message: `KIAGO_AUTOSCALER_MAX_REPLICAS (${env.KIAGO_AUTOSCALER_MAX_REPLICAS}) must be >= KIAGO_AUTOSCALER_MIN_REPLICAS (${env.KIAGO_AUTOSCALER_MIN_REPLICAS})`,
      });
    }
    // The manifests fill it from the downward API; guessing a namespace could scale someone else's Deployment.
    if (env.KIAGO_AUTOSCALER_ENABLED && env.KIAGO_AUTOSCALER_NAMESPACE === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['KIAGO_AUTOSCALER_NAMESPACE'],
        message: 'KIAGO_AUTOSCALER_NAMESPACE is required when KIAGO_AUTOSCALER_ENABLED=true',
      });
    }
  });

export type AutoscalerEnv = { enabled: false } | { enabled: true; config: GpuAutoscalerConfig };

/**
 * The autoscaler's settings from the environment its process's env module passes in. Off unless
 * KIAGO_AUTOSCALER_ENABLED=true, so a process outside a cluster never talks to a Kubernetes API.
 * Throws a SpecError naming the variable.
 */
export function parseAutoscalerEnv(env: Readonly<Record<string, string | undefined>>): AutoscalerEnv {
  const parsed = parseOrThrow(autoscalerEnvSchema, env, 'environment');
  if (!parsed.KIAGO_AUTOSCALER_ENABLED) return { enabled: false };
  return {
    enabled: true,
    config: {
      namespace: parsed.KIAGO_AUTOSCALER_NAMESPACE!,
      deployment: parsed.KIAGO_AUTOSCALER_DEPLOYMENT,
      minReplicas: parsed.KIAGO_AUTOSCALER_MIN_REPLICAS,
      maxReplicas: parsed.KIAGO_AUTOSCALER_MAX_REPLICAS,
      shardsPerReplica: parsed.KIAGO_AUTOSCALER_SHARDS_PER_REPLICA,
      scaleUpStabilisationMs: parsed.KIAGO_AUTOSCALER_SCALE_UP_STABILISATION_S * 1000,
      scaleDownStabilisationMs: parsed.KIAGO_AUTOSCALER_SCALE_DOWN_STABILISATION_S * 1000,
      intervalMs: parsed.KIAGO_AUTOSCALER_INTERVAL_S * 1000,
    },
  };
}
