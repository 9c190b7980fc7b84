import { max } from 'd3-array';
import { linePath } from '../shared/paths.ts';
import { linearScale } from '../shared/scale.ts';
import { finiteOr, px, wilsonInterval } from '../shared/stats.ts';

/** One confidence bin of a calibration analysis. */
export interface ReliabilityBin {
  /** Lower edge of the confidence bin, 0–1. */
  lo: number;
  /** Upper edge of the confidence bin, 0–1. */
  hi: number;
  /** Cases in the bin. 0 makes the bin empty: a gap, never a zero. */
  n: number;
  /** Mean AI confidence of the cases in the bin, 0–1; `null` (or NaN) when the bin is empty. */
  confidence: number | null;
  /** Share of those cases where the AI was right, 0–1; `null` (or NaN) when the bin is empty. */
  accuracy: number | null;
}

export interface ReliabilityLayoutInput {
  bins: readonly ReliabilityBin[];
  /** Total width in px. */
  width: number;
  /** Largest side of the square plot in px. @default 360 */
  maxPlotSize?: number | undefined;
  /** Height of the case-count histogram under the plot in px. @default 56 */
  histogramHeight?: number | undefined;
}

export interface ReliabilityMark {
  key: string;
  index: number;
  bin: ReliabilityBin;
  /** No cases (or no accuracy): drawn as a gap. */
  empty: boolean;
  n: number;
  /** Clamped to 0–1; null when empty. Confidence falls back to the bin centre when missing. */
  confidence: number | null;
  accuracy: number | null;
  /** Wilson 95 % interval of the accuracy; null when empty. */
  interval: { lo: number; hi: number } | null;
  /** accuracy − confidence (positive: under-confident); null when empty. */
  gap: number | null;
  /** Bin edges in px. */
  x0: number;
  x1: number;
  /** The point (null when empty) and its interval whisker. */
  point: { x: number; y: number } | null;
  whisker: { y0: number; y1: number } | null;
  /** The bar of the case-count histogram (height 0 when empty). */
  countBar: { x: number; y: number; width: number; height: number };
  /** Where the count label goes; null when the bar is too narrow to label. */
  countLabel: { x: number; y: number } | null;
  /** The column a pointer or the focus ring uses. */
  hit: { x: number; y: number; width: number; height: number };
  anchor: { x: number; y: number };
}

export interface ReliabilityLayout {
  width: number;
  height: number;
  marks: ReliabilityMark[];
  plot: { left: number; right: number; top: number; bottom: number };
  histogram: { top: number; bottom: number; labelY: number };
  /** The diagonal of perfect calibration, in px. */
  diagonal: { x1: number; y1: number; x2: number; y2: number };
  /** The accuracy line through the non-empty bins; broken at empty ones. */
  linePath: string;
  ticks: { value: number; position: number }[];
  yTicks: { value: number; position: number }[];
  totalCases: number;
  emptyBins: number;
  /** Expected calibration error Σ (n_m / N)·|acc − conf| over non-empty bins; null without cases. */
  ece: number | null;
  /** Maximum calibration error over non-empty bins; null without cases. */
  mce: number | null;
}

const LEFT = 52;
const RIGHT = 16;
const TOP = 30;
const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/**
 * Lays out a reliability diagram: accuracy against mean confidence per bin, the diagonal of
 * perfect calibration, a Wilson 95 % interval per bin, and the case count of each bin as a
 * histogram under the plot. Bins without cases stay gaps: no point, a break in the line, no bar.
 * Also computes ECE and MCE (Guo et al. 2017, docs/research.md §3).
 *
 * @example
 * const layout = reliabilityLayout({ bins, width: 480 });
 * layout.marks.filter((mark) => mark.empty).length; // empty bins
 */
export function reliabilityLayout(input: ReliabilityLayoutInput): ReliabilityLayout {
  const width = Math.max(200, finiteOr(input.width, 640));
  const maxPlot = Math.max(120, finiteOr(input.maxPlotSize, 360));
  const histogramHeight = Math.max(24, finiteOr(input.histogramHeight, 56));
  const side = Math.max(120, Math.min(maxPlot, width - LEFT - RIGHT));
  const plot = { left: LEFT, right: LEFT + side, top: TOP, bottom: TOP + side };
  const histogramTop = plot.bottom + 72;
  const histogram = { top: histogramTop, bottom: histogramTop + histogramHeight, labelY: plot.bottom + 56 };

  const x = linearScale([0, 1], [plot.left, plot.right], { clamp: true });
  const y = linearScale([0, 1], [plot.bottom, plot.top], { clamp: true });

  const bins = input.bins
    .filter((bin) => Number.isFinite(bin.lo) && Number.isFinite(bin.hi))
    .slice()
    .sort((a, b) => a.lo - b.lo);
  const counts = bins.map((bin) => Math.max(0, finiteOr(bin.n, 0)));
  const maxCount = max(counts) ?? 0;
  const barArea = histogramHeight - 14;
  const totalCases = counts.reduce((sum, n) => sum + n, 0);

  let ece: number | null = null;
  let mce: number | null = null;
  const marks = bins.map((bin, index): ReliabilityMark => {
    const n = counts[index] ?? 0;
    const rawAccuracy = bin.accuracy;
    const empty = !(n > 0) || rawAccuracy === null || !Number.isFinite(rawAccuracy);
    const lo = clamp01(Math.min(bin.lo, bin.hi));
    const hi = clamp01(Math.max(bin.lo, bin.hi));
    const x0 = px(x(lo));
    const x1 = px(x(hi));
    const accuracy = empty ? null : clamp01(rawAccuracy as number);
    const confidence = empty ? null : clamp01(finiteOr(bin.confidence, (lo + hi) / 2));
    const interval = accuracy === null ? null : wilsonInterval(accuracy, n);
    const gap = accuracy === null || confidence === null ? null : accuracy - confidence;
    if (gap !== null && totalCases > 0) {
      ece = (ece ?? 0) + (n / totalCases) * Math.abs(gap);
      mce = Math.max(mce ?? 0, Math.abs(gap));
    }
    const point =
      accuracy === null || confidence === null ? null : { x: px(x(confidence)), y: px(y(accuracy)) };
    const barHeight = maxCount > 0 ? px((n / maxCount) * barArea) : 0;
    const barWidth = Math.max(0, x1 - x0 - 2);
    return {
      key: `bin:${bin.lo}-${bin.hi}:${index}`,
      index,
      bin,
      empty,
      n,
      confidence,
      accuracy,
      interval,
      gap,
      x0,
      x1,
      point,
      whisker: interval ? { y0: px(y(interval.lo)), y1: px(y(interval.hi)) } : null,
      countBar: {
        x: px(x0 + 1),
        y: px(histogram.bottom - barHeight),
        width: px(barWidth),
        height: barHeight,
      },
      countLabel: x1 - x0 >= 22 ? { x: px((x0 + x1) / 2), y: px(histogram.bottom - barHeight - 4) } : null,
      hit: { x: x0, y: plot.top, width: px(Math.max(1, x1 - x0)), height: px(histogram.bottom - plot.top) },
      anchor: { x: point?.x ?? px((x0 + x1) / 2), y: point ? Math.max(plot.top, point.y - 8) : plot.top },
    };
  });

  return {
    width,
    height: histogram.bottom + 8,
    marks,
    plot,
    histogram,
    diagonal: { x1: x(0), y1: y(0), x2: x(1), y2: y(1) },
    linePath: linePath(marks.map(({ point }) => point && [point.x, point.y])),
    ticks: x.ticks(5).map((value) => ({ value, position: px(x(value)) })),
    yTicks: y.ticks(5).map((value) => ({ value, position: px(y(value)) })),
    totalCases,
    emptyBins: marks.filter((mark) => mark.empty).length,
    ece,
    mce,
  };
}
