import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './lib/deploy-tools.ts';

const doc = readFileSync(join(REPO_ROOT, 'docs', 'deploy.md'), 'utf8');
const checklist = doc.slice(doc.indexOf('## 8. Security checklist'));

interface Citation {
  row: string;
  snippets: string[];
  path: string;
  line: number;
}

// A row reads: | n | guarantee | `snippet` — [path#Lnn](../path#Lnn), …; `snippet2` — […] |
function citations(): Citation[] {
  const rows = checklist.split('\n').filter((line) => /^\|\s*\d+\s*\|/.test(line));
  return rows.flatMap((row) => {
    const snippets = [...row.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
    return [...row.matchAll(/\]\(\.\.\/([^#)]+)#L(\d+)\)/g)].map((m) => ({
      row: row.split('|')[1]?.trim() ?? '',
      snippets,
      path: m[1] ?? '',
      line: Number(m[2]),
    }));
  });
}

describe('docs/deploy.md security checklist', () => {
  it('has at least 15 items, each citing manifest lines', () => {
    const rows = new Set(citations().map((c) => c.row));
    expect(rows.size).toBeGreaterThanOrEqual(15);
  });

  it.each(citations().map((c) => [`${c.row}: ${c.path}#L${c.line}`, c] as const))(
    '%s still says it',
    (_, c) => {
      const line = readFileSync(join(REPO_ROOT, c.path), 'utf8').split('\n')[c.line - 1] ?? '';
      expect(c.snippets.some((snippet) => line.includes(snippet))).toBe(true);
    },
  );
});
