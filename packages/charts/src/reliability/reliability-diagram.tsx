import { useMemo, type ReactNode } from 'react';
import { AxisBottom, AxisLeft, Highlight } from '../shared/axes.tsx';
import { ChartFrame, LegendItem, useChartIds, type TooltipContent } from '../shared/chart-frame.tsx';
import { createFormatter, MISSING } from '../shared/format.ts';
import { fillTemplate, resolveMessages } from '../shared/messages.ts';
import type { ChartBaseProps } from '../shared/types.ts';
import { useContainerWidth } from '../shared/use-container-width.ts';
import { useMarkNavigation } from '../shared/use-mark-navigation.ts';
import { useReducedMotion } from '../shared/use-reduced-motion.ts';
import { reliabilityLayout, type ReliabilityBin, type ReliabilityLayout } from './reliability-layout.ts';
import { reliabilityMessages, type ReliabilityMessages } from './reliability-messages.ts';

export interface ReliabilityDiagramProps extends ChartBaseProps<ReliabilityMessages> {
  /**
   * Confidence bins with their case count, mean confidence and accuracy (all shares 0–1). Bins
   * with `n: 0` are drawn as gaps and listed as "no cases", never as an accuracy of 0.
   * @example bins={[{ lo: 0.5, hi: 0.6, n: 40, confidence: 0.55, accuracy: 0.5 }]}
   */
  bins: readonly ReliabilityBin[];
  /**
   * Largest side of the square plot in px (the plot shrinks with a narrow container).
   * @default 360
   * @example maxPlotSize={280}
   */
  maxPlotSize?: number | undefined;
  /**
   * Height of the case-count histogram under the plot in px.
   * @default 56
   * @example histogramHeight={40}
   */
  histogramHeight?: number | undefined;
  /**
   * `Intl.NumberFormat` options for percentages (confidence, accuracy, intervals).
   * @default { maximumFractionDigits: 0 }
   * @example percentFormat={{ maximumFractionDigits: 1 }}
   */
  percentFormat?: Intl.NumberFormatOptions | undefined;
  /**
   * Escape hatch: extra SVG drawn on top of the chart, given the computed layout.
   * @default undefined
   * @example {(layout) => <text x={layout.plot.right} y={layout.plot.top}>ECE {layout.ece}</text>}
   */
  children?: ((layout: ReliabilityLayout) => ReactNode) | undefined;
}

const DEFAULT_PERCENT_FORMAT: Intl.NumberFormatOptions = { maximumFractionDigits: 0 };

/**
 * A reliability diagram for evaluators: how often the AI was right at each level of its stated
 * confidence, against the diagonal of perfect calibration, with Wilson 95 % intervals and the
 * number of cases per bin beneath. Empty bins are gaps. The summary states the ECE.
 *
 * @example
 * <ReliabilityDiagram locale="en" bins={bins} />
 */
export function ReliabilityDiagram(props: ReliabilityDiagramProps) {
  const locale = props.locale ?? 'de';
  const messages = useMemo(
    () => resolveMessages(reliabilityMessages, locale, props.messages),
    [locale, props.messages],
  );
  const format = createFormatter(locale);
  const percentFormat = props.percentFormat ?? DEFAULT_PERCENT_FORMAT;
  const percent = (value: number | null) => (value === null ? MISSING : format.percent(value, percentFormat));
  const ids = useChartIds();
  const { ref, width } = useContainerWidth<HTMLDivElement>({ width: props.width });
  const reducedMotion = useReducedMotion();

  const layout = reliabilityLayout({
    bins: props.bins,
    width,
    maxPlotSize: props.maxPlotSize,
    histogramHeight: props.histogramHeight,
  });
  const nav = useMarkNavigation(layout.marks.length, ids.tooltip);
  const { plot } = layout;

  const rangeOf = (bin: ReliabilityBin) =>
    fillTemplate(messages.range, {
      lo: percent(Math.min(bin.lo, bin.hi)),
      hi: percent(Math.max(bin.lo, bin.hi)),
    });
  const intervalOf = (interval: { lo: number; hi: number } | null) =>
    interval
      ? fillTemplate(messages.interval, { lo: percent(interval.lo), hi: percent(interval.hi) })
      : MISSING;

  const summary =
    layout.totalCases > 0
      ? fillTemplate(messages.summary, {
          bins: format.integer(layout.marks.length),
          cases: format.integer(layout.totalCases),
          empty: format.integer(layout.emptyBins),
          ece: layout.ece === null ? MISSING : format.percent(layout.ece, { maximumFractionDigits: 1 }),
        })
      : fillTemplate(messages.summaryEmpty, { bins: format.integer(layout.marks.length) });

  const tooltipMark = nav.tooltipIndex === null ? undefined : layout.marks[nav.tooltipIndex];
  let tooltip: TooltipContent | null = null;
  if (tooltipMark) {
    const lines = [fillTemplate(messages.casesLine, { n: format.integer(tooltipMark.n) })];
    if (tooltipMark.empty) lines.push(messages.noCases);
    else {
      lines.push(fillTemplate(messages.confidenceLine, { confidence: percent(tooltipMark.confidence) }));
      lines.push(
        fillTemplate(messages.accuracyLine, {
          accuracy: percent(tooltipMark.accuracy),
          lo: percent(tooltipMark.interval?.lo ?? null),
          hi: percent(tooltipMark.interval?.hi ?? null),
        }),
      );
      if (tooltipMark.gap !== null) {
        lines.push(
          fillTemplate(messages.gapLine, {
            gap: format.signed(tooltipMark.gap * 100, { maximumFractionDigits: 0 }),
          }),
        );
      }
    }
    tooltip = {
      heading: `${messages.xAxisLabel} ${rangeOf(tooltipMark.bin)}`,
      lines,
      x: tooltipMark.anchor.x,
      y: tooltipMark.anchor.y,
      yBelow: (tooltipMark.point?.y ?? plot.top) + 12,
    };
  }

  const percentTick = (value: number, step: number) => format.tick(value, step, 'percent');
  const stepOf = (ticks: { value: number }[]) =>
    ticks.length > 1 ? Math.abs((ticks[1]?.value ?? 0) - (ticks[0]?.value ?? 0)) : 1;

  return (
    <ChartFrame
      kind="reliability"
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
          <LegendItem swatch={<line className="dlb-reliability__diagonal" x1={2} x2={26} y1={12} y2={2} />}>
            {messages.diagonalLegend}
          </LegendItem>
          <LegendItem
            swatch={
              <>
                <line className="dlb-reliability__whisker" x1={14} x2={14} y1={1} y2={13} />
                <circle className="dlb-reliability__point" cx={14} cy={7} r={4} />
              </>
            }
          >
            {messages.pointLegend}
          </LegendItem>
        </>
      }
      table={
        <>
          <thead>
            <tr>
              <th scope="col">{messages.columnRange}</th>
              <th scope="col">{messages.columnCases}</th>
              <th scope="col">{messages.columnConfidence}</th>
              <th scope="col">{messages.columnAccuracy}</th>
              <th scope="col">{messages.columnInterval}</th>
            </tr>
          </thead>
          <tbody>
            {layout.marks.map((mark) => (
              <tr key={mark.key} data-empty={mark.empty || undefined}>
                <th scope="row">{rangeOf(mark.bin)}</th>
                <td>{format.integer(mark.n)}</td>
                <td>{mark.empty ? messages.noCases : percent(mark.confidence)}</td>
                <td>{mark.empty ? messages.noCases : percent(mark.accuracy)}</td>
                <td>{intervalOf(mark.interval)}</td>
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
          label: percentTick(tick.value, stepOf(layout.yTicks)),
        }))}
        x={plot.left}
        y0={plot.bottom}
        y1={plot.top}
        gridTo={plot.right}
        label={messages.yAxisLabel}
      />
      <AxisBottom
        ticks={layout.ticks.map((tick) => ({
          ...tick,
          label: percentTick(tick.value, stepOf(layout.ticks)),
        }))}
        x0={plot.left}
        x1={plot.right}
        y={plot.bottom}
        label={messages.xAxisLabel}
      />
      <g aria-hidden="true">
        <line
          className="dlb-reliability__diagonal"
          x1={layout.diagonal.x1}
          y1={layout.diagonal.y1}
          x2={layout.diagonal.x2}
          y2={layout.diagonal.y2}
        />
        <path className="dlb-reliability__line" d={layout.linePath} />
        <text className="dlb-chart__axis-label" x={plot.left} y={layout.histogram.labelY}>
          {messages.countsLabel}
        </text>
        <line
          className="dlb-chart__axis-line"
          x1={plot.left}
          x2={plot.right}
          y1={layout.histogram.bottom}
          y2={layout.histogram.bottom}
        />
      </g>
      <g className="dlb-chart__marks" {...nav.groupProps}>
        {layout.marks.map((mark) => {
          const range = rangeOf(mark.bin);
          return (
            <g
              key={mark.key}
              className="dlb-chart__mark dlb-reliability__bin"
              role="img"
              aria-label={
                mark.empty
                  ? fillTemplate(messages.markLabelEmpty, { range })
                  : fillTemplate(messages.markLabel, {
                      range,
                      accuracy: percent(mark.accuracy),
                      n: format.integer(mark.n),
                    })
              }
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
              {mark.point && mark.whisker ? (
                <>
                  <line
                    className="dlb-reliability__whisker"
                    x1={mark.point.x}
                    x2={mark.point.x}
                    y1={mark.whisker.y0}
                    y2={mark.whisker.y1}
                  />
                  <line
                    className="dlb-reliability__whisker"
                    x1={mark.point.x - 4}
                    x2={mark.point.x + 4}
                    y1={mark.whisker.y0}
                    y2={mark.whisker.y0}
                  />
                  <line
                    className="dlb-reliability__whisker"
                    x1={mark.point.x - 4}
                    x2={mark.point.x + 4}
                    y1={mark.whisker.y1}
                    y2={mark.whisker.y1}
                  />
                  <circle className="dlb-reliability__point" cx={mark.point.x} cy={mark.point.y} r={4.5} />
                </>
              ) : null}
              {mark.countBar.height > 0 ? (
                <rect
                  className="dlb-reliability__count"
                  x={mark.countBar.x}
                  y={mark.countBar.y}
                  width={mark.countBar.width}
                  height={mark.countBar.height}
                />
              ) : null}
              {mark.countLabel ? (
                <text
                  className="dlb-reliability__count-label"
                  x={mark.countLabel.x}
                  y={mark.countLabel.y}
                  textAnchor="middle"
                >
                  {format.integer(mark.n)}
                </text>
              ) : null}
            </g>
          );
        })}
      </g>
      {props.children?.(layout)}
    </ChartFrame>
  );
}
