import * as z from 'zod/mini';

/*
 * The recommendation model. These schemas describe the *shape* of a recommendation; the
 * cross-field rules (probabilities sum to 1, the recommended option exists, the interval
 * contains its value, …) live in `parse.ts`, so that `parseRecommendation` can report every
 * problem at once instead of stopping at the first failing object.
 */

const finite = () => z.number();
const unit = () => z.number().check(z.gte(0), z.lte(1));
const nonEmpty = () => z.string().check(z.minLength(1));

/* -------------------------------------------------------------------------------------------------
 * Shared parts
 * -----------------------------------------------------------------------------------------------*/

/** A coded value, compatible with FHIR/CDS Hooks `Coding`. */
export const CodingSchema = z.object({
  system: z.string(),
  code: nonEmpty(),
  display: z.string(),
});
export type Coding = z.infer<typeof CodingSchema>;

/**
 * A reason a person can give for their decision. `display` is the fallback label; `labels`
 * carries translations by locale (`{ de: '…', en: '…' }`). A reason with `requiresComment`
 * (for example "other") cannot be submitted without free text.
 */
export const ReasonCodeSchema = z.object({
  system: z.string(),
  code: nonEmpty(),
  display: z.string(),
  labels: z.optional(z.record(z.string(), z.string())),
  requiresComment: z.optional(z.boolean()),
});
export type ReasonCode = z.infer<typeof ReasonCodeSchema>;

/** Which AI system produced the recommendation. Logged on every event. */
export const ModelIdentitySchema = z.object({
  id: nonEmpty(),
  version: nonEmpty(),
  name: z.optional(z.string()),
});
export type ModelIdentity = z.infer<typeof ModelIdentitySchema>;

/** One bin of a reliability diagram, measured on held-out data. */
export const ReliabilityBinSchema = z.object({
  lo: unit(),
  hi: unit(),
  n: z.number().check(z.int(), z.gte(0)),
  confidence: unit(),
  accuracy: unit(),
});
export type ReliabilityBin = z.infer<typeof ReliabilityBinSchema>;

/**
 * How far the confidence values can be trusted. `calibrated: false` (or no calibration
 * metadata at all) means the number must not be shown as a probability.
 */
export const CalibrationSchema = z.object({
  calibrated: z.boolean(),
  /** What the calibration was evaluated on, e.g. "held-out applications 2025, n = 4 000". */
  dataset: z.optional(z.string()),
  /** When it was evaluated (ISO date). */
  evaluatedAt: z.optional(z.string()),
  /** How, e.g. "isotonic regression", "Platt scaling". */
  method: z.optional(z.string()),
  ece: z.optional(unit()),
  bins: z.optional(z.array(ReliabilityBinSchema)),
});
export type Calibration = z.infer<typeof CalibrationSchema>;

/* -------------------------------------------------------------------------------------------------
 * Explanation payloads
 * -----------------------------------------------------------------------------------------------*/

/** One input's signed contribution to the prediction (e.g. a SHAP value). */
export const FactorSchema = z.object({
  id: nonEmpty(),
  label: nonEmpty(),
  /** The input's value in this case, as shown to the person. */
  value: z.optional(z.union([z.string(), finite(), z.boolean()])),
  contribution: finite(),
});
export type Factor = z.infer<typeof FactorSchema>;

export const FactorsSchema = z.object({
  /** The model's output before any factor is applied (the expected value). */
  baseValue: finite(),
  /** base + Σ contributions; checked against the factors when given. */
  prediction: z.optional(finite()),
  /** What the scale means, e.g. "log-odds of approve" or "probability of approve". */
  scale: z.optional(z.string()),
  items: z.array(FactorSchema),
});
export type Factors = z.infer<typeof FactorsSchema>;

export const CounterfactualChangeSchema = z.object({
  feature: nonEmpty(),
  label: nonEmpty(),
  from: z.union([z.string(), finite(), z.boolean()]),
  to: z.union([z.string(), finite(), z.boolean()]),
});

export const CounterfactualSchema = z.object({
  id: nonEmpty(),
  changes: z.array(CounterfactualChangeSchema).check(z.minLength(1)),
  /** The option the recommendation would change to. */
  outcome: nonEmpty(),
  /** Who could bring the change about: the applicant, the caseworker, or nobody. */
  actionableBy: z.optional(z.enum(['applicant', 'caseworker', 'none'])),
});
export type Counterfactual = z.infer<typeof CounterfactualSchema>;

export const SimilarCaseSchema = z.object({
  id: nonEmpty(),
  similarity: unit(),
  summary: z.optional(z.string()),
  /** The final human decision in that case (an option id or label). */
  decision: z.optional(z.string()),
  /** What turned out to be right, where known (appeal, audit, court). */
  truth: z.optional(z.string()),
});
export type SimilarCase = z.infer<typeof SimilarCaseSchema>;

export const EvidenceSourceSchema = z.object({
  document: nonEmpty(),
  page: z.optional(z.number().check(z.int(), z.gte(1))),
  paragraph: z.optional(z.string()),
  url: z.optional(z.string()),
});

export const EvidenceSchema = z.object({
  id: nonEmpty(),
  /** Whether the quotation supports or contradicts the recommendation. */
  stance: z.enum(['supports', 'contradicts']),
  quote: nonEmpty(),
  source: EvidenceSourceSchema,
  /** Character offsets of the quotation in the source text, where known. */
  span: z.optional(
    z.object({ start: z.number().check(z.int(), z.gte(0)), end: z.number().check(z.int(), z.gte(0)) }),
  ),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const SubgroupPerformanceSchema = z.object({
  name: nonEmpty(),
  n: z.number().check(z.int(), z.gte(0)),
  accuracy: unit(),
});

export const ModelFactsSchema = z.object({
  intendedUse: z.optional(z.string()),
  limitations: z.optional(z.array(z.string())),
  failureModes: z.optional(z.array(z.string())),
  subgroups: z.optional(z.array(SubgroupPerformanceSchema)),
  trainingDataDate: z.optional(z.string()),
  overallAccuracy: z.optional(unit()),
});
export type ModelFacts = z.infer<typeof ModelFactsSchema>;

export const ExplanationSchema = z.object({
  factors: z.optional(FactorsSchema),
  counterfactuals: z.optional(z.array(CounterfactualSchema)),
  similarCases: z.optional(z.array(SimilarCaseSchema)),
  evidence: z.optional(z.array(EvidenceSchema)),
  modelFacts: z.optional(ModelFactsSchema),
});
export type Explanation = z.infer<typeof ExplanationSchema>;

/* -------------------------------------------------------------------------------------------------
 * Recommendation kinds
 * -----------------------------------------------------------------------------------------------*/

export const OptionSchema = z.object({
  id: nonEmpty(),
  label: nonEmpty(),
  /** Translations of the label by locale. */
  labels: z.optional(z.record(z.string(), z.string())),
  probability: z.optional(unit()),
});
export type RecommendationOption = z.infer<typeof OptionSchema>;

export const IntervalSchema = z.object({
  lo: finite(),
  hi: finite(),
  /** Nominal coverage of the interval, e.g. 0.9 for a 90 % prediction interval. */
  level: z.number().check(z.gt(0), z.lt(1)),
});
export type PredictionInterval = z.infer<typeof IntervalSchema>;

const common = {
  /** A stable id of this recommendation (e.g. the CDS Hooks card uuid). */
  id: z.optional(z.string()),
  model: z.optional(ModelIdentitySchema),
  calibration: z.optional(CalibrationSchema),
  explanation: z.optional(ExplanationSchema),
  /** One line, shown as the recommendation's headline. */
  summary: z.optional(z.string()),
  /** Longer text; a safe markdown subset, never raw HTML. */
  detail: z.optional(z.string()),
  /** How urgent the advice claims to be (CDS Hooks `indicator`). */
  indicator: z.optional(z.enum(['info', 'warning', 'critical'])),
  /**
   * Who stands behind the advice (CDS Hooks `source`). The topic's `display` is optional, as in
   * CDS Hooks, where only override reasons must carry one.
   */
  source: z.optional(
    z.object({
      label: z.string(),
      url: z.optional(z.string()),
      icon: z.optional(z.string()),
      topic: z.optional(z.object({ system: z.string(), code: nonEmpty(), display: z.optional(z.string()) })),
    }),
  ),
  /** Reasons offered when the person deviates (CDS Hooks `overrideReasons`). */
  reasonCodes: z.optional(z.array(ReasonCodeSchema)),
};

/**
 * A choice among options. `confidence` is the probability of the recommended option; it may be
 * left out when the options carry probabilities (it is then taken from the recommended option),
 * and it is absent when the AI reports no confidence at all.
 */
export const CategoricalRecommendationSchema = z.object({
  kind: z.literal('categorical'),
  options: z.array(OptionSchema),
  recommended: nonEmpty(),
  confidence: z.optional(unit()),
  ...common,
});

/** A yes/no decision: exactly two options. */
export const BinaryRecommendationSchema = z.object({
  kind: z.literal('binary'),
  options: z.array(OptionSchema),
  recommended: nonEmpty(),
  confidence: z.optional(unit()),
  ...common,
});

/** A number with a prediction interval; `confidence` defaults to the interval's level. */
export const NumericRecommendationSchema = z.object({
  kind: z.literal('numeric'),
  value: finite(),
  unit: z.optional(z.string()),
  interval: IntervalSchema,
  confidence: z.optional(unit()),
  ...common,
});

/** An ordered list, best first; the first item is the recommendation. */
export const RankedRecommendationSchema = z.object({
  kind: z.literal('ranked'),
  options: z.array(OptionSchema),
  confidence: z.optional(unit()),
  ...common,
});

export const RecommendationSchema = z.discriminatedUnion('kind', [
  CategoricalRecommendationSchema,
  BinaryRecommendationSchema,
  NumericRecommendationSchema,
  RankedRecommendationSchema,
]);

export type RecommendationInput = z.input<typeof RecommendationSchema>;
export type CategoricalRecommendation = z.infer<typeof CategoricalRecommendationSchema>;
export type BinaryRecommendation = z.infer<typeof BinaryRecommendationSchema>;
export type NumericRecommendation = z.infer<typeof NumericRecommendationSchema>;
export type RankedRecommendation = z.infer<typeof RankedRecommendationSchema>;

/**
 * A validated recommendation. After `parseRecommendation`, `confidence` is filled in wherever
 * it can be derived (from the recommended option's probability, or the interval's level), and
 * `recommended` is set for ranked lists (the first item).
 */
export type Recommendation =
  | CategoricalRecommendation
  | BinaryRecommendation
  | NumericRecommendation
  | (RankedRecommendation & { recommended: string });

export type RecommendationKind = Recommendation['kind'];
