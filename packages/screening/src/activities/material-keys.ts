import type { Db } from '@kiago/db';
import {
  CompositionError,
  canonicalKey,
  elementSetKey,
  FormulaError,
  formatFormula,
  parseFormula,
  toIntegerCounts,
} from '@kiago/shared';

interface MaterialKey {
  canonicalKey: string;
  /** Reduced formula in the candidate's own element order (readable: "La2CuO4"). */
  formula: string;
  elementSetKey: string;
}

// Sorted keys: two runs inserting overlapping keys lock them in the same order (no deadlock).
const INSERT_SQL = `INSERT INTO materials (canonical_key, formula, element_set_key, first_seen_run_id)
  SELECT key, formula, element_set_key, $4 FROM unnest($1::text[], $2::text[], $3::text[])
    AS u(key, formula, element_set_key) ORDER BY key
  ON CONFLICT (canonical_key) DO NOTHING RETURNING id`;
const SELECT_SQL = 'SELECT id, canonical_key AS key FROM materials WHERE canonical_key = ANY($1::text[])';

/**
 * Formula → Material id for one dedupe pass: canonical keys are computed once per distinct formula,
 * Material rows are created with INSERT … ON CONFLICT (canonical_key) DO NOTHING (shared across runs
 * and campaigns; the first run to see a key is recorded) and their ids read back, cached per key.
 */
export class MaterialKeys {
  private readonly keyOfFormula = new Map<string, MaterialKey | null>();
  private readonly idOfKey = new Map<string, string>();
  /** Material rows this pass created. */
  created = 0;

  constructor(
    private readonly db: Pick<Db, 'pool'>,
    private readonly runId: string,
  ) {}

  /** Material ids in input order; undefined for a formula that cannot be keyed. */
  async materialIdsFor(formulas: readonly string[]): Promise<(string | undefined)[]> {
    const keys = formulas.map((formula) => this.keyOf(formula));
    const missing = new Map<string, MaterialKey>();
    for (const key of keys) {
      if (key && !this.idOfKey.has(key.canonicalKey)) missing.set(key.canonicalKey, key);
    }
    if (missing.size > 0) await this.createAndRead([...missing.values()]);
    return keys.map((key) => (key ? this.idOfKey.get(key.canonicalKey) : undefined));
  }

  private keyOf(formula: string): MaterialKey | null {
    let key = this.keyOfFormula.get(formula);
    if (key === undefined) {
      key = computeKey(formula);
      this.keyOfFormula.set(formula, key);
    }
    return key;
  }

  private async createAndRead(keys: readonly MaterialKey[]): Promise<void> {
    const canonicalKeys = keys.map((key) => key.canonicalKey);
    const inserted = await this.db.pool.query(INSERT_SQL, [
      canonicalKeys,
      keys.map((key) => key.formula),
      keys.map((key) => key.elementSetKey),
      this.runId,
    ]);
    this.created += inserted.rowCount ?? 0;
    const { rows } = await this.db.pool.query<{ id: string; key: string }>(SELECT_SQL, [canonicalKeys]);
    for (const row of rows) this.idOfKey.set(row.key, row.id);
  }
}

function computeKey(formula: string): MaterialKey | null {
  try {
    const composition = parseFormula(formula);
    return {
      canonicalKey: canonicalKey(composition),
      formula: formatFormula(toIntegerCounts(composition), { order: 'input' }),
      elementSetKey: elementSetKey(composition),
    };
  } catch (error) {
    if (error instanceof FormulaError || error instanceof CompositionError) return null;
    throw error;
  }
}
