import type { MessageCatalog } from '../shared/messages.ts';

/** Every visible or announced string of `Histogram`. Placeholders: `{name}`. */
export interface HistogramMessages {
  title: string;
  /** Placeholders: bins, total, max, range. */
  summary: string;
  summaryEmpty: string;
  instructions: string;
  xAxisLabel: string;
  yAxisLabel: string;
  /** A bin that excludes its upper edge. Placeholders: lo, hi. */
  rangeHalfOpen: string;
  /** The last bin, which includes its upper edge. Placeholders: lo, hi. */
  rangeClosed: string;
  /** Accessible name of a bar. Placeholders: range, count, share. */
  markLabel: string;
  /** Placeholder: count. */
  countLine: string;
  /** Placeholder: share. */
  shareLine: string;
  noData: string;
  columnRange: string;
  columnCount: string;
  columnShare: string;
}

export const histogramMessages: MessageCatalog<HistogramMessages> = {
  de: {
    title: 'Verteilung',
    summary: '{total} Werte in {bins} Bereichen; die meisten ({max}) im Bereich {range}.',
    summaryEmpty: 'Keine Werte.',
    instructions:
      'Mit den Pfeiltasten zwischen den Balken wechseln, Pos1 und Ende springen zum ersten und letzten Balken. Escape blendet den Hinweis aus.',
    xAxisLabel: 'Wert',
    yAxisLabel: 'Anzahl',
    rangeHalfOpen: '{lo} bis unter {hi}',
    rangeClosed: '{lo} bis {hi}',
    markLabel: '{range}: {count} ({share})',
    countLine: 'Anzahl: {count}',
    shareLine: 'Anteil: {share}',
    noData: 'Keine Daten',
    columnRange: 'Bereich',
    columnCount: 'Anzahl',
    columnShare: 'Anteil',
  },
  en: {
    title: 'Distribution',
    summary: '{total} values in {bins} bins; most ({max}) in {range}.',
    summaryEmpty: 'No values.',
    instructions:
      'Use the arrow keys to move between bars; Home and End jump to the first and last bar. Escape hides the tooltip.',
    xAxisLabel: 'Value',
    yAxisLabel: 'Count',
    rangeHalfOpen: '{lo} to under {hi}',
    rangeClosed: '{lo} to {hi}',
    markLabel: '{range}: {count} ({share})',
    countLine: 'Count: {count}',
    shareLine: 'Share: {share}',
    noData: 'No data',
    columnRange: 'Range',
    columnCount: 'Count',
    columnShare: 'Share',
  },
};
