import { niceStep, roundToStep } from '../svg/nice-step.js';

export interface HistogramBins {
  lowKelvin: number;
  widthKelvin: number;
  count: number;
}

/**
 * Equal-width bins on nice edges (multiples of a 1-2-5 width) covering [minKelvin, maxKelvin],
 * about `target` of them. A single value gets one bin of width 1 K around it.
 */
export function histogramBins(minKelvin: number, maxKelvin: number, target = 30): HistogramBins {
  if (!(maxKelvin > minKelvin)) return { lowKelvin: Math.floor(minKelvin), widthKelvin: 1, count: 1 };
  const widthKelvin = niceStep((maxKelvin - minKelvin) / target);
  const lowKelvin = roundToStep(Math.floor(minKelvin / widthKelvin) * widthKelvin, widthKelvin);
  // The top edge lies strictly above the maximum so the maximum falls inside the last bin.
  const count = Math.floor((maxKelvin - lowKelvin) / widthKelvin) + 1;
  return { lowKelvin, widthKelvin, count };
}

export function binEdges(bins: HistogramBins): number[] {
  return Array.from({ length: bins.count + 1 }, (_, i) =>
    roundToStep(bins.lowKelvin + i * bins.widthKelvin, bins.widthKelvin),
  );
}
