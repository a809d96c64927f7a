import type { ReportData } from '../report-data.js';
import { escapeXml } from '../svg/svg-markup.js';
import { count, duration, fixed, signedFixed, timestamp } from './format-values.js';

function card(label: string, value: string): string {
  return `<div class="card"><div class="label">${escapeXml(label)}</div><div class="value">${escapeXml(value)}</div></div>`;
}

function specList(data: ReportData): string {
  const { spec, run } = data;
  const entries: [string, string][] = [
    ['run', run.id],
    ['trigger', run.trigger],
    ['models', `Tc ${run.tcModelVersion} · Ef ${run.efModelVersion}`],
    ['created', timestamp(run.createdAt)],
    ['started → finished', `${timestamp(run.startedAt)} → ${timestamp(run.finishedAt)}`],
  ];
  if (spec) {
    entries.push(
      ['bases', spec.bases.join(', ')],
      ['mode', spec.mode],
      [
        'shards',
        `${spec.bases.length} bases × ${spec.seeds} seeds, ${count(spec.candidatesPerShard)} candidates × ${spec.steps} steps each`,
      ],
    );
  }
  return `<dl class="spec">${entries.map(([term, value]) => `<dt>${escapeXml(term)}</dt><dd>${escapeXml(value)}</dd>`).join('')}</dl>`;
}

/** Title, status and the headline numbers (what a reader wants before any plot). */
export function headerSection(data: ReportData): string {
  const { run, shards, funnel, topCandidates } = data;
  const generated = funnel.stages[0]?.count ?? 0;
  const passed = funnel.stages.find((stage) => stage.key === 'withinHull')?.count ?? 0;
  const best = topCandidates.rows[0];
  const cards = [
    card(
      'shards done',
      `${count(shards.succeeded)} / ${count(shards.total)}${shards.failed > 0 ? ` (${shards.failed} failed)` : ''}`,
    ),
    card('candidates', count(generated)),
    card(
      'passed screening + hull',
      `${count(passed)}${generated > 0 ? ` (${((100 * passed) / generated).toFixed(1)}%)` : ''}`,
    ),
    card('best Tc (passed)', best ? `${fixed(best.tcKelvin, 1)} K` : '–'),
    card(
      'best ΔTc (passed)',
      best
        ? `${signedFixed(Math.max(...topCandidates.rows.map((r) => r.deltaTcKelvin ?? -Infinity)), 1)} K`
        : '–',
    ),
    card('duration', duration(run.startedAt, run.finishedAt)),
  ];
  return [
    `<header><h1>${escapeXml(run.campaignName)}</h1>`,
    `<div class="subtitle">Run report · <span class="status status-${escapeXml(run.status)}">${escapeXml(run.status)}</span></div></header>`,
    `<div class="cards">${cards.join('')}</div>`,
    specList(data),
  ].join('');
}
