import { useId } from 'react';
import { createFormatter, fillTemplate, MISSING, useContainerWidth } from '@deliberate/charts';
import type { ConfidenceBinRate } from '../types.ts';
import { dashboardMessages, type DashboardLocale } from './messages.ts';

/**
 * Props of `ConfidenceBinChart`.
 *
 * @example
 * <ConfidenceBinChart bins={result.byConfidenceBin} locale="en" />
 */
export interface ConfidenceBinChartProps {
  /** The override rate per equal-width confidence bin (`byConfidenceBin` of a metrics result). */
  bins: readonly ConfidenceBinRate[];
  /**
   * Language of all text and numbers.
   * @default 'de'
   */
  locale?: DashboardLocale | undefined;
  /**
   * Caption of the figure.
   * @default the locale's "Override rate by AI confidence"
   */
  title?: string | undefined;
  /**
   * Width of the drawing in px. By default the chart draws at its container's width (640 px until
   * the first measurement, e.g. on the server), so its text keeps the stylesheet's size at every
   * width instead of being scaled with the drawing.
   * @default the container's width, at least 240
   */
  width?: number | undefined;
  /**
   * Height of the drawing in px.
   * @default 240
   */
  height?: number | undefined;
  /**
   * Shows the table twin on screen as well (it is always there for screen readers).
   * @default false
   */
  showTable?: boolean | undefined;
}

const MARGIN = { top: 12, right: 12, bottom: 44, left: 48 };
/** Narrowest drawing, in px; in a narrower container the drawing is scaled down to fit. */
const MIN_WIDTH = 240;
/** Room one bin label ("100 %") needs, in px: closer labels are thinned out. */
const LABEL_ROOM = 40;

/**
 * Override rate per AI-confidence bin as bars with Wilson 95 % whiskers, and a table twin. A
 * static figure (one image with a caption and a summary), drawn with the charts' classes so that
 * it follows their themes; bins without cases are gaps, never zero-height bars.
 *
 * @example
 * <ConfidenceBinChart locale="de" bins={metrics.byConfidenceBin} />
 */
export function ConfidenceBinChart(props: ConfidenceBinChartProps) {
  const locale = props.locale ?? 'de';
  const messages = dashboardMessages[locale];
  const format = createFormatter(locale);
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const titleId = `dlb-cb-${id}-title`;
  const summaryId = `dlb-cb-${id}-summary`;
  const { ref, width: shownWidth } = useContainerWidth<HTMLDivElement>({ width: props.width });
  const width = Math.max(MIN_WIDTH, shownWidth);
  const height = props.height ?? 240;
  const title = props.title ?? messages.confidenceHeading;
  const plot = {
    left: MARGIN.left,
    right: width - MARGIN.right,
    top: MARGIN.top,
    bottom: height - MARGIN.bottom,
  };
  const bins = props.bins;
  const slot = bins.length > 0 ? (plot.right - plot.left) / bins.length : 0;
  const y = (value: number) => plot.bottom - value * (plot.bottom - plot.top);
  const percent = (value: number) => format.percent(value);
  const rangeOf = (bin: ConfidenceBinRate) => `${percent(bin.lo)}–${percent(bin.hi)}`;
  const withCases = bins.filter((bin) => bin.override !== null);
  const first = withCases[0];
  const last = withCases[withCases.length - 1];
  const describe = (bin: ConfidenceBinRate | undefined) =>
    bin?.override
      ? `${rangeOf(bin)} ${percent(bin.override.rate)} (n = ${format.integer(bin.override.n)})`
      : MISSING;
  const summary =
    withCases.length === 0
      ? messages.noData
      : fillTemplate(messages.confidenceSummary, {
          bins: format.integer(bins.length),
          lowest: describe(first),
          highest: describe(last),
        });
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const labelEvery = slot > 0 ? Math.max(1, Math.ceil(LABEL_ROOM / slot)) : 1;

  return (
    <figure className="dlb-chart dlb-confidence-bins" lang={locale} aria-labelledby={titleId}>
      <figcaption className="dlb-chart__caption">
        <span id={titleId} className="dlb-chart__title">
          {title}
        </span>
        <span id={summaryId} className="dlb-chart__summary">
          {summary}
        </span>
      </figcaption>
      <div className="dlb-chart__plot" ref={ref}>
        <svg
          className="dlb-chart__svg"
          role="img"
          aria-labelledby={titleId}
          aria-describedby={summaryId}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
        >
          {ticks.map((tick) => (
            <g key={tick}>
              <line className="dlb-chart__grid" x1={plot.left} x2={plot.right} y1={y(tick)} y2={y(tick)} />
              <text className="dlb-chart__tick-label" x={plot.left - 6} y={y(tick) + 4} textAnchor="end">
                {format.percent(tick)}
              </text>
            </g>
          ))}
          <line
            className="dlb-chart__axis-line"
            x1={plot.left}
            x2={plot.right}
            y1={plot.bottom}
            y2={plot.bottom}
          />
          {bins.map((bin, index) => {
            const x0 = plot.left + index * slot;
            const centre = x0 + slot / 2;
            const rate = bin.override;
            return (
              <g key={index} data-empty={rate === null ? 'true' : 'false'}>
                {rate ? (
                  <>
                    <rect
                      className="dlb-histogram__bar"
                      x={x0 + slot * 0.15}
                      y={y(rate.rate)}
                      width={slot * 0.7}
                      height={Math.max(0, plot.bottom - y(rate.rate))}
                    />
                    <line
                      className="dlb-reliability__whisker"
                      x1={centre}
                      x2={centre}
                      y1={y(rate.lo)}
                      y2={y(rate.hi)}
                    />
                    <line
                      className="dlb-reliability__whisker"
                      x1={centre - 4}
                      x2={centre + 4}
                      y1={y(rate.lo)}
                      y2={y(rate.lo)}
                    />
                    <line
                      className="dlb-reliability__whisker"
                      x1={centre - 4}
                      x2={centre + 4}
                      y1={y(rate.hi)}
                      y2={y(rate.hi)}
                    />
                  </>
                ) : null}
                {index % labelEvery === 0 ? (
                  <text className="dlb-chart__tick-label" x={centre} y={plot.bottom + 16} textAnchor="middle">
                    {format.percent(bin.lo)}
                  </text>
                ) : null}
              </g>
            );
          })}
          <text
            className="dlb-chart__axis-label"
            x={(plot.left + plot.right) / 2}
            y={height - 6}
            textAnchor="middle"
          >
            {messages.confidenceAxis}
          </text>
        </svg>
      </div>
      <table className={props.showTable ? 'dlb-chart__table' : 'dlb-chart__table dlb-visually-hidden'}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{messages.columnBin}</th>
            <th scope="col">{messages.columnRate}</th>
            <th scope="col">{messages.columnInterval}</th>
            <th scope="col">{messages.columnCases}</th>
          </tr>
        </thead>
        <tbody>
          {bins.map((bin, index) => (
            <tr key={index}>
              <th scope="row">{rangeOf(bin)}</th>
              <td>{bin.override ? percent(bin.override.rate) : messages.notAvailable}</td>
              <td>
                {bin.override
                  ? fillTemplate(messages.interval, {
                      lo: percent(bin.override.lo),
                      hi: percent(bin.override.hi),
                    })
                  : MISSING}
              </td>
              <td>{format.integer(bin.override?.n ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
