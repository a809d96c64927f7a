import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { installTemporalRuntime } from '@kiago/worker-runtime';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { testWorkflowBundlePath } from './support/workflow-bundle.js';

const HISTORIES = fileURLToPath(new URL('./histories/', import.meta.url));

/**
 * Determinism guard: every committed history (recorded from real runs by scripts/record-histories.test.ts,
 * one folder per generation of the workflow code)
 * must replay on the current workflow code without a non-determinism error. A change that breaks
 * this would break runs that are in flight when it is deployed.
 */
describe('workflow replay over committed histories', () => {
  it('replays every history without a determinism violation', { timeout: 120_000 }, async () => {
    installTemporalRuntime('error');
    // One folder per generation of the workflow code; every generation must still replay.
    const files = (await readdir(HISTORIES, { recursive: true }))
      .filter((name) => name.endsWith('.json'))
      .sort();
    const sets = new Set(files.map((name) => name.split('/')[0]));
    expect(sets).toEqual(
      new Set([
        '1-draining-window',
        '2-carried-window',
        '3-fewer-round-trips',
        '4-lost-report-repairs',
        '5-one-end-activity',
      ]),
    );
    for (const set of sets) {
      const types = new Set(
        files
          .filter((name) => name.startsWith(`${set}/`))
          .map((name) => /-(\w+Workflow)\.json$/.exec(name)?.[1]),
      );
      expect(types, set).toEqual(new Set(['CampaignWorkflow', 'ShardWorkflow', 'NightlyWorkflow']));
    }
    const histories = await Promise.all(
      files.map(async (name) => {
        const recorded = JSON.parse(await readFile(`${HISTORIES}${name}`, 'utf8')) as {
          workflowId: string;
          history: unknown;
        };
        return { workflowId: recorded.workflowId, history: historyFromJSON(recorded.history), file: name };
      }),
    );
    const failures: string[] = [];
    let replayed = 0;
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: { codePath: await testWorkflowBundlePath() } },
      histories,
    )) {
      replayed++;
      if (result.error) failures.push(`${result.workflowId} (${result.runId}): ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(files.length);
  });
});
