import {
  type Composition,
  elementSetKey,
  MAX_REPORTED_ISSUES,
  normaliseComposition,
  SpecError,
  type SpecIssue,
} from '@kiago/shared';

/** One reference compound as a source lists it, ready to be stored as a ReferenceEntry. */
export interface ReferenceRow {
  /** Id in the source database ("mp-1234", "agm002153894"); unique within a reference set. */
  sourceId: string;
  /** Formula as the source writes it. */
  formula: string;
  composition: Composition;
  /** The source's own DFT formation energy; null when it has none (model energies only). */
  dftEfEvPerAtom: number | null;
}

/** A ReferenceRow in the shape of its database columns. */
export interface ReferenceEntryColumns {
  sourceId: string;
  formula: string;
  /** `{ symbol: fraction }`, fractions summing to 1 (the column's documented form). */
  compositionJson: string;
  elementSetKey: string;
  dftEfEvPerAtom: number | null;
}

/**
 * Checks every row (ids present and unique, a composition of known elements with positive finite
 * amounts, a finite or null energy) and converts it to columns. All problems are reported at once
 * as a SpecError naming `<row>.<field>`; nothing is converted when any row is bad, so an import
 * never stores half a list.
 */
export function referenceEntryColumns(
  rows: readonly ReferenceRow[],
  source: string,
): ReferenceEntryColumns[] {
  const issues: SpecIssue[] = [];
  const firstRowOfId = new Map<string, number>();
  const columns: ReferenceEntryColumns[] = [];
  rows.forEach((row, i) => {
    if (issues.length >= MAX_REPORTED_ISSUES) return;
    const add = (field: string, message: string) => issues.push({ path: `${i}.${field}`, message });
    if (typeof row.sourceId !== 'string' || row.sourceId.trim() === '')
      add('sourceId', 'must be a non-empty id');
    else if (firstRowOfId.has(row.sourceId)) {
      add(
        'sourceId',
        `duplicate id ${JSON.stringify(row.sourceId)} (already row ${firstRowOfId.get(row.sourceId)})`,
      );
    } else firstRowOfId.set(row.sourceId, i);
    if (typeof row.formula !== 'string' || row.formula === '') add('formula', 'must be a non-empty formula');
    const energy = row.dftEfEvPerAtom;
    if (energy !== null && !(typeof energy === 'number' && Number.isFinite(energy))) {
      add('dftEfEvPerAtom', `must be a finite number or null, got ${energy}`);
    }
    try {
      const fractions = normaliseComposition(row.composition);
      columns.push({
        sourceId: row.sourceId,
        formula: row.formula,
        compositionJson: JSON.stringify(Object.fromEntries(fractions)),
        elementSetKey: elementSetKey(fractions),
        dftEfEvPerAtom: energy,
      });
    } catch (error) {
      add('composition', error instanceof Error ? error.message : String(error));
    }
  });
  if (issues.length > 0) throw new SpecError(source, issues);
  return columns;
}
