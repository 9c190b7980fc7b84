import * as z from 'zod/mini';

/*
 * The event contract `deliberate.event/1` (docs/contracts.md §3.1–3.2). Logs outlive code: these
 * schemas may gain optional fields and new event types, but a field that exists never changes
 * its meaning or type. `data` objects and the envelope accept unknown keys so that a reader of
 * an older version does not reject events written by a newer one.
 */

import { EVENT_SCHEMA_VERSION, EVENT_TYPES, OUTCOMES, type EventType } from './constants.ts';

export { EVENT_SCHEMA_VERSION, EVENT_TYPES, OUTCOMES, type EventType, type Outcome } from './constants.ts';

const hex64 = () => z.string().check(z.regex(/^[0-9a-f]{64}$/));
/** RFC 3339 in UTC with milliseconds, as produced by `Date.prototype.toISOString`. */
const timestamp = () => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/));
const unit = () => z.number().check(z.gte(0), z.lte(1));
const nonEmpty = () => z.string().check(z.minLength(1));

/* -------------------------------------------------------------------------------------------------
 * Parts
 * -----------------------------------------------------------------------------------------------*/

export const ActorSchema = z.looseObject({
  id: nonEmpty(),
  role: z.optional(z.string()),
});
export type Actor = z.infer<typeof ActorSchema>;

export const EventModelSchema = z.looseObject({
  id: nonEmpty(),
  version: nonEmpty(),
});

/** A decision's content: `label` for categorical decisions, `value` for numeric ones. */
export const DecisionValueSchema = z.looseObject({
  label: z.optional(z.string()),
  value: z.optional(z.number()),
});
export type DecisionValue = z.infer<typeof DecisionValueSchema>;

export const JudgementSchema = z.looseObject({
  label: z.optional(z.string()),
  value: z.optional(z.number()),
  /** The person's own confidence in their judgement, in [0, 1]. */
  confidence: z.optional(unit()),
});
export type Judgement = z.infer<typeof JudgementSchema>;

export const ShownRecommendationSchema = z.looseObject({
  label: z.optional(z.string()),
  value: z.optional(z.number()),
  /** The confidence of the recommendation; `null` when the AI reported none. */
  confidence: z.nullable(unit()),
  interval: z.optional(z.looseObject({ lo: z.number(), hi: z.number(), level: unit() })),
});
export type ShownRecommendation = z.infer<typeof ShownRecommendationSchema>;

export const ReasonSchema = z.looseObject({
  system: z.string(),
  code: nonEmpty(),
  display: z.string(),
});
export type Reason = z.infer<typeof ReasonSchema>;

/* -------------------------------------------------------------------------------------------------
 * Data per event type
 * -----------------------------------------------------------------------------------------------*/

export const DecisionOpenedDataSchema = z.looseObject({
  policy: z.looseObject({
    id: nonEmpty(),
    version: nonEmpty(),
    reveal: z.enum(['immediate', 'on-request', 'after-judgement']),
    justification: z.enum(['none', 'override', 'always']),
    minOwnTimeMs: z.number().check(z.gte(0)),
    arm: z.enum(['ai', 'no-ai']),
    audit: z.boolean(),
    /** Extension: the id of the policy rule that fired. */
    rule: z.optional(z.string()),
    /**
     * Extension: the confidence band the policy saw. Written by policies that chose the plan by
     * the AI's confidence (before `deliberate.default@2.0.0`); no longer logged, because the plan
     * may not depend on the AI's output. Since then the band is on `recommendation.revealed`
     * (`friction.band`).
     */
    band: z.optional(z.string()),
  }),
  stakes: z.string(),
  uiVariant: z.optional(z.string()),
  /** Extension: the recommendation was still being computed when the decision opened. */
  recommendationPending: z.optional(z.boolean()),
});

export const JudgementCommittedDataSchema = z.looseObject({
  judgement: JudgementSchema,
  rationale: z.optional(z.string()),
  /**
   * Hex SHA-256 over the RFC 8785 canonical JSON of `{ v: 2, decisionId, judgement, rationale,
   * salt }` (version 2), or of `{ decisionId, judgement, rationale }` (version 1: events without
   * `commitmentVersion`).
   */
  commitment: hex64(),
  /** Extension: the commitment rule, `2` (salted); absent on version-1 (unsalted) events. */
  commitmentVersion: z.optional(z.literal(2)),
  /**
   * Extension: the commitment's random salt, 32–128 lowercase hex digits. Logged only with the
   * verbatim rationale: when the rationale is redacted the salt is removed too, and the procedure
   * that kept both discloses them to prove the judgement.
   */
  salt: z.optional(z.string().check(z.regex(/^[0-9a-f]{32,128}$/))),
  /** Extension: ids of the checklist items the person confirmed. */
  checklist: z.optional(z.array(z.string())),
});

export const RecommendationRevealedDataSchema = z.looseObject({
  recommendation: ShownRecommendationSchema,
  display: z.looseObject({ format: nonEmpty(), text: z.string() }),
  /** Whether the person asked to see it (`on-request`), rather than it being shown automatically. */
  requested: z.boolean(),
  /**
   * Extension: the friction from the reveal on — the AI's confidence band (`high`, `medium`,
   * `low`, `uncalibrated`, `unknown`; readers accept others), the policy's after-reveal rule that
   * matched, if one did, and the justification rule that applies from now on.
   */
  friction: z.optional(
    z.looseObject({
      band: nonEmpty(),
      rule: z.optional(z.string()),
      justification: z.enum(['none', 'override', 'always']),
    }),
  ),
});

export const ExplanationViewedDataSchema = z.looseObject({
  panel: nonEmpty(),
  durationMs: z.number().check(z.gte(0)),
});

export const DecisionFinalizedDataSchema = z.looseObject({
  final: DecisionValueSchema,
  outcome: z.enum(OUTCOMES),
  reasons: z.array(ReasonSchema),
  comment: z.optional(z.string()),
  /** Time from `decision.opened` to this event. */
  durationMs: z.number().check(z.gte(0)),
  recommendation: z.optional(ShownRecommendationSchema),
  judgement: z.optional(JudgementSchema),
  /**
   * Extension: with outcome `without-ai`, why the AI was not available — `chosen`, `no-ai-arm`,
   * `no-recommendation`, `invalid-recommendation`, `recommendation-failed`,
   * `recommendation-timeout`, `ai-stopped` or `not-requested`. Readers accept other values.
   */
  withoutAi: z.optional(nonEmpty()),
});

export const DecisionAbandonedDataSchema = z.looseObject({
  stage: nonEmpty(),
});

export const AiStoppedDataSchema = z.looseObject({
  scope: nonEmpty(),
  reason: z.string(),
});

export const OutcomeRecordedDataSchema = z.looseObject({
  truth: DecisionValueSchema,
  source: nonEmpty(),
});

/** Extension: the recommendation given to the screen failed validation and was not shown. */
export const RecommendationInvalidDataSchema = z.looseObject({
  issues: z.array(
    z.looseObject({
      path: z.array(z.union([z.string(), z.number()])),
      code: z.string(),
      message: z.string(),
    }),
  ),
});

/**
 * Extension: the recommendation was still being computed when the decision opened, and then
 * failed (`rejected`) or did not arrive in time (`timeout`); the decision went on without the AI.
 */
export const RecommendationUnavailableDataSchema = z.looseObject({
  cause: nonEmpty(),
  message: z.optional(z.string()),
});

/**
 * Extension: a Deliberate component failed to render and showed its fallback. Logged so that an
 * evaluator can tell a decision made without the AI by choice from one made because the screen broke.
 */
export const UiErrorDataSchema = z.looseObject({
  component: nonEmpty(),
  message: z.string(),
});

/* -------------------------------------------------------------------------------------------------
 * Envelope
 * -----------------------------------------------------------------------------------------------*/

const draftFields = {
  schema: z.literal(EVENT_SCHEMA_VERSION),
  ts: timestamp(),
  decisionId: nonEmpty(),
  procedure: nonEmpty(),
  caseRef: nonEmpty(),
  actor: ActorSchema,
  model: z.optional(EventModelSchema),
};

const chainFields = {
  /** UUID v7; the idempotency key. */
  id: nonEmpty(),
  chain: nonEmpty(),
  seq: z.number().check(z.int(), z.gte(0)),
  prev: z.nullable(hex64()),
  hash: hex64(),
};

const types = {
  'decision.opened': DecisionOpenedDataSchema,
  'judgement.committed': JudgementCommittedDataSchema,
  'recommendation.revealed': RecommendationRevealedDataSchema,
  'recommendation.invalid': RecommendationInvalidDataSchema,
  'recommendation.unavailable': RecommendationUnavailableDataSchema,
  'explanation.viewed': ExplanationViewedDataSchema,
  'decision.finalized': DecisionFinalizedDataSchema,
  'decision.abandoned': DecisionAbandonedDataSchema,
  'ai.stopped': AiStoppedDataSchema,
  'outcome.recorded': OutcomeRecordedDataSchema,
  'ui.error': UiErrorDataSchema,
} as const satisfies Record<EventType, unknown>;

function variant<T extends EventType>(type: T, withChain: boolean) {
  return z.looseObject({
    ...draftFields,
    ...(withChain ? chainFields : {}),
    type: z.literal(type),
    data: types[type],
  });
}

function union(withChain: boolean) {
  return z.discriminatedUnion('type', [
    variant('decision.opened', withChain),
    variant('judgement.committed', withChain),
    variant('recommendation.revealed', withChain),
    variant('recommendation.invalid', withChain),
    variant('recommendation.unavailable', withChain),
    variant('explanation.viewed', withChain),
    variant('decision.finalized', withChain),
    variant('decision.abandoned', withChain),
    variant('ai.stopped', withChain),
    variant('outcome.recorded', withChain),
    variant('ui.error', withChain),
  ]);
}

/** An event as the decision protocol emits it, before the logger stamps and chains it. */
export const DecisionEventDraftSchema = union(false);
/** An event as it is stored: `deliberate.event/1` with id, chain position and hash. */
export const DeliberateEventSchema = union(true);

export type EventDataMap = { [K in EventType]: z.infer<(typeof types)[K]> };

interface DraftEnvelope<T extends EventType> {
  schema: typeof EVENT_SCHEMA_VERSION;
  type: T;
  ts: string;
  decisionId: string;
  procedure: string;
  caseRef: string;
  actor: Actor;
  model?: { id: string; version: string };
  data: EventDataMap[T];
}

export type DecisionEventDraft<T extends EventType = EventType> = {
  [K in T]: DraftEnvelope<K>;
}[T];

export type DeliberateEvent<T extends EventType = EventType> = {
  [K in T]: DraftEnvelope<K> & {
    id: string;
    chain: string;
    seq: number;
    prev: string | null;
    hash: string;
  };
}[T];

/**
 * Any stored event, including types this version of the contract does not know: the envelope is
 * checked, `data` only for being an object. Readers use it so that a log written by a newer
 * Deliberate is stored and counted rather than rejected (contracts are extended, never broken).
 */
export const StoredEnvelopeSchema = z.looseObject({
  ...draftFields,
  ...chainFields,
  type: z.string().check(z.regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/)),
  data: z.looseObject({}),
});

const knownTypes: ReadonlySet<string> = new Set(EVENT_TYPES);

/**
 * Validates a stored event: a known type against its full schema, an unknown (newer) type
 * against the envelope only.
 *
 * @example
 * const result = validateStoredEvent(JSON.parse(line));
 * if (!result.success) console.error(result.error.issues);
 */
export function validateStoredEvent(value: unknown) {
  const type = (value as { type?: unknown } | null)?.type;
  if (typeof type === 'string' && !knownTypes.has(type)) return StoredEnvelopeSchema.safeParse(value);
  return DeliberateEventSchema.safeParse(value);
}
