import { useId, useMemo, type ReactNode, type RefObject } from 'react';
import { createFormatter, type ChartFormatter, type ChartLocale } from './format.ts';
import { resolveMessages, type MessageCatalog } from './messages.ts';
import type { ChartBaseProps } from './types.ts';
import { useContainerWidth } from './use-container-width.ts';
import { useMarkNavigation } from './use-mark-navigation.ts';
import { useReducedMotion } from './use-reduced-motion.ts';

/** The ids that wire a chart's parts together with ARIA. */
export interface ChartIds {
  title: string;
  summary: string;
  instructions: string;
  tooltip: string;
  /** An id for an SVG `<pattern>` or other definition, unique per chart instance. */
  def: (name: string) => string;
}

/** Unique ids per chart instance (two charts on a page must not share a hatch pattern id). */
export function useChartIds(): ChartIds {
  // React's ids contain characters that are awkward inside url(#…); keep letters, digits, - and _.
  const base = `dlb${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return {
    title: `${base}-title`,
    summary: `${base}-summary`,
    instructions: `${base}-instructions`,
    tooltip: `${base}-tooltip`,
    def: (name) => `${base}-${name}`,
  };
}

/** What every chart component needs first: its locale, messages, formatter, ids and width. */
export interface ChartSetup<M> {
  locale: ChartLocale;
  messages: M;
  format: ChartFormatter;
  ids: ChartIds;
  width: number;
  /** Passed on to `ChartFrame`, which measures its plot area. */
  frame: Pick<ChartFrameProps, 'locale' | 'ids' | 'base' | 'containerRef' | 'instructions'>;
}

/**
 * The set-up every chart shares: the locale (German by default), its messages with the consumer's
 * overrides, a formatter, unique ids, and the width of the container (or the fixed `width`).
 */
export function useChartSetup<M extends { instructions: string }>(
  catalog: MessageCatalog<M>,
  props: ChartBaseProps<M>,
): ChartSetup<M> {
  const locale = props.locale ?? 'de';
  const messages = useMemo(
    () => resolveMessages(catalog, locale, props.messages),
    [catalog, locale, props.messages],
  );
  const ids = useChartIds();
  const { ref, width } = useContainerWidth<HTMLDivElement>({ width: props.width });
  return {
    locale,
    messages,
    format: createFormatter(locale),
    ids,
    width,
    frame: { locale, ids, base: props, containerRef: ref, instructions: messages.instructions },
  };
}

/** What the tooltip shows, and where (in SVG user units, i.e. px at the measured width). */
export interface TooltipContent {
  heading: string;
  lines: string[];
  x: number;
  /** Top of the mark: the tooltip sits above it… */
  y: number;
  /** …or below this y when there is no room above. @default y */
  yBelow?: number | undefined;
}

/** A rectangle in px. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One focusable mark: a `role="img"` group with its own accessible name. */
export interface MarkSpec {
  key: string;
  /** Class added to `dlb-chart__mark`. */
  className: string;
  /** The accessible name: what the mark says in words. */
  label: string;
  /** Extra attributes (`data-*`) for styling and tests. */
  data?: Record<string, string | undefined>;
  /**
   * The area that takes the pointer and shows the focus ring: a box, or an SVG path. The hover and
   * focus highlight is drawn in the same shape.
   */
  hit: Box | string;
  /** The drawing. */
  children?: ReactNode;
}

/** A row of the table twin: its key, the row header, then the cells, and `data-*` attributes. */
export type TableRow = [key: string, header: ReactNode, cells: ReactNode[], data?: Record<string, unknown>];

export interface ChartFrameProps<T = unknown> {
  /** Chart family, used for the class name `dlb-<kind>`. */
  kind: string;
  locale: ChartLocale;
  ids: ChartIds;
  /** The consumer's props: `className`, `style`, `showTable`. */
  base: Pick<ChartBaseProps<unknown>, 'className' | 'style' | 'showTable'>;
  containerRef: RefObject<HTMLDivElement | null>;
  title: string;
  summary: string;
  instructions: string;
  width: number;
  height: number;
  /** The data behind the marks, one mark each, in keyboard order. */
  items: readonly T[];
  /** How to draw an item's mark. */
  mark: (item: T) => MarkSpec;
  /** An item's tooltip. */
  tooltip: (item: T) => TooltipContent;
  /** SVG `<defs>` content (patterns, symbols). */
  defs?: ReactNode;
  /** Axes and other drawing under the marks. */
  children?: ReactNode;
  /** Drawing over the marks: the consumer's `children(layout)`. */
  overlay?: ReactNode;
  /** Legend items (`<LegendItem>`), in HTML so they wrap on narrow screens. */
  legend?: ReactNode;
  /** The table twin: column headers and rows. */
  head: ReactNode[];
  rows: TableRow[];
}

function Shape({ className, shape }: { className: string; shape: Box | string }) {
  return typeof shape === 'string' ? (
    <path className={className} d={shape} aria-hidden="true" />
  ) : (
    <rect className={className} {...shape} aria-hidden="true" />
  );
}

/**
 * The accessible shell every chart shares:
 *
 * - `<figure aria-labelledby=title>` with a `<figcaption>`: the title and a one-sentence summary,
 *   visible to everyone and read first by screen readers.
 * - the `<svg role="group">` named by the title and described by the summary and the keyboard
 *   instructions. Not `role="img"`: an image's children are presentational, so focusable marks
 *   inside it would be hidden from assistive technology (and axe reports `nested-interactive`).
 *   Each mark is a `role="img"` with its own name; axes and labels are `aria-hidden` because the
 *   marks and the table already carry their content.
 * - one tab stop for all marks (`useMarkNavigation`), a highlight behind the hovered or focused
 *   mark, and one `role="tooltip"` element in the DOM, referenced by `aria-describedby` from the
 *   mark it describes.
 * - a `<table>` twin with the same rows the chart draws, visually hidden unless `showTable`.
 * - `data-motion` from `prefers-reduced-motion`, which the CSS needs before it animates anything.
 */
export function ChartFrame<T>({
  kind,
  locale,
  ids,
  base,
  containerRef,
  title,
  summary,
  instructions,
  width,
  height,
  items,
  mark,
  tooltip,
  defs,
  children,
  overlay,
  legend,
  head,
  rows,
}: ChartFrameProps<T>) {
  const nav = useMarkNavigation(items.length, ids.tooltip);
  const reducedMotion = useReducedMotion();
  const marks = items.map((item) => mark(item));
  const highlight = nav.highlightIndex === null ? undefined : marks[nav.highlightIndex];
  return (
    <figure
      className={['dlb-chart', `dlb-${kind}`, base.className].filter(Boolean).join(' ')}
      style={base.style}
      lang={locale}
      aria-labelledby={ids.title}
      data-motion={reducedMotion ? 'reduce' : 'full'}
    >
      <figcaption className="dlb-chart__caption">
        <span id={ids.title} className="dlb-chart__title">
          {title}
        </span>
        <span id={ids.summary} className="dlb-chart__summary">
          {summary}
        </span>
      </figcaption>
      <div className="dlb-chart__plot" ref={containerRef} {...nav.plotProps}>
        <svg
          className="dlb-chart__svg"
          role="group"
          aria-labelledby={ids.title}
          aria-describedby={`${ids.summary} ${ids.instructions}`}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
        >
          {defs ? <defs>{defs}</defs> : null}
          {highlight ? <Shape className="dlb-chart__highlight" shape={highlight.hit} /> : null}
          {children}
          <g className="dlb-chart__marks" {...nav.groupProps}>
            {marks.map((spec, index) => (
              <g
                key={spec.key}
                className={`dlb-chart__mark ${spec.className}`}
                role="img"
                aria-label={spec.label}
                {...spec.data}
                {...nav.markProps(index)}
              >
                {typeof spec.hit === 'string' ? (
                  <path className="dlb-chart__hit" d={spec.hit} />
                ) : (
                  <rect className="dlb-chart__hit" {...spec.hit} />
                )}
                {spec.children}
              </g>
            ))}
          </g>
          {overlay}
        </svg>
        {nav.tooltipIndex === null ? null : (
          <ChartTooltip
            id={ids.tooltip}
            content={tooltip(items[nav.tooltipIndex] as T)}
            width={width}
            height={height}
          />
        )}
      </div>
      {legend ? <div className="dlb-chart__legend">{legend}</div> : null}
      <p id={ids.instructions} className="dlb-visually-hidden">
        {instructions}
      </p>
      <table className={base.showTable ? 'dlb-chart__table' : 'dlb-chart__table dlb-visually-hidden'}>
        <caption>{title}</caption>
        <thead>
          <tr>
            {head.map((cell, index) => (
              <th key={index} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, header, cells, data]) => (
            <tr key={key} {...data}>
              <th scope="row">{header}</th>
              {cells.map((cell, index) => (
                <td key={index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function ChartTooltip({
  id,
  content,
  width,
  height,
}: {
  id: string;
  content: TooltipContent;
  width: number;
  height: number;
}) {
  // Percentages, not px: before the first measurement (SSR) the SVG is scaled by its viewBox.
  const left = width > 0 ? (content.x / width) * 100 : 0;
  const align = content.x < width * 0.25 ? 'start' : content.x > width * 0.75 ? 'end' : 'center';
  const side = content.y < 72 ? 'below' : 'above';
  const y = side === 'below' ? (content.yBelow ?? content.y) : content.y;
  const top = height > 0 ? (y / height) * 100 : 0;
  return (
    <div
      id={id}
      role="tooltip"
      className="dlb-chart__tooltip"
      data-align={align}
      data-side={side}
      style={{ left: `${left}%`, top: `${top}%` }}
    >
      <strong className="dlb-chart__tooltip-heading">{content.heading}</strong>
      {content.lines.map((line, index) => (
        <span key={index} className="dlb-chart__tooltip-line">
          {/* Lines are blocks on screen; as a description they need a separator to be read apart. */}
          <span className="dlb-visually-hidden">. </span>
          {line}
        </span>
      ))}
    </div>
  );
}

/** One legend entry: a small drawing of the encoding (decorative) and the words that explain it. */
export function LegendItem({ swatch, children }: { swatch: ReactNode; children: ReactNode }) {
  return (
    <span className="dlb-chart__legend-item">
      <svg className="dlb-chart__swatch" width={28} height={14} viewBox="0 0 28 14" aria-hidden="true">
        {swatch}
      </svg>
      <span>{children}</span>
    </span>
  );
}
