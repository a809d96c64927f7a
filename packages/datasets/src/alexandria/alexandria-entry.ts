import { CompositionError, FormulaError, formatFormula, requireElement } from '@kiago/shared';
import { z } from 'zod';
import { boundedNumber, compositionCell, dropReasonOf } from '../load/cells.js';
import type { CompositionRecord } from '../load/merge-by-key.js';
import { E_ABOVE_HULL_MAX_EV_PER_ATOM, EF_MAX_EV_PER_ATOM, EF_MIN_EV_PER_ATOM } from '../load/thresholds.js';

/** An Alexandria PBE entry (its own DFT scale: never merged with MP or OQMD). */
export interface AlexandriaRow extends CompositionRecord {
  matId: string;
  efEvPerAtom: number;
  eAboveHullEvPerAtom: number;
  /** (energy + correction) / atoms of the entry: Alexandria's corrected total energy. */
  energyEvPerAtom: number;
}

const number = z.number({ error: 'not-a-number' });

/** The fields used from a pymatgen ComputedStructureEntry dict as Alexandria publishes it. */
const entrySchema = z.object({
  composition: z
    .record(z.string(), number.positive({ error: 'non-positive-amount' }))
    .refine((dict) => Object.keys(dict).length > 0, { error: 'empty' }),
  energy: number,
  correction: number.default(0),
  data: z.object({
    mat_id: z.string({ error: 'missing' }).min(1, { error: 'empty' }),
    e_form: boundedNumber({ min: EF_MIN_EV_PER_ATOM, max: EF_MAX_EV_PER_ATOM, unit: 'eV-per-atom' }),
    e_above_hull: boundedNumber({ min: 0, max: E_ABOVE_HULL_MAX_EV_PER_ATOM, unit: 'eV-per-atom' }),
  }),
});

/**
 * One entry's JSON text → row, or the drop reason: a zod path (`data.e_form:not-a-number`), a
 * FormulaError reason for a symbol that is not an element, or `e_above_hull:above-cutoff` when the
 * entry lies further above the hull than `maxEAboveHull`.
 */
export function alexandriaEntryToRow(text: string, maxEAboveHull?: number): AlexandriaRow | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'invalid-json';
  }
  const parsed = entrySchema.safeParse(json);
  if (!parsed.success) return dropReasonOf(parsed.error);
  const { composition: dict, energy, correction, data } = parsed.data;
  if (maxEAboveHull !== undefined && data.e_above_hull > maxEAboveHull) return 'e_above_hull:above-cutoff';
  try {
    const composition = new Map<string, number>();
    let atoms = 0;
    for (const [symbol, count] of Object.entries(dict)) {
      composition.set(requireElement(symbol).symbol, count);
      atoms += count;
    }
    return {
      ...compositionCell(formatFormula(composition, { order: 'input' }), composition),
      mergedRows: 1,
      matId: data.mat_id,
      efEvPerAtom: data.e_form,
      eAboveHullEvPerAtom: data.e_above_hull,
      energyEvPerAtom: (energy + correction) / atoms,
    };
  } catch (error) {
    if (error instanceof FormulaError || error instanceof CompositionError) return error.reason;
    throw error;
  }
}
