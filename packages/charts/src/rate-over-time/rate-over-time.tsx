import { useMemo, type ReactNode } from 'react';
import { AxisBottom, AxisLeft, Highlight } from '../shared/axes.tsx';
import { ChartFrame, LegendItem, useChartIds, type TooltipContent } from '../shared/chart-frame.tsx';
import { createFormatter, MISSING } from '../shared/format.ts';
import { fillTemplate, resolveMessages } from '../shared/messages.ts';
import type { ChartBaseProps } from '../shared/types.ts';
import { useContainerWidth } from '../shared/use-container-width.ts';
import { useMarkNavigation } from '../shared/use-mark-navigation.ts';
import { useReducedMotion } from '../shared/use-reduced-motion.ts';
import {
  rateOverTimeLayout,
  type RateMark,
  type RateOverTimeLayout,
  type RatePoint,
  type TimeTickUnit,
} from './rate-over-time-layout.ts';
import { rateOverTimeMessages, type RateOverTimeMessages } from './rate-over-time-messages.ts';

export interface RateOverTimeProps extends ChartBaseProps<RateOverTimeMessages> {
  /**
   * The rate per period with its interval and case count. Points with `n: 0` are gaps in the
   * line and the band. Missing `lo`/`hi` with n > 0 fall back to the Wilson 95 % interval.
   * @example points={[{ t: '2025-03-03', rate: 0.18, lo: 0.12, hi: 0.26, n: 140 }]}
   */
  points: readonly RatePoint[];
  /**
   * What the rate is, e.g. "Override rate"; used in the axis label, summary, tooltip and table.
   * Same as `messages.rateLabel`.
   * @default messages.rateLabel ("Rate")
   * @example rateLabel="Übernahmequote"
   */
  rateLabel?: string | undefined;
  /**
   * Total height in px.
   * @default 260
   * @example height={200}
   */
  height?: number | undefined;
  /**
   * The y range. Rates are shares; cropping the axis exaggerates change.
   * @default [0, 1]
   * @example yDomain={[0, 0.5]}
   */
  yDomain?: readonly [number, number] | undefined;
  /**
   * `Intl.DateTimeFormat` options for dates in the tooltip, summary and table (time zone UTC
   * unless given).
   * @default { dateStyle: 'medium' }
   * @example dateFormat={{ year: 'numeric', month: 'long' }}
   */
  dateFormat?: Intl.DateTimeFormatOptions | undefined;
  /**
   * `Intl.NumberFormat` options for rates and intervals.
   * @default { maximumFractionDigits: 0 }
   * @example percentFormat={{ maximumFractionDigits: 1 }}
   */
  percentFormat?: Intl.NumberFormatOptions | undefined;
  /**
   * Escape hatch: extra SVG drawn on top of the chart, given the computed layout.
   * @default undefined
   * @example {(layout) => <line className="target" x1={layout.plot.left} x2={layout.plot.right} y1={100} y2={100} />}
   */
  children?: ((layout: RateOverTimeLayout) => ReactNode) | undefined;
}

const DEFAULT_DATE_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
const DEFAULT_PERCENT_FORMAT: Intl.NumberFormatOptions = { maximumFractionDigits: 0 };
const TICK_FORMATS: Record<TimeTickUnit, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  month: { month: 'short', year: '2-digit' },
  day: { day: 'numeric', month: 'short' },
  hour: { hour: '2-digit', minute: '2-digit' },
};

/**
 * A rate over time with its 95 % interval band — agreement, override or over-reliance per week —
 * for the evaluator dashboard. Periods without cases are gaps, not zeros. One tab stop; arrow
 * keys move between points and show each point's rate, interval and n.
 *
 * @example
 * <RateOverTime locale="en" rateLabel="Override rate" points={weekly} />
 */
export function RateOverTime(props: RateOverTimeProps) {
  const locale = props.locale ?? 'de';
  const messages = useMemo(
    () => resolveMessages(rateOverTimeMessages, locale, props.messages),
    [locale, props.messages],
  );
  const format = createFormatter(locale);
  const ids = useChartIds();
  const { ref, width } = useContainerWidth<HTMLDivElement>({ width: props.width });
  const reducedMotion = useReducedMotion();
  const dateFormat = props.dateFormat ?? DEFAULT_DATE_FORMAT;
  const percentFormat = props.percentFormat ?? DEFAULT_PERCENT_FORMAT;
  const rateLabel = props.rateLabel ?? messages.rateLabel;

  const layout = rateOverTimeLayout({
    points: props.points,
    width,
    height: props.height,
    yDomain: props.yDomain,
  });
  const nav = useMarkNavigation(layout.marks.length, ids.tooltip);
  const { plot } = layout;

  const percent = (value: number | null | undefined) =>
    value === null || value === undefined ? MISSING : format.percent(value, percentFormat);
  const dateOf = (mark: RateMark) => format.date(mark.date, dateFormat);
  const intervalOf = (mark: RateMark) =>
    mark.interval
      ? fillTemplate(messages.interval, { lo: percent(mark.interval.lo), hi: percent(mark.interval.hi) })
      : MISSING;
  const labelOf = (mark: RateMark) =>
    mark.empty
      ? fillTemplate(messages.markLabelEmpty, { date: dateOf(mark) })
      : fillTemplate(messages.markLabel, {
          date: dateOf(mark),
          rateLabel,
          rate: percent(mark.rate),
          lo: percent(mark.interval?.lo),
          hi: percent(mark.interval?.hi),
          n: format.integer(mark.n),
        });

  const first = layout.marks[0];
  const last = layout.marks[layout.marks.length - 1];
  let summary = messages.summaryEmpty;
  if (first && last) {
    const common = {
      points: format.integer(layout.marks.length),
      first: dateOf(first),
      last: dateOf(last),
      empty: format.integer(layout.emptyPoints),
    };
    summary = last.empty
      ? fillTemplate(messages.summaryNoLatest, common)
      : fillTemplate(messages.summary, {
          ...common,
          rateLabel,
          rate: percent(last.rate),
          lo: percent(last.interval?.lo),
          hi: percent(last.interval?.hi),
          n: format.integer(last.n),
        });
  }

  const tooltipMark = nav.tooltipIndex === null ? undefined : layout.marks[nav.tooltipIndex];
  let tooltip: TooltipContent | null = null;
  if (tooltipMark) {
    const lines = tooltipMark.empty
      ? [messages.noCases]
      : [
          fillTemplate(messages.rateLine, { rateLabel, rate: percent(tooltipMark.rate) }),
          fillTemplate(messages.intervalLine, { interval: intervalOf(tooltipMark) }),
          fillTemplate(messages.casesLine, { n: format.integer(tooltipMark.n) }),
        ];
    tooltip = {
      heading: dateOf(tooltipMark),
      lines,
      x: tooltipMark.anchor.x,
      y: Math.min(tooltipMark.anchor.y, tooltipMark.yHi ?? tooltipMark.anchor.y),
      yBelow: (tooltipMark.yLo ?? tooltipMark.anchor.y) + 8,
    };
  }

  const tickFormat = TICK_FORMATS[layout.tickUnit];
  return (
    <ChartFrame
      kind="rate-over-time"
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
      legend={
        <>
          <LegendItem
            swatch={
              <>
                <line className="dlb-rate__line" x1={2} x2={26} y1={7} y2={7} />
                <circle className="dlb-rate__point" cx={14} cy={7} r={3.5} />
              </>
            }
          >
            {messages.legendLine}
          </LegendItem>
          <LegendItem
            swatch={
              <>
                <rect className="dlb-rate__band" x={2} y={2} width={24} height={10} />
                <line className="dlb-rate__band-edge" x1={2} x2={26} y1={2} y2={2} />
                <line className="dlb-rate__band-edge" x1={2} x2={26} y1={12} y2={12} />
              </>
            }
          >
            {messages.legendBand}
          </LegendItem>
          <LegendItem
            swatch={
              <>
                <line className="dlb-rate__line" x1={2} x2={10} y1={7} y2={7} />
                <line className="dlb-rate__line" x1={18} x2={26} y1={7} y2={7} />
              </>
            }
          >
            {messages.legendGap}
          </LegendItem>
        </>
      }
      table={
        <>
          <thead>
            <tr>
              <th scope="col">{messages.columnDate}</th>
              <th scope="col">{rateLabel}</th>
              <th scope="col">{messages.columnInterval}</th>
              <th scope="col">{messages.columnCases}</th>
            </tr>
          </thead>
          <tbody>
            {layout.marks.map((mark) => (
              <tr key={mark.key} data-empty={mark.empty || undefined}>
                <th scope="row">{dateOf(mark)}</th>
                <td>{mark.empty ? messages.noCases : percent(mark.rate)}</td>
                <td>{intervalOf(mark)}</td>
                <td>{format.integer(mark.n)}</td>
              </tr>
            ))}
          </tbody>
        </>
      }
    >
      <Highlight box={nav.highlightIndex === null ? undefined : layout.marks[nav.highlightIndex]?.hit} />
      <AxisLeft
        ticks={layout.yTicks.map((tick) => ({
          ...tick,
          label: format.tick(tick.value, layout.yStep, 'percent'),
        }))}
        x={plot.left}
        y0={plot.bottom}
        y1={plot.top}
        gridTo={plot.right}
        label={rateLabel}
      />
      <AxisBottom
        ticks={layout.xTicks.map((tick) => ({
          value: tick.value.getTime(),
          position: tick.position,
          label: format.date(tick.value, tickFormat),
        }))}
        x0={plot.left}
        x1={plot.right}
        y={plot.bottom}
        label={messages.xAxisLabel}
      />
      <g aria-hidden="true">
        <path className="dlb-rate__band" d={layout.bandPath} />
        <path className="dlb-rate__band-edge" d={layout.bandLowPath} />
        <path className="dlb-rate__band-edge" d={layout.bandHighPath} />
        <path className="dlb-rate__line" d={layout.linePath} />
        {layout.marks.length === 0 ? (
          <text
            className="dlb-chart__empty"
            x={(plot.left + plot.right) / 2}
            y={(plot.top + plot.bottom) / 2}
            textAnchor="middle"
          >
            {messages.noData}
          </text>
        ) : null}
      </g>
      <g className="dlb-chart__marks" {...nav.groupProps}>
        {layout.marks.map((mark) => (
          <g
            key={mark.key}
            className="dlb-chart__mark dlb-rate__mark"
            role="img"
            aria-label={labelOf(mark)}
            data-empty={mark.empty ? 'true' : 'false'}
            {...nav.markProps(mark.index)}
          >
            <rect
              className="dlb-chart__hit"
              x={mark.hit.x}
              y={mark.hit.y}
              width={mark.hit.width}
              height={mark.hit.height}
            />
            {mark.isolated && mark.yLo !== null && mark.yHi !== null ? (
              <line className="dlb-rate__whisker" x1={mark.x} x2={mark.x} y1={mark.yLo} y2={mark.yHi} />
            ) : null}
            {mark.y !== null ? <circle className="dlb-rate__point" cx={mark.x} cy={mark.y} r={3.5} /> : null}
          </g>
        ))}
      </g>
      {props.children?.(layout)}
    </ChartFrame>
  );
}
