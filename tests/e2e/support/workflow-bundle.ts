import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';

const WORKFLOWS_DIR = fileURLToPath(
  new URL('../../../packages/orchestration/src/workflows/', import.meta.url),
);
const CACHE_DIR = fileURLToPath(new URL('../../../.kiago/test-cache/', import.meta.url));

/**
 * The workflow bundle of the current workflow sources, built once and cached by content hash:
 * every e2e file's worker (and the replay test) loads it instead of running webpack again.
 */
export async function testWorkflowBundlePath(): Promise<string> {
  const names = (await readdir(WORKFLOWS_DIR))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .sort();
  const hash = createHash('sha256');
  for (const name of names) hash.update(name).update(await readFile(join(WORKFLOWS_DIR, name)));
  const path = join(CACHE_DIR, `workflow-bundle-${hash.digest('hex').slice(0, 16)}.js`);
  if (existsSync(path)) return path;
  const { code } = await bundleWorkflowCode({
    workflowsPath: join(WORKFLOWS_DIR, 'index.ts'),
    logger: quietLogger,
  });
  await mkdir(CACHE_DIR, { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  await writeFile(partial, code);
  await rename(partial, path);
  return path;
}

const quiet = () => undefined;
const quietLogger = { log: quiet, trace: quiet, debug: quiet, info: quiet, warn: quiet, error: quiet };
