import { describe, expect, it } from 'vitest';
import { retryableDbErrorCode } from './retryable-db-error.js';

describe('retryableDbErrorCode', () => {
  it('finds SQLSTATEs and socket errors through causes and Prisma driver-adapter metadata', () => {
    expect(retryableDbErrorCode(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toBe(
      '40P01',
    );
    expect(retryableDbErrorCode(Object.assign(new Error('admin shutdown'), { code: '08006' }))).toBe('08006');
    const socket = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(retryableDbErrorCode(new Error('query failed', { cause: socket }))).toBe('ECONNRESET');
    const prisma = Object.assign(new Error('Raw query failed'), {
      code: 'P2010',
      meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { originalCode: '40001' } } },
    });
    expect(retryableDbErrorCode(prisma)).toBe('40001');
  });

  it('leaves bad input and constraint violations alone', () => {
    expect(
      retryableDbErrorCode(Object.assign(new Error('duplicate key'), { code: '23505' })),
    ).toBeUndefined();
    expect(retryableDbErrorCode(new Error('bad input'))).toBeUndefined();
    expect(retryableDbErrorCode('40001')).toBeUndefined();
  });
});
