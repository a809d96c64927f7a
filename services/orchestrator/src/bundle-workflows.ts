#!/usr/bin/env node
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workflowsModulePath } from '@kiago/orchestration';
import { bundleWorkflowCode } from '@temporalio/worker';

/**
 * `npm run bundle:workflows -w @kiago/orchestrator`: writes dist/workflow-bundle.js, which the
 * production worker loads from KIAGO_WORKFLOW_BUNDLE_PATH (no bundler at start-up).
 */
const out = resolve(dirname(fileURLToPath(import.meta.url)), '../workflow-bundle.js');
const { code } = await bundleWorkflowCode({ workflowsPath: workflowsModulePath() });
await mkdir(dirname(out), { recursive: true });
await writeFile(out, code);
console.log(`workflow bundle: ${out} (${(code.length / 1024).toFixed(0)} KiB)`);
