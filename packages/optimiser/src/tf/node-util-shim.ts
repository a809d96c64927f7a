import util from 'node:util';

/**
 * tfjs-node 4.22 (the last release) calls `util.isNullOrUndefined` and `util.isArray`, deprecated
 * since Node 4 and removed from Node 23 on (isNullOrUndefined) — without them its kernels throw
 * "isNullOrUndefined is not a function" on Node 24. Put back the missing ones, with their documented
 * meaning, before loading it.
 */
export function restoreLegacyNodeUtil(): void {
  const legacy: Record<string, (value: unknown) => boolean> = {
    isNullOrUndefined: (value) => value === null || value === undefined,
    isArray: (value) => Array.isArray(value),
  };
  const target = util as unknown as Record<string, unknown>;
  for (const [name, implementation] of Object.entries(legacy)) {
    if (typeof target[name] !== 'function') target[name] = implementation;
  }
}
