import { useMemo, type ReactNode } from 'react';
import { AxisBottom, AxisLeft, Highlight } from '../shared/axes.tsx';
import { ChartFrame, useChartIds, type TooltipContent } from '../shared/chart-frame.tsx';
import { createFormatter } from '../shared/format.ts';
import { fillTemplate, resolveMessages } from '../shared/messages.ts';
import type { ChartBaseProps } from '../shared/types.ts';
import { useContainerWidth } from '../shared/use-container-width.ts';
import { useMarkNavigation } from '../shared/use-mark-navigation.ts';
import { useReducedMotion } from '../shared/use-reduced-motion.ts';
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
   * Number of bins (a hint: d3 rounds the edges) or the explicit bin edges.
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
  const locale = props.locale ?? 'de';
  const messages = useMemo(
    () => resolveMessages(histogramMessages, locale, props.messages),
    [locale, props.messages],
  );
  const format = createFormatter(locale);
  const ids = useChartIds();
  const { ref, width } = useContainerWidth<HTMLDivElement>({ width: props.width });
  const reducedMotion = useReducedMotion();
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
  const nav = useMarkNavigation(layout.bars.length, ids.tooltip);
  const { plot } = layout;

  const edge = (value: number) => (isPercent ? format.percent(value) : format.number(value, valueFormat));
  const rangeOf = (bar: HistogramBar) =>
    fillTemplate(bar.closed ? messages.rangeClosed : messages.rangeHalfOpen, {
      lo: edge(bar.x0),
      hi: edge(bar.x1),
    });
  const shareOf = (bar: HistogramBar) => format.percent(bar.share);

  const tallest = layout.bars.reduce<HistogramBar | undefined>(
    (best, bar) => (!best || bar.count > best.count ? bar : best),
    undefined,
  );
  const summary =
    tallest && layout.total > 0
      ? fillTemplate(messages.summary, {
          total: format.integer(layout.total),
          bins: format.integer(layout.bars.length),
          max: format.integer(tallest.count),
          range: rangeOf(tallest),
        })
      : messages.summaryEmpty;

  const tooltipBar = nav.tooltipIndex === null ? undefined : layout.bars[nav.tooltipIndex];
  let tooltip: TooltipContent | null = null;
  if (tooltipBar) {
    tooltip = {
      heading: rangeOf(tooltipBar),
      lines: [
        fillTemplate(messages.countLine, { count: format.integer(tooltipBar.count) }),
        fillTemplate(messages.shareLine, { share: shareOf(tooltipBar) }),
      ],
      x: tooltipBar.anchor.x,
      y: tooltipBar.anchor.y,
      yBelow: tooltipBar.bar.y + 8,
    };
  }

  return (
    <ChartFrame
      kind="histogram"
      locale={locale}
      ids={ids}
      title={props.title ?? messages.title}
      summary={summary}
      instructions={messages.instructions}
      className={props.className}
      style={props.style}
      showTable={props.showTable ?? false}
      reducedMotion={reducedMotion}
      containerRef={ref}
      plotProps={nav.plotProps}
      width={layout.width}
      height={layout.height}
      tooltip={tooltip}
      table={
        <>
          <thead>
            <tr>
              <th scope="col">{messages.columnRange}</th>
              <th scope="col">{messages.columnCount}</th>
              <th scope="col">{messages.columnShare}</th>
            </tr>
          </thead>
          <tbody>
            {layout.bars.map((bar) => (
              <tr key={bar.key}>
                <th scope="row">{rangeOf(bar)}</th>
                <td>{format.integer(bar.count)}</td>
                <td>{shareOf(bar)}</td>
              </tr>
            ))}
          </tbody>
        </>
      }
    >
      <Highlight box={nav.highlightIndex === null ? undefined : layout.bars[nav.highlightIndex]?.hit} />
      <AxisLeft
        ticks={layout.yTicks.map((tick) => ({ ...tick, label: format.tick(tick.value, layout.yStep) }))}
        x={plot.left}
        y0={plot.bottom}
        y1={plot.top}
        gridTo={plot.right}
        label={messages.yAxisLabel}
      />
      <AxisBottom
        ticks={layout.xTicks.map((tick) => ({
          ...tick,
          label: format.tick(tick.value, layout.xStep, isPercent ? 'percent' : 'number'),
        }))}
        x0={plot.left}
        x1={plot.right}
        y={plot.bottom}
        label={messages.xAxisLabel}
      />
      {layout.bars.length === 0 ? (
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
      <g className="dlb-chart__marks" {...nav.groupProps}>
        {layout.bars.map((bar) => (
          <g
            key={bar.key}
            className="dlb-chart__mark dlb-histogram__bin"
            role="img"
            aria-label={fillTemplate(messages.markLabel, {
              range: rangeOf(bar),
              count: format.integer(bar.count),
              share: shareOf(bar),
            })}
            {...nav.markProps(bar.index)}
          >
            <rect
              className="dlb-chart__hit"
              x={bar.hit.x}
              y={bar.hit.y}
              width={bar.hit.width}
              height={bar.hit.height}
            />
            {bar.bar.height > 0 ? (
              <rect
                className="dlb-histogram__bar"
                x={bar.bar.x}
                y={bar.bar.y}
                width={bar.bar.width}
                height={bar.bar.height}
              />
            ) : null}
            {bar.label ? (
              <text className="dlb-histogram__count" x={bar.label.x} y={bar.label.y} textAnchor="middle">
                {format.integer(bar.count)}
              </text>
            ) : null}
          </g>
        ))}
      </g>
      {props.children?.(layout)}
    </ChartFrame>
  );
}
