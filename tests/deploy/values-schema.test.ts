import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { describeWithTools, findTool, runTool } from './lib/deploy-tools.ts';
import { HELM_CHART, helmExampleFiles } from './lib/render.ts';
import {
  compileValuesSchema,
  describeSchemaErrors,
  mergeValues,
  readChartValues,
} from './lib/values-schema.ts';

interface BadValue {
  what: string;
  override: Record<string, unknown>;
  /** What ajv (draft-07, as in CI without Helm) says. */
  schemaMessage: string;
  /** What `helm template` says when it refuses the values. */
  helmMessage: string;
}

const BAD_VALUES: BadValue[] = [
  {
    what: 'Temporal address without a port',
    override: { temporal: { address: 'temporal-frontend' } },
    schemaMessage: '/temporal/address: must match pattern "^[A-Za-z0-9.-]+:[0-9]{1,5}$"',
    helmMessage: "at '/temporal/address': 'temporal-frontend' does not match pattern",
  },
  {
    what: 'zero GPUs per pod',
    override: { gpuWorker: { gpu: { perPod: 0 } } },
    schemaMessage: '/gpuWorker/gpu/perPod: must be >= 1',
    helmMessage: "at '/gpuWorker/gpu/perPod': minimum: got 0, want 1",
  },
  {
    what: 'unknown TensorFlow backend',
    override: { gpuWorker: { tfBackend: 'cuda' } },
    schemaMessage:
      '/gpuWorker/tfBackend: must be equal to one of the allowed values (node-gpu, node, wasm, cpu, auto)',
    helmMessage: "at '/gpuWorker/tfBackend': value must be one of 'node-gpu', 'node', 'wasm', 'cpu', 'auto'",
  },
  {
    what: 'GPU backend without a GPU',
    override: { gpuWorker: { gpu: { enabled: false } } },
    schemaMessage: '/gpuWorker/tfBackend: must be equal to one of the allowed values (node, wasm, cpu, auto)',
    helmMessage: "at '/gpuWorker/tfBackend': value must be one of 'node', 'wasm', 'cpu', 'auto'",
  },
  {
    what: 'floating image tag',
    override: { image: { tag: 'latest' } },
    schemaMessage:
      "/image/tag: must be equal to one of the allowed values (a pinned version tag ('latest' is not allowed))",
    helmMessage: "at '/image/tag': value must be 'a pinned version tag",
  },
  {
    what: 'misspelt top-level key',
    override: { replicaCount: 3 },
    schemaMessage: '/: must NOT have additional properties (replicaCount)',
    helmMessage: "additional properties 'replicaCount' not allowed",
  },
  {
    what: 'empty database Secret name',
    override: { database: { existingSecret: '' } },
    schemaMessage: '/database/existingSecret: must NOT have fewer than 1 characters',
    helmMessage: "at '/database/existingSecret': minLength: got 0, want 1",
  },
  {
    what: 'KEDA and the built-in autoscaler together',
    override: { keda: { enabled: true } },
    schemaMessage: '/orchestrator/autoscaler/enabled: must be equal to constant',
    helmMessage: "at '/orchestrator/autoscaler/enabled': value must be false",
  },
  {
    what: 'memory limit that is not a quantity',
    override: { orchestrator: { resources: { limits: { memory: 'lots' } } } },
    schemaMessage: '/orchestrator/resources/limits/memory: must match pattern',
    helmMessage: "at '/orchestrator/resources/limits/memory': 'lots' does not match pattern",
  },
  {
    what: 'negative autoscaler minimum',
    override: { orchestrator: { autoscaler: { minReplicas: -1 } } },
    schemaMessage: '/orchestrator/autoscaler/minReplicas: must be >= 0',
    helmMessage: "at '/orchestrator/autoscaler/minReplicas': minimum: got -1, want 0",
  },
  {
    what: 'unknown log level',
    override: { logLevel: 'verbose' },
    schemaMessage:
      '/logLevel: must be equal to one of the allowed values (trace, debug, info, warn, error, fatal)',
    helmMessage: "at '/logLevel': value must be one of 'trace', 'debug', 'info', 'warn', 'error', 'fatal'",
  },
  {
    what: 'a second orchestrator replica',
    override: { orchestrator: { replicas: 2 } },
    schemaMessage: '/orchestrator/replicas: must be <= 1',
    helmMessage: "at '/orchestrator/replicas': maximum: got 2, want 1",
  },
];

const validate = compileValuesSchema();
const defaults = readChartValues();

function schemaErrors(values: unknown): string[] {
  return validate(values) ? [] : describeSchemaErrors(validate.errors);
}

describe('helm/kiago/values.schema.json', () => {
  it('accepts the default values and every example values file', () => {
    expect(schemaErrors(defaults)).toEqual([]);
    for (const file of helmExampleFiles()) {
      expect({ file, errors: schemaErrors(mergeValues(defaults, readChartValues(file))) }).toEqual({
        file,
        errors: [],
      });
    }
  });

  it('has at least 8 distinct bad values to reject', () => {
    expect(new Set(BAD_VALUES.map((b) => JSON.stringify(b.override))).size).toBeGreaterThanOrEqual(8);
  });

  it.each(BAD_VALUES)('rejects $what with a message naming the field', ({ override, schemaMessage }) => {
    const errors = schemaErrors(mergeValues(defaults, override));
    expect(errors.some((e) => e.startsWith(schemaMessage))).toBe(true);
  });
});

const helm = findTool('helm');

describeWithTools(['helm'], 'helm refuses the same values at install time', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiago-values-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function helmTemplate(name: string, override: Record<string, unknown>) {
    const file = join(dir, `${name}.yaml`);
    writeFileSync(file, stringify(override));
    return runTool(helm ?? 'helm', ['template', 'kiago', HELM_CHART, '-f', file]);
  }

  it.each(BAD_VALUES)('helm template rejects $what', ({ what, override, helmMessage }) => {
    const run = helmTemplate(what.replaceAll(' ', '-'), override);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(helmMessage);
  });

  it('fails the render when an autoscaler maximum is below its minimum (a cross-field rule)', () => {
    const override = { orchestrator: { autoscaler: { minReplicas: 5, maxReplicas: 2 } } };
    expect(schemaErrors(mergeValues(defaults, override))).toEqual([]);
    const run = helmTemplate('min-above-max', override);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(
      'orchestrator.autoscaler.maxReplicas (2) must be >= orchestrator.autoscaler.minReplicas (5)',
    );
  });
});
