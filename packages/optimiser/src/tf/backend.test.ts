import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { TfBackendUnavailableError } from '../errors.js';
import { selectTfBackend, TF_BACKEND_ORDER } from './backend.js';

function resolvable(specifier: string): boolean {
  try {
    createRequire(import.meta.url).resolve(specifier);
    return true;
  } catch {
    return false;
  }
}

describe('selectTfBackend', () => {
  it('activates an explicitly chosen backend and logs one line naming it', async () => {
    const lines: string[] = [];
    const info = await selectTfBackend('cpu', (line) => lines.push(line));
    expect(info).toEqual({ name: 'cpu', tfName: 'cpu', nativeTfVersion: null });
    expect(tf.getBackend()).toBe('cpu');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/backend: cpu \(cpu; KIAGO_TF_BACKEND\)$/);
  });

  it('on auto takes the first backend of the order that loads, saying why faster ones were skipped', async () => {
    const lines: string[] = [];
    const info = await selectTfBackend('auto', (line) => lines.push(line));
    expect(TF_BACKEND_ORDER).toContain(info.name);
    expect(tf.getBackend()).toBe(info.tfName);
    expect(lines).toHaveLength(1);
    const faster = TF_BACKEND_ORDER.slice(0, TF_BACKEND_ORDER.indexOf(info.name));
    for (const name of faster) expect(lines[0]).toContain(`${name}: `);
    if (info.tfName === 'tensorflow') {
      expect(info.nativeTfVersion).toMatch(/^\d+\.\d+\.\d+/);
      expect(lines[0]).toContain(`TF_Version ${info.nativeTfVersion}`);
    }
  });

  it('loads the wasm backend from the npm package, offline', async () => {
    const info = await selectTfBackend('wasm', () => undefined);
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.tensor1d([1, 2, 3]).sum().dataSync()[0]).toBe(6);
    expect(info.nativeTfVersion).toBeNull();
  });

  it.skipIf(resolvable('@tensorflow/tfjs-node-gpu'))(
    'fails with TfBackendUnavailableError, without falling back, when the chosen backend is missing',
    async () => {
      await expect(selectTfBackend('node-gpu', () => undefined)).rejects.toThrow(TfBackendUnavailableError);
      await expect(selectTfBackend('node-gpu', () => undefined)).rejects.toThrow(/node-gpu/);
    },
  );
});
