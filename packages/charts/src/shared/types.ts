import type { CSSProperties } from 'react';
import type { ChartLocale } from './format.ts';
import type { MessageOverrides } from './messages.ts';

/** Props every chart shares. */
export interface ChartBaseProps<M> {
  /**
   * The chart's title: the visible caption, the accessible name of the figure and SVG, and the
   * table twin's caption. Same as `messages.title`, as a shortcut.
   * @default messages.title of the locale
   * @example <AttributionChart title="Warum die KI „ablehnen“ empfiehlt" … />
   */
  title?: string | undefined;
  /**
   * Language of all text and number formats: German uses the decimal comma and "87 %", English
   * "0.12" and "87%".
   * @default 'de'
   * @example <AttributionChart locale="en" … />
   */
  locale?: ChartLocale | undefined;
  /**
   * Replaces any of the chart's strings (title, summary, table headers, …); the rest keep the
   * locale's defaults. Templates use `{placeholder}`s as in the defaults.
   * @default {} (the locale's messages)
   * @example <Histogram messages={{ title: 'Bearbeitungszeit', axisLabel: 'Tage' }} … />
   */
  messages?: MessageOverrides<M> | undefined;
  /**
   * A fixed width in px. Without it the chart fills its container and follows its size
   * (ResizeObserver), starting at 640 px where it cannot measure (server, jsdom).
   * @default undefined (responsive)
   * @example <IconArray width={320} … />
   */
  width?: number | undefined;
  /**
   * Shows the table twin on screen as well. It is always in the DOM for screen readers; showing
   * it helps people who prefer numbers to shapes, and printouts.
   * @default false
   * @example <ReliabilityDiagram showTable … />
   */
  showTable?: boolean | undefined;
  /**
   * Extra class on the `<figure>`.
   * @default undefined
   * @example <RateOverTime className="dashboard-tile" … />
   */
  className?: string | undefined;
  /**
   * Inline styles on the `<figure>`, e.g. to set a theme variable for one chart.
   * @default undefined
   * @example <AttributionChart style={{ '--dlb-chart-positive': '#005a9c' }} … />
   */
  style?: CSSProperties | undefined;
}
