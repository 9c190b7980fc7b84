import type { MessageCatalog } from '../shared/messages.ts';

/** Every visible or announced string of `RateOverTime`. Placeholders: `{name}`. */
export interface RateOverTimeMessages {
  title: string;
  /** The name of the rate (also the y axis label), e.g. "Override rate". */
  rateLabel: string;
  /** Placeholders: points, first, last, rateLabel, rate, lo, hi, n, empty. */
  summary: string;
  /** When the last point has no cases. Placeholders: points, first, last, empty. */
  summaryNoLatest: string;
  summaryEmpty: string;
  instructions: string;
  xAxisLabel: string;
  /** Accessible name of a point. Placeholders: date, rateLabel, rate, lo, hi, n. */
  markLabel: string;
  /** Placeholder: date. */
  markLabelEmpty: string;
  /** Placeholders: lo, hi. */
  interval: string;
  /** Placeholder: n. */
  casesLine: string;
  /** Placeholders: rateLabel, rate. */
  rateLine: string;
  /** Placeholder: interval. */
  intervalLine: string;
  noCases: string;
  noData: string;
  legendLine: string;
  legendBand: string;
  legendGap: string;
  columnDate: string;
  columnInterval: string;
  columnCases: string;
}

export const rateOverTimeMessages: MessageCatalog<RateOverTimeMessages> = {
  de: {
    title: 'Rate im Zeitverlauf',
    rateLabel: 'Rate',
    summary:
      '{points} Zeitpunkte von {first} bis {last}. Zuletzt: {rateLabel} {rate} (95-%-Intervall {lo} bis {hi}, n = {n}). {empty} Zeitpunkte ohne Fälle.',
    summaryNoLatest:
      '{points} Zeitpunkte von {first} bis {last}; der letzte ohne Fälle. {empty} Zeitpunkte ohne Fälle.',
    summaryEmpty: 'Keine Daten.',
    instructions:
      'Mit den Pfeiltasten zwischen den Zeitpunkten wechseln, Pos1 und Ende springen zum ersten und letzten. Escape blendet den Hinweis aus.',
    xAxisLabel: 'Zeit',
    markLabel: '{date}: {rateLabel} {rate} (95-%-Intervall {lo} bis {hi}), n = {n}',
    markLabelEmpty: '{date}: keine Fälle',
    interval: '{lo} bis {hi}',
    casesLine: 'Fälle: {n}',
    rateLine: '{rateLabel}: {rate}',
    intervalLine: '95-%-Intervall: {interval}',
    noCases: 'keine Fälle',
    noData: 'Keine Daten',
    legendLine: 'Linie mit Punkten: Rate',
    legendBand: 'Band: 95-%-Intervall',
    legendGap: 'Lücke: Zeitraum ohne Fälle',
    columnDate: 'Zeitpunkt',
    columnInterval: '95-%-Intervall',
    columnCases: 'Fälle',
  },
  en: {
    title: 'Rate over time',
    rateLabel: 'Rate',
    summary:
      '{points} points from {first} to {last}. Latest: {rateLabel} {rate} (95% interval {lo} to {hi}, n = {n}). {empty} points without cases.',
    summaryNoLatest:
      '{points} points from {first} to {last}; the latest without cases. {empty} points without cases.',
    summaryEmpty: 'No data.',
    instructions:
      'Use the arrow keys to move between points in time; Home and End jump to the first and last. Escape hides the tooltip.',
    xAxisLabel: 'Time',
    markLabel: '{date}: {rateLabel} {rate} (95% interval {lo} to {hi}), n = {n}',
    markLabelEmpty: '{date}: no cases',
    interval: '{lo} to {hi}',
    casesLine: 'Cases: {n}',
    rateLine: '{rateLabel}: {rate}',
    intervalLine: '95% interval: {interval}',
    noCases: 'no cases',
    noData: 'No data',
    legendLine: 'Line with points: rate',
    legendBand: 'Band: 95% interval',
    legendGap: 'Gap: period without cases',
    columnDate: 'Date',
    columnInterval: '95% interval',
    columnCases: 'Cases',
  },
};
