import { describe, expect, it } from 'vitest';
import { BinaryCopyWriter, isUuid } from './binary-copy-writer.js';

describe('BinaryCopyWriter', () => {
  it('writes the COPY header, length-prefixed fields, NULLs and the trailer, growing its buffer', () => {
    const writer = new BinaryCopyWriter(4);
    writer.startRow(5);
    writer.int4(7);
    writer.float8(null);
    writer.bool(true);
    writer.text('Cu');
    writer.textArray(['La', 'O']);
    const bytes = writer.finish();

    expect(bytes.subarray(0, 11).toString('latin1')).toBe('PGCOPY\n\xff\r\n\0');
    const body = bytes.subarray(19);
    const expected = Buffer.concat([
      Buffer.from([0, 5]), // field count
      Buffer.from([0, 0, 0, 4, 0, 0, 0, 7]), // int4 7
      Buffer.from([0xff, 0xff, 0xff, 0xff]), // NULL
      Buffer.from([0, 0, 0, 1, 1]), // true
      Buffer.from([0, 0, 0, 2]),
      Buffer.from('Cu'),
      Buffer.from([0, 0, 0, 31, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 25, 0, 0, 0, 2, 0, 0, 0, 1]),
      Buffer.from([0, 0, 0, 2]),
      Buffer.from('La'),
      Buffer.from([0, 0, 0, 1]),
      Buffer.from('O'),
      Buffer.from([0xff, 0xff]), // trailer
    ]);
    expect(body).toEqual(expected);
  });

  it('recognises canonical uuids only', () => {
    expect(isUuid('0b7c8f2e-3c1d-4a57-9d2e-8f1e2a3b4c5d')).toBe(true);
    expect(isUuid('0b7c8f2e3c1d4a579d2e8f1e2a3b4c5d')).toBe(false);
    expect(isUuid('zzzzzzzz-3c1d-4a57-9d2e-8f1e2a3b4c5d')).toBe(false);
  });
});
