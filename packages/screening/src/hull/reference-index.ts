import { requireElement, SpecError } from '@kiago/shared';

/** Most elements a lookup may span (up to 2^16 − 1 subsets): far past any real candidate. */
const MAX_SYSTEM_ELEMENTS = 16;

export interface ReferencesBySystem<R> {
  /** Chemical-system key (symbols sorted by code unit, joined by '-', e.g. "Cu-La-O") → references. */
  readonly systems: ReadonlyMap<string, readonly R[]>;
  /** Every reference whose element set is a non-empty subset of `elements`. */
  referencesWithin(elements: Iterable<string>): R[];
}

export function systemKey(symbols: Iterable<string>): string {
  return [...new Set(symbols)].sort().join('-');
}

/** Trie over element sets as ascending atomic numbers; a node holds the references of its exact set. */
interface SystemNode<R> {
  children: Map<number, SystemNode<R>>;
  references: R[];
}

/**
 * Indexes references by their exact element set, so that the hull of a candidate with elements E
 * gathers the references of every subset of E without scanning the whole list. Lookups walk a trie
 * keyed by ascending atomic number: from each node only E's later elements are tried, so a
 * candidate visits just the subsets that are prefixes of some indexed system (never more than the
 * 2^|E| − 1 subsets, usually far fewer) with small-integer map lookups and no string building.
 */
export function groupReferencesBySystem<R extends { composition: ReadonlyMap<string, number> }>(
  references: Iterable<R>,
): ReferencesBySystem<R> {
  const systems = new Map<string, R[]>();
  const root: SystemNode<R> = { children: new Map(), references: [] };
  for (const reference of references) {
    const key = systemKey(reference.composition.keys());
    const list = systems.get(key);
    if (list) list.push(reference);
    else systems.set(key, [reference]);

    let node = root;
    for (const z of atomicNumbers(reference.composition.keys())) {
      let child = node.children.get(z);
      if (!child) {
        child = { children: new Map(), references: [] };
        node.children.set(z, child);
      }
      node = child;
    }
    node.references.push(reference);
  }

  function collect(node: SystemNode<R>, zs: readonly number[], start: number, found: R[]): void {
    for (let i = start; i < zs.length; i++) {
      const child = node.children.get(zs[i]!);
      if (!child) continue;
      for (const reference of child.references) found.push(reference);
      if (child.children.size > 0) collect(child, zs, i + 1, found);
    }
  }

  return {
    systems,
    referencesWithin(elements) {
      const zs = atomicNumbers(elements);
      if (zs.length > MAX_SYSTEM_ELEMENTS) {
        throw new SpecError('referencesWithin', [
          { path: 'elements', message: `${zs.length} elements > ${MAX_SYSTEM_ELEMENTS}` },
        ]);
      }
      const found: R[] = [];
      collect(root, zs, 0, found);
      return found;
    },
  };
}

/** Distinct atomic numbers, ascending; an unknown symbol is a FormulaError naming it. */
function atomicNumbers(symbols: Iterable<string>): number[] {
  return [...new Set([...symbols].map((symbol) => requireElement(symbol).z))].sort((a, b) => a - b);
}
