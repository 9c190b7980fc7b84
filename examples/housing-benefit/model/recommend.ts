import type { ReasonCode, RecommendationInput } from '@deliberate/core';
import {
  FEATURES,
  LABELS,
  estimatedBenefit,
  featuresOf,
  type Application,
  type FeatureId,
  type Label,
} from './data.ts';
import { documentsOf, locate, quoteLines } from './documents.ts';
import { argmax, predictProba, scores, softmax, standardize, type ModelJson } from './model.ts';

/*
 * Turns the model's output for one application into a Deliberate recommendation: calibrated
 * probabilities, factor contributions read off the model itself, counterfactuals found by search,
 * evidence quoted from the case file, similar training cases and the model's facts.
 */

export type Lang = 'de' | 'en';

export const OPTION_LABELS: Record<Label, Record<Lang, string>> = {
  approve: { de: 'Bewilligen', en: 'Approve' },
  reject: { de: 'Ablehnen', en: 'Reject' },
  'request-documents': { de: 'Unterlagen nachfordern', en: 'Request documents' },
};

const FEATURE_LABELS: Record<FeatureId, Record<Lang, string>> = {
  incomeRatio: {
    de: 'Einkommen im Verhältnis zur Einkommensgrenze',
    en: 'Income relative to the income limit',
  },
  assetsRatio: { de: 'Vermögen im Verhältnis zum Freibetrag', en: 'Assets relative to the allowance' },
  rentRatio: { de: 'Miete im Verhältnis zum Höchstbetrag', en: 'Rent relative to the rent ceiling' },
  householdSize: { de: 'Haushaltsgröße', en: 'Household size' },
  missingDocuments: { de: 'Fehlende Nachweise', en: 'Missing documents' },
  incomeMismatch: {
    de: 'Kontoauszug bestätigt das Einkommen nicht',
    en: 'Bank statement does not confirm the income',
  },
};

/** Reasons offered when the caseworker deviates, specific to this procedure. */
export const REASON_CODES: ReasonCode[] = [
  {
    system: 'urn:example:housing-benefit:reason',
    code: 'documents-confirm',
    display: 'The case documents confirm it',
    labels: { de: 'Die Unterlagen bestätigen es', en: 'The case documents confirm it' },
  },
  {
    system: 'urn:example:housing-benefit:reason',
    code: 'documents-contradict',
    display: 'The case documents contradict the recommendation',
    labels: {
      de: 'Die Unterlagen widersprechen der Empfehlung',
      en: 'The case documents contradict the recommendation',
    },
  },
  {
    system: 'urn:example:housing-benefit:reason',
    code: 'income-verified',
    display: 'Income verified with the employer',
    labels: { de: 'Einkommen beim Arbeitgeber geprüft', en: 'Income verified with the employer' },
  },
  {
    system: 'urn:example:housing-benefit:reason',
    code: 'hardship',
    display: 'Special hardship of this household',
    labels: { de: 'Besondere Härte in diesem Haushalt', en: 'Special hardship of this household' },
  },
  {
    system: 'urn:example:housing-benefit:reason',
    code: 'other',
    display: 'Other reason',
    labels: { de: 'Anderer Grund', en: 'Other reason' },
    requiresComment: true,
  },
];

const money = (value: number, lang: Lang) =>
  new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(value);
const pct = (value: number, lang: Lang) =>
  new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(value);

function displayValue(id: FeatureId, app: Application, lang: Lang): string | number | boolean {
  const f = featuresOf(app);
  switch (id) {
    case 'incomeRatio':
      return `${money(app.income, lang)} (${pct(f.incomeRatio, lang)})`;
    case 'assetsRatio':
      return `${money(app.assets, lang)} (${pct(f.assetsRatio, lang)})`;
    case 'rentRatio':
      return `${money(app.rent, lang)} (${pct(f.rentRatio, lang)})`;
    case 'householdSize':
      return app.householdSize;
    case 'missingDocuments':
      return app.missing.length;
    case 'incomeMismatch':
      return app.incomeMismatch;
  }
}

/** The model's prediction for an application: calibrated probabilities and the recommended label. */
export function predict(model: ModelJson, app: Application) {
  const x = FEATURES.map((id) => featuresOf(app)[id]);
  const probabilities = predictProba(model, x);
  const k = argmax(probabilities);
  return { x, probabilities, label: LABELS[k]!, k };
}

/* -------------------------------------------------------------------------------------------------
 * Counterfactuals
 * -----------------------------------------------------------------------------------------------*/

type Variant = {
  app: Application;
  from: string | number | boolean;
  to: string | number | boolean;
  size: number;
};

interface CounterfactualFeature {
  feature: FeatureId;
  actionableBy: 'applicant' | 'caseworker' | 'none';
  variants(app: Application, lang: Lang): Variant[];
}

/** Candidate single-feature changes, each list ordered from the smallest change up. */
const COUNTERFACTUAL_FEATURES: CounterfactualFeature[] = [
  {
    feature: 'missingDocuments',
    actionableBy: 'applicant',
    variants: (app) =>
      app.missing.length === 0
        ? []
        : app.missing.map((_, i) => ({
            app: { ...app, missing: app.missing.slice(i + 1) },
            from: app.missing.length,
            to: app.missing.length - i - 1,
            size: i + 1,
          })),
  },
  {
    feature: 'incomeMismatch',
    actionableBy: 'caseworker',
    variants: (app) =>
      app.incomeMismatch ? [{ app: { ...app, incomeMismatch: false }, from: true, to: false, size: 1 }] : [],
  },
  {
    feature: 'householdSize',
    actionableBy: 'none',
    variants: (app) =>
      [1, -1, 2, -2]
        .map((d) => app.householdSize + d)
        .filter((n) => n >= 1 && n <= 6)
        .map((n) => ({
          app: { ...app, householdSize: n },
          from: app.householdSize,
          to: n,
          size: Math.abs(n - app.householdSize),
        })),
  },
  {
    feature: 'incomeRatio',
    actionableBy: 'none',
    variants: (app, lang) =>
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 1 : -1) * 0.05 * (Math.floor(i / 2) + 1)).map(
        (d) => {
          const income = Math.max(0, Math.round(app.income * (1 + d)));
          return {
            app: { ...app, income },
            from: money(app.income, lang),
            to: money(income, lang),
            size: Math.abs(d),
          };
        },
      ),
  },
];

function counterfactualsOf(model: ModelJson, app: Application, lang: Lang) {
  const { k } = predict(model, app);
  const found: {
    feature: FeatureId;
    actionableBy: CounterfactualFeature['actionableBy'];
    v: Variant;
    outcome: Label;
  }[] = [];
  for (const cf of COUNTERFACTUAL_FEATURES) {
    for (const v of cf.variants(app, lang)) {
      const next = predict(model, v.app);
      if (next.k !== k) {
        found.push({ feature: cf.feature, actionableBy: cf.actionableBy, v, outcome: next.label });
        break; // the smallest change of this feature that flips the recommendation
      }
    }
  }
  return found.slice(0, 3).map((f) => ({
    id: `cf-${f.feature}`,
    changes: [{ feature: f.feature, label: FEATURE_LABELS[f.feature][lang], from: f.v.from, to: f.v.to }],
    outcome: f.outcome,
    actionableBy: f.actionableBy,
  }));
}

/* -------------------------------------------------------------------------------------------------
 * Recommendation
 * -----------------------------------------------------------------------------------------------*/

/** Builds the recommendation for one application, with every explanation part. */
export function recommend(model: ModelJson, app: Application, lang: Lang = 'de'): RecommendationInput {
  const { x, probabilities, label, k } = predict(model, app);
  const z = standardize(model, x);
  const T = model.temperature;
  const score = scores(model, z)[k]! / T;
  const items = FEATURES.map((id, j) => ({
    id,
    label: FEATURE_LABELS[id][lang],
    value: displayValue(id, app, lang),
    contribution: (model.weights[k]![j]! * z[j]!) / T,
  }));
  const contributionOf = (id: FeatureId) => items.find((i) => i.id === id)!.contribution;

  // Evidence: the case-file lines behind the features, with the stance the model gives them.
  const docs = documentsOf(app);
  const q = quoteLines(app);
  const quotes: { id: string; line: string | undefined; feature: FeatureId }[] = [
    { id: 'ev-income', line: q.income, feature: 'incomeRatio' },
    { id: 'ev-credit', line: q.credit, feature: 'incomeMismatch' },
    { id: 'ev-assets', line: q.assets, feature: 'assetsRatio' },
    { id: 'ev-rent', line: q.rent, feature: 'rentRatio' },
    { id: 'ev-missing', line: q.missing, feature: 'missingDocuments' },
    { id: 'ev-complete', line: q.complete, feature: 'missingDocuments' },
    { id: 'ev-household', line: q.household, feature: 'householdSize' },
  ];
  const evidence = quotes.flatMap(({ id, line, feature }) => {
    const where = line ? locate(docs, line) : undefined;
    if (!line || !where) return [];
    return [
      {
        id,
        stance: contributionOf(feature) >= 0 ? ('supports' as const) : ('contradicts' as const),
        quote: line,
        source: { document: where.doc.title, page: where.page },
        span: where.span,
      },
    ];
  });

  // Similar cases: nearest training cases in standardised feature space.
  const similarCases = model.prototypes
    .map((p) => {
      const pz = standardize(model, p.x);
      const d = Math.sqrt(pz.reduce((s, v, j) => s + (v - z[j]!) ** 2, 0));
      return { p, d };
    })
    .sort((a, b) => a.d - b.d || a.p.id.localeCompare(b.p.id))
    .slice(0, 3)
    .map(({ p, d }) => ({
      id: p.id,
      similarity: Math.round((1 / (1 + d)) * 1000) / 1000,
      summary:
        lang === 'de'
          ? `${p.x[3]} Pers., Einkommen ${pct(p.x[0]!, lang)} der Grenze, ${p.x[4]} fehlende Nachweise`
          : `${p.x[3]} persons, income ${pct(p.x[0]!, lang)} of the limit, ${p.x[4]} missing documents`,
      decision: OPTION_LABELS[p.label][lang],
    }));

  const m = model.metrics;
  const benefit = estimatedBenefit(app);
  const labelText = OPTION_LABELS[label][lang];
  return {
    kind: 'categorical',
    id: `${app.id}:${model.id}@${model.version}`,
    model: {
      id: model.id,
      version: model.version,
      name: lang === 'de' ? 'Wohngeld-Vorschlag (synthetisch)' : 'Housing-benefit advice (synthetic)',
    },
    options: LABELS.map((id, i) => ({
      id,
      label: OPTION_LABELS[id].en,
      labels: OPTION_LABELS[id],
      probability: probabilities[i]!,
    })),
    recommended: label,
    summary:
      lang === 'de'
        ? `Vorschlag: ${labelText}${label === 'approve' ? ` (geschätzt ${money(benefit, lang)} monatlich)` : ''}`
        : `Suggestion: ${labelText}${label === 'approve' ? ` (estimated ${money(benefit, lang)} per month)` : ''}`,
    calibration: {
      calibrated: true,
      dataset:
        lang === 'de'
          ? `Zurückgehaltene synthetische Anträge, n = ${model.training.test} (Temperatur auf weiteren ${model.training.calibration} angepasst)`
          : `Held-out synthetic applications, n = ${model.training.test} (temperature fitted on another ${model.training.calibration})`,
      evaluatedAt: model.evaluatedAt,
      method: lang === 'de' ? `Temperaturskalierung (T = ${T})` : `temperature scaling (T = ${T})`,
      ece: m.eceAfter,
      bins: model.reliability,
    },
    reasonCodes: REASON_CODES,
    explanation: {
      factors: {
        baseValue: model.bias[k]! / T,
        prediction: score,
        scale:
          lang === 'de'
            ? `Logit (kalibriert, ÷ T) von »${labelText}« in der Softmax über drei Optionen; Basis = Achsenabschnitt = durchschnittlicher Antrag`
            : `calibrated logit (÷ T) of "${labelText}" in the softmax over three options; base = intercept = an average application`,
        items,
      },
      counterfactuals: counterfactualsOf(model, app, lang),
      evidence,
      similarCases,
      modelFacts: {
        intendedUse:
          lang === 'de'
            ? 'Demonstration: Vorschlag zur Wohngeld-Anspruchsprüfung auf synthetischen Daten. Keine Rechtsberatung.'
            : 'Demonstration: a suggestion for a housing-benefit eligibility check, on synthetic data. Not legal advice.',
        limitations:
          lang === 'de'
            ? [
                'Synthetische Daten und vereinfachte Regeln, nicht die Werte des WoGG.',
                'Lineares Modell: „Einkommen ODER Vermögen zu hoch“ nur näherungsweise.',
              ]
            : [
                'Synthetic data and simplified rules, not the legal values of the WoGG.',
                'Linear model: "income OR assets too high" is only approximated.',
              ],
        failureModes:
          lang === 'de'
            ? ['Fälle knapp an der Einkommensgrenze', 'Hohes Vermögen bei niedrigem Einkommen']
            : ['Cases close to the income limit', 'High assets with low income'],
        subgroups: m.subgroups.map((s) => ({
          name: lang === 'de' ? `Haushaltsgröße ${s.name}` : `Household size ${s.name}`,
          n: s.n,
          accuracy: s.accuracy,
        })),
        trainingDataDate: model.evaluatedAt,
        overallAccuracy: m.accuracy,
      },
    },
  };
}

/** The recommendation's probability for each label, e.g. for tests. */
export const probabilitiesOf = (model: ModelJson, app: Application) =>
  softmax(scores(model, standardize(model, predict(model, app).x)), model.temperature);
