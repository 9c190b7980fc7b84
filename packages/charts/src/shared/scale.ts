import { tickIncrement, ticks } from 'd3-array';

/** A linear map from a domain of numbers to px, with its ticks. */
export interface LinearScale {
  (value: number): number;
  /** Round tick values across the domain, about `count` of them (d3-array `ticks`). */
  ticks(count: number): number[];
}

/**
 * A linear scale for two-number domains: the arithmetic of d3-scale's `scaleLinear` (`clamp`,
 * `nice()` with its default of 10 ticks), with tick steps and values from d3-array.
 *
 * Why not d3-scale itself: its published bundle has top-level side effects (colour and time
 * interpolators, locale set-up) that no bundler can shake, so `scaleLinear` alone costs about
 * 11 KB min+gz (d3-color, d3-interpolate, d3-format, d3-time, d3-time-format) — most of the
 * package's 15 KB budget for a dozen lines of arithmetic. The parts that need d3's judgement, the
 * choice of round tick steps, come from d3-array.
 *
 * @example
 * const x = linearScale([0, 1], [40, 400]);
 * x(0.5); // 220
 * x.ticks(5); // [0, 0.2, 0.4, 0.6, 0.8, 1]
 */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
  options: { clamp?: boolean; nice?: boolean } = {},
): LinearScale {
  let [d0, d1] = domain;
  if (options.nice) {
    // d3-scale's linearish.nice(10): widen to the tick step until it stops changing.
    let previous: number | undefined;
    let start = Math.min(d0, d1);
    let stop = Math.max(d0, d1);
    for (let round = 0; round < 10; round++) {
      const step = tickIncrement(start, stop, 10);
      if (step === previous) {
        [d0, d1] = d0 > d1 ? [stop, start] : [start, stop];
        break;
      }
      if (step > 0) {
        start = Math.floor(start / step) * step;
        stop = Math.ceil(stop / step) * step;
      } else if (step < 0) {
        start = Math.ceil(start * step) / step;
        stop = Math.floor(stop * step) / step;
      } else break;
      previous = step;
    }
  }
  const [r0, r1] = range;
  const lo = Math.min(d0, d1);
  const hi = Math.max(d0, d1);
  const span = d1 - d0;
  const scale = (value: number) => {
    const t = span ? ((options.clamp ? Math.max(lo, Math.min(hi, value)) : value) - d0) / span : 0.5;
    return r0 * (1 - t) + r1 * t;
  };
  scale.ticks = (count: number) => ticks(d0, d1, count);
  return scale;
}
