/**
 * Acceptance figures for formula parsing: rows parsed vs rejected per SuperCon table, rejections by reason.
 *   npm run build -w @kiago/shared && node packages/shared/scripts/supercon-parse-report.ts
 * Data directory: $KIAGO_DATA_DIR, default `../shared/data` relative to the repository root.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tallyFormulaParses } from '@kiago/shared';
import {
  readFormulaColumn,
  SUPERCON_FORMULA_COLUMNS,
} from '../src/formula/fixtures/supercon-formula-columns.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const dataDir = process.env.KIAGO_DATA_DIR ?? resolve(repoRoot, '../shared/data');
console.log(`data: ${dataDir}\n`);
console.log('| table | rows | parsed | rejected | parsed % |');
console.log('|---|---:|---:|---:|---:|');
const tallies = SUPERCON_FORMULA_COLUMNS.map((table) => ({
  file: table.file,
  tally: tallyFormulaParses(readFormulaColumn(dataDir, table)),
}));
for (const { file, tally } of tallies) {
  const percent = ((100 * tally.parsed) / tally.total).toFixed(2);
  console.log(`| ${file} | ${tally.total} | ${tally.parsed} | ${tally.rejected} | ${percent} |`);
}
for (const { file, tally } of tallies) {
  console.log(`\nrejected in ${file}, by reason:`);
  console.log('| reason | rows | tokens (rows) | examples |');
  console.log('|---|---:|---|---|');
  const reasons = [...tally.byReason].sort(([, a], [, b]) => b.count - a.count);
  for (const [reason, { count, tokens, examples }] of reasons) {
    const byToken = [...tokens].sort(([, a], [, b]) => b - a).map(([token, rows]) => `${token} (${rows})`);
    console.log(`| ${reason} | ${count} | ${byToken.join(', ')} | ${examples.join(', ')} |`);
  }
}
