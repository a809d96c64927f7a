import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

/** Campaign specs are a few kilobytes; anything this large is a mistake or an attack. */
export const MAX_BODY_BYTES = 1 << 20;

/** The request body parsed as JSON: 415 unless it says application/json, 413 past the limit, 400 if unparsable. */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new HttpError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'the body must be JSON (Content-Type: application/json)',
    );
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new HttpError(400, 'INVALID_JSON', `the body is not valid JSON: ${(error as Error).message}`);
  }
}

function tooLarge(): HttpError {
  return new HttpError(413, 'BODY_TOO_LARGE', `the body must be at most ${MAX_BODY_BYTES} bytes`);
}
