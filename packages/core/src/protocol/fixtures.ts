import type { FrictionPlan } from '../policy/types.ts';
import type {
  BinaryRecommendation,
  CategoricalRecommendation,
  NumericRecommendation,
  RankedRecommendation,
  Recommendation,
} from '../recommendation/schema.ts';
import type { DecisionOptions } from './options.ts';
import type { DecisionInit, ReasonInput } from './types.ts';

/*
 * Hand-built, already normalized recommendations and plans for tests and stories. They do not
 * go through `parseRecommendation` or `resolvePolicy` on purpose: the protocol's tests should
 * fail only when the protocol is wrong.
 */

/**
 * A fixed opening time (2025-01-01T00:00:00.000Z), so event timestamps in tests are readable.
 *
 * @example
 * initDecision(makeInit(), T0).events[0]?.ts; // '2025-01-01T00:00:00.000Z'
 */
export const T0 = Date.UTC(2025, 0, 1);

/**
 * A fixed commitment salt (64 hex digits), so that commitments in tests are reproducible. Real
 * commits get a fresh random salt from `createDecisionStore` (or `createCommitmentSalt`).
 *
 * @example
 * decide(state, { type: 'commit', judgement: { label: 'approve' }, salt: SALT }, T0);
 */
export const SALT = '5eed'.repeat(16);

/**
 * Housing benefit eligibility: approve (recommended, 0.82), reject, refer.
 *
 * @example
 * makeInit({ recommendation: categoricalRecommendation });
 */
export const categoricalRecommendation: CategoricalRecommendation = {
  kind: 'categorical',
  id: 'rec-cat-1',
  model: { id: 'eligibility-gbm', version: '2.3.1', name: 'Eligibility model' },
  options: [
    { id: 'approve', label: 'Approve', probability: 0.82 },
    { id: 'reject', label: 'Reject', probability: 0.13 },
    { id: 'refer', label: 'Refer to supervisor', probability: 0.05 },
  ],
  recommended: 'approve',
  confidence: 0.82,
  calibration: { calibrated: true },
  reasonCodes: [
    { system: 'urn:deliberate:reasons', code: 'missing-evidence', display: 'Evidence missing' },
    { system: 'urn:deliberate:reasons', code: 'other', display: 'Other', requiresComment: true },
  ],
};

/**
 * The same decision with no confidence reported by the AI.
 *
 * @example
 * makeInit({ recommendation: noConfidenceRecommendation });
 */
export const noConfidenceRecommendation: CategoricalRecommendation = {
  kind: 'categorical',
  model: { id: 'eligibility-rules', version: '1.0.0' },
  options: [
    { id: 'approve', label: 'Approve' },
    { id: 'reject', label: 'Reject' },
  ],
  recommended: 'reject',
};

/**
 * A yes/no fraud flag: `no` recommended with 0.91.
 *
 * @example
 * makeInit({ recommendation: binaryRecommendation });
 */
export const binaryRecommendation: BinaryRecommendation = {
  kind: 'binary',
  model: { id: 'fraud-flag', version: '0.9.0' },
  options: [
    { id: 'yes', label: 'Flag for review', probability: 0.09 },
    { id: 'no', label: 'Do not flag', probability: 0.91 },
  ],
  recommended: 'no',
  confidence: 0.91,
};

/**
 * A monthly benefit amount: 412.5 € with a 90 % interval [380, 450].
 *
 * @example
 * makeInit({ recommendation: numericRecommendation });
 */
export const numericRecommendation: NumericRecommendation = {
  kind: 'numeric',
  model: { id: 'amount-regressor', version: '4.0.0' },
  value: 412.5,
  unit: 'EUR',
  interval: { lo: 380, hi: 450, level: 0.9 },
  confidence: 0.9,
};

/**
 * A ranked list of measures, best first: `course-a` is the recommendation.
 *
 * @example
 * makeInit({ recommendation: rankedRecommendation });
 */
export const rankedRecommendation: RankedRecommendation & { recommended: string } = {
  kind: 'ranked',
  model: { id: 'measure-ranker', version: '1.2.0' },
  options: [
    { id: 'course-a', label: 'Course A', probability: 0.5 },
    { id: 'course-b', label: 'Course B', probability: 0.3 },
    { id: 'coaching', label: 'Coaching', probability: 0.2 },
  ],
  recommended: 'course-a',
  confidence: 0.5,
};

/**
 * Every recommendation fixture by name, for tests that run over all kinds.
 *
 * @example
 * for (const [name, rec] of Object.entries(recommendations)) test(name, rec);
 */
export const recommendations: Record<string, Recommendation> = {
  categorical: categoricalRecommendation,
  noConfidence: noConfidenceRecommendation,
  binary: binaryRecommendation,
  numeric: numericRecommendation,
  ranked: rankedRecommendation,
};

/**
 * The procedure's own decision space for the eligibility decision, in the procedure's order: the
 * three options the categorical recommendation names and `request-documents`, which the AI never
 * recommends.
 *
 * @example
 * makeInit({ options: eligibilityOptions });
 */
export const eligibilityOptions: DecisionOptions = {
  kind: 'choice',
  options: [
    { id: 'approve', label: 'Approve', labels: { de: 'Bewilligen', en: 'Approve' } },
    { id: 'reject', label: 'Reject', labels: { de: 'Ablehnen', en: 'Reject' } },
    {
      id: 'refer',
      label: 'Refer to supervisor',
      labels: { de: 'An die Vorgesetzte abgeben', en: 'Refer to supervisor' },
    },
    {
      id: 'request-documents',
      label: 'Request documents',
      labels: { de: 'Unterlagen nachfordern', en: 'Request documents' },
    },
  ],
};

/**
 * The procedure's options for the fraud flag (binary), `no` first.
 *
 * @example
 * makeInit({ recommendation: binaryRecommendation, options: fraudFlagOptions });
 */
export const fraudFlagOptions: DecisionOptions = {
  kind: 'choice',
  options: [
    { id: 'no', label: 'Do not flag', labels: { de: 'Nicht markieren', en: 'Do not flag' } },
    { id: 'yes', label: 'Flag for review', labels: { de: 'Zur Prüfung markieren', en: 'Flag for review' } },
  ],
};

/**
 * The procedure's measures, alphabetically (not in the AI's ranking), including `job-fair`, which
 * the ranked recommendation does not list.
 *
 * @example
 * makeInit({ recommendation: rankedRecommendation, options: measureOptions });
 */
export const measureOptions: DecisionOptions = {
  kind: 'choice',
  options: [
    { id: 'coaching', label: 'Coaching', labels: { de: 'Coaching', en: 'Coaching' } },
    { id: 'course-a', label: 'Course A', labels: { de: 'Kurs A', en: 'Course A' } },
    { id: 'course-b', label: 'Course B', labels: { de: 'Kurs B', en: 'Course B' } },
    { id: 'job-fair', label: 'Job fair', labels: { de: 'Jobmesse', en: 'Job fair' } },
  ],
};

/**
 * The procedure's range for the monthly benefit amount: 0–2000 EUR in cents.
 *
 * @example
 * makeInit({ recommendation: numericRecommendation, options: amountOptions });
 */
export const amountOptions: DecisionOptions = { kind: 'numeric', unit: 'EUR', min: 0, max: 2000, step: 0.01 };

/**
 * Every options fixture by name, for tests that run over all of them.
 *
 * @example
 * for (const [name, options] of Object.entries(decisionOptionSets)) test(name, options);
 */
export const decisionOptionSets: Record<string, DecisionOptions> = {
  eligibility: eligibilityOptions,
  fraudFlag: fraudFlagOptions,
  measures: measureOptions,
  amount: amountOptions,
};

/**
 * A friction plan: judge first, justify deviations, no minimum time, no checklist, AI arm.
 *
 * @example
 * makePlan({ reveal: 'on-request', minOwnTimeMs: 30_000 });
 */
export function makePlan(overrides: Partial<FrictionPlan> = {}): FrictionPlan {
  return {
    policyId: 'test-policy',
    policyVersion: '1',
    rule: 'default',
    stakes: 'high',
    band: 'high',
    arm: 'ai',
    audit: false,
    reveal: 'after-judgement',
    justification: 'override',
    minOwnTimeMs: 0,
    checklist: [],
    ...overrides,
  };
}

/**
 * A two-item checklist for plans that ask the person to confirm their checks.
 *
 * @example
 * makePlan({ checklist });
 */
export const checklist: FrictionPlan['checklist'] = [
  { id: 'income', label: { en: 'Income documents checked', de: 'Einkommensnachweise geprüft' } },
  { id: 'rent', label: { en: 'Rent contract checked', de: 'Mietvertrag geprüft' } },
];

/**
 * A decision init with the categorical recommendation and `makePlan()`.
 *
 * @example
 * initDecision(makeInit({ plan: makePlan({ arm: 'no-ai' }) }), T0);
 */
export function makeInit(overrides: Partial<DecisionInit> = {}): DecisionInit {
  return {
    decisionId: 'dec-1',
    procedure: 'housing-benefit.eligibility',
    caseRef: 'case-7f3a',
    actor: { id: 'actor-17', role: 'caseworker' },
    recommendation: categoricalRecommendation,
    plan: makePlan(),
    ...overrides,
  };
}

/**
 * Coded reasons for final decisions.
 *
 * @example
 * dispatch({ type: 'finalize', final: { label: 'reject' }, reasons: [reasons.missingEvidence] });
 */
export const reasons = {
  missingEvidence: {
    system: 'urn:deliberate:reasons',
    code: 'missing-evidence',
    display: 'Evidence missing',
  },
  other: { system: 'urn:deliberate:reasons', code: 'other', display: 'Other' },
  otherNoComment: {
    system: 'urn:deliberate:reasons',
    code: 'other',
    display: 'Other',
    requiresComment: false,
  },
  needsComment: {
    system: 'urn:deliberate:reasons',
    code: 'hardship',
    display: 'Hardship',
    requiresComment: true,
  },
} satisfies Record<string, ReasonInput>;
