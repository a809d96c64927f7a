/** Why a physical line could not be read as (part of) an RFC 4180 record. */
export class CsvSyntaxError extends Error {}

/**
 * Assembles RFC 4180 records from physical lines (line breaks already removed, as node:readline
 * delivers them). A quoted field may contain commas, doubled quotes (`""` → `"`) and line breaks;
 * while such a field is open, `pushLine` returns null and the next line continues it (joined with
 * `\n`, so a CRLF inside a quoted field reads as LF). A quote inside an unquoted field is kept as a
 * literal character, as most writers produce it.
 */
export class CsvRecordParser {
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  private afterClosingQuote = false;

  /** True while a quoted field spans the line boundary. */
  get pending(): boolean {
    return this.inQuotes;
  }

  /** Feeds one physical line; returns the fields once the record is complete, else null. */
  pushLine(line: string): string[] | null {
    // Fast path: almost every line of the shipped data sets has no quotes at all.
    if (!this.inQuotes && !line.includes('"')) return line.split(',');
    if (this.inQuotes) this.field += '\n';
    for (let i = 0; i < line.length; i++) {
      const char = line[i]!;
      if (this.inQuotes) {
        if (char !== '"') this.field += char;
        else if (line[i + 1] === '"') {
          this.field += '"';
          i++;
        } else {
          this.inQuotes = false;
          this.afterClosingQuote = true;
        }
      } else if (char === ',') {
        this.fields.push(this.field);
        this.field = '';
        this.afterClosingQuote = false;
      } else if (this.afterClosingQuote) {
        throw new CsvSyntaxError(
          `unexpected ${JSON.stringify(char)} after a closing quote (column ${i + 1})`,
        );
      } else if (char === '"' && this.field === '') {
        this.inQuotes = true;
      } else {
        this.field += char;
      }
    }
    if (this.inQuotes) return null;
    const fields = [...this.fields, this.field];
    this.fields = [];
    this.field = '';
    this.afterClosingQuote = false;
    return fields;
  }
}
