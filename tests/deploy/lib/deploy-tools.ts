import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));

/**
 * The helm/kustomize binaries built by scripts/setup-helm.sh (.tools/go/bin), or KIAGO_HELM /
 * KIAGO_KUSTOMIZE when set. null when absent: callers say so instead of pretending to check.
 */
export function findTool(name: 'helm' | 'kustomize'): string | null {
  const override = process.env[`KIAGO_${name.toUpperCase()}`];
  if (override) return existsSync(override) ? override : null;
  const built = join(REPO_ROOT, '.tools', 'go', 'bin', name);
  return existsSync(built) ? built : null;
}

export interface ToolRun {
  status: number;
  stdout: string;
  stderr: string;
}

export function runTool(binary: string, args: readonly string[]): ToolRun {
  const result = spawnSync(binary, args, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * `describe` when helm/kustomize are built; otherwise a skipped suite whose title, and a warning line
 * in the test output, say which tool is missing and the one command that builds it.
 */
export function describeWithTools(
  tools: readonly ('helm' | 'kustomize')[],
  title: string,
  body: () => void,
): void {
  const missing = tools.filter((tool) => findTool(tool) === null);
  if (missing.length === 0) {
    describe(title, body);
    return;
  }
  const why = `${missing.join(' and ')} not built: run 'bash scripts/setup-helm.sh' (needs Go ≥ 1.26), then npm test`;
  console.warn(`[deploy tests] skipping "${title}": ${why}`);
  describe.skip(`${title} (skipped: ${why})`, body);
}
