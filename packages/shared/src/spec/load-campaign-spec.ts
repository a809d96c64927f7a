import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { SpecError } from '../errors.js';
import { parseOrThrow } from '../zod-issues.js';
import { type CampaignSpec, campaignSpecSchema } from './campaign-spec-schema.js';

export type SpecFormat = 'yaml' | 'json';

/** yaml's own default, stated so the limit is ours: no hand-written spec needs more aliases. */
const MAX_YAML_ALIAS_COUNT = 100;
/** 10,000 bases of ~20 characters are 200 KB; anything far larger is not a hand-written spec. */
export const MAX_SPEC_BYTES = 4 * 1024 * 1024;

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
  try {
    // An alias bomb (a billion laughs) expands past this many alias uses and is refused.
    return document.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
  } catch (error) {
    throw new SpecError(sourceName, [{ path: '', message: `YAML refused: ${(error as Error).message}` }]);
  }
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
  if (Buffer.byteLength(text) > MAX_SPEC_BYTES) {
    throw new SpecError(sourceName, [
      {
        path: '',
        message: `the spec is ${Buffer.byteLength(text)} bytes; at most ${MAX_SPEC_BYTES} are read`,
      },
    ]);
  }
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
