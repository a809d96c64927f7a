import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { SpecError } from '../errors.js';
import { parseOrThrow } from '../zod-issues.js';
import { type CampaignSpec, campaignSpecSchema } from './campaign-spec-schema.js';

export type SpecFormat = 'yaml' | 'json';

function formatOf(sourceName: string): SpecFormat {
  return extname(sourceName).toLowerCase() === '.json' ? 'json' : 'yaml';
}

function readYaml(text: string, sourceName: string): unknown {
  // Duplicate keys are errors (the yaml default), so a repeated `steps:` cannot silently win.
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    throw new SpecError(
      sourceName,
      document.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return { path: '', message: `YAML syntax error at line ${line}, column ${col}: ${error.message}` };
      }),
    );
  }
  return document.toJS();
}

function readJson(text: string, sourceName: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SpecError(sourceName, [
      { path: '', message: `JSON syntax error: ${(error as Error).message}` },
    ]);
  }
}

/**
 * Parses a campaign spec from YAML or JSON text through the one schema. `format` defaults to the
 * extension of `sourceName` (`.json` → JSON, anything else → YAML). Throws a SpecError that names
 * `sourceName` and every bad field path.
 */
export function parseCampaignSpec(text: string, sourceName: string, format?: SpecFormat): CampaignSpec {
  const data =
    (format ?? formatOf(sourceName)) === 'json' ? readJson(text, sourceName) : readYaml(text, sourceName);
  return parseOrThrow(campaignSpecSchema, data, sourceName);
}

/** Reads and parses a spec file (`.yaml`, `.yml` or `.json`). */
export async function loadCampaignSpec(path: string): Promise<CampaignSpec> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SpecError(path, [
      { path: '', message: `cannot read the spec file: ${(error as Error).message}` },
    ]);
  }
  return parseCampaignSpec(text, path);
}
