import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { nvidiaGpuVisible } from './gpu-visibility.js';

const gpuBuildInstalled = (() => {
  try {
    createRequire(import.meta.url).resolve('@tensorflow/tfjs-node-gpu');
    return true;
  } catch {
    return false;
  }
})();

/**
 * Selects a backend in a fresh Node process (the GPU and CPU builds of libtensorflow share a SONAME,
 * so one process can hold only one of them) through the built package, and returns its log line.
 */
function selectInChild(choice: string): string {
  const script = `import { selectTfBackend } from '@kiago/optimiser';
    await selectTfBackend(${JSON.stringify(choice)}, (line) => console.log(line));`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
}

describe.runIf(gpuBuildInstalled)(
  'the GPU build of tfjs-node (installed by bash scripts/setup-tfjs.sh --gpu)',
  () => {
    it('loads libtensorflow 2.21 from the GPU wheel and says where it computes', () => {
      const line = selectInChild('node-gpu');
      expect(line).toMatch(/backend: node-gpu \(tensorflow, TF_Version 2\.21\.0; KIAGO_TF_BACKEND\)/);
      if (nvidiaGpuVisible()) expect(line).not.toContain('computes on the CPU');
      else expect(line).toContain('no NVIDIA GPU visible');
    });

    it.skipIf(nvidiaGpuVisible())(
      'on auto without a GPU, skips node-gpu saying why and takes the CPU build',
      () => {
        const line = selectInChild('auto');
        expect(line).toMatch(
          /backend: node \(tensorflow, TF_Version 2\.21\.0; auto\); skipped node-gpu: no NVIDIA GPU visible/,
        );
      },
    );
  },
);
