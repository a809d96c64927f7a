/**
 * Renders every deployment target (kustomize overlays, the Helm chart with its default values and
 * each example values file), checks the security and deployment invariants a server cannot know, runs
 * `helm lint --strict`, and checks the Dockerfiles. Schemas, Pod Security `restricted` and RBAC are
 * answered by a real API server in `npm test` (tests/deploy/server-apply.test.ts and neighbours).
 *   node tests/deploy/check-deploy.ts        (after scripts/setup-helm.sh)
 * Exit status 1 on any finding; prints one closing line "deploy checks: N passed, N failed".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployViolations } from './lib/deploy-invariants.ts';
import { findTool, REPO_ROOT, runTool } from './lib/deploy-tools.ts';
import { DOCKERFILES, dockerfileViolations } from './lib/dockerfile-rules.ts';
import { rbacViolations } from './lib/rbac-invariants.ts';
import { HELM_CHART, helmExampleFiles, render, renderTargets } from './lib/render.ts';
import { podSecurityViolations } from './lib/security-invariants.ts';

let passed = 0;
let failed = 0;

function report(label: string, findings: readonly string[], detail = ''): void {
  if (findings.length === 0) {
    passed += 1;
    console.log(`ok   ${label}${detail}`);
  } else {
    failed += 1;
    console.log(`FAIL ${label}`);
    for (const finding of findings) console.log(`     - ${finding}`);
  }
}

for (const target of renderTargets()) {
  let findings: string[];
  let detail = '';
  try {
    const objects = render(target);
    findings = [...podSecurityViolations(objects), ...rbacViolations(objects), ...deployViolations(objects)];
    detail = ` (${objects.length} objects)`;
  } catch (error) {
    findings = [error instanceof Error ? error.message : String(error)];
  }
  report(target.label, findings, detail);
}

const helm = findTool('helm');
for (const values of [null, ...helmExampleFiles()]) {
  const label = `helm lint --strict${values ? ` -f ${values}` : ''}`;
  if (helm === null) {
    report(label, ['helm not found: run scripts/setup-helm.sh']);
    continue;
  }
  const run = runTool(helm, ['lint', '--strict', HELM_CHART, ...(values ? ['-f', values] : [])]);
  report(label, run.status === 0 ? [] : [run.stdout + run.stderr]);
}

for (const [file, expectations] of Object.entries(DOCKERFILES)) {
  report(
    `dockerfile ${file}`,
    dockerfileViolations(readFileSync(join(REPO_ROOT, file), 'utf8'), expectations),
  );
}

console.log(`deploy checks: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
