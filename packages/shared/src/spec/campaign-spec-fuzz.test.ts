import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { SpecError } from '../errors.js';
import { DEFAULT_CAMPAIGN_LIMITS } from './campaign-limits.js';
import { campaignSpecSchema, campaignSpecSchemaWithin } from './campaign-spec-schema.js';
import { parseCampaignSpec } from './load-campaign-spec.js';

const EXAMPLES_DIR = fileURLToPath(new URL('../../../../examples/', import.meta.url));
const examples = readdirSync(EXAMPLES_DIR, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.ya?ml$/.test(file))
  .map((file) => parseYaml(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as Record<string, unknown>);

// Bounded: a few hundred cases in a few seconds. A failure prints the seed and the shrunk case;
// rerun it with fc.assert(..., { seed, path }).
const seed = Date.now() % 2 ** 31;
const numRuns = 300;

/** Numbers that break arithmetic and columns: huge, tiny, negative, fractional, non-finite as text. */
const awkwardNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1e-9, 2 ** 31, 2 ** 53, 1e15, 1e308, Number.MAX_SAFE_INTEGER + 2),
);
const formulaLike = fc.oneof(
  fc.stringMatching(/^[A-Z][a-z]?[0-9.]{0,12}([A-Z][a-z]?[0-9.]{0,12}){0,4}$/),
  fc.constantFrom('Cu0.000000001O1', 'H1e308', '(CuO)999999999999', 'Xx2', '', 'MgB2'.repeat(500)),
);
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), awkwardNumber, formulaLike);

/** A valid example with one field replaced, removed, or added, or its bases list changed. */
const mutatedSpec = fc
  .tuple(
    fc.constantFrom(...examples),
    fc.oneof(
      fc.record({ kind: fc.constant('replace' as const), value: anyValue }),
      fc.record({ kind: fc.constant('remove' as const) }),
      fc.record({ kind: fc.constant('add' as const), key: fc.string({ maxLength: 12 }), value: anyValue }),
      fc.record({ kind: fc.constant('bases' as const), bases: fc.array(formulaLike, { maxLength: 6 }) }),
    ),
    fc.nat(),
  )
  .map(([example, mutation, pick]) => {
    const spec: Record<string, unknown> = structuredClone(example);
    const keys = Object.keys(spec);
    const key = keys[pick % keys.length]!;
    if (mutation.kind === 'replace') spec[key] = mutation.value;
    else if (mutation.kind === 'remove') delete spec[key];
    else if (mutation.kind === 'add') spec[mutation.key] = mutation.value;
    else spec.bases = mutation.bases;
    return spec;
  });

/** Text the YAML reader finds awkward: anchors, aliases, tags, flow collections, odd indentation. */
const yamlish = fc
  .array(
    fc.constantFrom(
      '&a ',
      '*a',
      '!!str ',
      '[',
      ']',
      '{',
      '}',
      ': ',
      '- ',
      '\n',
      '  ',
      'name',
      'bases',
      '1e999',
      '"',
      "'",
      '|',
      '#',
    ),
    {
      maxLength: 40,
    },
  )
  .map((parts) => parts.join(''));

/** The parser's contract: a CampaignSpec that parses again to itself, or a SpecError, never anything else. */
function expectSpecOrSpecError(text: string, source: string): void {
  let spec: ReturnType<typeof parseCampaignSpec>;
  try {
    spec = parseCampaignSpec(text, source);
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).issues.length).toBeGreaterThan(0);
    return;
  }
  expect(campaignSpecSchema.parse(spec)).toEqual(spec);
  // The launch schema either admits it or refuses it with issues: it never throws anything else.
  const within = campaignSpecSchemaWithin(DEFAULT_CAMPAIGN_LIMITS).safeParse(spec);
  if (!within.success) expect(within.error.issues.length).toBeGreaterThan(0);
}

describe('campaign spec parser under random input (fast-check)', () => {
  console.info(`[spec fuzz] fast-check seed ${seed}, ${numRuns} runs per property`);

  it('mutated example specs, as JSON and as YAML', () => {
    expect(examples.length).toBeGreaterThan(3);
    fc.assert(
      fc.property(mutatedSpec, fc.boolean(), (spec, asJson) => {
        if (asJson) expectSpecOrSpecError(JSON.stringify(spec), 'fuzz.json');
        else expectSpecOrSpecError(toYaml(spec), 'fuzz.yaml');
      }),
      { seed, numRuns },
    );
  });

  it('arbitrary and YAML-flavoured text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), yamlish), fc.boolean(), (text, asJson) => {
        expectSpecOrSpecError(text, asJson ? 'fuzz.json' : 'fuzz.yaml');
      }),
      { seed, numRuns },
    );
  });
});
