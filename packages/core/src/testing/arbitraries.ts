import fc from 'fast-check';
import type { DecisionOptions } from '../protocol/options.ts';
import type {
  Calibration,
  Counterfactual,
  Evidence,
  Explanation,
  Factors,
  ModelFacts,
  ModelIdentity,
  ReasonCode,
  RecommendationInput,
  ReliabilityBin,
  SimilarCase,
} from '../recommendation/schema.ts';

/*
 * fast-check arbitraries for valid recommendations. Test-only (this folder is excluded from the
 * build). Every value they produce must pass `parseRecommendation`; parse.test.ts checks that,
 * so other test files can rely on it.
 */

/** A short non-empty string (ids, labels, codes). */
export const arbitraryNonEmptyString = (): fc.Arbitrary<string> => fc.string({ minLength: 1, maxLength: 12 });

/** A finite double in a range where sums of a few dozen values stay far from rounding trouble. */
const arbitraryFinite = (bound = 1e6): fc.Arbitrary<number> =>
  fc.double({ min: -bound, max: bound, noNaN: true, noDefaultInfinity: true });

/** A double in [0, 1]. */
const arbitraryUnit = (): fc.Arbitrary<number> => fc.double({ min: 0, max: 1, noNaN: true });

/**
 * `n` probabilities in [0, 1] that sum to 1 within 1e-6. Built from integer weights so that no
 * draw is degenerate; the last one is `1 - sum(others)` (clamped at 0, because the others can
 * round to a hair above 1 when the last weight is 0).
 */
export function arbitraryProbabilities(n: number): fc.Arbitrary<number[]> {
  return fc
    .array(fc.nat({ max: 1000 }), { minLength: n, maxLength: n })
    .filter((weights) => weights.some((w) => w > 0))
    .map((weights) => {
      const total = weights.reduce((a, b) => a + b, 0);
      const head = weights.slice(0, -1).map((w) => w / total);
      const rest = head.reduce((a, b) => a + b, 0);
      return [...head, Math.max(0, 1 - rest)];
    });
}

/** Between `min` and `max` distinct option ids. */
const arbitraryOptionIds = (min: number, max: number): fc.Arbitrary<string[]> =>
  fc.uniqueArray(arbitraryNonEmptyString(), { minLength: min, maxLength: max });

const arbitraryLabels = (): fc.Arbitrary<Record<string, string>> =>
  fc.dictionary(fc.constantFrom('de', 'en', 'fr'), fc.string({ maxLength: 12 }), { maxKeys: 3 });

interface Option {
  id: string;
  label: string;
  labels?: Record<string, string>;
  probability?: number;
}

/** Options with the given ids, either all with probabilities or none. */
function arbitraryOptions(ids: string[]): fc.Arbitrary<Option[]> {
  const withoutProbabilities = fc.tuple(
    ...ids.map((id) =>
      fc.record(
        { id: fc.constant(id), label: arbitraryNonEmptyString(), labels: arbitraryLabels() },
        { requiredKeys: ['id', 'label'] },
      ),
    ),
  );
  return fc.oneof(
    withoutProbabilities,
    fc
      .tuple(withoutProbabilities, arbitraryProbabilities(ids.length))
      .map(([options, probabilities]) =>
        options.map((option, i) => ({ ...option, probability: probabilities[i] ?? 0 })),
      ),
  );
}

export const arbitraryModelIdentity = (): fc.Arbitrary<ModelIdentity> =>
  fc.record(
    { id: arbitraryNonEmptyString(), version: arbitraryNonEmptyString(), name: fc.string({ maxLength: 20 }) },
    { requiredKeys: ['id', 'version'] },
  );

const arbitraryReliabilityBin = (): fc.Arbitrary<ReliabilityBin> =>
  fc
    .tuple(arbitraryUnit(), arbitraryUnit(), arbitraryUnit(), fc.nat({ max: 5000 }), arbitraryUnit())
    .map(([a, b, c, n, accuracy]) => {
      const [lo = 0, confidence = 0, hi = 0] = [a, b, c].sort((x, y) => x - y);
      return { lo, hi, n, confidence, accuracy };
    });

export const arbitraryCalibration = (): fc.Arbitrary<Calibration> =>
  fc.record(
    {
      calibrated: fc.boolean(),
      dataset: fc.string({ maxLength: 30 }),
      evaluatedAt: fc.constantFrom('2025-01-31', '2024-11-02'),
      method: fc.constantFrom('isotonic regression', 'Platt scaling'),
      ece: arbitraryUnit(),
      bins: fc.array(arbitraryReliabilityBin(), { maxLength: 10 }),
    },
    { requiredKeys: ['calibrated'] },
  );

const arbitraryFeatureValue = (): fc.Arbitrary<string | number | boolean> =>
  fc.oneof(fc.string({ maxLength: 12 }), arbitraryFinite(), fc.boolean());

/** Factors whose `prediction`, when present, is exactly baseValue + Σ contributions. */
export const arbitraryFactors = (): fc.Arbitrary<Factors> =>
  fc
    .record(
      {
        baseValue: arbitraryFinite(100),
        items: fc.array(
          fc.record(
            {
              id: arbitraryNonEmptyString(),
              label: arbitraryNonEmptyString(),
              value: arbitraryFeatureValue(),
              contribution: arbitraryFinite(100),
            },
            { requiredKeys: ['id', 'label', 'contribution'] },
          ),
          { maxLength: 12 },
        ),
        scale: fc.constantFrom('log-odds of approve', 'probability of approve'),
      },
      { requiredKeys: ['baseValue', 'items'] },
    )
    .chain((factors) =>
      fc.boolean().map((withPrediction): Factors => {
        if (!withPrediction) return factors;
        // Same order of summation as parseRecommendation, so the check sees the exact number.
        const prediction =
          factors.baseValue + factors.items.reduce((sum, item) => sum + item.contribution, 0);
        return { ...factors, prediction };
      }),
    );

/** Counterfactuals whose outcomes name one of `outcomes` (option ids; any text for numeric). */
const arbitraryCounterfactual = (outcomes: fc.Arbitrary<string>): fc.Arbitrary<Counterfactual> =>
  fc.record(
    {
      id: arbitraryNonEmptyString(),
      changes: fc.array(
        fc.record({
          feature: arbitraryNonEmptyString(),
          label: arbitraryNonEmptyString(),
          from: arbitraryFeatureValue(),
          to: arbitraryFeatureValue(),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      outcome: outcomes,
      actionableBy: fc.constantFrom('applicant' as const, 'caseworker' as const, 'none' as const),
    },
    { requiredKeys: ['id', 'changes', 'outcome'] },
  );

const arbitrarySimilarCase = (): fc.Arbitrary<SimilarCase> =>
  fc.record(
    {
      id: arbitraryNonEmptyString(),
      similarity: arbitraryUnit(),
      summary: fc.string({ maxLength: 30 }),
      decision: fc.string({ maxLength: 12 }),
      truth: fc.string({ maxLength: 12 }),
    },
    { requiredKeys: ['id', 'similarity'] },
  );

const arbitraryEvidence = (): fc.Arbitrary<Evidence> =>
  fc.record(
    {
      id: arbitraryNonEmptyString(),
      stance: fc.constantFrom('supports' as const, 'contradicts' as const),
      quote: arbitraryNonEmptyString(),
      source: fc.record(
        {
          document: arbitraryNonEmptyString(),
          page: fc.integer({ min: 1, max: 500 }),
          paragraph: fc.string({ maxLength: 8 }),
          url: fc.webUrl(),
        },
        { requiredKeys: ['document'] },
      ),
      span: fc
        .tuple(fc.nat({ max: 10_000 }), fc.nat({ max: 10_000 }))
        .map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) })),
    },
    { requiredKeys: ['id', 'stance', 'quote', 'source'] },
  );

const arbitraryModelFacts = (): fc.Arbitrary<ModelFacts> =>
  fc.record(
    {
      intendedUse: fc.string({ maxLength: 30 }),
      limitations: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
      failureModes: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
      subgroups: fc.array(
        fc.record({ name: arbitraryNonEmptyString(), n: fc.nat({ max: 10_000 }), accuracy: arbitraryUnit() }),
        { maxLength: 4 },
      ),
      trainingDataDate: fc.constantFrom('2024-06', '2025-01-15'),
      overallAccuracy: arbitraryUnit(),
    },
    { requiredKeys: [] },
  );

/** An explanation whose counterfactual outcomes are drawn from `outcomes`. */
export const arbitraryExplanation = (
  outcomes: fc.Arbitrary<string> = arbitraryNonEmptyString(),
): fc.Arbitrary<Explanation> =>
  fc.record(
    {
      factors: arbitraryFactors(),
      counterfactuals: fc.array(arbitraryCounterfactual(outcomes), { maxLength: 3 }),
      similarCases: fc.array(arbitrarySimilarCase(), { maxLength: 3 }),
      evidence: fc.array(arbitraryEvidence(), { maxLength: 3 }),
      modelFacts: arbitraryModelFacts(),
    },
    { requiredKeys: [] },
  );

export const arbitraryReasonCode = (): fc.Arbitrary<ReasonCode> =>
  fc.record(
    {
      system: fc.constantFrom('https://example.org/reasons', 'urn:deliberate:reasons'),
      code: arbitraryNonEmptyString(),
      display: fc.string({ maxLength: 20 }),
      labels: arbitraryLabels(),
      requiresComment: fc.boolean(),
    },
    { requiredKeys: ['system', 'code', 'display'] },
  );

/** The optional fields every kind shares, apart from the explanation (which depends on the options). */
const arbitraryCommon = () =>
  fc.record(
    {
      id: fc.uuid(),
      model: arbitraryModelIdentity(),
      calibration: arbitraryCalibration(),
      summary: fc.string({ maxLength: 139 }),
      detail: fc.string({ maxLength: 60 }),
      indicator: fc.constantFrom('info' as const, 'warning' as const, 'critical' as const),
      source: fc.record(
        {
          label: fc.string({ maxLength: 20 }),
          url: fc.webUrl(),
          icon: fc.webUrl(),
          topic: fc.record(
            { system: fc.webUrl(), code: arbitraryNonEmptyString(), display: fc.string({ maxLength: 20 }) },
            { requiredKeys: ['system', 'code'] },
          ),
        },
        { requiredKeys: ['label'] },
      ),
      reasonCodes: fc.array(arbitraryReasonCode(), { maxLength: 4 }),
    },
    { requiredKeys: [] },
  );

const withExplanation = (outcomes: fc.Arbitrary<string>) =>
  fc.option(arbitraryExplanation(outcomes), { nil: undefined });

/** A categorical or binary recommendation: `recommended` is one of the options, `confidence` agrees with it. */
function arbitraryChoice(kind: 'categorical' | 'binary'): fc.Arbitrary<RecommendationInput> {
  const ids = kind === 'binary' ? arbitraryOptionIds(2, 2) : arbitraryOptionIds(1, 6);
  return ids.chain((optionIds) =>
    fc
      .tuple(
        arbitraryOptions(optionIds),
        fc.nat({ max: optionIds.length - 1 }),
        fc.boolean(),
        fc.option(arbitraryUnit(), { nil: undefined }),
        arbitraryCommon(),
        withExplanation(fc.constantFrom(...optionIds)),
      )
      .map(([options, index, statesConfidence, freeConfidence, common, explanation]) => {
        const recommended = options[index] ?? options[0];
        const rec: RecommendationInput = { kind, options, recommended: recommended?.id ?? '', ...common };
        // With probabilities, a stated confidence must equal the recommended option's; without,
        // any confidence (or none) is valid.
        const confidence =
          recommended?.probability !== undefined
            ? statesConfidence
              ? recommended.probability
              : undefined
            : freeConfidence;
        if (confidence !== undefined) rec.confidence = confidence;
        if (explanation !== undefined) rec.explanation = explanation;
        return rec;
      }),
  );
}

export const arbitraryCategoricalRecommendation = (): fc.Arbitrary<RecommendationInput> =>
  arbitraryChoice('categorical');

export const arbitraryBinaryRecommendation = (): fc.Arbitrary<RecommendationInput> =>
  arbitraryChoice('binary');

/** A ranked list, best first; `confidence`, when stated with probabilities, is the first option's. */
export const arbitraryRankedRecommendation = (): fc.Arbitrary<RecommendationInput> =>
  arbitraryOptionIds(1, 6).chain((optionIds) =>
    fc
      .tuple(
        arbitraryOptions(optionIds),
        fc.boolean(),
        fc.option(arbitraryUnit(), { nil: undefined }),
        arbitraryCommon(),
        withExplanation(fc.constantFrom(...optionIds)),
      )
      .map(([options, statesConfidence, freeConfidence, common, explanation]) => {
        const first = options[0];
        const rec: RecommendationInput = { kind: 'ranked', options, ...common };
        const confidence =
          first?.probability !== undefined
            ? statesConfidence
              ? first.probability
              : undefined
            : freeConfidence;
        if (confidence !== undefined) rec.confidence = confidence;
        if (explanation !== undefined) rec.explanation = explanation;
        return rec;
      }),
  );

/** A number inside its prediction interval, with or without a unit and an explicit confidence. */
export const arbitraryNumericRecommendation = (): fc.Arbitrary<RecommendationInput> =>
  fc
    .tuple(
      fc.tuple(arbitraryFinite(), arbitraryFinite(), arbitraryFinite()).map((xs) => xs.sort((a, b) => a - b)),
      fc.double({ min: 0, max: 1, minExcluded: true, maxExcluded: true, noNaN: true }),
      fc.option(fc.constantFrom('EUR', 'days', 'mg'), { nil: undefined }),
      fc.option(arbitraryUnit(), { nil: undefined }),
      arbitraryCommon(),
      withExplanation(arbitraryNonEmptyString()),
    )
    .map(([[lo = 0, value = 0, hi = 0], level, unit, confidence, common, explanation]) => {
      const rec: RecommendationInput = { kind: 'numeric', value, interval: { lo, hi, level }, ...common };
      if (unit !== undefined) rec.unit = unit;
      if (confidence !== undefined) rec.confidence = confidence;
      if (explanation !== undefined) rec.explanation = explanation;
      return rec;
    });

/**
 * Any valid recommendation input: all four kinds, with and without probabilities, confidence,
 * calibration, explanation payloads and the other optional parts. Every value passes
 * `parseRecommendation`.
 *
 * @example
 * fc.assert(fc.property(arbitraryRecommendation(), (input) => parseRecommendation(input).ok));
 */
export const arbitraryRecommendation = (): fc.Arbitrary<RecommendationInput> =>
  fc.oneof(
    arbitraryCategoricalRecommendation(),
    arbitraryBinaryRecommendation(),
    arbitraryNumericRecommendation(),
    arbitraryRankedRecommendation(),
  );

/* -------------------------------------------------------------------------------------------------
 * Commitment salts
 * -----------------------------------------------------------------------------------------------*/

const HEX_DIGIT = fc.constantFrom(...'0123456789abcdef');

/**
 * A valid judgement-commitment salt: 32 to 128 lowercase hex digits (the bounds included).
 *
 * @example
 * fc.property(arbitraryCommitmentSalt(), (salt) => decide(state, { ...commit, salt }, now).ok);
 */
export const arbitraryCommitmentSalt = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: HEX_DIGIT, minLength: 32, maxLength: 128 }),
    fc.constantFrom(32, 128).chain((n) => fc.string({ unit: HEX_DIGIT, minLength: n, maxLength: n })),
  );

/**
 * A salt the protocol must refuse: too short, too long, upper-case or non-hex digits, empty, or
 * not a string.
 *
 * @example
 * fc.property(arbitraryInvalidCommitmentSalt(), (salt) => !decide(state, { ...commit, salt }, now).ok);
 */
export const arbitraryInvalidCommitmentSalt = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.string({ unit: HEX_DIGIT, maxLength: 31 }),
    fc.string({ unit: HEX_DIGIT, minLength: 129, maxLength: 160 }),
    fc
      .tuple(
        fc.string({ unit: HEX_DIGIT, minLength: 32, maxLength: 64 }),
        fc.constantFrom('A', 'F', 'g', 'z', ' ', '-', 'é'),
        fc.nat(),
      )
      .map(([hex, bad, at]) => {
        const i = at % hex.length;
        return `${hex.slice(0, i)}${bad}${hex.slice(i + 1)}`;
      }),
    fc.constantFrom(null, 42, {}, ['00'.repeat(16)]),
  );

/* -------------------------------------------------------------------------------------------------
 * Decision options (the procedure's decision space)
 * -----------------------------------------------------------------------------------------------*/

/** A short string with at least one non-blank character (option ids and labels). */
const arbitraryNonBlankString = (): fc.Arbitrary<string> =>
  arbitraryNonEmptyString().filter((text) => text.trim() !== '');

/**
 * A procedure's choice between 2 to `maxOptions` options with distinct ids, some with
 * translations. Every value passes `parseDecisionOptions` unchanged.
 *
 * @example
 * fc.property(arbitraryChoiceOptions(), (options) => parseDecisionOptions(options).ok);
 */
export const arbitraryChoiceOptions = (maxOptions = 6): fc.Arbitrary<DecisionOptions> =>
  fc
    .uniqueArray(arbitraryNonBlankString(), { minLength: 2, maxLength: maxOptions })
    .chain((ids) =>
      fc.tuple(
        ...ids.map((id) =>
          fc.record(
            { id: fc.constant(id), label: arbitraryNonBlankString(), labels: arbitraryLabels() },
            { requiredKeys: ['id', 'label'] },
          ),
        ),
      ),
    )
    .map((options): DecisionOptions => ({ kind: 'choice', options }));

/**
 * A procedure's amount: an optional unit, an optional range (`min ≤ max`, either end may be open)
 * and an optional positive step. Absent parts are left out, not `undefined`. Every value passes
 * `parseDecisionOptions` unchanged.
 *
 * @example
 * fc.property(arbitraryNumericOptions(), (options) => parseDecisionOptions(options).ok);
 */
export const arbitraryNumericOptions = (): fc.Arbitrary<DecisionOptions> =>
  fc
    .record({
      unit: fc.option(fc.constantFrom('EUR', 'days', '€ / Monat'), { nil: undefined }),
      // `+ 0` turns -0 into 0, which is what the parser keeps (JSON cannot carry -0).
      bounds: fc
        .tuple(arbitraryFinite(), arbitraryFinite())
        .map(([a, b]) => (a <= b ? [a + 0, b + 0] : [b + 0, a + 0])),
      ends: fc.constantFrom('both', 'min', 'max', 'none'),
      step: fc.option(fc.double({ min: 1e-6, max: 1000, noNaN: true }), { nil: undefined }),
    })
    .map(({ unit, bounds: [lo = 0, hi = 0], ends, step }): DecisionOptions => ({
      kind: 'numeric',
      ...(unit === undefined ? {} : { unit }),
      ...(ends === 'both' || ends === 'min' ? { min: lo } : {}),
      ...(ends === 'both' || ends === 'max' ? { max: hi } : {}),
      ...(step === undefined ? {} : { step }),
    }));

/**
 * Any valid decision options, choice or numeric.
 *
 * @example
 * fc.property(arbitraryDecisionOptions(), (options) => initDecision(makeInit({ options }), T0));
 */
export const arbitraryDecisionOptions = (): fc.Arbitrary<DecisionOptions> =>
  fc.oneof(arbitraryChoiceOptions(), arbitraryNumericOptions());
