import type { ReactNode } from 'react';
import { AxisBottom, AxisLeft } from '../shared/axes.tsx';
import { ChartFrame, LegendItem, useChartSetup } from '../shared/chart-frame.tsx';
import { MISSING } from '../shared/format.ts';
import { fillTemplate } from '../shared/messages.ts';
import type { ChartBaseProps } from '../shared/types.ts';
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
  const { messages, format, width, frame } = useChartSetup(rateOverTimeMessages, props);
  const dateFormat = props.dateFormat ?? DEFAULT_DATE_FORMAT;
  const percentFormat = props.percentFormat ?? DEFAULT_PERCENT_FORMAT;
  const rateLabel = props.rateLabel ?? messages.rateLabel;

  const layout = rateOverTimeLayout({
    points: props.points,
    width,
    height: props.height,
    yDomain: props.yDomain,
  });
  const { plot, marks } = layout;

  const percent = (value: number | null | undefined) =>
    value == null ? MISSING : format.percent(value, percentFormat);
  const dateOf = (mark: RateMark) => format.date(mark.date, dateFormat);
  const intervalOf = (mark: RateMark) =>
    mark.interval
      ? fillTemplate(messages.interval, { lo: percent(mark.interval.lo), hi: percent(mark.interval.hi) })
      : MISSING;
  // The rate with its interval and n, for the mark's name and the summary.
  const details = (mark: RateMark) => ({
    rateLabel,
    rate: percent(mark.rate),
    lo: percent(mark.interval?.lo),
    hi: percent(mark.interval?.hi),
    n: format.integer(mark.n),
  });

  const first = marks[0];
  const last = marks[marks.length - 1];
  let summary = messages.summaryEmpty;
  if (first && last) {
    const common = {
      points: format.integer(marks.length),
      first: dateOf(first),
      last: dateOf(last),
      empty: format.integer(layout.emptyPoints),
    };
    summary = last.empty
      ? fillTemplate(messages.summaryNoLatest, common)
      : fillTemplate(messages.summary, { ...common, ...details(last) });
  }

  return (
    <ChartFrame
      {...frame}
      kind="rate-over-time"
      title={props.title ?? messages.title}
      summary={summary}
      width={layout.width}
      height={layout.height}
      items={marks}
      mark={(mark) => {
        return {
          key: mark.key,
          className: 'dlb-rate__mark',
          label: mark.empty
            ? fillTemplate(messages.markLabelEmpty, { date: dateOf(mark) })
            : fillTemplate(messages.markLabel, { date: dateOf(mark), ...details(mark) }),
          data: { 'data-empty': String(mark.empty) },
          hit: mark.hit,
          children: (
            <>
              {mark.isolated && mark.yLo !== null && mark.yHi !== null ? (
                <line className="dlb-rate__whisker" x1={mark.x} x2={mark.x} y1={mark.yLo} y2={mark.yHi} />
              ) : null}
              {mark.y !== null ? (
                <circle className="dlb-rate__point" cx={mark.x} cy={mark.y} r={3.5} />
              ) : null}
            </>
          ),
        };
      }}
      tooltip={(mark) => {
        return {
          heading: dateOf(mark),
          lines: mark.empty
            ? [messages.noCases]
            : [
                fillTemplate(messages.rateLine, { rateLabel, rate: percent(mark.rate) }),
                fillTemplate(messages.intervalLine, { interval: intervalOf(mark) }),
                fillTemplate(messages.casesLine, { n: format.integer(mark.n) }),
              ],
          x: mark.anchor.x,
          y: Math.min(mark.anchor.y, mark.yHi ?? mark.anchor.y),
          yBelow: (mark.yLo ?? mark.anchor.y) + 8,
        };
      }}
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
      head={[messages.columnDate, rateLabel, messages.columnInterval, messages.columnCases]}
      rows={marks.map((mark) => [
        mark.key,
        dateOf(mark),
        [mark.empty ? messages.noCases : percent(mark.rate), intervalOf(mark), format.integer(mark.n)],
        { 'data-empty': mark.empty || undefined },
      ])}
      overlay={props.children?.(layout)}
    >
      <AxisLeft
        ticks={layout.yTicks}
        format={(value) => format.tick(value, layout.yStep, 'percent')}
        plot={plot}
        label={rateLabel}
      />
      <AxisBottom
        ticks={layout.xTicks}
        format={(value) => format.date(value, TICK_FORMATS[layout.tickUnit])}
        plot={plot}
        label={messages.xAxisLabel}
      />
      <g aria-hidden="true">
        <path className="dlb-rate__band" d={layout.bandPath} />
        <path className="dlb-rate__band-edge" d={layout.bandLowPath} />
        <path className="dlb-rate__band-edge" d={layout.bandHighPath} />
        <path className="dlb-rate__line" d={layout.linePath} />
        {marks.length === 0 ? (
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
    </ChartFrame>
  );
}
