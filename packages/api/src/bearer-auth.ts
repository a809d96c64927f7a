import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpError } from './http-error.js';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Checks `Authorization: Bearer <token>` in constant time: both sides are hashed first, so neither
 * the comparison nor an early length mismatch tells an attacker how much of a guess was right.
 */
export function createBearerCheck(token: string): (authorization: string | undefined) => void {
  const expected = digest(token);
  return (authorization) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    const given = digest(match?.[1] ?? '');
    if (!match || !timingSafeEqual(given, expected)) {
      throw new HttpError(
        401,
        'UNAUTHORISED',
        'a valid bearer token is required (Authorization: Bearer <token>)',
        {
          'www-authenticate': 'Bearer realm="kiago"',
        },
      );
    }
  };
}
