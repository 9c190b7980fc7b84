import type { ReactNode } from 'react';
import { AxisBottom } from '../shared/axes.tsx';
import { ChartFrame, LegendItem, useChartSetup, type TableRow } from '../shared/chart-frame.tsx';
import { MISSING } from '../shared/format.ts';
import { fillTemplate, plural } from '../shared/messages.ts';
import type { ChartBaseProps } from '../shared/types.ts';
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
  const { locale, messages, format, ids, width, frame } = useChartSetup(attributionMessages, props);
  const contributionFormat = props.contributionFormat ?? DEFAULT_CONTRIBUTION_FORMAT;
  const valueFormat = props.valueFormat ?? DEFAULT_VALUE_FORMAT;

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
  const { plot, rows } = layout;

  const signed = (value: number) => format.signed(value, contributionFormat);
  const plain = (value: number) => format.number(value, contributionFormat);
  const direction = (row: AttributionRow) =>
    row.sign > 0 ? messages.raises : row.sign < 0 ? messages.lowers : messages.noEffect;

  const top = rows[0];
  const hatch = ids.def('hatch');
  // A presentation attribute, not an inline style: the stylesheet fills only the other signs.
  const hatchFill = `url(#${hatch})`;
  const labelX = layout.labelColumn.width;

  return (
    <ChartFrame
      {...frame}
      kind="attribution"
      title={props.title ?? messages.title}
      summary={
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
            })
      }
      width={layout.width}
      height={layout.height}
      items={rows}
      mark={(row) => {
        const mid = row.barY + row.barHeight / 2;
        return {
          key: row.key,
          className: 'dlb-attribution__row',
          label: fillTemplate(messages.markLabel, {
            label: rowLabel(row, false),
            contribution: signed(row.contribution),
          }),
          data: {
            'data-kind': row.kind,
            'data-sign': row.sign > 0 ? 'positive' : row.sign < 0 ? 'negative' : 'zero',
            'data-factor-id': row.factor?.id,
          },
          hit: { x: 1, y: row.y + 1, width: layout.width - 2, height: row.height - 2 },
          // Anchors and baselines come from the CSS: with 500 rows every attribute counts.
          children: (
            <>
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
            </>
          ),
        };
      }}
      tooltip={(row) => {
        const lines: string[] = [];
        if (row.factor?.value !== undefined) {
          lines.push(`${messages.valueLabel}: ${formatValue(row.factor.value)}`);
        }
        if (row.kind === 'other') {
          lines.push(fillTemplate(messages.foldDetail, { count: format.integer(row.count) }));
        }
        lines.push(`${messages.contributionLabel}: ${signed(row.contribution)} (${direction(row)})`);
        lines.push(fillTemplate(messages.fromTo, { start: plain(row.start), end: plain(row.end) }));
        return { heading: rowLabel(row, false), lines, ...row.anchor, yBelow: row.y + row.height };
      }}
      defs={
        <pattern id={hatch} patternUnits="userSpaceOnUse" width={6} height={6} patternTransform="rotate(45)">
          <rect className="dlb-attribution__hatch-ground" width={6} height={6} />
          <line className="dlb-attribution__hatch-line" x1={1.5} x2={1.5} y1={0} y2={6} />
        </pattern>
      }
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
      head={[
        messages.columnFactor,
        messages.columnValue,
        messages.columnContribution,
        messages.columnRunningTotal,
      ]}
      rows={[
        ['base', messages.baseValue, [MISSING, MISSING, plain(layout.base.value)], { 'data-kind': 'base' }],
        ...rows.map((row): TableRow => [
          row.key,
          rowLabel(row, false),
          [
            row.factor?.value !== undefined ? formatValue(row.factor.value) : MISSING,
            signed(row.contribution),
            plain(row.end),
          ],
          { 'data-kind': row.kind === 'factor' ? undefined : row.kind },
        ]),
        [
          'prediction',
          messages.prediction,
          [MISSING, MISSING, plain(layout.prediction.value)],
          { 'data-kind': 'prediction' },
        ],
      ]}
      overlay={props.children?.(layout)}
    >
      <AxisBottom
        ticks={layout.ticks}
        format={(value) => format.tick(value, layout.tickStep)}
        plot={plot}
        y={layout.axisY}
        label={messages.axisLabel}
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
          {`${messages.baseValue} ${plain(layout.base.value)}`}
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
          {`${messages.prediction} ${plain(layout.prediction.value)}`}
        </text>
        <path className="dlb-attribution__connector" d={layout.connectorPath} />
      </g>
    </ChartFrame>
  );
}
