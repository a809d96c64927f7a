import { SpecError } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { parseTemporalEnv, parseWorkerEnv } from './worker-env.js';

const DATABASE_URL = 'postgresql://kiago:kiago@127.0.0.1:5432/kiago';

describe('parseWorkerEnv', () => {
  it('fills the documented defaults', () => {
    expect(parseWorkerEnv({ DATABASE_URL })).toEqual({
      databaseUrl: DATABASE_URL,
      temporal: {
        address: '127.0.0.1:7233',
        namespace: 'default',
        taskQueues: { orchestrator: 'kiago-orchestrator', gpu: 'kiago-gpu', screening: 'kiago-screening' },
      },
      healthPort: 9090,
      healthHost: '127.0.0.1',
      logLevel: 'info',
    });
  });

  it('reads the Kubernetes settings: address, namespace, mTLS files, health port, log level, queue suffix', () => {
    const env = parseWorkerEnv({
      DATABASE_URL,
      TEMPORAL_ADDRESS: 'temporal-frontend.temporal.svc.cluster.local:7233',
      TEMPORAL_NAMESPACE: 'kiago',
      TEMPORAL_TLS_CERT_PATH: '/tls/tls.crt',
      TEMPORAL_TLS_KEY_PATH: '/tls/tls.key',
      TEMPORAL_TLS_CA_PATH: '/tls/ca.crt',
      KIAGO_HEALTH_PORT: '0',
      KIAGO_HEALTH_HOST: '0.0.0.0',
      KIAGO_LOG_LEVEL: 'debug',
      KIAGO_TASK_QUEUE_SUFFIX: 'staging',
    });
    expect(env.temporal).toEqual({
      address: 'temporal-frontend.temporal.svc.cluster.local:7233',
      namespace: 'kiago',
      taskQueues: {
        orchestrator: 'kiago-orchestrator-staging',
        gpu: 'kiago-gpu-staging',
        screening: 'kiago-screening-staging',
      },
      tls: { clientCertPath: '/tls/tls.crt', clientKeyPath: '/tls/tls.key', caPath: '/tls/ca.crt' },
    });
    expect(env).toMatchObject({ healthPort: 0, healthHost: '0.0.0.0', logLevel: 'debug' });
  });

  it('names every bad variable in one SpecError', () => {
    const parse = () =>
      parseTemporalEnv({ TEMPORAL_ADDRESS: 'no-port', KIAGO_HEALTH_PORT: '70000', KIAGO_LOG_LEVEL: 'loud' });
    expect(parse).toThrow(SpecError);
    expect(parse).toThrow(/TEMPORAL_ADDRESS must be host:port/);
    expect(parse).toThrow(/KIAGO_HEALTH_PORT must be 0–65535/);
    expect(parse).toThrow(/KIAGO_LOG_LEVEL must be one of trace, debug, info, warn, error/);
  });

  it('refuses a client certificate without its key', () => {
    expect(() => parseTemporalEnv({ TEMPORAL_TLS_CERT_PATH: '/tls/tls.crt' })).toThrow(
      /TEMPORAL_TLS_KEY_PATH: TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH must be set together/,
    );
    expect(parseTemporalEnv({ TEMPORAL_TLS_CA_PATH: '/tls/ca.crt' }).tls).toEqual({ caPath: '/tls/ca.crt' });
  });

  it('requires DATABASE_URL for a worker', () => {
    expect(() => parseWorkerEnv({})).toThrow(/DATABASE_URL is required/);
  });
});
