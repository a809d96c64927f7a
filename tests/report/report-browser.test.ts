import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDb, type Db } from '@kiago/db';
import { testDatabaseUrl } from '@kiago/db/testing';
import { buildRunReport, renderReportHtml } from '@kiago/report';
import { createReportFixture } from '@kiago/report/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, dumpDom, pngSize, screenshot } from './headless-chromium.js';

const chromium = chromiumPath();

// Install the browser with scripts/setup-chromium.sh (CI does); without it this file is skipped.
describe.runIf(chromium)('the run report in headless Chromium', () => {
  const browser = chromium as string;
  let db: Db;
  let dir: string;
  let html: string;
  let reportUrl: string;

  beforeAll(async () => {
    db = createDb({ databaseUrl: testDatabaseUrl(), maxConnections: 4 });
    const fixture = await createReportFixture(db);
    html = renderReportHtml(await buildRunReport(db, fixture.runId));
    // Kept after the run (overwritten by the next) so the page and its screenshot can be looked at.
    dir = join(tmpdir(), 'kiago-report-test');
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'report.html');
    await writeFile(file, html);
    reportUrl = pathToFileURL(file).href;
  });
  afterAll(() => db?.close());

  it('parses every plot into live SVG elements', async () => {
    const dom = await dumpDom(browser, reportUrl);
    expect(dom.match(/<svg /g)).toHaveLength(3);
    // Histogram bars (both series) + funnel stages with candidates; 2 trajectories × best and mean.
    expect(dom.match(/<rect [^>]*class="bar"/g)?.length).toBeGreaterThan(20);
    expect(dom.match(/<path [^>]*class="series"/g)).toHaveLength(4);
    expect(dom).toContain('<h2>Top candidates</h2>');
    expect(dom.match(/<tr>/g)).toHaveLength(1 + 4 + 1 + 1); // top table: head + 4 materials; failed: head + 1
  });

  it('has SVG plots that are well-formed XML on their own', async () => {
    const svgs = html.match(/<svg [\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(3);
    for (const [i, svg] of svgs.entries()) {
      const file = join(dir, `plot-${i}.svg`);
      await writeFile(file, svg);
      const dom = await dumpDom(browser, pathToFileURL(file).href);
      expect(dom, `plot ${i}`).not.toContain('parsererror');
      expect(dom).toContain('<title>');
    }
  });

  it('renders to a full-page screenshot', async () => {
    const png = join(dir, 'report.png');
    await screenshot(browser, reportUrl, png, { width: 1100, height: 2600 });
    const bytes = await readFile(png);
    expect(pngSize(bytes)).toEqual({ width: 1100, height: 2600 });
    // A blank page compresses to a few kilobytes; plots, text and tables do not.
    expect(bytes.length).toBeGreaterThan(60_000);
  });
});
