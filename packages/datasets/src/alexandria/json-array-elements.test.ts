import { DataFileError } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { jsonArrayElements } from './json-array-elements.js';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function elements(text: string, size = text.length) {
  const out: unknown[] = [];
  for await (const element of jsonArrayElements(chunked(text, size), 'entries', 'dump.json')) {
    out.push(JSON.parse(element));
  }
  return out;
}

const dump = JSON.stringify({
  '@class': 'Dump',
  notes: ['entries', { entries: [1] }],
  label: 'entries',
  entries: [
    { id: 'a', text: 'braces } ] { [ and "quotes" \\ inside', nested: { list: [[1, 2], { x: null }] } },
    [1, 2],
    { id: 'c' },
  ],
  trailer: { entries: 'not this one' },
});

describe('jsonArrayElements', () => {
  it('yields each element of the top-level "entries" array, whatever the chunk boundaries', async () => {
    const expected = (JSON.parse(dump) as { entries: unknown[] }).entries;
    for (const size of [1, 2, 7, 64, dump.length]) expect(await elements(dump, size)).toEqual(expected);
  });

  it('finds nothing when only nested objects have the key, and says so', async () => {
    const nestedOnly = JSON.stringify({ meta: { entries: [{ id: 1 }] } });
    await expect(elements(nestedOnly)).rejects.toThrow(
      'dump.json: no "entries" array in the top-level JSON object',
    );
  });

  it('rejects truncated input and scalar elements', async () => {
    await expect(elements(dump.slice(0, dump.length / 2))).rejects.toThrow(/truncated JSON/);
    await expect(elements('{"entries": [{"a": 1}, 2]}')).rejects.toBeInstanceOf(DataFileError);
  });
});
