import { describe, expect, it } from 'vitest';
import { renderReportHtml } from './render-report-html.js';
import type { ReportData } from './report-data.js';

function reportData(overrides: Partial<ReportData> = {}): ReportData {
  return {
    generatedAt: '2025-01-07T02:30:00.000Z',
    run: {
      id: '0b5c3f4e-6f1a-4d2b-9c8e-1a2b3c4d5e6f',
      status: 'COMPLETED',
      trigger: 'manual',
      campaignId: '1b5c3f4e-6f1a-4d2b-9c8e-1a2b3c4d5e6f',
      campaignName: 'cuprates <b>&</b> friends',
      workflowId: 'kiago-run-0b5c3f4e',
      tcModelVersion: 'tc-1',
      efModelVersion: 'ef-1',
      createdAt: '2025-01-07T02:00:00.000Z',
      startedAt: '2025-01-07T02:00:05.000Z',
      finishedAt: '2025-01-07T03:05:05.000Z',
    },
    spec: {
      bases: ['La2CuO4'],
      seeds: 2,
      candidatesPerShard: 4096,
      steps: 1000,
      mode: 'normal',
      maxEhullEvPerAtom: 0.1,
    },
    shards: { total: 2, planned: 0, running: 0, succeeded: 2, failed: 0, cancelled: 0 },
    failedShards: [],
    tcHistogram: { binEdgesKelvin: [0, 10, 20, 30], continuous: [1, 0, 7], integer: [2, 3, 0], nonFinite: 0 },
    trajectories: {
      shardsWithTrajectory: 5,
      shown: [
        {
          shardIndex: 0,
          baseFormula: 'La2CuO4',
          seed: '0',
          step: [1, 2, 3],
          meanTcKelvin: [10, null, 12],
          bestTcKelvin: [20, 25, 33],
        },
      ],
    },
    funnel: {
      eHullThreshold: { eHullEvPerAtom: 0.1, source: 'spec' },
      deduplicated: true,
      stages: [
        { key: 'generated', label: 'generated', count: 100, distinctFormulas: 20 },
        { key: 'chargeNeutral', label: 'charge-neutral', count: 40, distinctFormulas: 15 },
        { key: 'uniqueMaterials', label: 'unique materials', count: 3, distinctFormulas: 3 },
      ],
    },
    topCandidates: {
      basis: 'best-per-material',
      inDomainOnly: false,
      rows: [
        {
          candidateId: '7',
          formula: 'O4CuLa2',
          materialFormula: 'O4CuLa2',
          baseFormula: 'La2CuO4',
          nUnits: 7,
          tcKelvin: 45.25,
          tcContinuousKelvin: 47,
          tcBaseKelvin: 38,
          deltaTcKelvin: 7.25,
          efEvPerAtom: -1.5,
          eAboveHullEvPerAtom: 0.01,
          inDomain: true,
          hitCount: 12,
          tcEnsembleMeanKelvin: null,
          tcEnsembleSdKelvin: null,
        },
      ],
    },
    models: {
      tc: {
        version: 'tc-1',
        architecture: 'resnet18-atom-map',
        width: 0.25,
        unit: 'K',
        splitKind: 'grouped',
        overall: { rows: 100, mae: 5.5, rmse: 11, r2: 0.81 },
        superconductors: {
          rows: 50,
          mae: 8.61,
          rmse: 14,
          r2: 0.8,
          fractionPredictedAbove0K: 0.94,
          fractionPredictedAbove1K: 0.8675,
        },
        families: [
          { family: 'cuprate', all: { rows: 30, mae: 15.3, rmse: 20, r2: 0.66 }, superconductors: null },
        ],
        elementalCorrection: null,
      },
      ef: {
        version: 'ef-1',
        architecture: 'elemnet-17',
        width: 0.5,
        unit: 'eV/atom',
        splitKind: 'grouped',
        overall: { rows: 200, mae: 0.099, rmse: 0.27, r2: 0.94 },
        superconductors: null,
        families: [],
        elementalCorrection: { exponent: 8, maxAbsOffsetEvPerAtom: 1.07, correctedTestMae: 0.1 },
      },
      tcEnsembleMembers: [],
    },
    ...overrides,
  };
}

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe('renderReportHtml', () => {
  it('renders every plot as inline SVG with one bar per non-empty bin and series', () => {
    const html = renderReportHtml(reportData());
    expect(count(html, /<svg /g)).toBe(3);
    expect(count(html, /<rect [^>]*class="bar"/g)).toBe(4 + 3);
    // The mean series has a gap at step 2: two sub-paths.
    const meanPath = /<path d="([^"]+)"[^>]*stroke-dasharray="4 3"[^>]*class="series"/.exec(html)?.[1];
    expect(meanPath?.match(/M/g)).toHaveLength(2);
    // Axes end on the tick above the data: nothing is drawn above the plot area (top 52 px: title, legend).
    const barTops = [...html.matchAll(/<rect x="[^"]+" y="([^"]+)"[^>]*class="bar"/g)].map((m) =>
      Number(m[1]),
    );
    const lineYs = [...html.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(Math.min(...barTops.slice(0, 4), ...lineYs)).toBeGreaterThanOrEqual(52);
    expect(html).toContain('40 · 40% of all · 40% of previous');
    expect(html).toContain('3 · 3% of all · 7.5% of previous');
    // Rates per candidate and per distinct formula, side by side.
    expect(html).toContain(
      '<li>charge-neutral: 40 of 100 candidates (40.0 %), 15 of 20 distinct formulas (75.0 %)</li>',
    );
  });

  it('shows the top candidates with a signed ΔTc and the headline numbers', () => {
    const html = renderReportHtml(reportData());
    expect(html).toMatch(/<td class="num gain">\+7\.3<\/td>/);
    expect(html).toContain('<td>O4CuLa2</td><td>La2CuO4</td><td class="num">45.3</td>');
    expect(html).toContain('<div class="value">1 h 5 min</div>');
    expect(html).toContain('The 1 shards (of 5) with the highest final best Tc.');
  });

  it('shows the models: Tc overall and on superconductors only, per family, and ElemNet', () => {
    const html = renderReportHtml(reportData());
    expect(html).toContain('<h3>Tc tc-1 · resnet18-atom-map × 0.25</h3>');
    expect(html).toContain(
      '<td>all</td><td class="num">100</td><td class="num">5.50</td><td class="num">0.810</td>' +
        '<td class="num">50</td><td class="num">8.61</td><td class="num">0.800</td>' +
        '<td class="num">94.0 %</td><td class="num">86.8 %</td>',
    );
    // A family without superconductor-only numbers (an older manifest) says so with dashes.
    expect(html).toContain(
      '<td>cuprate</td><td class="num">30</td><td class="num">15.30</td><td class="num">0.660</td><td class="num">–</td>',
    );
    expect(html).toContain('Σ x_i^8·Ef(element i)');
    expect(html).not.toContain('Tc ensemble (K)');
  });

  it('shows the Tc ensemble mean ± sd when the run has one', () => {
    const data = reportData();
    const [row] = data.topCandidates.rows;
    const html = renderReportHtml({
      ...data,
      topCandidates: {
        ...data.topCandidates,
        rows: [{ ...row!, tcEnsembleMeanKelvin: 44.04, tcEnsembleSdKelvin: 3.26 }],
      },
      models: { ...data.models, tcEnsembleMembers: ['tc-a', 'tc-b', 'tc-c'] },
    });
    expect(html).toContain('<th class="num">Tc (K)</th><th class="num">Tc ensemble (K)</th>');
    expect(html).toContain('<td class="num">45.3</td><td class="num">44.0 ± 3.3</td>');
    expect(html).toContain(
      'Tc ensemble (final re-prediction of every candidate, mean ± sd): tc-a, tc-b, tc-c.',
    );
  });

  it('is self-contained and escapes stored text', () => {
    const html = renderReportHtml(reportData());
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
    expect(html.match(/https?:\/\/[^"]+/g)?.every((url) => url === 'http://www.w3.org/2000/svg')).toBe(true);
    expect(html).toContain('<h1>cuprates &lt;b&gt;&amp;&lt;/b&gt; friends</h1>');
  });

  it('says what is missing instead of drawing empty plots', () => {
    const html = renderReportHtml(
      reportData({
        tcHistogram: null,
        trajectories: { shardsWithTrajectory: 0, shown: [] },
        topCandidates: { basis: 'candidates', inDomainOnly: false, rows: [] },
        funnel: { ...reportData().funnel, deduplicated: false },
      }),
    );
    expect(count(html, /<svg /g)).toBe(1);
    expect(html).toContain('No candidates with a finite Tc yet.');
    expect(html).toContain('No optimisation trajectories are stored');
    expect(html).toContain('No candidate has reached the last screening stage yet.');
    expect(html).toContain('Dedupe has not run for this run yet');
  });

  it('lists failed shards with the retry command', () => {
    const html = renderReportHtml(
      reportData({
        shards: { total: 2, planned: 0, running: 0, succeeded: 1, failed: 1, cancelled: 0 },
        failedShards: [
          { index: 1, baseFormula: 'MgB2', errorType: 'TIMEOUT', lastError: 'no heartbeat', attempts: 3 },
        ],
      }),
    );
    expect(html).toContain('<td>TIMEOUT</td><td>no heartbeat</td>');
    expect(html).toContain('kiago run retry-failed 0b5c3f4e-6f1a-4d2b-9c8e-1a2b3c4d5e6f');
  });
});
