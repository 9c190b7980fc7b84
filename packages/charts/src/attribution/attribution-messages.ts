import type { MessageCatalog } from '../shared/messages.ts';

/** Every visible or announced string of `AttributionChart`. Placeholders: `{name}`. */
export interface AttributionMessages {
  title: string;
  /** Summary with factors. Placeholders: base, prediction, count, top, topContribution. */
  summary: string;
  /** Summary without factors. Placeholders: base, prediction. */
  summaryEmpty: string;
  instructions: string;
  baseValue: string;
  prediction: string;
  /** Label of the fold row, singular. Placeholder: count. */
  otherFactorsOne: string;
  /** Label of the fold row, plural. Placeholder: count. */
  otherFactorsOther: string;
  residual: string;
  /** A factor with its value. Placeholders: label, value. */
  factorWithValue: string;
  /** Accessible name of a bar. Placeholders: label, contribution. */
  markLabel: string;
  raises: string;
  lowers: string;
  noEffect: string;
  /** Tooltip line. Placeholders: start, end. */
  fromTo: string;
  /** Tooltip line of the fold row. Placeholder: count. */
  foldDetail: string;
  columnFactor: string;
  columnValue: string;
  columnContribution: string;
  columnRunningTotal: string;
  valueLabel: string;
  contributionLabel: string;
  /** Name of the horizontal axis, under its tick labels. */
  axisLabel: string;
  legendRaises: string;
  legendLowers: string;
}

export const attributionMessages: MessageCatalog<AttributionMessages> = {
  de: {
    title: 'Beiträge der Faktoren zur KI-Vorhersage',
    summary:
      'Ausgangswert {base}, Vorhersage {prediction}. {count} Faktoren; den größten Beitrag hat „{top}“ mit {topContribution}.',
    summaryEmpty: 'Ausgangswert {base}, Vorhersage {prediction}. Keine Faktoren angegeben.',
    instructions:
      'Mit den Pfeiltasten zwischen den Balken wechseln, Pos1 und Ende springen zum ersten und letzten Balken. Escape blendet den Hinweis aus.',
    baseValue: 'Ausgangswert',
    prediction: 'Vorhersage',
    otherFactorsOne: '{count} weiterer Faktor',
    otherFactorsOther: '{count} weitere Faktoren',
    residual: 'Nicht erklärter Rest',
    factorWithValue: '{label} = {value}',
    markLabel: '{label}: {contribution}',
    raises: 'erhöht die Vorhersage',
    lowers: 'senkt die Vorhersage',
    noEffect: 'ohne Einfluss auf die Vorhersage',
    fromTo: 'von {start} auf {end}',
    foldDetail: 'Summe der Beiträge von {count} Faktoren',
    columnFactor: 'Faktor',
    columnValue: 'Wert',
    columnContribution: 'Beitrag',
    columnRunningTotal: 'Stand danach',
    valueLabel: 'Wert',
    contributionLabel: 'Beitrag',
    axisLabel: 'Modellausgabe',
    legendRaises: 'Pfeil nach rechts, gefüllt: erhöht die Vorhersage (+)',
    legendLowers: 'Pfeil nach links, schraffiert: senkt die Vorhersage (−)',
  },
  en: {
    title: 'Factor contributions to the AI prediction',
    summary:
      'Base value {base}, prediction {prediction}. {count} factors; the largest contribution is “{top}” with {topContribution}.',
    summaryEmpty: 'Base value {base}, prediction {prediction}. No factors given.',
    instructions:
      'Use the arrow keys to move between bars; Home and End jump to the first and last bar. Escape hides the tooltip.',
    baseValue: 'Base value',
    prediction: 'Prediction',
    otherFactorsOne: '{count} other factor',
    otherFactorsOther: '{count} other factors',
    residual: 'Unexplained remainder',
    factorWithValue: '{label} = {value}',
    markLabel: '{label}: {contribution}',
    raises: 'raises the prediction',
    lowers: 'lowers the prediction',
    noEffect: 'no effect on the prediction',
    fromTo: 'from {start} to {end}',
    foldDetail: 'Sum of the contributions of {count} factors',
    columnFactor: 'Factor',
    columnValue: 'Value',
    columnContribution: 'Contribution',
    columnRunningTotal: 'Running total',
    valueLabel: 'Value',
    contributionLabel: 'Contribution',
    axisLabel: 'Model output',
    legendRaises: 'Arrow to the right, solid: raises the prediction (+)',
    legendLowers: 'Arrow to the left, hatched: lowers the prediction (−)',
  },
};
