import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where the workflow worker gets its workflow code: the pre-built bundle in production
 * (KIAGO_WORKFLOW_BUNDLE_PATH, written by `npm run bundle:workflows`), otherwise the workflows
 * module bundled at start-up (compiled `.js` next to this file, or the `.ts` source under tests).
 */
export function workflowSource(
  bundlePath?: string,
): { workflowBundle: { codePath: string } } | { workflowsPath: string } {
  if (bundlePath) return { workflowBundle: { codePath: bundlePath } };
  return { workflowsPath: workflowsModulePath() };
}

export function workflowsModulePath(): string {
  const compiled = fileURLToPath(new URL('../workflows/index.js', import.meta.url));
  return existsSync(compiled) ? compiled : fileURLToPath(new URL('../workflows/index.ts', import.meta.url));
}
