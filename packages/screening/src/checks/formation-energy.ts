export interface CheckOutcome {
  ok: boolean;
  /** Why the check failed; absent when it passed. */
  reason?: string;
}

/**
 * Ef < 0 eV/atom, strictly (DESIGN §7). A NaN or infinite prediction is a failure with a reason,
 * never a silent pass: a broken model output must not promote a candidate.
 */
export function checkFormationEnergy(efEvPerAtom: number): CheckOutcome {
  if (!Number.isFinite(efEvPerAtom)) return { ok: false, reason: `formation energy is ${efEvPerAtom}` };
  if (efEvPerAtom < 0) return { ok: true };
  return { ok: false, reason: `formation energy ${efEvPerAtom} eV/atom is not negative` };
}
