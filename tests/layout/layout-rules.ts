import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

/** Where a workspace sits decides what it may be and what it may import (README, Layout). */
export type WorkspaceKind = 'library' | 'service' | 'app' | 'tests';

export interface Workspace {
  name: string;
  dir: string;
  kind: WorkspaceKind;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  bin: unknown;
}

const MAY_DEPEND_ON: Record<WorkspaceKind, readonly WorkspaceKind[]> = {
  library: ['library'],
  service: ['library'],
  app: ['library', 'service'],
  tests: ['library', 'service', 'app'],
};

const KIND_OF_FOLDER: Record<string, WorkspaceKind> = {
  packages: 'library',
  services: 'service',
  apps: 'app',
  tests: 'tests',
};

export function readWorkspaces(root: string): Workspace[] {
  const globs: string[] = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces;
  const dirs = globs.flatMap((glob) =>
    glob.endsWith('/*')
      ? readdirSync(join(root, glob.slice(0, -2)), { withFileTypes: true })
          .filter(
            (entry) =>
              entry.isDirectory() && existsSync(join(root, glob.slice(0, -2), entry.name, 'package.json')),
          )
          .map((entry) => `${glob.slice(0, -2)}/${entry.name}`)
      : [glob],
  );
  return dirs.map((dir) => {
    const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    const kind = KIND_OF_FOLDER[dir.split('/')[0] ?? ''];
    if (!kind) throw new Error(`workspace ${dir} is outside packages/, services/, apps/ and tests/`);
    return {
      name: manifest.name,
      dir,
      kind,
      dependencies: { ...manifest.dependencies, ...manifest.optionalDependencies },
      devDependencies: { ...manifest.devDependencies },
      bin: manifest.bin,
    };
  });
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'generated' || entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Tests and their fixtures may use devDependencies (and, outside packages/, read the environment). */
const isTestCode = (path: string) => /\.test\.ts$|\/fixtures\/|\/testing\//.test(path);
const looksLikeEnvModule = (path: string) => /(^|-)env\.ts$/.test(basename(path));
/** `process.env`, `process['env']` and `const { env } = process`, the ways code reaches the environment. */
const READS_ENV =
  /\bprocess\s*(?:\.\s*env\b|\[\s*['"`]env['"`]\s*\])|\{[^}]*\benv\b[^}]*\}\s*=\s*(?:globalThis\.)?process\b/;
const KIAGO_IMPORT = /(?:from\s+|import\s*\(\s*)'(@kiago\/[a-z-]+)(?:\/[^']*)?'/g;

/** Every broken rule as one line naming the file or manifest; empty when the tree follows the layout. */
export function layoutViolations(root: string): string[] {
  const workspaces = readWorkspaces(root);
  const byName = new Map(workspaces.map((ws) => [ws.name, ws]));
  const violations: string[] = [];
  for (const ws of workspaces) {
    const manifest = `${ws.dir}/package.json`;
    for (const dep of Object.keys({ ...ws.dependencies, ...ws.devDependencies })) {
      const target = byName.get(dep);
      if (target && !MAY_DEPEND_ON[ws.kind].includes(target.kind)) {
        violations.push(`${manifest}: a ${ws.kind} may not depend on the ${target.kind} ${dep}`);
      }
    }
    if (ws.kind === 'library' && ws.bin)
      violations.push(`${manifest}: a library has no bin (a process belongs in services/ or apps/)`);
    if (ws.kind === 'service' && !existsSync(join(root, ws.dir, 'src', 'worker.ts'))) {
      violations.push(`${ws.dir}: a service is a worker process with src/worker.ts`);
    }
    for (const file of sourceFiles(join(root, ws.dir, ws.kind === 'tests' ? '.' : 'src'))) {
      const path = relative(root, file);
      const text = readFileSync(file, 'utf8');
      for (const [, dep] of text.matchAll(KIAGO_IMPORT)) {
        if (!dep || dep === ws.name) continue;
        const declared = dep in ws.dependencies || (isTestCode(path) && dep in ws.devDependencies);
        if (ws.kind !== 'tests' && !declared)
          violations.push(`${path}: imports ${dep}, not a dependency of ${ws.name}`);
      }
      if (ws.kind === 'tests') continue;
      // No exception, tests included: a library's callers pass the environment in (tests via inject()).
      if (ws.kind === 'library' && READS_ENV.test(text)) {
        violations.push(`${path}: a library never reads process.env; take the values from the caller`);
      }
      if (isTestCode(path)) continue;
      if (ws.kind === 'library' && (text.startsWith('#!') || /^runMain\(/m.test(text))) {
        violations.push(`${path}: a library does not start a process`);
      }
      const envModule = `${ws.dir}/src/env.ts`;
      if (ws.kind !== 'library' && looksLikeEnvModule(path) && path !== envModule) {
        violations.push(`${path}: one env module per process, ${envModule}`);
      }
      if (ws.kind !== 'library' && READS_ENV.test(text) && path !== envModule) {
        violations.push(`${path}: reads process.env outside ${envModule}, the process's one env module`);
      }
    }
  }
  return violations;
}

/** The workspaces whose production install a workspace pulls in (itself included). */
export function productionClosure(root: string, name: string): Workspace[] {
  const byName = new Map(readWorkspaces(root).map((ws) => [ws.name, ws]));
  const seen = new Map<string, Workspace>();
  const visit = (wsName: string) => {
    const ws = byName.get(wsName);
    if (!ws || seen.has(wsName)) return;
    seen.set(wsName, ws);
    for (const dep of Object.keys(ws.dependencies)) visit(dep);
  };
  visit(name);
  return [...seen.values()];
}
