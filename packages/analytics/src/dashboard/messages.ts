/*
 * Every visible string of the evaluator dashboard and the HTML report, per locale. Placeholders
 * are `{name}`, filled with `fillTemplate` from @deliberate/charts. Definitions follow
 * docs/research.md §3 and the populations in `compute.ts`; keep the three in step.
 */

/** The languages of the dashboard and the report. */
export type DashboardLocale = 'de' | 'en';

/** A metric's name and the one-sentence definition shown beside it. */
export interface MetricText {
  label: string;
  definition: string;
}

/** The dashboard's and the report's strings. */
export interface DashboardMessages {
  title: string;
  /** Placeholders: decisions, truth. */
  subtitle: string;
  /** Placeholder: truth. */
  withTruth: string;
  summaryHeading: string;
  /** Placeholders: lo, hi. */
  interval: string;
  /** Placeholders: k, n. */
  counts: string;
  noData: string;
  /** A difference of shares in percentage points. Placeholder: value. */
  percentagePoints: string;
  /** Short text for a metric without cases. */
  notAvailable: string;
  metrics: {
    decisions: MetricText;
    agreement: MetricText;
    override: MetricText;
    switch: MetricText;
    overReliance: MetricText;
    underReliance: MetricText;
    rair: MetricText;
    rsr: MetricText;
    accuracyHuman: MetricText;
    accuracyAi: MetricText;
    accuracyTeam: MetricText;
    complementarity: MetricText;
    ece: MetricText;
    weightOfAdvice: MetricText;
  };
  reliabilityHeading: string;
  /** Placeholders: binning, bins, ece, mce, brier, n. */
  reliabilityDefinition: string;
  binningWidth: string;
  binningMass: string;
  confidenceHeading: string;
  confidenceDefinition: string;
  confidenceAxis: string;
  overrideAxis: string;
  /** Accessible summary of the confidence chart. Placeholders: bins, lowest, highest. */
  confidenceSummary: string;
  columnBin: string;
  columnRate: string;
  columnInterval: string;
  columnCases: string;
  overTimeHeading: string;
  /** Placeholder: unit. */
  overTimeDefinition: string;
  month: string;
  week: string;
  overrideRateLabel: string;
  overRelianceRateLabel: string;
  reasonsHeading: string;
  reasonsDefinition: string;
  columnCode: string;
  columnReason: string;
  columnCount: string;
  columnShare: string;
  noReasons: string;
  timesHeading: string;
  /** Placeholders: p50, p90, mean. */
  timesDefinition: string;
  /** Placeholder: from. */
  timesOverflow: string;
  timesAxis: string;
  explanationsHeading: string;
  explanationsDefinition: string;
  columnPanel: string;
  noExplanations: string;
  /** Report only. */
  report: {
    title: string;
    /** Placeholders: source, generated. */
    generated: string;
    inputHeading: string;
    /** Placeholders: lines, events, duplicates, malformed. */
    input: string;
    /** Placeholders: opened, abandoned, withoutAi, noAiArm, truth, refinalized, stopped. */
    activity: string;
    metricColumn: string;
    valueColumn: string;
    definitionColumn: string;
    privacy: string;
    definitionsHeading: string;
  };
}

/** German and English strings. */
export const dashboardMessages: Record<DashboardLocale, DashboardMessages> = {
  de: {
    title: 'Verlassen auf KI-Empfehlungen',
    subtitle: '{decisions} abgeschlossene Entscheidungen, davon {truth} mit bekanntem Ergebnis.',
    withTruth: '{truth} mit bekanntem Ergebnis',
    summaryHeading: 'Kennzahlen',
    interval: '95-%-Intervall {lo} bis {hi}',
    counts: '{k} von {n}',
    noData: 'Keine Daten.',
    percentagePoints: '{value} Pp.',
    notAvailable: 'keine Fälle',
    metrics: {
      decisions: {
        label: 'Entscheidungen',
        definition: 'Abgeschlossene Entscheidungen (decision.finalized).',
      },
      agreement: {
        label: 'Übereinstimmung',
        definition:
          'Anteil der Entscheidungen mit angezeigter KI, in denen die Entscheidung der Empfehlung entspricht.',
      },
      override: {
        label: 'Abweichungsrate',
        definition:
          'Anteil der Entscheidungen mit angezeigter KI, in denen die Entscheidung von der Empfehlung abweicht.',
      },
      switch: {
        label: 'Wechselrate',
        definition:
          'Von den Fällen, in denen das eigene Urteil von der KI abwich: Anteil, in denen am Ende doch der KI gefolgt wurde.',
      },
      overReliance: {
        label: 'Übervertrauen',
        definition:
          'Von den Fällen, in denen die KI falsch lag: Anteil, in denen ihr trotzdem gefolgt wurde.',
      },
      underReliance: {
        label: 'Untervertrauen',
        definition: 'Von den Fällen, in denen die KI richtig lag: Anteil, in denen von ihr abgewichen wurde.',
      },
      rair: {
        label: 'RAIR',
        definition:
          'Relative angemessene KI-Nutzung: eigenes Urteil falsch, KI richtig – Anteil, in denen zur KI gewechselt wurde.',
      },
      rsr: {
        label: 'RSR',
        definition:
          'Relatives angemessenes Selbstvertrauen: eigenes Urteil richtig, KI falsch – Anteil, in denen beim eigenen Urteil geblieben wurde.',
      },
      accuracyHuman: {
        label: 'Genauigkeit Mensch allein',
        definition:
          'Anteil richtiger eigener Urteile (vor Anzeige der KI), über Fälle mit bekanntem Ergebnis.',
      },
      accuracyAi: {
        label: 'Genauigkeit KI allein',
        definition: 'Anteil richtiger KI-Empfehlungen über Fälle mit bekanntem Ergebnis.',
      },
      accuracyTeam: {
        label: 'Genauigkeit Mensch mit KI',
        definition: 'Anteil richtiger Entscheidungen mit angezeigter KI über Fälle mit bekanntem Ergebnis.',
      },
      complementarity: {
        label: 'Komplementarität',
        definition:
          'Genauigkeit Mensch mit KI minus die bessere von Mensch allein und KI allein; positiv ist gut.',
      },
      ece: {
        label: 'Kalibrierungsfehler (ECE)',
        definition:
          'Gewichtete mittlere Abweichung zwischen angegebener Konfidenz und tatsächlicher Trefferquote.',
      },
      weightOfAdvice: {
        label: 'Gewicht des Rats',
        definition:
          'Zahlenentscheidungen: wie weit das Ergebnis vom eigenen Urteil zur KI-Empfehlung rückte (0 = gar nicht, 1 = ganz).',
      },
    },
    reliabilityHeading: 'Kalibrierung der KI',
    reliabilityDefinition:
      'Trefferquote der KI je Konfidenzbereich ({binning}, {bins} Bereiche) gegen die Diagonale perfekter Kalibrierung. ECE {ece}, MCE {mce}, Brier-Score {brier}, n = {n}.',
    binningWidth: 'gleich breite Bereiche',
    binningMass: 'gleich besetzte Bereiche',
    confidenceHeading: 'Abweichungsrate nach KI-Konfidenz',
    confidenceDefinition:
      'Angemessenes Vertrauen zeigt sich in weniger Abweichungen, wo die KI sicher und zugleich richtig ist. Balken: Rate, Linien: 95-%-Intervall (Wilson).',
    confidenceAxis: 'KI-Konfidenz',
    overrideAxis: 'Abweichungsrate',
    confidenceSummary:
      'Abweichungsrate in {bins} Konfidenzbereichen; niedrigster Bereich mit Fällen: {lowest}, höchster: {highest}.',
    columnBin: 'Konfidenz',
    columnRate: 'Rate',
    columnInterval: '95-%-Intervall',
    columnCases: 'Fälle',
    overTimeHeading: 'Entwicklung über die Zeit',
    overTimeDefinition:
      'Abweichungsrate und Übervertrauen je {unit} (nach Abschlussdatum), mit 95-%-Intervall. Zeiträume ohne Fälle bleiben leer.',
    month: 'Monat',
    week: 'Woche',
    overrideRateLabel: 'Abweichungsrate',
    overRelianceRateLabel: 'Übervertrauen',
    reasonsHeading: 'Begründungen',
    reasonsDefinition: 'Wie oft jeder Begründungscode bei abgeschlossenen Entscheidungen angegeben wurde.',
    columnCode: 'Code',
    columnReason: 'Begründung',
    columnCount: 'Anzahl',
    columnShare: 'Anteil',
    noReasons: 'Keine Begründungen angegeben.',
    timesHeading: 'Bearbeitungszeit',
    timesDefinition:
      'Zeit vom Öffnen bis zum Abschluss einer Entscheidung. Median {p50}, 90. Perzentil {p90}, Mittelwert {mean} (Rangmethode).',
    timesOverflow: 'Der letzte Balken zählt auch alle längeren Zeiten (ab {from}).',
    timesAxis: 'Sekunden',
    explanationsHeading: 'Nutzung der Erklärungen',
    explanationsDefinition:
      'Anteil der abgeschlossenen Entscheidungen, in denen die jeweilige Erklärung geöffnet wurde. Erklärungen können das Übervertrauen auch erhöhen.',
    columnPanel: 'Erklärung',
    noExplanations: 'Keine Erklärungen geöffnet.',
    report: {
      title: 'Bericht: Verlassen auf KI-Empfehlungen',
      generated: 'Quelle: {source}. Erstellt am {generated}.',
      inputHeading: 'Datengrundlage',
      input:
        '{lines} Zeilen gelesen, {events} Ereignisse, {duplicates} Duplikate übersprungen, {malformed} fehlerhafte Zeilen.',
      activity:
        '{opened} Entscheidungen geöffnet, {abandoned} abgebrochen, {withoutAi} ohne KI entschieden, {noAiArm} in der Kontrollgruppe ohne KI, {truth} mit bekanntem Ergebnis, {refinalized} nachträglich korrigiert; KI {stopped}-mal gestoppt.',
      metricColumn: 'Kennzahl',
      valueColumn: 'Wert',
      definitionColumn: 'Definition',
      privacy:
        'Alle Angaben sind zusammengefasst; einzelne Beschäftigte werden nicht bewertet. Auswertungen nach Personen bedürfen der Zustimmung des Personalrats.',
      definitionsHeading: 'Definitionen',
    },
  },
  en: {
    title: 'Reliance on AI recommendations',
    subtitle: '{decisions} finalized decisions, {truth} of them with a known outcome.',
    withTruth: '{truth} with a known outcome',
    summaryHeading: 'Key figures',
    interval: '95% interval {lo} to {hi}',
    counts: '{k} of {n}',
    noData: 'No data.',
    percentagePoints: '{value} pp',
    notAvailable: 'no cases',
    metrics: {
      decisions: { label: 'Decisions', definition: 'Finalized decisions (decision.finalized).' },
      agreement: {
        label: 'Agreement',
        definition: 'Share of decisions with the AI shown in which the decision equals the recommendation.',
      },
      override: {
        label: 'Override rate',
        definition:
          'Share of decisions with the AI shown in which the decision differs from the recommendation.',
      },
      switch: {
        label: 'Switch rate',
        definition:
          'Of the cases where the own judgement differed from the AI: share that ended up following the AI.',
      },
      overReliance: {
        label: 'Over-reliance',
        definition: 'Of the cases where the AI was wrong: share in which it was followed anyway.',
      },
      underReliance: {
        label: 'Under-reliance',
        definition: 'Of the cases where the AI was right: share in which it was overridden.',
      },
      rair: {
        label: 'RAIR',
        definition: 'Relative AI reliance: own judgement wrong, AI right — share that switched to the AI.',
      },
      rsr: {
        label: 'RSR',
        definition:
          'Relative self-reliance: own judgement right, AI wrong — share that kept the own judgement.',
      },
      accuracyHuman: {
        label: 'Accuracy, human alone',
        definition:
          'Share of correct own judgements (before the AI was shown), over cases with a known outcome.',
      },
      accuracyAi: {
        label: 'Accuracy, AI alone',
        definition: 'Share of correct AI recommendations over cases with a known outcome.',
      },
      accuracyTeam: {
        label: 'Accuracy, human with AI',
        definition: 'Share of correct decisions with the AI shown, over cases with a known outcome.',
      },
      complementarity: {
        label: 'Complementarity',
        definition:
          'Accuracy of human with AI minus the better of human alone and AI alone; positive is good.',
      },
      ece: {
        label: 'Calibration error (ECE)',
        definition: 'Weighted mean gap between the stated confidence and the actual hit rate.',
      },
      weightOfAdvice: {
        label: 'Weight of advice',
        definition:
          'Numeric decisions: how far the result moved from the own judgement to the AI (0 = not at all, 1 = fully).',
      },
    },
    reliabilityHeading: 'Calibration of the AI',
    reliabilityDefinition:
      'Hit rate of the AI per confidence range ({binning}, {bins} ranges) against the diagonal of perfect calibration. ECE {ece}, MCE {mce}, Brier score {brier}, n = {n}.',
    binningWidth: 'equal-width ranges',
    binningMass: 'equal-count ranges',
    confidenceHeading: 'Override rate by AI confidence',
    confidenceDefinition:
      'Appropriate reliance shows as fewer overrides where the AI is confident and right. Bars: rate; lines: 95% interval (Wilson).',
    confidenceAxis: 'AI confidence',
    overrideAxis: 'Override rate',
    confidenceSummary:
      'Override rate in {bins} confidence ranges; lowest range with cases: {lowest}, highest: {highest}.',
    columnBin: 'Confidence',
    columnRate: 'Rate',
    columnInterval: '95% interval',
    columnCases: 'Cases',
    overTimeHeading: 'Over time',
    overTimeDefinition:
      'Override rate and over-reliance per {unit} (by date of finalization), with 95% interval. Periods without cases stay empty.',
    month: 'month',
    week: 'week',
    overrideRateLabel: 'Override rate',
    overRelianceRateLabel: 'Over-reliance',
    reasonsHeading: 'Reasons given',
    reasonsDefinition: 'How often each reason code was given on finalized decisions.',
    columnCode: 'Code',
    columnReason: 'Reason',
    columnCount: 'Count',
    columnShare: 'Share',
    noReasons: 'No reasons given.',
    timesHeading: 'Time to decide',
    timesDefinition:
      'Time from opening to finalizing a decision. Median {p50}, 90th percentile {p90}, mean {mean} (nearest rank).',
    timesOverflow: 'The last bar also counts all longer times (from {from} on).',
    timesAxis: 'Seconds',
    explanationsHeading: 'Use of explanations',
    explanationsDefinition:
      'Share of finalized decisions in which each explanation was opened. Explanations can also increase over-reliance.',
    columnPanel: 'Explanation',
    noExplanations: 'No explanations opened.',
    report: {
      title: 'Report: reliance on AI recommendations',
      generated: 'Source: {source}. Generated {generated}.',
      inputHeading: 'Data',
      input:
        '{lines} lines read, {events} events, {duplicates} duplicates skipped, {malformed} malformed lines.',
      activity:
        '{opened} decisions opened, {abandoned} abandoned, {withoutAi} decided without the AI, {noAiArm} in the no-AI control arm, {truth} with a known outcome, {refinalized} corrected later; AI stopped {stopped} times.',
      metricColumn: 'Metric',
      valueColumn: 'Value',
      definitionColumn: 'Definition',
      privacy:
        'All figures are aggregated; no individual employee is rated. Analyses by person need the staff council’s consent.',
      definitionsHeading: 'Definitions',
    },
  },
};
