import type { SuperconFamily } from '@kiago/datasets';
import type { Composition } from '@kiago/shared';

export const TC_FAMILIES = ['cuprate', 'iron-based', 'hydride', 'other'] as const;
/** The families Tc metrics are reported by. */
export type TcFamily = (typeof TC_FAMILIES)[number];

/** The hydride mode's threshold (DESIGN §5: fixed H ≥ 0.4). */
export const HYDRIDE_MIN_HYDROGEN_FRACTION = 0.4;
/**
 * Iron must be a main constituent (BaFe2As2 0.4, LaFeAsO 0.25, Sr2VO3FeAs 0.11), so Fe-doped
 * sulphides such as Fe0.05TaS2 stay in `other`.
 */
export const IRON_BASED_MIN_IRON_FRACTION = 0.1;
const IRON_PARTNERS = ['As', 'P', 'Se', 'Te', 'S'] as const;

/**
 * Family of a composition, with SuperDiff's curated label when the row has one:
 * 1. label `cuprate` / `iron_based_pnictide` → that family;
 * 2. hydrogen fraction ≥ 0.4 → `hydride` (SuperDiff has no hydride label; its H-rich rows are `other`);
 * 3. label `other` → `other`;
 * 4. unlabelled rows (Stanev-only superconductors, non-superconductors): Cu and O → `cuprate`;
 *    Fe fraction ≥ 0.1 with As/P/Se/Te/S → `iron-based`; else `other`.
 * On SuperDiff the composition rule for cuprates matches the label on every row.
 */
export function classifyTcFamily(composition: Composition, label?: SuperconFamily): TcFamily {
  if (label === 'cuprate') return 'cuprate';
  if (label === 'iron_based_pnictide') return 'iron-based';
  let total = 0;
  for (const amount of composition.values()) total += amount;
  const fraction = (symbol: string) => (composition.get(symbol) ?? 0) / total;
  if (fraction('H') >= HYDRIDE_MIN_HYDROGEN_FRACTION) return 'hydride';
  if (label === 'other') return 'other';
  if (composition.has('Cu') && composition.has('O')) return 'cuprate';
  if (
    fraction('Fe') >= IRON_BASED_MIN_IRON_FRACTION &&
    IRON_PARTNERS.some((partner) => composition.has(partner))
  ) {
    return 'iron-based';
  }
  return 'other';
}
