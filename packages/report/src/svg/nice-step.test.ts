import { describe, expect, it } from 'vitest';
import { binEdges, histogramBins } from '../data/histogram-bins.js';
import { niceMax, niceStep, niceTicks } from './nice-step.js';

describe('nice axis steps and histogram bins', () => {
  it('rounds up to 1-2-5 steps', () => {
    expect([0.013, 0.3, 1, 1.2, 3, 7, 42].map(niceStep)).toEqual([0.02, 0.5, 1, 2, 5, 10, 50]);
  });

  it('places ticks on multiples of the step inside the range, without float noise', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-3, 47, 5)).toEqual([0, 10, 20, 30, 40]);
    // The axis top is the tick at or above the maximum, so no bar or line leaves the plot.
    expect(niceMax(0, 68, 5)).toBe(80);
    expect(niceMax(0, 60, 5)).toBe(60);
  });

  it('covers the data with nice-width bins, the maximum inside the last one', () => {
    const bins = histogramBins(3.2, 91.7, 30);
    expect(bins).toEqual({ lowKelvin: 0, widthKelvin: 5, count: 19 });
    expect(binEdges(bins).at(-1)).toBe(95);
    expect(histogramBins(-12.5, 3, 4)).toEqual({ lowKelvin: -15, widthKelvin: 5, count: 4 });
    expect(histogramBins(40, 40)).toEqual({ lowKelvin: 40, widthKelvin: 1, count: 1 });
  });
});
