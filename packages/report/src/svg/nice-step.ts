/** The 1-2-5 step (×10ⁿ) nearest above `rough`: the spacing people read axes and bins in. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / magnitude;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * magnitude;
}

/** Ticks at multiples of a nice step covering [min, max] with about `count` intervals. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const step = niceStep((max - min) / count);
  const first = Math.ceil(min / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let value = first; value <= max + step * 1e-9; value += step) ticks.push(roundToStep(value, step));
  return ticks;
}

/** The first nice tick at or above `max`: the top of an axis whose ticks are niceTicks(min, ·, count). */
export function niceMax(min: number, max: number, count = 5): number {
  if (!(max > min)) return max;
  const step = niceStep((max - min) / count);
  return roundToStep(Math.ceil(max / step - 1e-9) * step, step);
}

/** Removes float noise (0.30000000000000004 → 0.3) at the precision of `step`. */
export function roundToStep(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(Math.min(decimals, 12)));
}
