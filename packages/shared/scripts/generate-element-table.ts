/**
 * Writes src/elements/element-table.gen.ts from the shared element data.
 *   node packages/shared/scripts/generate-element-table.ts           # write the module
 *   node packages/shared/scripts/generate-element-table.ts --check   # exit 1 if the committed module is stale
 * Data directory: $KIAGO_DATA_DIR, default `../shared/data` relative to the repository root.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElementTable, readElementDataTexts } from '../src/elements/build-element-table.ts';
import { renderElementTableModule } from '../src/elements/render-element-table.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const dataDir = process.env.KIAGO_DATA_DIR ?? resolve(repoRoot, '../shared/data');
const outputPath = fileURLToPath(new URL('../src/elements/element-table.gen.ts', import.meta.url));

const source = renderElementTableModule(buildElementTable(readElementDataTexts(dataDir)));

if (process.argv.includes('--check')) {
  const current = existsSync(outputPath) ? readFileSync(outputPath, 'utf8') : '';
  if (current !== source) {
    console.error(`${outputPath} is stale: rerun node packages/shared/scripts/generate-element-table.ts`);
    process.exit(1);
  }
  console.log(`${outputPath} is up to date with ${dataDir}`);
} else {
  writeFileSync(outputPath, source);
  console.log(`wrote ${outputPath} from ${dataDir}`);
}
