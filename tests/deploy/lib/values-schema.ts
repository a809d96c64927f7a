import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { parse } from 'yaml';
import { REPO_ROOT } from './deploy-tools.ts';
import { HELM_CHART } from './render.ts';

export function readChartValues(file = join(HELM_CHART, 'values.yaml')): Record<string, unknown> {
  return parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as Record<string, unknown>;
}

/** Deep merge like Helm's: maps merge key by key, everything else (lists included) is replaced. */
export function mergeValues(base: unknown, override: unknown): unknown {
  if (!isMap(base) || !isMap(override)) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = mergeValues(base[key], value);
  return merged;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The chart's values.schema.json compiled with ajv (JSON Schema draft-07, like Helm's check). */
export function compileValuesSchema() {
  const schema = JSON.parse(
    readFileSync(join(REPO_ROOT, HELM_CHART, 'values.schema.json'), 'utf8'),
  ) as object;
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

/** `/gpuWorker/tfBackend: must be equal to one of the allowed values (node-gpu, …)` */
export function describeSchemaErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const detail =
      e.keyword === 'enum'
        ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})`
        : e.keyword === 'additionalProperties'
          ? ` (${(e.params as { additionalProperty: string }).additionalProperty})`
          : '';
    return `${e.instancePath || '/'}: ${e.message}${detail}`;
  });
}
