import { useId, type CSSProperties, type ReactNode, type RefObject } from 'react';
import type { ChartLocale } from './format.ts';

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

export interface ChartFrameProps {
  /** Chart family, used for the class name `dlb-<kind>`. */
  kind: string;
  locale: ChartLocale;
  ids: ChartIds;
  title: string;
  summary: string;
  instructions: string;
  className?: string | undefined;
  style?: CSSProperties | undefined;
  showTable: boolean;
  reducedMotion: boolean;
  containerRef: RefObject<HTMLDivElement | null>;
  plotProps: { onPointerLeave: () => void };
  width: number;
  height: number;
  /** The SVG content: definitions, axes, marks. */
  children: ReactNode;
  tooltip: TooltipContent | null;
  /** The table twin's `<thead>`/`<tbody>`. */
  table: ReactNode;
  /** Legend items (`<LegendItem>`), in HTML so they wrap on narrow screens. */
  legend?: ReactNode;
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
 * - one `role="tooltip"` element in the DOM, referenced by `aria-describedby` from the mark it
 *   describes.
 * - a `<table>` twin with the same rows the chart draws, visually hidden unless `showTable`.
 */
export function ChartFrame({
  kind,
  locale,
  ids,
  title,
  summary,
  instructions,
  className,
  style,
  showTable,
  reducedMotion,
  containerRef,
  plotProps,
  width,
  height,
  children,
  tooltip,
  table,
  legend,
}: ChartFrameProps) {
  const classes = ['dlb-chart', `dlb-${kind}`, className].filter(Boolean).join(' ');
  return (
    <figure
      className={classes}
      style={style}
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
      <div className="dlb-chart__plot" ref={containerRef} {...plotProps}>
        <svg
          className="dlb-chart__svg"
          role="group"
          aria-labelledby={ids.title}
          aria-describedby={`${ids.summary} ${ids.instructions}`}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
        >
          {children}
        </svg>
        {tooltip ? <ChartTooltip id={ids.tooltip} content={tooltip} width={width} height={height} /> : null}
      </div>
      {legend ? <div className="dlb-chart__legend">{legend}</div> : null}
      <p id={ids.instructions} className="dlb-visually-hidden">
        {instructions}
      </p>
      <table className={showTable ? 'dlb-chart__table' : 'dlb-chart__table dlb-visually-hidden'}>
        <caption>{title}</caption>
        {table}
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

/** Text for screen readers only (the `dlb-visually-hidden` class clips it). */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="dlb-visually-hidden">{children}</span>;
}
