import { SpecError } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { parseAutoscalerEnv } from './autoscaler-env.js';

describe('parseAutoscalerEnv', () => {
  it('is off when nothing is set, so nothing outside a cluster calls a Kubernetes API', () => {
    expect(parseAutoscalerEnv({})).toEqual({ enabled: false });
    expect(
      parseAutoscalerEnv({ KIAGO_AUTOSCALER_ENABLED: 'false', KIAGO_AUTOSCALER_MAX_REPLICAS: '3' }),
    ).toEqual({
      enabled: false,
    });
  });

  it('reads every setting and turns seconds into milliseconds', () => {
    const env = parseAutoscalerEnv({
      KIAGO_AUTOSCALER_ENABLED: 'true',
      KIAGO_AUTOSCALER_NAMESPACE: 'kiago',
      KIAGO_AUTOSCALER_DEPLOYMENT: 'gpu',
      KIAGO_AUTOSCALER_MIN_REPLICAS: '1',
      KIAGO_AUTOSCALER_MAX_REPLICAS: '16',
      KIAGO_AUTOSCALER_SHARDS_PER_REPLICA: '4',
      KIAGO_AUTOSCALER_SCALE_UP_STABILISATION_S: '30',
      KIAGO_AUTOSCALER_SCALE_DOWN_STABILISATION_S: '600',
      KIAGO_AUTOSCALER_INTERVAL_S: '20',
    });
    expect(env).toEqual({
      enabled: true,
      config: {
        namespace: 'kiago',
        deployment: 'gpu',
        minReplicas: 1,
        maxReplicas: 16,
        shardsPerReplica: 4,
        scaleUpStabilisationMs: 30_000,
        scaleDownStabilisationMs: 600_000,
        intervalMs: 20_000,
      },
    });
  });

  it('has HPA-like defaults', () => {
    const env = parseAutoscalerEnv({ KIAGO_AUTOSCALER_ENABLED: '1', KIAGO_AUTOSCALER_NAMESPACE: 'kiago' });
    expect(env).toMatchObject({
      enabled: true,
      config: {
        deployment: 'kiago-gpu-worker',
        minReplicas: 0,
        maxReplicas: 4,
        scaleDownStabilisationMs: 300_000,
      },
    });
  });

  it.each([
    [{ KIAGO_AUTOSCALER_ENABLED: 'maybe' }, 'KIAGO_AUTOSCALER_ENABLED must be true or false'],
    [{ KIAGO_AUTOSCALER_ENABLED: 'true' }, 'KIAGO_AUTOSCALER_NAMESPACE is required'],
    [
      { KIAGO_AUTOSCALER_NAMESPACE: 'Kiago_Prod' },
      'KIAGO_AUTOSCALER_NAMESPACE must be a lowercase RFC 1123 label',
    ],
    [{ KIAGO_AUTOSCALER_MAX_REPLICAS: '2.5' }, 'KIAGO_AUTOSCALER_MAX_REPLICAS must be an integer'],
    [{ KIAGO_AUTOSCALER_MIN_REPLICAS: '-1' }, 'KIAGO_AUTOSCALER_MIN_REPLICAS must be at least 0'],
    [{ KIAGO_AUTOSCALER_INTERVAL_S: '0' }, 'KIAGO_AUTOSCALER_INTERVAL_S must be at least 1'],
    [
      { KIAGO_AUTOSCALER_MIN_REPLICAS: '5', KIAGO_AUTOSCALER_MAX_REPLICAS: '2' },
      'KIAGO_AUTOSCALER_MAX_REPLICAS (2) must be >= KIAGO_AUTOSCALER_MIN_REPLICAS (5)',
    ],
  ])('rejects %o naming the variable', (env, message) => {
    expect(() => parseAutoscalerEnv(env)).toThrow(SpecError);
    expect(() => parseAutoscalerEnv(env)).toThrow(message);
  });
});
