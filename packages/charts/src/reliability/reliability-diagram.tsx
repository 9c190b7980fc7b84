import type { ReactNode } from 'react';
import { AxisBottom, AxisLeft, type AxisTick } from '../shared/axes.tsx';
import { ChartFrame, LegendItem, useChartSetup } from '../shared/chart-frame.tsx';
import { MISSING } from '../shared/format.ts';
import { fillTemplate } from '../shared/messages.ts';
import type { ChartBaseProps } from '../shared/types.ts';
import {
  reliabilityLayout,
  type ReliabilityBin,
  type ReliabilityLayout,
  type ReliabilityMark,
} from './reliability-layout.ts';
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
  const { messages, format, width, frame } = useChartSetup(reliabilityMessages, props);
  const percentFormat = props.percentFormat ?? DEFAULT_PERCENT_FORMAT;
  const percent = (value: number | null | undefined) =>
    value == null ? MISSING : format.percent(value, percentFormat);

  const layout = reliabilityLayout({
    bins: props.bins,
    width,
    maxPlotSize: props.maxPlotSize,
    histogramHeight: props.histogramHeight,
  });
  const { plot, marks } = layout;

  const fromTo = (template: string, { lo, hi }: { lo: number; hi: number }) =>
    fillTemplate(template, { lo: percent(lo), hi: percent(hi) });
  const rangeOf = ({ bin }: ReliabilityMark) =>
    fromTo(messages.range, { lo: Math.min(bin.lo, bin.hi), hi: Math.max(bin.lo, bin.hi) });
  // Tick labels with as many decimals as the step between ticks needs.
  const percentTick = (ticks: AxisTick[]) => (value: number) =>
    format.tick(
      value,
      ticks.length > 1 ? Math.abs((ticks[1]?.value ?? 0) - (ticks[0]?.value ?? 0)) : 1,
      'percent',
    );
  const noCases = (mark: ReliabilityMark, text: string) => (mark.empty ? messages.noCases : text);

  return (
    <ChartFrame
      {...frame}
      kind="reliability"
      title={props.title ?? messages.title}
      summary={
        layout.totalCases > 0
          ? fillTemplate(messages.summary, {
              bins: format.integer(marks.length),
              cases: format.integer(layout.totalCases),
              empty: format.integer(layout.emptyBins),
              ece: layout.ece === null ? MISSING : format.percent(layout.ece, { maximumFractionDigits: 1 }),
            })
          : fillTemplate(messages.summaryEmpty, { bins: format.integer(marks.length) })
      }
      width={layout.width}
      height={layout.height}
      items={marks}
      mark={(mark) => {
        const range = rangeOf(mark);
        const { point, whisker, countBar, countLabel } = mark;
        return {
          key: mark.key,
          className: 'dlb-reliability__bin',
          label: mark.empty
            ? fillTemplate(messages.markLabelEmpty, { range })
            : fillTemplate(messages.markLabel, {
                range,
                accuracy: percent(mark.accuracy),
                n: format.integer(mark.n),
              }),
          data: { 'data-empty': String(mark.empty) },
          hit: mark.hit,
          children: (
            <>
              {point && whisker ? (
                <>
                  <line
                    className="dlb-reliability__whisker"
                    x1={point.x}
                    x2={point.x}
                    y1={whisker.y0}
                    y2={whisker.y1}
                  />
                  {[whisker.y0, whisker.y1].map((y, end) => (
                    <line
                      key={end}
                      className="dlb-reliability__whisker"
                      x1={point.x - 4}
                      x2={point.x + 4}
                      y1={y}
                      y2={y}
                    />
                  ))}
                  <circle className="dlb-reliability__point" cx={point.x} cy={point.y} r={4.5} />
                </>
              ) : null}
              {countBar.height > 0 ? <rect className="dlb-reliability__count" {...countBar} /> : null}
              {countLabel ? (
                <text className="dlb-reliability__count-label" {...countLabel} textAnchor="middle">
                  {format.integer(mark.n)}
                </text>
              ) : null}
            </>
          ),
        };
      }}
      tooltip={(mark) => {
        const lines = [fillTemplate(messages.casesLine, { n: format.integer(mark.n) })];
        if (mark.empty) lines.push(messages.noCases);
        else {
          lines.push(
            fillTemplate(messages.confidenceLine, { confidence: percent(mark.confidence) }),
            fillTemplate(messages.accuracyLine, {
              accuracy: percent(mark.accuracy),
              lo: percent(mark.interval?.lo),
              hi: percent(mark.interval?.hi),
            }),
          );
          if (mark.gap !== null) {
            lines.push(
              fillTemplate(messages.gapLine, {
                gap: format.signed(mark.gap * 100, { maximumFractionDigits: 0 }),
              }),
            );
          }
        }
        return {
          heading: `${messages.xAxisLabel} ${rangeOf(mark)}`,
          lines,
          ...mark.anchor,
          yBelow: (mark.point?.y ?? plot.top) + 12,
        };
      }}
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
      head={[
        messages.columnRange,
        messages.columnCases,
        messages.columnConfidence,
        messages.columnAccuracy,
        messages.columnInterval,
      ]}
      rows={marks.map((mark) => [
        mark.key,
        rangeOf(mark),
        [
          format.integer(mark.n),
          noCases(mark, percent(mark.confidence)),
          noCases(mark, percent(mark.accuracy)),
          mark.interval ? fromTo(messages.interval, mark.interval) : MISSING,
        ],
        { 'data-empty': mark.empty || undefined },
      ])}
      overlay={props.children?.(layout)}
    >
      <AxisLeft
        ticks={layout.yTicks}
        format={percentTick(layout.yTicks)}
        plot={plot}
        label={messages.yAxisLabel}
      />
      <AxisBottom
        ticks={layout.ticks}
        format={percentTick(layout.ticks)}
        plot={plot}
        label={messages.xAxisLabel}
      />
      <g aria-hidden="true">
        <line className="dlb-reliability__diagonal" {...layout.diagonal} />
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
    </ChartFrame>
  );
}
