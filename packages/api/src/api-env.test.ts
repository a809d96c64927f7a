import { describe, expect, it } from 'vitest';
import { parseApiEnv } from './api-env.js';

const TOKEN = 'api-env-token-0123456789';

describe('parseApiEnv', () => {
  it('listens on loopback unless KIAGO_API_HOST opens it', () => {
    expect(parseApiEnv({ KIAGO_API_TOKEN: TOKEN }).host).toBe('127.0.0.1');
    expect(parseApiEnv({ KIAGO_API_TOKEN: TOKEN, KIAGO_API_HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });
});
