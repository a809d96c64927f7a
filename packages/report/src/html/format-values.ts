/** Fixed decimals, or an en dash for a missing / non-finite value. */
export function fixed(value: number | null | undefined, decimals: number): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(decimals);
}

/** ΔTc with its sign, so gains and losses read at a glance. */
export function signedFixed(value: number | null | undefined, decimals: number): string {
  const textValue = fixed(value, decimals);
  return value !== null && value !== undefined && value > 0 ? `+${textValue}` : textValue;
}

/** "54.9 ± 45.5": a candidate's Tc ensemble re-prediction (mean ± sd, K), or an en dash without one. */
export function ensembleTc(mean: number | null, sd: number | null): string {
  return mean === null ? '–' : `${fixed(mean, 1)} ± ${fixed(sd, 1)}`;
}

export function count(value: number): string {
  return value.toLocaleString('en');
}

/** "2025-01-07 02:00 UTC": an ISO timestamp people read. */
export function timestamp(iso: string | null): string {
  return iso === null ? '–' : `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** "1 h 5 min", "42 s": how long a run took (or has been running, until `nowIso`). */
export function duration(startIso: string | null, endIso: string | null): string {
  if (startIso === null || endIso === null) return '–';
  const seconds = Math.max(0, Math.round((Date.parse(endIso) - Date.parse(startIso)) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
