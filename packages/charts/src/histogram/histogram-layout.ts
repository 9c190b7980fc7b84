import { extent, max, ticks } from 'd3-array';
import { linearScale } from '../shared/scale.ts';
import { finiteOr, px } from '../shared/stats.ts';

/** A precomputed histogram bin: values from `x0` up to (not including) `x1`, except the last bin. */
export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
}

export interface HistogramLayoutInput {
  /** Raw values, binned as d3-array `bin()` bins them (see `binValues`). Ignored when `bins` is given. Non-finite values are skipped. */
  values?: readonly number[] | undefined;
  /** Precomputed bins (e.g. from a server-side aggregation). */
  bins?: readonly HistogramBin[] | undefined;
  /** Number of bins (a hint, d3 picks round edges) or explicit edges. @default Sturges' rule */
  thresholds?: number | readonly number[] | undefined;
  /** The value range to bin over. @default the extent of the values */
  domain?: readonly [number, number] | undefined;
  /** Total width in px. */
  width: number;
  /** Total height in px. @default 240 */
  height?: number | undefined;
}

export interface HistogramBar {
  key: string;
  index: number;
  x0: number;
  x1: number;
  count: number;
  /** count / total, 0 when there are no values. */
  share: number;
  /** Whether the bin includes its upper edge (only the last one does). */
  closed: boolean;
  bar: { x: number; y: number; width: number; height: number };
  /** Count label position; null when the bar is too narrow to label. */
  label: { x: number; y: number } | null;
  hit: { x: number; y: number; width: number; height: number };
  anchor: { x: number; y: number };
}

export interface HistogramLayout {
  width: number;
  height: number;
  bars: HistogramBar[];
  total: number;
  /** Values left out because they were not finite numbers. */
  skipped: number;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: { value: number; position: number }[];
  xStep: number;
  yTicks: { value: number; position: number }[];
  yStep: number;
}

/**
 * Bins finite values over [lo, hi] as d3-array's `bin().domain([lo, hi])` does: a count of bins
 * becomes round edges from d3-array `ticks`, the default count is Sturges' rule, bins hold
 * x0 ≤ v < x1 and the last one also its upper edge, values outside the domain are left out.
 *
 * It differs only where d3 goes wrong: explicit edges are sorted and deduplicated (d3's bisection
 * assumes sorted edges); an edge at `hi` adds no zero-width bin, so values at `hi` stay in the last
 * bin instead of being lost; and a value a rounding error below an edge stays below it. Written
 * here because d3-array's `bin` costs 0.8 KB min+gz for this loop (reference.test.ts holds the two
 * equal wherever d3 is right).
 */
export function binValues(
  values: readonly number[],
  lo: number,
  hi: number,
  thresholds?: number | readonly number[],
): HistogramBin[] {
  const edges = [
    lo,
    ...[
      ...new Set(
        Array.isArray(thresholds)
          ? thresholds
          : ticks(
              lo,
              hi,
              (thresholds as number | undefined) ??
                Math.max(1, Math.ceil(Math.log(values.length) / Math.LN2) + 1),
            ),
      ),
    ]
      .filter((edge) => edge > lo && edge < hi)
      .sort((a, b) => a - b),
    hi,
  ];
  const counts = edges.slice(1).map(() => 0);
  for (const value of values) {
    if (!(value >= lo && value <= hi)) continue;
    // The last edge not above the value (binary search), capped at the last bin.
    let low = 0;
    let high = counts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((edges[mid + 1] as number) <= value) low = mid + 1;
      else high = mid;
    }
    counts[Math.min(low, counts.length - 1)]! += 1;
  }
  return counts.map((count, index) => ({
    x0: edges[index] as number,
    x1: edges[index + 1] as number,
    count,
  }));
}

const MARGIN = { left: 52, right: 16, top: 30, bottom: 44 };

function stepOf(ticks: number[]): number {
  return ticks.length > 1 ? Math.abs((ticks[1] ?? 0) - (ticks[0] ?? 0)) : 1;
}

/**
 * Lays out a histogram from raw values (binned with d3-array) or from precomputed bins: bars,
 * count labels, axes. No values → no bars (the component says so in words).
 *
 * @example
 * histogramLayout({ values: [1, 2, 2, 3], thresholds: 3, width: 400 }).bars.map((bar) => bar.count);
 */
export function histogramLayout(input: HistogramLayoutInput): HistogramLayout {
  const width = Math.max(200, finiteOr(input.width, 640));
  const height = Math.max(120, finiteOr(input.height, 240));
  const plot = {
    left: MARGIN.left,
    right: width - MARGIN.right,
    top: MARGIN.top,
    bottom: height - MARGIN.bottom,
  };

  let skipped = 0;
  let raw: HistogramBin[];
  if (input.bins) {
    raw = input.bins
      .filter((b) => Number.isFinite(b.x0) && Number.isFinite(b.x1))
      .map((b) => ({
        x0: Math.min(b.x0, b.x1),
        x1: Math.max(b.x0, b.x1),
        count: Math.max(0, finiteOr(b.count, 0)),
      }))
      .sort((a, b) => a.x0 - b.x0);
  } else {
    const values = (input.values ?? []).filter((value) => Number.isFinite(value));
    skipped = (input.values?.length ?? 0) - values.length;
    if (values.length === 0) raw = [];
    else {
      let [lo = 0, hi = 0] = input.domain ?? extent(values);
      if (!(hi > lo)) {
        // One distinct value: a bin of width 1 around it, not a zero-width bin.
        const pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.5 : 0.5;
        lo -= pad;
        hi += pad;
      }
      raw = binValues(values, lo, hi, input.thresholds);
    }
  }

  const total = raw.reduce((sum, b) => sum + b.count, 0);
  const first = raw[0];
  const last = raw[raw.length - 1];
  const x = linearScale(first && last && last.x1 > first.x0 ? [first.x0, last.x1] : [0, 1], [
    plot.left,
    plot.right,
  ]);
  const y = linearScale([0, Math.max(1, max(raw, (b) => b.count) ?? 0)], [plot.bottom, plot.top], {
    nice: true,
  });

  const bars = raw.map((b, index): HistogramBar => {
    const left = px(x(b.x0));
    const right = px(x(b.x1));
    const top = px(y(b.count));
    const barWidth = Math.max(1, right - left - 1);
    return {
      key: `bin:${b.x0}:${index}`,
      index,
      x0: b.x0,
      x1: b.x1,
      count: b.count,
      share: total > 0 ? b.count / total : 0,
      closed: index === raw.length - 1,
      bar: { x: px(left + 0.5), y: top, width: px(barWidth), height: px(plot.bottom - top) },
      label: right - left >= 20 ? { x: px((left + right) / 2), y: px(top - 4) } : null,
      hit: { x: left, y: plot.top, width: px(Math.max(1, right - left)), height: plot.bottom - plot.top },
      anchor: { x: px((left + right) / 2), y: Math.max(plot.top, px(top - 16)) },
    };
  });

  const xTickValues = x.ticks(Math.max(2, Math.floor((plot.right - plot.left) / 80)));
  const yTickValues = y
    .ticks(Math.max(2, Math.floor((plot.bottom - plot.top) / 40)))
    .filter(Number.isInteger);
  return {
    width,
    height,
    bars,
    total,
    skipped,
    plot,
    xTicks: xTickValues.map((value) => ({ value, position: px(x(value)) })),
    xStep: stepOf(xTickValues),
    yTicks: yTickValues.map((value) => ({ value, position: px(y(value)) })),
    yStep: stepOf(yTickValues),
  };
}
