export type Scale = (value: number) => number;

/** Maps [domain0, domain1] linearly onto [range0, range1]; a zero-width domain maps to the range's middle. */
export function linearScale(
  [domain0, domain1]: readonly [number, number],
  [range0, range1]: readonly [number, number],
): Scale {
  const span = domain1 - domain0;
  if (span === 0) return () => (range0 + range1) / 2;
  return (value) => range0 + ((value - domain0) / span) * (range1 - range0);
}
