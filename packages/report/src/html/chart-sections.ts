import type { ReportData } from '../report-data.js';
import { funnelSvg } from '../svg/funnel-svg.js';
import { histogramSvg } from '../svg/histogram-svg.js';
import { type LineSeries, lineChartSvg } from '../svg/line-chart-svg.js';
import { seriesColour } from '../svg/palette.js';
import { escapeXml } from '../svg/svg-markup.js';
import { count } from './format-values.js';
import { funnelRateLines } from './funnel-rates.js';

function section(id: string, heading: string, body: readonly string[]): string {
  return `<section id="${id}"><h2>${escapeXml(heading)}</h2>${body.join('')}</section>`;
}

const note = (content: string) => `<p class="note">${escapeXml(content)}</p>`;
const figure = (svg: string) => `<figure>${svg}</figure>`;

export function tcHistogramSection({ tcHistogram }: ReportData): string {
  if (tcHistogram === null)
    return section('tc-distribution', 'Tc distribution', [note('No candidates with a finite Tc yet.')]);
  const svg = histogramSvg({
    title: 'Predicted Tc of all candidates',
    xLabel: 'Tc (K)',
    yLabel: 'candidates',
    edges: tcHistogram.binEdgesKelvin,
    series: [
      { label: 'continuous composition', colour: seriesColour(0), counts: tcHistogram.continuous },
      { label: 'integer formula (rounded at N*)', colour: seriesColour(1), counts: tcHistogram.integer },
    ],
  });
  const parts = [
    figure(svg),
    note(
      'The integer formula is the continuous composition rounded at N*, re-predicted; the gap between the two shows what rounding costs.',
    ),
  ];
  if (tcHistogram.nonFinite > 0)
    parts.push(note(`${count(tcHistogram.nonFinite)} candidates with a non-finite Tc are left out.`));
  return section('tc-distribution', 'Tc distribution', parts);
}

export function trajectorySection({ trajectories }: ReportData): string {
  if (trajectories.shown.length === 0) {
    return section('trajectories', 'Optimisation trajectories', [
      note('No optimisation trajectories are stored for this run’s shards (shards.progress.trajectory).'),
    ]);
  }
  const series: LineSeries[] = trajectories.shown.flatMap((shard, i) => {
    const colour = seriesColour(i);
    const label = `shard ${shard.shardIndex} · ${shard.baseFormula}`;
    return [
      { label, colour, points: shard.step.map((step, j) => [step, shard.bestTcKelvin[j] ?? null] as const) },
      {
        label: `${label} (mean)`,
        colour,
        dashed: true,
        inLegend: false,
        points: shard.step.map((step, j) => [step, shard.meanTcKelvin[j] ?? null] as const),
      },
    ];
  });
  const svg = lineChartSvg({
    title: 'Best (solid) and mean (dashed) Tc per optimiser step',
    xLabel: 'step',
    yLabel: 'Tc (K)',
    series,
  });
  const shown = trajectories.shown.length;
  const total = trajectories.shardsWithTrajectory;
  return section('trajectories', 'Optimisation trajectories', [
    figure(svg),
    note(
      shown < total
        ? `The ${shown} shards (of ${count(total)}) with the highest final best Tc.`
        : `All ${shown} shards with a stored trajectory.`,
    ),
  ]);
}

export function funnelSection({ funnel }: ReportData): string {
  const threshold = funnel.eHullThreshold;
  const source = {
    option: 'set for this report',
    spec: "the campaign spec's screening.maxEhullEvPerAtom",
    default: 'the report default; the spec sets no bound',
  }[threshold.source];
  const parts = [
    figure(
      funnelSvg({
        title: 'Candidates surviving each screening stage',
        stages: funnel.stages,
        colour: seriesColour(2),
      }),
    ),
    note(
      `Each stage keeps the candidates of the stage above that also pass its check. Hull bound ${threshold.eHullEvPerAtom} eV/atom: ${source}.`,
    ),
    `<ul class="rates">${funnelRateLines(funnel.stages)
      .map((line) => `<li>${escapeXml(line)}</li>`)
      .join('')}</ul>`,
  ];
  if (!funnel.deduplicated)
    parts.push(note('Dedupe has not run for this run yet, so there are no materials to count.'));
  return section('funnel', 'Pass-rate funnel', parts);
}
