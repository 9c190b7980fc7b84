import type { ReactNode } from 'react';
import { AxisBottom, AxisLeft } from '../shared/axes.tsx';
import { ChartFrame, useChartSetup } from '../shared/chart-frame.tsx';
import { fillTemplate } from '../shared/messages.ts';
import type { ChartBaseProps } from '../shared/types.ts';
import {
  histogramLayout,
  type HistogramBar,
  type HistogramBin,
  type HistogramLayout,
} from './histogram-layout.ts';
import { histogramMessages, type HistogramMessages } from './histogram-messages.ts';

export interface HistogramProps extends ChartBaseProps<HistogramMessages> {
  /**
   * Raw values to bin. Non-finite values are skipped. Ignored when `bins` is given.
   * @default []
   * @example values={[0.2, 0.4, 0.45, 0.9]}
   */
  values?: readonly number[] | undefined;
  /**
   * Precomputed bins, e.g. from the server, instead of `values`.
   * @default undefined
   * @example bins={[{ x0: 0, x1: 10, count: 4 }, { x0: 10, x1: 20, count: 9 }]}
   */
  bins?: readonly HistogramBin[] | undefined;
  /**
   * Number of bins (a hint: d3-array's `ticks` rounds the edges) or the explicit bin edges (in
   * any order; edges outside the domain are ignored).
   * @default Sturges' rule
   * @example thresholds={10}
   */
  thresholds?: number | readonly number[] | undefined;
  /**
   * Value range to bin over; values outside are left out.
   * @default the values' extent
   * @example domain={[0, 1]}
   */
  domain?: readonly [number, number] | undefined;
  /**
   * The values are shares (0–1) and are shown as percentages.
   * @default false
   * @example percent
   */
  percent?: boolean | undefined;
  /**
   * Total height in px.
   * @default 240
   * @example height={180}
   */
  height?: number | undefined;
  /**
   * `Intl.NumberFormat` options for bin edges (ignored with `percent`).
   * @default { maximumFractionDigits: 2 }
   * @example valueFormat={{ maximumFractionDigits: 0 }}
   */
  valueFormat?: Intl.NumberFormatOptions | undefined;
  /**
   * Escape hatch: extra SVG drawn on top of the chart, given the computed layout.
   * @default undefined
   * @example {(layout) => <line x1={layout.plot.left} x2={layout.plot.right} y1={layout.plot.top} y2={layout.plot.top} />}
   */
  children?: ((layout: HistogramLayout) => ReactNode) | undefined;
}

const DEFAULT_VALUE_FORMAT: Intl.NumberFormatOptions = { maximumFractionDigits: 2 };

/**
 * A histogram for the evaluator dashboard (e.g. AI confidence, time to decision): bars with their
 * counts, one tab stop, arrow keys between bars, a tooltip with count and share, a table twin.
 *
 * @example
 * <Histogram locale="en" values={confidences} thresholds={10} domain={[0, 1]} percent />
 */
export function Histogram(props: HistogramProps) {
  const { messages, format, width, frame } = useChartSetup(histogramMessages, props);
  const valueFormat = props.valueFormat ?? DEFAULT_VALUE_FORMAT;
  const isPercent = props.percent ?? false;

  const layout = histogramLayout({
    values: props.values,
    bins: props.bins,
    thresholds: props.thresholds,
    domain: props.domain,
    width,
    height: props.height,
  });
  const { plot, bars } = layout;

  const edge = (value: number) => (isPercent ? format.percent(value) : format.number(value, valueFormat));
  const rangeOf = (bar: HistogramBar) =>
    fillTemplate(bar.closed ? messages.rangeClosed : messages.rangeHalfOpen, {
      lo: edge(bar.x0),
      hi: edge(bar.x1),
    });
  const shareOf = (bar: HistogramBar) => format.percent(bar.share);

  const tallest = bars.reduce<HistogramBar | undefined>(
    (best, bar) => (!best || bar.count > best.count ? bar : best),
    undefined,
  );

  return (
    <ChartFrame
      {...frame}
      kind="histogram"
      title={props.title ?? messages.title}
      summary={
        tallest && layout.total > 0
          ? fillTemplate(messages.summary, {
              total: format.integer(layout.total),
              bins: format.integer(bars.length),
              max: format.integer(tallest.count),
              range: rangeOf(tallest),
            })
          : messages.summaryEmpty
      }
      width={layout.width}
      height={layout.height}
      items={bars}
      mark={(bar) => {
        return {
          key: bar.key,
          className: 'dlb-histogram__bin',
          label: fillTemplate(messages.markLabel, {
            range: rangeOf(bar),
            count: format.integer(bar.count),
            share: shareOf(bar),
          }),
          hit: bar.hit,
          children: (
            <>
              {bar.bar.height > 0 ? <rect className="dlb-histogram__bar" {...bar.bar} /> : null}
              {bar.label ? (
                <text className="dlb-histogram__count" {...bar.label} textAnchor="middle">
                  {format.integer(bar.count)}
                </text>
              ) : null}
            </>
          ),
        };
      }}
      tooltip={(bar) => {
        return {
          heading: rangeOf(bar),
          lines: [
            fillTemplate(messages.countLine, { count: format.integer(bar.count) }),
            fillTemplate(messages.shareLine, { share: shareOf(bar) }),
          ],
          ...bar.anchor,
          yBelow: bar.bar.y + 8,
        };
      }}
      head={[messages.columnRange, messages.columnCount, messages.columnShare]}
      rows={bars.map((bar) => [bar.key, rangeOf(bar), [format.integer(bar.count), shareOf(bar)]])}
      overlay={props.children?.(layout)}
    >
      <AxisLeft
        ticks={layout.yTicks}
        format={(value) => format.tick(value, layout.yStep)}
        plot={plot}
        label={messages.yAxisLabel}
      />
      <AxisBottom
        ticks={layout.xTicks}
        format={(value) => format.tick(value, layout.xStep, isPercent ? 'percent' : 'number')}
        plot={plot}
        label={messages.xAxisLabel}
      />
      {bars.length === 0 ? (
        <text
          className="dlb-chart__empty"
          x={(plot.left + plot.right) / 2}
          y={(plot.top + plot.bottom) / 2}
          textAnchor="middle"
          aria-hidden="true"
        >
          {messages.noData}
        </text>
      ) : null}
    </ChartFrame>
  );
}
