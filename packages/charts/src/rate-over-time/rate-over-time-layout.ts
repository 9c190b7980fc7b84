import { extent, tickStep } from 'd3-array';
import { bandPath, linePath } from '../shared/paths.ts';
import { linearScale } from '../shared/scale.ts';
import { finiteOr, px, wilsonInterval } from '../shared/stats.ts';

/** A rate at one time: e.g. the weekly override rate with its Wilson 95 % interval. */
export interface RatePoint {
  /** When: a Date or an ISO 8601 string ("2025-03-01"). Points with invalid dates are skipped. */
  t: Date | string;
  /** The rate, 0–1 (with the default y domain). */
  rate: number | null;
  /** Lower and upper bound of its interval. When missing but n > 0, the Wilson 95 % interval is used. */
  lo: number | null;
  hi: number | null;
  /** Cases behind the rate. n = 0 leaves a gap in the line and the band. */
  n: number;
}

export interface RateOverTimeLayoutInput {
  points: readonly RatePoint[];
  /** Total width in px. */
  width: number;
  /** Total height in px. @default 260 */
  height?: number | undefined;
  /** The y range. Rates are shares, and a cropped axis exaggerates change. @default [0, 1] */
  yDomain?: readonly [number, number] | undefined;
}

/** The unit of the time axis ticks, chosen from the time span. */
export type TimeTickUnit = 'year' | 'month' | 'day' | 'hour';

export interface RateMark {
  key: string;
  index: number;
  date: Date;
  /** No cases or no rate: a gap. */
  empty: boolean;
  n: number;
  rate: number | null;
  interval: { lo: number; hi: number } | null;
  x: number;
  /** Point and band ends in px; null when empty. */
  y: number | null;
  yLo: number | null;
  yHi: number | null;
  /** A point with cases between two gaps: no line reaches it, so it needs its own interval whisker. */
  isolated: boolean;
  hit: { x: number; y: number; width: number; height: number };
  anchor: { x: number; y: number };
}

export interface RateOverTimeLayout {
  width: number;
  height: number;
  marks: RateMark[];
  /** The interval band, broken where n = 0. */
  bandPath: string;
  /** The band's edges, so its extent does not rest on a light fill alone. */
  bandLowPath: string;
  bandHighPath: string;
  /** The rate, broken where n = 0. */
  linePath: string;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: { value: Date; position: number }[];
  tickUnit: TimeTickUnit;
  yTicks: { value: number; position: number }[];
  yStep: number;
  emptyPoints: number;
  /** Points left out because their date was invalid. */
  skipped: number;
}

const MARGIN = { left: 52, right: 20, top: 30, bottom: 44 };
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/** d3-scale's tick intervals for time scales, [unit, step]: 1, 5, 15, 30 s … 1 and 3 months, 1 year. */
const INTERVALS: (readonly [number, number])[] = [
  [SECOND, 1],
  [SECOND, 5],
  [SECOND, 15],
  [SECOND, 30],
  [MINUTE, 1],
  [MINUTE, 5],
  [MINUTE, 15],
  [MINUTE, 30],
  [HOUR, 1],
  [HOUR, 3],
  [HOUR, 6],
  [HOUR, 12],
  [DAY, 1],
  [DAY, 2],
  [WEEK, 1],
  [MONTH, 1],
  [MONTH, 3],
  [YEAR, 1],
];

/**
 * About `count` calendar ticks between two UTC times (epoch ms), chosen as d3-scale's `scaleUtc`
 * chooses them: the interval whose length is nearest to span / count; seconds to days counted
 * from the epoch, months from January, years on multiples of their step. One difference: weeks
 * start on Monday (ISO 8601, as in de-DE and en-GB, and as `@deliberate/analytics` buckets weeks),
 * where d3's `utcWeek` starts on Sunday and would put each tick a day before the weekly points.
 */
export function utcTicks(start: number, stop: number, count: number): Date[] {
  const target = (stop - start) / count;
  const index = INTERVALS.findIndex(([unit, step]) => unit * step > target);
  let unit: number, step: number;
  if (index < 0) [unit, step] = [YEAR, Math.floor(tickStep(start / YEAR, stop / YEAR, count))];
  else if (index === 0) [unit, step] = [1, Math.floor(Math.max(1, tickStep(start, stop, count)))];
  else {
    const shorter = INTERVALS[index - 1] as readonly [number, number];
    const longer = INTERVALS[index] as readonly [number, number];
    [unit, step] = target / (shorter[0] * shorter[1]) < (longer[0] * longer[1]) / target ? shorter : longer;
  }
  const ticks: Date[] = [];
  if (!(step >= 1)) return ticks;
  if (unit <= WEEK) {
    // Seconds to days are multiples of the step since the epoch (d3-time's utcSecond … unixDay);
    // weeks start on Monday, and the epoch (1 January 1970) was a Thursday.
    const size = unit * step;
    const offset = unit === WEEK ? 4 * DAY : 0;
    for (let t = Math.ceil((start - offset) / size) * size + offset; t <= stop; t += size) {
      ticks.push(new Date(t));
    }
  } else {
    const first = new Date(start);
    const year = first.getUTCFullYear();
    for (let month = first.getUTCMonth(); ; month++) {
      const t = Date.UTC(year, month, 1);
      if (t > stop) break;
      const keep = unit === YEAR ? month % 12 === 0 && (year + month / 12) % step === 0 : month % step === 0;
      if (t >= start && keep) ticks.push(new Date(t));
    }
  }
  return ticks;
}

function toDate(t: Date | string): Date {
  return t instanceof Date ? t : new Date(t);
}

/**
 * Lays out a rate over time with its interval band: the band and the rate line are drawn only
 * where n > 0, so periods without cases are gaps rather than a line dropping to zero. Time ticks
 * fall on calendar units (see `utcTicks`). Each point also gets a hit column for hover and focus.
 *
 * @example
 * rateOverTimeLayout({ points, width: 600 }).linePath; // "M…L…M…" — a gap where n = 0
 */
export function rateOverTimeLayout(input: RateOverTimeLayoutInput): RateOverTimeLayout {
  const width = Math.max(200, finiteOr(input.width, 640));
  const height = Math.max(140, finiteOr(input.height, 260));
  const plot = {
    left: MARGIN.left,
    right: width - MARGIN.right,
    top: MARGIN.top,
    bottom: height - MARGIN.bottom,
  };

  const valid = input.points
    .map((point) => ({ point, date: toDate(point.t) }))
    .filter((entry) => !Number.isNaN(entry.date.getTime()))
    .sort((a, b) => a.date.getTime() - b.date.getTime());

  let [start, end] = extent(valid, (entry) => entry.date.getTime());
  if (start === undefined || end === undefined) {
    start = Date.UTC(2000, 0, 1);
    end = start + DAY;
  } else if (end - start < 1) {
    start -= DAY;
    end += DAY;
  }
  const x = linearScale([start, end], [plot.left + 8, plot.right - 8]);
  const [yMin, yMax] = input.yDomain ?? [0, 1];
  const y = linearScale(
    Number.isFinite(yMin) && Number.isFinite(yMax) && yMax > yMin ? [yMin, yMax] : [0, 1],
    [plot.bottom, plot.top],
    { clamp: true },
  );

  const positions = valid.map((entry) => x(entry.date.getTime()));
  const marks = valid.map(({ point, date }, index): RateMark => {
    const n = Math.max(0, finiteOr(point.n, 0));
    const rate = point.rate;
    const empty = !(n > 0) || rate === null || !Number.isFinite(rate);
    const given =
      point.lo !== null && point.hi !== null && Number.isFinite(point.lo) && Number.isFinite(point.hi)
        ? { lo: Math.min(point.lo, point.hi), hi: Math.max(point.lo, point.hi) }
        : null;
    const interval = empty ? null : (given ?? wilsonInterval(rate as number, n));
    const cx = positions[index] ?? plot.left;
    const previous = positions[index - 1];
    const next = positions[index + 1];
    const left = previous === undefined ? plot.left : (previous + cx) / 2;
    const right = next === undefined ? plot.right : (cx + next) / 2;
    const cy = empty ? null : px(y(rate as number));
    return {
      key: `t:${date.toISOString()}:${index}`,
      index,
      date,
      empty,
      n,
      rate: empty ? null : (rate as number),
      interval,
      x: px(cx),
      y: cy,
      yLo: interval ? px(y(interval.lo)) : null,
      yHi: interval ? px(y(interval.hi)) : null,
      isolated: false,
      hit: { x: px(left), y: plot.top, width: px(Math.max(1, right - left)), height: plot.bottom - plot.top },
      anchor: { x: px(cx), y: cy === null ? plot.top : Math.max(plot.top, cy - 8) },
    };
  });

  marks.forEach((mark, index) => {
    mark.isolated = !mark.empty && (marks[index - 1]?.empty ?? true) && (marks[index + 1]?.empty ?? true);
  });

  const edge = (key: 'y' | 'yLo' | 'yHi') =>
    linePath(marks.map((mark) => (mark[key] === null ? null : [mark.x, mark[key]])));

  const xTickValues = utcTicks(start, end, Math.max(2, Math.floor((plot.right - plot.left) / 90)));
  // Label ticks by their spacing, not the whole span: weekly ticks over three months need days.
  const tickSpacing =
    xTickValues.length > 1
      ? (xTickValues[1] as Date).getTime() - (xTickValues[0] as Date).getTime()
      : end - start;
  const tickUnit: TimeTickUnit =
    tickSpacing >= 360 * DAY
      ? 'year'
      : tickSpacing >= 28 * DAY
        ? 'month'
        : tickSpacing >= DAY
          ? 'day'
          : 'hour';
  const yTickValues = y.ticks(5);

  return {
    width,
    height,
    marks,
    bandPath: bandPath(
      marks.map((mark) => (mark.yLo === null || mark.yHi === null ? null : [mark.x, mark.yHi, mark.yLo])),
    ),
    bandLowPath: edge('yLo'),
    bandHighPath: edge('yHi'),
    linePath: edge('y'),
    plot,
    xTicks: xTickValues.map((value) => ({ value, position: px(x(value.getTime())) })),
    tickUnit,
    yTicks: yTickValues.map((value) => ({ value, position: px(y(value)) })),
    yStep: yTickValues.length > 1 ? Math.abs((yTickValues[1] ?? 0) - (yTickValues[0] ?? 0)) : 1,
    emptyPoints: marks.filter((mark) => mark.empty).length,
    skipped: input.points.length - valid.length,
  };
}
