import type { ReactNode } from 'react';
import { ChartFrame, LegendItem, useChartSetup } from '../shared/chart-frame.tsx';
import { fillTemplate } from '../shared/messages.ts';
import type { ChartBaseProps } from '../shared/types.ts';
import { iconArrayLayout, type IconArrayLayout, type IconGroup } from './icon-array-layout.ts';
import { iconArrayMessages, type IconArrayMessages } from './icon-array-messages.ts';

/** The icon drawn for each case. */
export type IconShape = 'person' | 'circle' | 'square';

export interface IconArrayProps extends ChartBaseProps<IconArrayMessages> {
  /**
   * How many icons are filled — the "8" of "8 of 10". Rounded and clamped to 0…total.
   * @example count={8}
   */
  count: number;
  /**
   * How many icons there are — the "10" of "8 of 10". Designed for up to 100 (rows of 10); use a
   * bar or a number beyond that.
   * @example total={100}
   */
  total: number;
  /**
   * Icons per row.
   * @default 10
   * @example perRow={5}
   */
  perRow?: number | undefined;
  /**
   * What a filled icon means, completing "8 of 10: …".
   * @default messages.filledLabel ("with the outcome" / "mit dem Ergebnis")
   * @example label="were approved in similar cases"
   */
  label?: string | undefined;
  /**
   * What an empty icon means.
   * @default messages.emptyLabel ("without the outcome" / "ohne das Ergebnis")
   * @example restLabel="were refused"
   */
  restLabel?: string | undefined;
  /**
   * The icon: a person reminds readers that each icon is a case.
   * @default 'person'
   * @example shape="circle"
   */
  shape?: IconShape | undefined;
  /**
   * Largest icon cell in px (icons shrink to fit narrow containers).
   * @default 32
   * @example maxIconSize={24}
   */
  maxIconSize?: number | undefined;
  /**
   * Escape hatch: extra SVG drawn on top of the icons, given the computed layout.
   * @default undefined
   * @example {(layout) => <text x={0} y={layout.height}>{layout.count}</text>}
   */
  children?: ((layout: IconArrayLayout) => ReactNode) | undefined;
}

function IconSymbol({ id, shape }: { id: string; shape: IconShape }) {
  return (
    <symbol id={id} viewBox="0 0 24 24">
      {shape === 'person' ? (
        <>
          <circle cx={12} cy={6.5} r={4} />
          <path d="M4.5 21.5c0-5 3.2-8.5 7.5-8.5s7.5 3.5 7.5 8.5z" />
        </>
      ) : shape === 'circle' ? (
        <circle cx={12} cy={12} r={8.5} />
      ) : (
        <rect x={3.5} y={3.5} width={17} height={17} rx={2} />
      )}
    </symbol>
  );
}

/**
 * "n of N" as a grouped icon array: filled icons first, in reading order, in blocks of five — so
 * the proportion is seen and can be counted. Its accessible name is "8 of 10" (or the `title`);
 * filled and empty icons differ by fill, not only by colour. The two groups are the marks: one
 * tab stop, arrow keys between them, a tooltip on each.
 *
 * @example
 * <IconArray locale="en" count={8} total={10} label="were approved in similar cases" restLabel="were refused" />
 */
export function IconArray(props: IconArrayProps) {
  const { messages, format, ids, width, frame } = useChartSetup(iconArrayMessages, props);

  const layout = iconArrayLayout({
    count: props.count,
    total: props.total,
    perRow: props.perRow,
    width,
    maxIconSize: props.maxIconSize,
  });
  const { count, total, groups } = layout;

  const filledLabel = props.label ?? messages.filledLabel;
  const emptyLabel = props.restLabel ?? messages.emptyLabel;
  const totalText = format.integer(total);
  const share = (n: number) => format.percent(total > 0 ? n / total : 0);
  const labelOf = (group: IconGroup) => (group.key === 'filled' ? filledLabel : emptyLabel);
  const symbol = ids.def('icon');
  const swatch = (filled: boolean) => (
    <use
      href={`#${symbol}`}
      x={7}
      y={0}
      width={14}
      height={14}
      className="dlb-icon-array__icon"
      data-filled={String(filled)}
    />
  );

  return (
    <ChartFrame
      {...frame}
      kind="icon-array"
      title={props.title ?? fillTemplate(messages.title, { count: format.integer(count), total: totalText })}
      summary={
        total > 0
          ? fillTemplate(messages.summary, {
              count: format.integer(count),
              total: totalText,
              percent: share(count),
              label: filledLabel,
              rest: format.integer(total - count),
              restLabel: emptyLabel,
            })
          : messages.summaryEmpty
      }
      width={layout.width}
      height={layout.height}
      items={groups}
      mark={(group) => {
        return {
          key: group.key,
          className: 'dlb-icon-array__group',
          label: fillTemplate(messages.markLabel, {
            count: format.integer(group.count),
            total: totalText,
            label: labelOf(group),
          }),
          data: { 'data-group': group.key },
          hit: group.outline,
          children: group.icons.map((icon) => (
            <use
              key={icon.index}
              className="dlb-icon-array__icon"
              href={`#${symbol}`}
              x={icon.x + 2}
              y={icon.y + 2}
              width={icon.size - 4}
              height={icon.size - 4}
              data-filled={String(icon.filled)}
            />
          )),
        };
      }}
      tooltip={(group) => {
        return {
          heading: fillTemplate(messages.groupHeading, {
            count: format.integer(group.count),
            total: totalText,
            percent: share(group.count),
          }),
          lines: [labelOf(group)],
          ...group.anchor,
          yBelow: group.bottom + 4,
        };
      }}
      legend={
        total > 0 ? (
          <>
            <LegendItem swatch={swatch(true)}>{filledLabel}</LegendItem>
            <LegendItem swatch={swatch(false)}>{emptyLabel}</LegendItem>
          </>
        ) : null
      }
      head={[messages.columnGroup, messages.columnCount, messages.columnShare]}
      rows={[
        ['filled', filledLabel, [format.integer(count), share(count)]],
        ['empty', emptyLabel, [format.integer(total - count), share(total - count)]],
        ['total', messages.totalRow, [totalText, share(total)]],
      ]}
      defs={<IconSymbol id={symbol} shape={props.shape ?? 'person'} />}
      overlay={props.children?.(layout)}
    />
  );
}
