import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataFileError, SpecError } from '@kiago/shared';
import { describe, expect, it } from 'vitest';
import { findRepoRoot, requireDataDir, resolveDataDir } from './data-dir.js';

describe('resolveDataDir', () => {
  it('prefers the explicit directory, then KIAGO_DATA_DIR, then <repo>/../shared/data', () => {
    const env = { KIAGO_DATA_DIR: '/data/from-env' };
    expect(resolveDataDir({ dataDir: 'relative/dir', env })).toBe(resolve('relative/dir'));
    expect(resolveDataDir({ env })).toBe('/data/from-env');
    expect(resolveDataDir({ env: {} })).toBe(join(findRepoRoot(), '..', 'shared', 'data'));
    expect(existsSync(join(findRepoRoot(), 'packages', 'datasets', 'package.json'))).toBe(true);
  });

  it('rejects an empty KIAGO_DATA_DIR with a SpecError naming it', () => {
    expect(() => resolveDataDir({ env: { KIAGO_DATA_DIR: '  ' } })).toThrow(SpecError);
    expect(() => resolveDataDir({ env: { KIAGO_DATA_DIR: '' } })).toThrow(
      /KIAGO_DATA_DIR: must not be empty/,
    );
  });
});

describe('requireDataDir', () => {
  it('throws a DataFileError naming the missing path and the env var', async () => {
    const missing = resolveDataDir({ env: { KIAGO_DATA_DIR: '/nonexistent/kiago-data' } });
    await expect(requireDataDir(missing)).rejects.toBeInstanceOf(DataFileError);
    await expect(requireDataDir(missing)).rejects.toThrow(
      /^\/nonexistent\/kiago-data: directory not found \(.*set KIAGO_DATA_DIR/,
    );
  });
});
