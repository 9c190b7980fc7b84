import type { MessageCatalog } from '../shared/messages.ts';

/** Every visible or announced string of `ReliabilityDiagram`. Placeholders: `{name}`. */
export interface ReliabilityMessages {
  title: string;
  /** Placeholders: bins, cases, empty, ece. */
  summary: string;
  /** When no bin has cases. Placeholder: bins. */
  summaryEmpty: string;
  instructions: string;
  xAxisLabel: string;
  yAxisLabel: string;
  countsLabel: string;
  diagonalLegend: string;
  pointLegend: string;
  /** A confidence range. Placeholders: lo, hi. */
  range: string;
  /** Accessible name of a bin. Placeholders: range, accuracy, n. */
  markLabel: string;
  /** Accessible name of an empty bin. Placeholder: range. */
  markLabelEmpty: string;
  noCases: string;
  /** Placeholder: n. */
  casesLine: string;
  /** Placeholder: confidence. */
  confidenceLine: string;
  /** Placeholders: accuracy, lo, hi. */
  accuracyLine: string;
  /** Placeholder: gap (signed percentage points). */
  gapLine: string;
  /** Placeholders: lo, hi. */
  interval: string;
  columnRange: string;
  columnCases: string;
  columnConfidence: string;
  columnAccuracy: string;
  columnInterval: string;
}

export const reliabilityMessages: MessageCatalog<ReliabilityMessages> = {
  de: {
    title: 'Kalibrierung: Trefferquote der KI je Konfidenzbereich',
    summary:
      '{bins} Konfidenzbereiche mit zusammen {cases} Fällen, davon {empty} ohne Fälle. Erwarteter Kalibrierungsfehler (ECE): {ece}.',
    summaryEmpty: '{bins} Konfidenzbereiche, keine Fälle.',
    instructions:
      'Mit den Pfeiltasten zwischen den Konfidenzbereichen wechseln, Pos1 und Ende springen zum ersten und letzten. Escape blendet den Hinweis aus.',
    xAxisLabel: 'Konfidenz der KI',
    yAxisLabel: 'Trefferquote',
    countsLabel: 'Fälle je Bereich',
    diagonalLegend: 'Gestrichelt: perfekte Kalibrierung (Trefferquote = Konfidenz)',
    pointLegend: 'Punkte: Trefferquote mit 95-%-Intervall; Lücken: Bereiche ohne Fälle',
    range: '{lo} bis {hi}',
    markLabel: 'Konfidenz {range}: Trefferquote {accuracy}, n = {n}',
    markLabelEmpty: 'Konfidenz {range}: keine Fälle',
    noCases: 'keine Fälle',
    casesLine: 'Fälle: {n}',
    confidenceLine: 'Mittlere Konfidenz: {confidence}',
    accuracyLine: 'Trefferquote: {accuracy} (95-%-Intervall {lo} bis {hi})',
    gapLine: 'Abweichung von der Diagonale: {gap} Prozentpunkte',
    interval: '{lo} bis {hi}',
    columnRange: 'Konfidenzbereich',
    columnCases: 'Fälle',
    columnConfidence: 'Mittlere Konfidenz',
    columnAccuracy: 'Trefferquote',
    columnInterval: '95-%-Intervall',
  },
  en: {
    title: 'Calibration: AI accuracy by confidence',
    summary:
      '{bins} confidence bins with {cases} cases in total, {empty} of them empty. Expected calibration error (ECE): {ece}.',
    summaryEmpty: '{bins} confidence bins, no cases.',
    instructions:
      'Use the arrow keys to move between confidence bins; Home and End jump to the first and last. Escape hides the tooltip.',
    xAxisLabel: 'AI confidence',
    yAxisLabel: 'Accuracy',
    countsLabel: 'Cases per bin',
    diagonalLegend: 'Dashed: perfect calibration (accuracy = confidence)',
    pointLegend: 'Points: accuracy with 95% interval; gaps: bins without cases',
    range: '{lo} to {hi}',
    markLabel: 'Confidence {range}: accuracy {accuracy}, n = {n}',
    markLabelEmpty: 'Confidence {range}: no cases',
    noCases: 'no cases',
    casesLine: 'Cases: {n}',
    confidenceLine: 'Mean confidence: {confidence}',
    accuracyLine: 'Accuracy: {accuracy} (95% interval {lo} to {hi})',
    gapLine: 'Gap to the diagonal: {gap} percentage points',
    interval: '{lo} to {hi}',
    columnRange: 'Confidence bin',
    columnCases: 'Cases',
    columnConfidence: 'Mean confidence',
    columnAccuracy: 'Accuracy',
    columnInterval: '95% interval',
  },
};
