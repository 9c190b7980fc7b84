import { useMemo, type ReactNode } from 'react';
import { Highlight } from '../shared/axes.tsx';
import { ChartFrame, LegendItem, useChartIds, type TooltipContent } from '../shared/chart-frame.tsx';
import { createFormatter } from '../shared/format.ts';
import { fillTemplate, resolveMessages } from '../shared/messages.ts';
import type { ChartBaseProps } from '../shared/types.ts';
import { useContainerWidth } from '../shared/use-container-width.ts';
import { useMarkNavigation } from '../shared/use-mark-navigation.ts';
import { useReducedMotion } from '../shared/use-reduced-motion.ts';
import { iconArrayLayout, type IconArrayLayout } from './icon-array-layout.ts';
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
  const locale = props.locale ?? 'de';
  const messages = useMemo(
    () => resolveMessages(iconArrayMessages, locale, props.messages),
    [locale, props.messages],
  );
  const format = createFormatter(locale);
  const ids = useChartIds();
  const { ref, width } = useContainerWidth<HTMLDivElement>({ width: props.width });
  const reducedMotion = useReducedMotion();
  const shape = props.shape ?? 'person';

  const layout = iconArrayLayout({
    count: props.count,
    total: props.total,
    perRow: props.perRow,
    width,
    maxIconSize: props.maxIconSize,
  });
  const nav = useMarkNavigation(layout.groups.length, ids.tooltip);

  const filledLabel = props.label ?? messages.filledLabel;
  const emptyLabel = props.restLabel ?? messages.emptyLabel;
  const totalText = format.integer(layout.total);
  const share = (n: number) => (layout.total > 0 ? format.percent(n / layout.total) : format.percent(0));
  const title =
    props.title ?? fillTemplate(messages.title, { count: format.integer(layout.count), total: totalText });
  const summary =
    layout.total > 0
      ? fillTemplate(messages.summary, {
          count: format.integer(layout.count),
          total: totalText,
          percent: share(layout.count),
          label: filledLabel,
          rest: format.integer(layout.total - layout.count),
          restLabel: emptyLabel,
        })
      : messages.summaryEmpty;
  const labelOf = (key: 'filled' | 'empty') => (key === 'filled' ? filledLabel : emptyLabel);

  const tooltipGroup = nav.tooltipIndex === null ? undefined : layout.groups[nav.tooltipIndex];
  let tooltip: TooltipContent | null = null;
  if (tooltipGroup) {
    tooltip = {
      heading: fillTemplate(messages.groupHeading, {
        count: format.integer(tooltipGroup.count),
        total: totalText,
        percent: share(tooltipGroup.count),
      }),
      lines: [labelOf(tooltipGroup.key)],
      x: tooltipGroup.anchor.x,
      y: tooltipGroup.anchor.y,
      yBelow: tooltipGroup.bottom + 4,
    };
  }

  const symbol = ids.def('icon');
  return (
    <ChartFrame
      kind="icon-array"
      locale={locale}
      ids={ids}
      title={title}
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
        layout.total > 0 ? (
          <>
            <LegendItem
              swatch={
                <use
                  href={`#${symbol}`}
                  x={7}
                  y={0}
                  width={14}
                  height={14}
                  className="dlb-icon-array__icon"
                  data-filled="true"
                />
              }
            >
              {filledLabel}
            </LegendItem>
            <LegendItem
              swatch={
                <use
                  href={`#${symbol}`}
                  x={7}
                  y={0}
                  width={14}
                  height={14}
                  className="dlb-icon-array__icon"
                  data-filled="false"
                />
              }
            >
              {emptyLabel}
            </LegendItem>
          </>
        ) : null
      }
      table={
        <>
          <thead>
            <tr>
              <th scope="col">{messages.columnGroup}</th>
              <th scope="col">{messages.columnCount}</th>
              <th scope="col">{messages.columnShare}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{filledLabel}</th>
              <td>{format.integer(layout.count)}</td>
              <td>{share(layout.count)}</td>
            </tr>
            <tr>
              <th scope="row">{emptyLabel}</th>
              <td>{format.integer(layout.total - layout.count)}</td>
              <td>{share(layout.total - layout.count)}</td>
            </tr>
            <tr>
              <th scope="row">{messages.totalRow}</th>
              <td>{totalText}</td>
              <td>{layout.total > 0 ? format.percent(1) : share(0)}</td>
            </tr>
          </tbody>
        </>
      }
    >
      <defs>
        <IconSymbol id={symbol} shape={shape} />
      </defs>
      <Highlight
        path={nav.highlightIndex === null ? undefined : layout.groups[nav.highlightIndex]?.outline}
      />
      <g className="dlb-chart__marks" {...nav.groupProps}>
        {layout.groups.map((group) => (
          <g
            key={group.key}
            className="dlb-chart__mark dlb-icon-array__group"
            role="img"
            aria-label={fillTemplate(messages.markLabel, {
              count: format.integer(group.count),
              total: totalText,
              label: labelOf(group.key),
            })}
            data-group={group.key}
            {...nav.markProps(group.index)}
          >
            <path className="dlb-chart__hit" d={group.outline} />
            {group.icons.map((icon) => (
              <use
                key={icon.index}
                className="dlb-icon-array__icon"
                href={`#${symbol}`}
                x={icon.x + 2}
                y={icon.y + 2}
                width={icon.size - 4}
                height={icon.size - 4}
                data-filled={icon.filled ? 'true' : 'false'}
              />
            ))}
          </g>
        ))}
      </g>
      {props.children?.(layout)}
    </ChartFrame>
  );
}
