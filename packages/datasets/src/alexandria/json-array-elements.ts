import { DataFileError } from '@kiago/shared';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

function isJsonWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/**
 * Streams the JSON text of each element of the array stored under `key` in a top-level JSON object
 * (`{"@class": …, "entries": [{…}, {…}]}`), one element at a time. A dump of hundreds of MB never
 * sits in memory, nor in one string (V8 caps strings at ~512 MB). Elements must be objects or
 * arrays; every other top-level field is skipped unparsed.
 */
export async function* jsonArrayElements(
  chunks: AsyncIterable<string>,
  key: string,
  file: string,
): AsyncGenerator<string> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let capturedKey: string | null = null;
  let lastTopLevelString = '';
  let state: 'before' | 'inside' | 'after' = 'before';
  let inElement = false;
  let parts: string[] = [];
  for await (const chunk of chunks) {
    let elementStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const code = chunk.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (code === BACKSLASH) escaped = true;
        else if (code === QUOTE) {
          inString = false;
          if (capturedKey !== null) lastTopLevelString = capturedKey;
          capturedKey = null;
          continue;
        }
        if (capturedKey !== null) capturedKey += chunk[i];
        continue;
      }
      if (code === QUOTE) {
        if (state === 'inside' && depth === 2 && !inElement) throw notAContainer(file, key);
        inString = true;
        if (depth === 1 && state === 'before') capturedKey = '';
      } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        if (state === 'inside' && depth === 2 && !inElement) {
          inElement = true;
          elementStart = i;
        } else if (code === OPEN_BRACKET && depth === 1 && state === 'before' && lastTopLevelString === key) {
          // The last string read at depth 1 before a `[` is that array's key.
          state = 'inside';
        }
        depth++;
      } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        depth--;
        if (inElement && depth === 2) {
          parts.push(chunk.slice(elementStart, i + 1));
          yield parts.join('');
          parts = [];
          inElement = false;
        } else if (state === 'inside' && depth === 1) {
          state = 'after';
        }
      } else if (
        state === 'inside' &&
        depth === 2 &&
        !inElement &&
        code !== COMMA &&
        !isJsonWhitespace(code)
      ) {
        throw notAContainer(file, key);
      }
    }
    if (inElement) parts.push(chunk.slice(elementStart));
  }
  if (state === 'before') throw new DataFileError(file, `no "${key}" array in the top-level JSON object`);
  if (state === 'inside' || depth !== 0 || inString) {
    throw new DataFileError(file, 'truncated JSON: the input ends inside an open object, array or string');
  }
}

function notAContainer(file: string, key: string): DataFileError {
  return new DataFileError(file, `"${key}" must hold objects (found a string, number or literal)`);
}
