import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIR = fileURLToPath(new URL('./', import.meta.url));
// Everything workflow code may load at run time: the SDK's workflow API and its own folder.
const ALLOWED_VALUE_IMPORTS = [/^@temporalio\/workflow$/, /^\.\/[\w-]+\.js$/];
const FORBIDDEN_GLOBALS = /\b(Date\.now|Math\.random|setTimeout|setInterval|process\.|require\()/;

/**
 * The lint rule for deterministic workflows (STYLE habit 2): workflow files import only types and
 * @temporalio/workflow, and never read the clock, randomness or timers directly (the SDK's
 * replay-safe versions come from @temporalio/workflow). The replay test guards the behaviour.
 */
describe('workflow code stays deterministic', async () => {
  const files = (await readdir(DIR)).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

  it.each(files)('%s imports only types and @temporalio/workflow', async (name) => {
    const source = await readFile(`${DIR}${name}`, 'utf8');
    const imports = [...source.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)';/gms)];
    // Every module reference is one of the statements checked (no dynamic import, no missed form).
    expect(imports).toHaveLength(source.match(/from\s+'|import\(/g)?.length ?? 0);
    const valueImports = imports.filter(([, typeOnly]) => !typeOnly).map(([, , from]) => from!);
    expect(
      valueImports.filter((from) => !ALLOWED_VALUE_IMPORTS.some((allowed) => allowed.test(from))),
    ).toEqual([]);
    expect(source.match(FORBIDDEN_GLOBALS)?.[0]).toBeUndefined();
  });
});
