// Encodes rows in Postgres' binary COPY format (https://www.postgresql.org/docs/current/sql-copy.html):
// the server takes the values without parsing text. unnest() over array parameters spent ~8 µs per
// candidate parsing arrays and floats; COPY roughly doubled bulk-insert throughput.
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const TEXT_OID = 25;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class BinaryCopyWriter {
  private buffer: Buffer;
  private position = 0;

  constructor(initialBytes = 1 << 20) {
    this.buffer = Buffer.allocUnsafe(initialBytes);
    this.bytes(SIGNATURE);
    this.int32(0); // flags
    this.int32(0); // header extension length
  }

  startRow(fieldCount: number): void {
    this.reserve(2);
    this.position = this.buffer.writeInt16BE(fieldCount, this.position);
  }

  null(): void {
    this.int32(-1);
  }

  /** Caller guarantees a canonical uuid string (see `isUuid`). */
  uuid(value: string): void {
    this.int32(16);
    this.reserve(16);
    this.position += this.buffer.write(value.replaceAll('-', ''), this.position, 16, 'hex');
  }

  int4(value: number): void {
    this.int32(4);
    this.int32(value);
  }

  float8(value: number | null | undefined): void {
    if (value === null || value === undefined) {
      this.null();
      return;
    }
    this.int32(8);
    this.reserve(8);
    this.position = this.buffer.writeDoubleBE(value, this.position);
  }

  bool(value: boolean | null | undefined): void {
    if (value === null || value === undefined) {
      this.null();
      return;
    }
    this.int32(1);
    this.reserve(1);
    this.buffer[this.position++] = value ? 1 : 0;
  }

  text(value: string): void {
    const length = Buffer.byteLength(value);
    this.int32(length);
    this.reserve(length);
    this.position += this.buffer.write(value, this.position, length, 'utf8');
  }

  /** A one-dimensional text[] without nulls. */
  textArray(values: readonly string[]): void {
    const encoded = values.map((value) => Buffer.from(value, 'utf8'));
    // ndim, has-nulls flag, element type oid, then (length, lower bound) for the one dimension
    this.int32(20 + encoded.reduce((sum, bytes) => sum + 4 + bytes.length, 0));
    this.int32(1);
    this.int32(0);
    this.int32(TEXT_OID);
    this.int32(values.length);
    this.int32(1);
    for (const bytes of encoded) {
      this.int32(bytes.length);
      this.bytes(bytes);
    }
  }

  /** jsonb's binary form: version byte 1, then the JSON text. */
  jsonb(json: string): void {
    const length = Buffer.byteLength(json);
    this.int32(length + 1);
    this.reserve(length + 1);
    this.buffer[this.position++] = 1;
    this.position += this.buffer.write(json, this.position, length, 'utf8');
  }

  /** The encoded stream including the trailer; the writer must not be used afterwards. */
  finish(): Buffer {
    this.reserve(2);
    this.position = this.buffer.writeInt16BE(-1, this.position);
    return this.buffer.subarray(0, this.position);
  }

  private int32(value: number): void {
    this.reserve(4);
    this.position = this.buffer.writeInt32BE(value, this.position);
  }

  private bytes(value: Buffer): void {
    this.reserve(value.length);
    this.position += value.copy(this.buffer, this.position);
  }

  private reserve(bytes: number): void {
    if (this.position + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.position + bytes));
    this.buffer.copy(grown, 0, 0, this.position);
    this.buffer = grown;
  }
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}
