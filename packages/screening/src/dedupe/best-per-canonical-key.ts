/** What dedupe needs of a candidate: an id, its canonical key (reduced formula) and its Tc. */
export interface DedupeCandidate {
  id: string;
  canonicalKey: string;
  tcKelvin: number;
}

export interface BestPerKey<C> {
  best: C;
  /** Candidates of the run that share the key (the best one included). */
  hitCount: number;
}

/**
 * Per canonical key, the candidate with the highest Tc and the number of hits (DESIGN §7). Ties in
 * Tc go to the smaller id (code-unit order), so the choice never depends on input order; a NaN Tc
 * ranks below every number. Keys appear in first-seen order.
 */
export function bestPerCanonicalKey<C extends DedupeCandidate>(
  candidates: Iterable<C>,
): Map<string, BestPerKey<C>> {
  const byKey = new Map<string, BestPerKey<C>>();
  for (const candidate of candidates) {
    const entry = byKey.get(candidate.canonicalKey);
    if (!entry) byKey.set(candidate.canonicalKey, { best: candidate, hitCount: 1 });
    else {
      entry.hitCount += 1;
      if (ranksAbove(candidate, entry.best)) entry.best = candidate;
    }
  }
  return byKey;
}

function ranksAbove(a: DedupeCandidate, b: DedupeCandidate): boolean {
  const tcA = Number.isNaN(a.tcKelvin) ? Number.NEGATIVE_INFINITY : a.tcKelvin;
  const tcB = Number.isNaN(b.tcKelvin) ? Number.NEGATIVE_INFINITY : b.tcKelvin;
  if (tcA !== tcB) return tcA > tcB;
  return a.id < b.id;
}
