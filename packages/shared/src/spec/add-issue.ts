import type { z } from 'zod';

/** Reports a cross-field problem at the exact field path (`bases.2`, `mode.targetElement`). */
export function addIssue(ctx: z.RefinementCtx, path: (string | number)[], message: string): void {
  ctx.addIssue({ code: 'custom', path, message });
}
