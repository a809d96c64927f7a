import { z } from 'zod';

/** Names accepted by `KIAGO_TF_BACKEND`; `auto` walks the preference order in backend.ts. */
export const TF_BACKEND_CHOICES = ['auto', 'node-gpu', 'node', 'wasm', 'cpu'] as const;
export type TfBackendChoice = (typeof TF_BACKEND_CHOICES)[number];

/** The KIAGO_TF_BACKEND value as the env modules of the processes (and the tests) parse it. */
export const tfBackendChoiceSchema = z
  .enum(TF_BACKEND_CHOICES, { error: `KIAGO_TF_BACKEND must be one of ${TF_BACKEND_CHOICES.join(', ')}` })
  .default('auto');
