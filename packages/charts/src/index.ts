/**
 * @deliberate/charts — accessible SVG charts: d3 computes numbers and paths, React renders.
 * Every chart is a `<figure>` with a caption and summary, a keyboard-navigable SVG (one tab stop,
 * arrow keys between marks, tooltips on focus and hover) and a table twin; see README.md.
 * Styles: `import '@deliberate/charts/charts.css'` once (the `./charts.css` export). Hosts of
 * `@deliberate/react` need not: its `styles.css` imports this stylesheet.
 */

// Components and their props
export { AttributionChart } from './attribution/attribution-chart.tsx';
export type { AttributionChartProps } from './attribution/attribution-chart.tsx';
export { ReliabilityDiagram } from './reliability/reliability-diagram.tsx';
export type { ReliabilityDiagramProps } from './reliability/reliability-diagram.tsx';
export { IconArray } from './icon-array/icon-array.tsx';
export type { IconArrayProps, IconShape } from './icon-array/icon-array.tsx';
export { Histogram } from './histogram/histogram.tsx';
export type { HistogramProps } from './histogram/histogram.tsx';
export { RateOverTime } from './rate-over-time/rate-over-time.tsx';
export type { RateOverTimeProps } from './rate-over-time/rate-over-time.tsx';
export type { ChartBaseProps } from './shared/types.ts';

// Pure layout functions (no DOM, no React) and their data types
export { attributionLayout, truncate } from './attribution/attribution-layout.ts';
export type {
  AttributionFactor,
  AttributionLayout,
  AttributionLayoutInput,
  AttributionRow,
  AttributionRowKind,
} from './attribution/attribution-layout.ts';
export { reliabilityLayout } from './reliability/reliability-layout.ts';
export type {
  ReliabilityBin,
  ReliabilityLayout,
  ReliabilityLayoutInput,
  ReliabilityMark,
} from './reliability/reliability-layout.ts';
export { iconArrayLayout } from './icon-array/icon-array-layout.ts';
export type {
  IconArrayLayout,
  IconArrayLayoutInput,
  IconCell,
  IconGroup,
} from './icon-array/icon-array-layout.ts';
export { histogramLayout } from './histogram/histogram-layout.ts';
export type {
  HistogramBar,
  HistogramBin,
  HistogramLayout,
  HistogramLayoutInput,
} from './histogram/histogram-layout.ts';
export { rateOverTimeLayout } from './rate-over-time/rate-over-time-layout.ts';
export type {
  RateMark,
  RateOverTimeLayout,
  RateOverTimeLayoutInput,
  RatePoint,
  TimeTickUnit,
} from './rate-over-time/rate-over-time-layout.ts';

// Messages (de, en) for overrides and translations
export { attributionMessages } from './attribution/attribution-messages.ts';
export type { AttributionMessages } from './attribution/attribution-messages.ts';
export { reliabilityMessages } from './reliability/reliability-messages.ts';
export type { ReliabilityMessages } from './reliability/reliability-messages.ts';
export { iconArrayMessages } from './icon-array/icon-array-messages.ts';
export type { IconArrayMessages } from './icon-array/icon-array-messages.ts';
export { histogramMessages } from './histogram/histogram-messages.ts';
export type { HistogramMessages } from './histogram/histogram-messages.ts';
export { rateOverTimeMessages } from './rate-over-time/rate-over-time-messages.ts';
export type { RateOverTimeMessages } from './rate-over-time/rate-over-time-messages.ts';
export { fillTemplate, resolveMessages } from './shared/messages.ts';
export type { MessageCatalog, MessageOverrides } from './shared/messages.ts';

// Building blocks for custom charts
export { createFormatter, LOCALE_TAGS, MINUS_SIGN, MISSING } from './shared/format.ts';
export type { ChartFormatter, ChartLocale } from './shared/format.ts';
export { wilsonInterval, Z_95 } from './shared/stats.ts';
export { useContainerWidth, FALLBACK_WIDTH } from './shared/use-container-width.ts';
export type { ContainerWidthOptions } from './shared/use-container-width.ts';
export { useReducedMotion } from './shared/use-reduced-motion.ts';
export { useMarkNavigation, MARK_INDEX_ATTRIBUTE } from './shared/use-mark-navigation.ts';
export type { MarkNavigation, MarkProps } from './shared/use-mark-navigation.ts';
