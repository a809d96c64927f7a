import { chartFrame } from './chart-frame.js';
import { legend } from './legend.js';
import { niceMax } from './nice-step.js';
import { escapeXml, svgRoot, tag } from './svg-markup.js';

export interface HistogramSeries {
  label: string;
  colour: string;
  /** One count per bin. */
  counts: readonly number[];
}

export interface HistogramSvgOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  /** bins + 1 ascending edges. */
  edges: readonly number[];
  series: readonly HistogramSeries[];
  width?: number;
  height?: number;
}

/** Grouped bars: each bin is split between the series, side by side, so neither hides the other. */
export function histogramSvg(options: HistogramSvgOptions): string {
  const { edges, series, width = 960, height = 320 } = options;
  const low = edges[0] ?? 0;
  const high = edges.at(-1) ?? 1;
  const maxCount = Math.max(1, ...series.flatMap((s) => s.counts));
  const key = legend(
    series.map((s) => ({ label: s.label, colour: s.colour, swatch: 'rect' as const })),
    width,
  );
  const frame = chartFrame({
    legendRows: key.rows,
    width,
    height,
    title: options.title,
    x: { domain: [low, high], label: options.xLabel },
    y: { domain: [0, niceMax(0, maxCount, 5)], label: options.yLabel },
  });
  const bars: string[] = [];
  for (let bin = 0; bin + 1 < edges.length; bin++) {
    const left = frame.x(edges[bin] as number);
    const slot = (frame.x(edges[bin + 1] as number) - left) / series.length;
    series.forEach((s, i) => {
      const count = s.counts[bin] ?? 0;
      if (count === 0) return;
      const top = frame.y(count);
      bars.push(
        tag(
          'rect',
          {
            x: left + i * slot + 0.5,
            y: top,
            width: Math.max(slot - 1, 0.5),
            height: frame.plot.bottom - top,
            fill: s.colour,
            class: 'bar',
          },
          tag('title', {}, escapeXml(`${s.label}: ${count} in [${edges[bin]}, ${edges[bin + 1]}) K`)),
        ),
      );
    });
  }
  return svgRoot(width, height, options.title, [
    ...frame.markup,
    tag('g', { class: 'bars' }, bars),
    key.markup,
  ]);
}
