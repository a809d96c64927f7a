/** Files of a mini data directory: path relative to the data directory → file text. */
export type MiniDataFiles = Readonly<Record<string, string>>;

/**
 * CSV text from a header and record lines written verbatim, so a data set can hold the quoting,
 * bad cells and missing final newline its loader must cope with.
 */
export function csvText(header: string, records: readonly string[], { finalNewline = true } = {}): string {
  const text = [header, ...records].join('\n');
  return finalNewline ? `${text}\n` : text;
}
