import { describe, expect, it } from 'vitest';
import { CsvRecordParser, CsvSyntaxError } from './csv-record-parser.js';

describe('CsvRecordParser', () => {
  it('splits plain lines on commas, keeping empty fields', () => {
    expect(new CsvRecordParser().pushLine('a,,c,')).toEqual(['a', '', 'c', '']);
  });

  it('reads quoted fields with commas and doubled quotes', () => {
    const parser = new CsvRecordParser();
    expect(parser.pushLine('"Ag(AuS)2, pure","say ""hi""",3')).toEqual(['Ag(AuS)2, pure', 'say "hi"', '3']);
    expect(parser.pushLine('"",x,""')).toEqual(['', 'x', '']);
  });

  it('continues a quoted field across lines until it closes', () => {
    const parser = new CsvRecordParser();
    expect(parser.pushLine('1,"first')).toBeNull();
    expect(parser.pending).toBe(true);
    expect(parser.pushLine('')).toBeNull();
    expect(parser.pushLine('last",2')).toEqual(['1', 'first\n\nlast', '2']);
    expect(parser.pending).toBe(false);
    expect(parser.pushLine('next,record')).toEqual(['next', 'record']);
  });

  it('keeps a quote inside an unquoted field literally', () => {
    expect(new CsvRecordParser().pushLine('5" disk,2')).toEqual(['5" disk', '2']);
  });

  it('rejects text after a closing quote', () => {
    expect(() => new CsvRecordParser().pushLine('"a"b,c')).toThrow(CsvSyntaxError);
  });
});
