import { useMemo, type ReactNode } from 'react';
import { AxisBottom, Highlight } from '../shared/axes.tsx';
import { ChartFrame, LegendItem, useChartIds, type TooltipContent } from '../shared/chart-frame.tsx';
import { createFormatter, MISSING } from '../shared/format.ts';
import { fillTemplate, plural, resolveMessages } from '../shared/messages.ts';
import type { ChartBaseProps } from '../shared/types.ts';
import { useContainerWidth } from '../shared/use-container-width.ts';
import { useMarkNavigation } from '../shared/use-mark-navigation.ts';
import { useReducedMotion } from '../shared/use-reduced-motion.ts';
import {
  attributionLayout,
  truncate,
  type AttributionFactor,
  type AttributionLayout,
  type AttributionRow,
} from './attribution-layout.ts';
import { attributionMessages, type AttributionMessages } from './attribution-messages.ts';

export interface AttributionChartProps extends ChartBaseProps<AttributionMessages> {
  /**
   * The factors and their signed contributions, in any order; the chart sorts them by
   * |contribution|. Factors whose contribution is not a finite number are left out.
   * @example factors={[{ id: 'income', label: 'Einkommen', value: 2400, contribution: -0.08 }]}
   */
  factors: readonly AttributionFactor[];
  /**
   * The output before any factor applies (SHAP's expected value); the waterfall starts here.
   * @example baseValue={0.3}
   */
  baseValue: number;
  /**
   * The model's output. Defaults to `baseValue` + Σ contributions; when it differs, the gap is drawn
   * as an "unexplained remainder" row rather than hidden.
   * @default baseValue + Σ contributions
   * @example prediction={0.72}
   */
  prediction?: number | undefined;
  /**
   * How many factors are drawn individually; the rest fold into one "n other factors" row that
   * shows their count and summed contribution.
   * @default 8
   * @example maxFactors={5}
   */
  maxFactors?: number | undefined;
  /**
   * Row height in px.
   * @default 32
   * @example rowHeight={28}
   */
  rowHeight?: number | undefined;
  /**
   * Width of the label column in px; estimated from the drawn labels when omitted. Longer labels
   * are shortened with "…" (the tooltip and table keep them whole).
   * @default estimated, at most 38 % of the width
   * @example labelWidth={160}
   */
  labelWidth?: number | undefined;
  /**
   * `Intl.NumberFormat` options for contributions, the base value and the prediction.
   * @default { minimumFractionDigits: 2, maximumFractionDigits: 2 }
   * @example contributionFormat={{ maximumFractionDigits: 3 }}
   */
  contributionFormat?: Intl.NumberFormatOptions | undefined;
  /**
   * `Intl.NumberFormat` options for numeric factor values (string values are shown as given).
   * @default { maximumFractionDigits: 2 }
   * @example valueFormat={{ style: 'currency', currency: 'EUR' }}
   */
  valueFormat?: Intl.NumberFormatOptions | undefined;
  /**
   * Escape hatch: extra SVG drawn on top of the chart, given the computed layout.
   * @default undefined
   * @example {(layout) => <line x1={layout.base.x} x2={layout.base.x} y1={0} y2={layout.height} />}
   */
  children?: ((layout: AttributionLayout) => ReactNode) | undefined;
}

const DEFAULT_CONTRIBUTION_FORMAT: Intl.NumberFormatOptions = {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
};
const DEFAULT_VALUE_FORMAT: Intl.NumberFormatOptions = { maximumFractionDigits: 2 };

function anchorFor(x: number, left: number, right: number): 'start' | 'middle' | 'end' {
  if (x < left + 50) return 'start';
  if (x > right - 50) return 'end';
  return 'middle';
}

/**
 * Signed factor contributions as a waterfall from the base value to the prediction. Bars point
 * right (raise) or left (lower); lowering bars are also hatched and every value carries its sign
 * ("+0,12", "−0,08"), so nothing depends on colour. The chart is one tab stop; arrow keys move
 * between bars and show each bar's tooltip. A table twin lists the same rows.
 *
 * @example
 * <AttributionChart
 *   locale="de"
 *   baseValue={0.3}
 *   factors={[
 *     { id: 'income', label: 'Einkommen', value: 2400, contribution: -0.08 },
 *     { id: 'rent', label: 'Mietbelastung', value: '48 %', contribution: 0.21 },
 *   ]}
 * />
 */
export function AttributionChart(props: AttributionChartProps) {
  const locale = props.locale ?? 'de';
  const messages = useMemo(
    () => resolveMessages(attributionMessages, locale, props.messages),
    [locale, props.messages],
  );
  const format = createFormatter(locale);
  const contributionFormat = props.contributionFormat ?? DEFAULT_CONTRIBUTION_FORMAT;
  const valueFormat = props.valueFormat ?? DEFAULT_VALUE_FORMAT;
  const ids = useChartIds();
  const { ref, width } = useContainerWidth<HTMLDivElement>({ width: props.width });
  const reducedMotion = useReducedMotion();

  const formatValue = (value: AttributionFactor['value']): string =>
    value === undefined ? '' : typeof value === 'number' ? format.number(value, valueFormat) : value;
  const rowLabel = (row: Pick<AttributionRow, 'kind' | 'factor' | 'count'>, withValue: boolean): string => {
    if (row.kind === 'other') {
      return fillTemplate(plural(locale, row.count, messages.otherFactorsOne, messages.otherFactorsOther), {
        count: format.integer(row.count),
      });
    }
    if (row.kind === 'residual' || !row.factor) return messages.residual;
    if (withValue && row.factor.value !== undefined) {
      return fillTemplate(messages.factorWithValue, {
        label: row.factor.label,
        value: formatValue(row.factor.value),
      });
    }
    return row.factor.label;
  };

  const layout = attributionLayout({
    factors: props.factors,
    baseValue: props.baseValue,
    prediction: props.prediction,
    maxFactors: props.maxFactors,
    width,
    rowHeight: props.rowHeight,
    labelWidth: props.labelWidth,
    labelLength: (row) => rowLabel(row, true).length,
  });
  const nav = useMarkNavigation(layout.rows.length, ids.tooltip);

  const signed = (value: number) => format.signed(value, contributionFormat);
  const plain = (value: number) => format.number(value, contributionFormat);
  const direction = (row: AttributionRow) =>
    row.sign > 0 ? messages.raises : row.sign < 0 ? messages.lowers : messages.noEffect;

  const top = layout.rows[0];
  const summary =
    top && top.kind === 'factor'
      ? fillTemplate(messages.summary, {
          base: plain(layout.base.value),
          prediction: plain(layout.prediction.value),
          count: format.integer(layout.factorCount),
          top: rowLabel(top, false),
          topContribution: signed(top.contribution),
        })
      : fillTemplate(messages.summaryEmpty, {
          base: plain(layout.base.value),
          prediction: plain(layout.prediction.value),
        });

  const tooltipRow = nav.tooltipIndex === null ? undefined : layout.rows[nav.tooltipIndex];
  let tooltip: TooltipContent | null = null;
  if (tooltipRow) {
    const lines: string[] = [];
    if (tooltipRow.factor?.value !== undefined) {
      lines.push(`${messages.valueLabel}: ${formatValue(tooltipRow.factor.value)}`);
    }
    if (tooltipRow.kind === 'other') {
      lines.push(fillTemplate(messages.foldDetail, { count: format.integer(tooltipRow.count) }));
    }
    lines.push(
      `${messages.contributionLabel}: ${signed(tooltipRow.contribution)} (${direction(tooltipRow)})`,
    );
    lines.push(fillTemplate(messages.fromTo, { start: plain(tooltipRow.start), end: plain(tooltipRow.end) }));
    tooltip = {
      heading: rowLabel(tooltipRow, false),
      lines,
      x: tooltipRow.anchor.x,
      y: tooltipRow.anchor.y,
      yBelow: tooltipRow.y + tooltipRow.height,
    };
  }

  const highlightRow = nav.highlightIndex === null ? undefined : layout.rows[nav.highlightIndex];
  const hatch = ids.def('hatch');
  // A presentation attribute, not an inline style: the stylesheet fills only the other signs.
  const hatchFill = `url(#${hatch})`;
  const { plot } = layout;
  const labelX = layout.labelColumn.width;
  const predictionLabel = `${messages.prediction} ${plain(layout.prediction.value)}`;
  const baseLabel = `${messages.baseValue} ${plain(layout.base.value)}`;

  return (
    <ChartFrame
      kind="attribution"
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
              <path className="dlb-attribution__bar" data-sign="positive" d="M2,3L20,3L26,7L20,11L2,11Z" />
            }
          >
            {messages.legendRaises}
          </LegendItem>
          <LegendItem
            swatch={
              <path
                className="dlb-attribution__bar"
                data-sign="negative"
                d="M26,3L8,3L2,7L8,11L26,11Z"
                fill={hatchFill}
              />
            }
          >
            {messages.legendLowers}
          </LegendItem>
        </>
      }
      table={
        <>
          <thead>
            <tr>
              <th scope="col">{messages.columnFactor}</th>
              <th scope="col">{messages.columnValue}</th>
              <th scope="col">{messages.columnContribution}</th>
              <th scope="col">{messages.columnRunningTotal}</th>
            </tr>
          </thead>
          <tbody>
            <tr data-kind="base">
              <th scope="row">{messages.baseValue}</th>
              <td>{MISSING}</td>
              <td>{MISSING}</td>
              <td>{plain(layout.base.value)}</td>
            </tr>
            {layout.rows.map((row) => (
              <tr key={row.key} data-kind={row.kind === 'factor' ? undefined : row.kind}>
                <th scope="row">{rowLabel(row, false)}</th>
                <td>{row.factor?.value !== undefined ? formatValue(row.factor.value) : MISSING}</td>
                <td>{signed(row.contribution)}</td>
                <td>{plain(row.end)}</td>
              </tr>
            ))}
            <tr data-kind="prediction">
              <th scope="row">{messages.prediction}</th>
              <td>{MISSING}</td>
              <td>{MISSING}</td>
              <td>{plain(layout.prediction.value)}</td>
            </tr>
          </tbody>
        </>
      }
    >
      <defs>
        <pattern id={hatch} patternUnits="userSpaceOnUse" width={6} height={6} patternTransform="rotate(45)">
          <rect className="dlb-attribution__hatch-ground" width={6} height={6} />
          <line className="dlb-attribution__hatch-line" x1={1.5} x2={1.5} y1={0} y2={6} />
        </pattern>
      </defs>
      <Highlight
        box={
          highlightRow
            ? { x: 1, y: highlightRow.y + 1, width: layout.width - 2, height: highlightRow.height - 2 }
            : undefined
        }
      />
      <AxisBottom
        ticks={layout.ticks.map((tick) => ({ ...tick, label: format.tick(tick.value, layout.tickStep) }))}
        x0={plot.left}
        x1={plot.right}
        y={layout.axisY}
      />
      <g className="dlb-attribution__references" aria-hidden="true">
        <line
          className="dlb-attribution__base-line"
          x1={layout.base.x}
          x2={layout.base.x}
          y1={plot.top - 8}
          y2={plot.bottom}
        />
        <text
          className="dlb-chart__annotation"
          x={layout.base.x}
          y={plot.top - 12}
          textAnchor={anchorFor(layout.base.x, plot.left, plot.right)}
        >
          {baseLabel}
        </text>
        <line
          className="dlb-attribution__prediction-line"
          x1={layout.prediction.x}
          x2={layout.prediction.x}
          y1={plot.top}
          y2={plot.bottom + 4}
        />
        <text
          className="dlb-chart__annotation dlb-chart__annotation--strong"
          x={layout.prediction.x}
          y={plot.bottom + 16}
          textAnchor={anchorFor(layout.prediction.x, plot.left, plot.right)}
        >
          {predictionLabel}
        </text>
        <path className="dlb-attribution__connector" d={layout.connectorPath} />
      </g>
      <g className="dlb-chart__marks" {...nav.groupProps}>
        {layout.rows.map((row) => {
          const label = rowLabel(row, false);
          const mid = row.barY + row.barHeight / 2;
          return (
            <g
              key={row.key}
              className="dlb-chart__mark dlb-attribution__row"
              role="img"
              aria-label={fillTemplate(messages.markLabel, { label, contribution: signed(row.contribution) })}
              data-kind={row.kind}
              data-sign={row.sign > 0 ? 'positive' : row.sign < 0 ? 'negative' : 'zero'}
              data-factor-id={row.factor?.id}
              {...nav.markProps(row.index)}
            >
              {/* Anchors and baselines come from the CSS: with 500 rows every attribute counts. */}
              <rect
                className="dlb-chart__hit"
                x={1}
                y={row.y + 1}
                width={layout.width - 2}
                height={row.height - 2}
              />
              <text className="dlb-attribution__label" x={labelX} y={mid}>
                {truncate(rowLabel(row, true), layout.labelColumn.maxChars)}
              </text>
              <path
                className="dlb-attribution__bar"
                d={row.path}
                fill={row.sign < 0 ? hatchFill : undefined}
              />
              <text className="dlb-attribution__value" x={layout.valueColumn.x - 4} y={mid}>
                {signed(row.contribution)}
              </text>
            </g>
          );
        })}
      </g>
      {props.children?.(layout)}
    </ChartFrame>
  );
}
