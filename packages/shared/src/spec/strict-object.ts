import { z } from 'zod';

/** Levenshtein distance, enough to spot a typo in a short key. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function describeUnknownKey(key: string, knownKeys: readonly string[]): string {
  const closest = knownKeys
    .map((known) => ({ known, distance: editDistance(key.toLowerCase(), known.toLowerCase()) }))
    .sort((x, y) => x.distance - y.distance)[0];
  const hint = closest && closest.distance <= 2 ? ` (did you mean "${closest.known}"?)` : '';
  return `unknown key "${key}"${hint}`;
}

/**
 * A strict object whose unknown-key message names each key and the closest known one, so a typo
 * such as `stpes` is caught and explained instead of being silently ignored.
 */
export function strictSpecObject<Shape extends z.core.$ZodLooseShape>(shape: Shape, typeMessage?: string) {
  const knownKeys = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => describeUnknownKey(key, knownKeys)).join(', ');
      }
      return issue.code === 'invalid_type' ? typeMessage : undefined;
    },
  });
}
