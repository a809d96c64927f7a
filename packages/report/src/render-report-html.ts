import { funnelSection, tcHistogramSection, trajectorySection } from './html/chart-sections.js';
import { timestamp } from './html/format-values.js';
import { headerSection } from './html/header-section.js';
import { modelsSection } from './html/models-section.js';
import { REPORT_CSS } from './html/report-css.js';
import { failedShardsSection, topCandidatesSection } from './html/table-sections.js';
import type { ReportData } from './report-data.js';
import { escapeXml } from './svg/svg-markup.js';

/**
 * The run report as one self-contained HTML page: inline CSS, inline SVG plots, no scripts and no
 * external assets, so it can be mailed, archived or opened offline. Pure: same data, same page.
 */
export function renderReportHtml(data: ReportData): string {
  const title = `${data.run.campaignName} · run ${data.run.id.slice(0, 8)} · KIAGO report`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing external may load: the page must look the same offline and leak nothing when opened.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeXml(title)}</title><style>${REPORT_CSS}</style></head>`,
    '<body><main>',
    headerSection(data),
    tcHistogramSection(data),
    trajectorySection(data),
    funnelSection(data),
    topCandidatesSection(data),
    modelsSection(data),
    failedShardsSection(data),
    `<footer>Generated ${escapeXml(timestamp(data.generatedAt))} by kiago report.</footer>`,
    '</main></body></html>',
    '',
  ].join('\n');
}
