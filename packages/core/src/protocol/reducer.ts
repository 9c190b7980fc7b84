import type { DecisionEventDraft, EventDataMap, EventType, ShownRecommendation } from '../events/schema.ts';
import { EVENT_SCHEMA_VERSION } from '../events/constants.ts';
import { FREE_TEXT_MAX_LENGTH } from '../events/limits.ts';
import { adaptPlanAfterReveal } from '../policy/after-reveal.ts';
import type { FrictionPlan } from '../policy/types.ts';
import type { Recommendation } from '../recommendation/schema.ts';
import { isCommitmentSalt, judgementCommitment } from './commitment.ts';
import {
  optionsFromRecommendation,
  parseDecisionOptions,
  recommendationFitsOptions,
  type DecisionOptions,
} from './options.ts';
import {
  classifyOutcome,
  decisionOptions,
  intentFits,
  reasonNeedsComment,
  recommendedLabel,
  withoutAiCauseOf,
} from './rules.ts';
import { guardAction } from './selectors.ts';
import type {
  CommitAction,
  DecisionAction,
  DecisionActionType,
  DecisionInit,
  DecisionState,
  DraftAction,
  FinalInput,
  FinalizeAction,
  FinalizeIntent,
  FinalRecord,
  JudgementInput,
  ProtocolError,
  ProtocolErrorCode,
  ProtocolResult,
  RecommendationFailedAction,
  RecommendationReceivedAction,
  RevealAction,
  StopAiAction,
  ViewExplanationAction,
} from './types.ts';
import { DECISION_ACTION_TYPES, ProtocolViolation } from './types.ts';

/*
 * The decision protocol as a pure reducer: `decide(state, action, now)` returns the next state
 * and the events that record the step, or the unchanged state and a `ProtocolError`. It never
 * throws for an illegal action and never ignores one silently, so a UI bug shows up as an error
 * rather than as a log that claims something that did not happen.
 *
 * Order of checks, for every action: the clock, the action's shape, then `guardAction` (state
 * and time — the same answer `allowedActions` gives a UI), then the payload.
 */

/* -------------------------------------------------------------------------------------------------
 * Small helpers
 * -----------------------------------------------------------------------------------------------*/

// `toISOString` throws outside ±8.64e15 and writes years after 9999 as `+010000-…`, which the
// event contract's timestamp pattern rejects; so only epoch ms in [0, end of year 9999] are times.
const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

function isTime(now: unknown): now is number {
  return typeof now === 'number' && Number.isFinite(now) && now >= 0 && now <= MAX_TIME;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** The message for free text over {@link FREE_TEXT_MAX_LENGTH}. */
function tooLong(field: string): string {
  return `The ${field} is longer than ${FREE_TEXT_MAX_LENGTH} characters.`;
}

/** -0 becomes 0: JSON cannot carry -0, and a persisted state must equal the live one. */
function plainNumber(n: number): number {
  return n === 0 ? 0 : n;
}

const ACTION_TYPES = new Set<string>(DECISION_ACTION_TYPES);
const INTENTS: readonly FinalizeIntent[] = ['accept', 'modify', 'override'];

function error(
  state: DecisionState,
  action: string,
  code: ProtocolErrorCode,
  message: string,
  details?: Record<string, unknown>,
): ProtocolError {
  return details === undefined
    ? { code, message, state: state.status, action }
    : { code, message, state: state.status, action, details };
}

function reject(state: DecisionState, err: ProtocolError): ProtocolResult {
  return { ok: false, state, events: [], error: err };
}

function accept(state: DecisionState, events: DecisionEventDraft[]): ProtocolResult {
  return { ok: true, state, events };
}

/** A shallow copy without `keys` (absent, not `undefined`: the state stays plain JSON). */
function without<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

function makeEvent<T extends EventType>(
  state: Pick<DecisionState, 'decisionId' | 'procedure' | 'caseRef' | 'actor' | 'model'>,
  type: T,
  now: number,
  data: EventDataMap[T],
): DecisionEventDraft<T> {
  const envelope = {
    schema: EVENT_SCHEMA_VERSION,
    type,
    ts: new Date(now).toISOString(),
    decisionId: state.decisionId,
    procedure: state.procedure,
    caseRef: state.caseRef,
    actor: { ...state.actor },
    ...(state.model === undefined ? {} : { model: { ...state.model } }),
    data,
  };
  return envelope as DecisionEventDraft<T>;
}

/* -------------------------------------------------------------------------------------------------
 * Judgements, final decisions and outcomes
 * -----------------------------------------------------------------------------------------------*/

type Checked<T> = { ok: true; value: T } | { ok: false; message: string; details?: Record<string, unknown> };

/**
 * Checks a judgement or final decision against the decision space (`decisionOptions`): `label`
 * (an option id) for choices, a finite `value` in the procedure's range for amounts. `closed`
 * says whether the label must be one of the options: always with the procedure's options; with
 * the recommendation's, not for ranked lists, which may not contain every candidate. `partial`
 * (drafts) allows a missing label/value.
 */
function checkValue(
  space: DecisionOptions | null,
  input: unknown,
  what: 'judgement' | 'final decision',
  options: { partial: boolean; confidence: boolean; closed: boolean },
): Checked<JudgementInput> {
  if (!isRecord(input))
    return { ok: false, message: `The ${what} must be an object with a label or a value.` };
  const { label, value, confidence } = input;
  const out: JudgementInput = {};
  if (label !== undefined) {
    if (!isNonEmptyString(label))
      return { ok: false, message: `The ${what}'s label must be a non-empty string.` };
    out.label = label;
  }
  if (value !== undefined) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return {
        ok: false,
        message: `The ${what}'s value must be a finite number.`,
        details: { value: String(value) },
      };
    }
    out.value = plainNumber(value);
  }
  if (options.confidence && confidence !== undefined) {
    if (typeof confidence !== 'number' || !Number.isFinite(confidence) || confidence < 0 || confidence > 1) {
      return { ok: false, message: `The ${what}'s confidence must be a number between 0 and 1.` };
    }
    out.confidence = plainNumber(confidence);
  }

  if (space === null) {
    if (!options.partial && out.label === undefined && out.value === undefined) {
      return { ok: false, message: `The ${what} needs a label or a value.` };
    }
    return { ok: true, value: out };
  }
  if (space.kind === 'numeric') {
    if (out.label !== undefined) {
      return {
        ok: false,
        message: `A numeric ${what} takes a value, not a label.`,
        details: { label: out.label },
      };
    }
    if (!options.partial && out.value === undefined) {
      return { ok: false, message: `The ${what} needs a value.` };
    }
    const { min, max } = space;
    if (
      out.value !== undefined &&
      ((min !== undefined && out.value < min) || (max !== undefined && out.value > max))
    ) {
      return {
        ok: false,
        message: `The ${what}'s value ${out.value} lies outside the procedure's range (${min ?? '−∞'} to ${max ?? '∞'}).`,
        details: {
          value: out.value,
          ...(min === undefined ? {} : { min }),
          ...(max === undefined ? {} : { max }),
        },
      };
    }
    return { ok: true, value: out };
  }
  if (out.value !== undefined) {
    return { ok: false, message: `A ${what} between options takes a label (an option id), not a value.` };
  }
  if (!options.partial && out.label === undefined) {
    return { ok: false, message: `The ${what} needs a label (one of the options).` };
  }
  if (out.label !== undefined && options.closed && !space.options.some((o) => o.id === out.label)) {
    const ids = space.options.map((o) => o.id);
    return {
      ok: false,
      message: `"${out.label}" is not one of the options (${ids.join(', ')}).`,
      details: { label: out.label, options: ids },
    };
  }
  return { ok: true, value: out };
}

/** The space to check against, and whether a label outside its options is refused. */
function spaceOf(state: DecisionState): { space: DecisionOptions | null; closed: boolean } {
  const space = decisionOptions(state);
  const closed = state.options !== undefined || state.recommendation?.kind !== 'ranked';
  return { space, closed };
}

function copyShown(shown: ShownRecommendation): ShownRecommendation {
  const { interval, ...rest } = shown;
  return interval === undefined ? { ...rest } : { ...rest, interval: { ...interval } };
}

function shownRecommendation(rec: Recommendation): ShownRecommendation {
  const confidence = rec.confidence === undefined ? null : rec.confidence;
  if (rec.kind === 'numeric') {
    const { lo, hi, level } = rec.interval;
    return { value: rec.value, confidence, interval: { lo, hi, level } };
  }
  const label = recommendedLabel(rec);
  return label === undefined ? { confidence } : { label, confidence };
}

/* -------------------------------------------------------------------------------------------------
 * Initialisation
 * -----------------------------------------------------------------------------------------------*/

function initProblem(init: DecisionInit, now: unknown): string | null {
  if (!isTime(now)) return 'The clock gave no valid time (epoch milliseconds).';
  if (!isRecord(init)) return 'The decision init must be an object.';
  for (const key of ['decisionId', 'procedure', 'caseRef'] as const) {
    if (!isNonEmptyString(init[key])) return `init.${key} must be a non-empty string.`;
  }
  if (!isRecord(init.actor) || !isNonEmptyString(init.actor.id))
    return 'init.actor.id must be a non-empty string.';
  if (init.actor.role !== undefined && typeof init.actor.role !== 'string')
    return 'init.actor.role must be a string.';
  if (init.uiVariant !== undefined && typeof init.uiVariant !== 'string')
    return 'init.uiVariant must be a string.';
  const rec: unknown = init.recommendation;
  if (
    rec !== null &&
    !(isRecord(rec) && ['categorical', 'binary', 'numeric', 'ranked'].includes(String(rec.kind)))
  ) {
    return 'init.recommendation must be a validated recommendation or null.';
  }
  if (init.recommendationPending !== undefined && typeof init.recommendationPending !== 'boolean')
    return 'init.recommendationPending must be a boolean.';
  if (init.recommendationPending === true && rec !== null)
    return 'init.recommendation must be null while init.recommendationPending is true.';
  if (init.options !== undefined) {
    const parsed = parseDecisionOptions(init.options);
    if (!parsed.ok) {
      const first = parsed.issues[0];
      return `init.options is invalid: ${first?.message ?? 'unreadable'} (at ${['options', ...(first?.path ?? [])].join('.')}).`;
    }
  }
  return planProblem(init.plan);
}

function planProblem(plan: FrictionPlan): string | null {
  if (!isRecord(plan)) return 'init.plan must be a friction plan.';
  if (!isNonEmptyString(plan.policyId) || !isNonEmptyString(plan.policyVersion)) {
    return 'init.plan needs a policyId and a policyVersion.';
  }
  if (!['immediate', 'on-request', 'after-judgement'].includes(plan.reveal))
    return 'init.plan.reveal is unknown.';
  if (!['none', 'override', 'always'].includes(plan.justification))
    return 'init.plan.justification is unknown.';
  if (typeof plan.minOwnTimeMs !== 'number' || !Number.isFinite(plan.minOwnTimeMs) || plan.minOwnTimeMs < 0) {
    return 'init.plan.minOwnTimeMs must be a finite number ≥ 0.';
  }
  if (plan.arm !== 'ai' && plan.arm !== 'no-ai') return 'init.plan.arm must be "ai" or "no-ai".';
  if (typeof plan.audit !== 'boolean') return 'init.plan.audit must be a boolean.';
  if (
    !Array.isArray(plan.checklist) ||
    !plan.checklist.every((item) => isRecord(item) && isNonEmptyString(item.id))
  ) {
    return 'init.plan.checklist must be a list of items with ids.';
  }
  return null;
}

/**
 * Opens a decision: the initial state and its events — `decision.opened`, then
 * `recommendation.invalid` when the recommendation is `null` and `recommendationIssues` says why.
 * The state is `opened`, or `without-ai` in the no-AI arm or without a recommendation.
 *
 * Throws a `ProtocolViolation` (code `invalid-input`) for a malformed init or clock: that is a
 * programming error in the host, not an action a person took.
 *
 * @example
 * const { state, events } = initDecision({ decisionId: 'd-1', procedure: 'p', caseRef: 'c',
 *   actor: { id: 'a' }, recommendation, plan }, Date.now());
 */
export function initDecision(
  init: DecisionInit,
  now: number,
): { state: DecisionState; events: DecisionEventDraft[] } {
  const problem = initProblem(init, now);
  if (problem !== null) {
    throw new ProtocolViolation({ code: 'invalid-input', message: problem, state: 'opened', action: 'init' });
  }
  const { plan } = init;
  const options =
    init.options === undefined
      ? undefined
      : (parseDecisionOptions(init.options) as { ok: true; value: DecisionOptions }).value;
  // A recommendation that names what the procedure does not offer is invalid: it is not shown,
  // and the person decides with the procedure's options.
  let recommendation = init.recommendation;
  let issues = init.recommendationIssues ?? [];
  if (recommendation !== null && options !== undefined) {
    const misfit = recommendationFitsOptions(recommendation, options);
    if (misfit.length > 0) {
      recommendation = null;
      issues = misfit;
    }
  }
  const pending = init.recommendationPending === true && plan.arm === 'ai';
  const actor =
    init.actor.role === undefined ? { id: init.actor.id } : { id: init.actor.id, role: init.actor.role };
  const model = recommendation?.model;
  const cause =
    plan.arm === 'no-ai'
      ? 'no-ai-arm'
      : pending
        ? null
        : recommendation === null
          ? issues.length > 0
            ? 'invalid-recommendation'
            : 'no-recommendation'
          : null;

  const state: DecisionState = {
    status: cause === null ? 'opened' : 'without-ai',
    decisionId: init.decisionId,
    procedure: init.procedure,
    caseRef: init.caseRef,
    actor,
    ...(model === undefined ? {} : { model: { id: model.id, version: model.version } }),
    recommendation,
    ...(options === undefined ? {} : { options }),
    ...(pending ? { awaiting: { since: now } } : {}),
    plan,
    ...(init.uiVariant === undefined ? {} : { uiVariant: init.uiVariant }),
    openedAt: now,
    panelsViewed: [],
    ...(cause === null ? {} : { withoutAi: { cause, at: now } }),
  };

  const events: DecisionEventDraft[] = [
    makeEvent(state, 'decision.opened', now, {
      policy: {
        id: plan.policyId,
        version: plan.policyVersion,
        reveal: plan.reveal,
        justification: plan.justification,
        minOwnTimeMs: plan.minOwnTimeMs,
        arm: plan.arm,
        audit: plan.audit,
        rule: plan.rule,
        // No `band`: before the reveal the plan may not depend on the AI's output
        // (docs/architecture.md §1, "Blind until committed").
      },
      stakes: plan.stakes,
      ...(init.uiVariant === undefined ? {} : { uiVariant: init.uiVariant }),
      ...(pending ? { recommendationPending: true } : {}),
    }),
  ];
  if (recommendation === null && issues.length > 0) events.push(invalidEvent(state, now, issues));
  return { state, events };
}

function invalidEvent(
  state: DecisionState,
  now: number,
  issues: readonly { path: (string | number)[]; code: string; message: string }[],
): DecisionEventDraft {
  return makeEvent(state, 'recommendation.invalid', now, {
    issues: issues.map((issue) => ({ path: [...issue.path], code: issue.code, message: issue.message })),
  });
}

/* -------------------------------------------------------------------------------------------------
 * The reducer
 * -----------------------------------------------------------------------------------------------*/

/**
 * The decision protocol: applies `action` at time `now` (epoch ms) and returns the next state
 * with the events to log, or — for an illegal action — the same state, no events and a
 * `ProtocolError`. Pure: it never mutates `state` and never throws for an illegal action.
 *
 * @example
 * const result = decide(state, { type: 'commit', judgement: { label: 'approve' }, salt: createCommitmentSalt() }, Date.now());
 * if (result.ok) log(result.events); else show(result.error.message);
 */
export function decide(state: DecisionState, action: DecisionAction, now: number): ProtocolResult {
  const type: unknown = isRecord(action) ? action.type : undefined;
  const actionName = typeof type === 'string' ? type : String(type);
  if (!isTime(now)) {
    return reject(
      state,
      error(state, actionName, 'invalid-input', 'The clock gave no valid time (epoch milliseconds).'),
    );
  }
  if (typeof type !== 'string' || !ACTION_TYPES.has(type)) {
    return reject(state, error(state, actionName, 'invalid-input', `Unknown action type "${actionName}".`));
  }
  const refusal = guardAction(state, type as DecisionActionType, now);
  if (refusal !== null) return reject(state, refusal);

  switch (action.type) {
    case 'draft':
      return draft(state, action);
    case 'commit':
      return commit(state, action, now);
    case 'reveal':
      return reveal(state, action, now);
    case 'viewExplanation':
      return viewExplanation(state, action, now);
    case 'recommendationReceived':
      return recommendationReceived(state, action, now);
    case 'recommendationFailed':
      return recommendationFailed(state, action, now);
    case 'decideWithoutAi':
      return accept(
        { ...without(state, 'awaiting'), status: 'without-ai', withoutAi: { cause: 'chosen', at: now } },
        [],
      );
    case 'stopAi':
      return stopAi(state, action, now);
    case 'finalize':
      return finalize(state, action, now);
    case 'abandon': {
      const stage = state.status;
      const next: DecisionState = {
        ...without(state, 'draft', 'awaiting'),
        status: 'abandoned',
        abandoned: { stage, at: now },
      };
      return accept(next, [makeEvent(next, 'decision.abandoned', now, { stage })]);
    }
  }
}

function draft(state: DecisionState, action: DraftAction): ProtocolResult {
  const { space, closed } = spaceOf(state);
  const checked = checkValue(space, action.judgement, 'judgement', {
    partial: true,
    confidence: true,
    closed,
  });
  if (!checked.ok)
    return reject(state, error(state, 'draft', 'invalid-judgement', checked.message, checked.details));
  // Only the first keystroke moves `opened` on; in without-ai / ai-stopped the status stays.
  const status = state.status === 'opened' ? 'judging' : state.status;
  return accept({ ...state, status, draft: checked.value }, []);
}

function commit(state: DecisionState, action: CommitAction, now: number): ProtocolResult {
  const fail = (code: ProtocolErrorCode, message: string, details?: Record<string, unknown>) =>
    reject(state, error(state, 'commit', code, message, details));

  const { space, closed } = spaceOf(state);
  const checked = checkValue(space, action.judgement, 'judgement', {
    partial: false,
    confidence: true,
    closed,
  });
  if (!checked.ok) return fail('invalid-judgement', checked.message, checked.details);
  const { rationale, checklist } = action;
  if (rationale !== undefined && typeof rationale !== 'string')
    return fail('invalid-input', 'The rationale must be a string.');
  if (rationale !== undefined && rationale.length > FREE_TEXT_MAX_LENGTH)
    return fail('invalid-input', tooLong('rationale'), { field: 'rationale', max: FREE_TEXT_MAX_LENGTH });
  // The reducer stays pure: the salt comes with the action (`createDecisionStore` adds a fresh
  // one to every commit dispatched without).
  const { salt } = action;
  if (salt === undefined) {
    return fail(
      'invalid-input',
      'The commit needs a salt for its commitment (createCommitmentSalt(); createDecisionStore adds one).',
      { field: 'salt' },
    );
  }
  if (!isCommitmentSalt(salt)) {
    return fail(
      'invalid-input',
      'The commitment salt must be 32 to 128 lowercase hex digits (at least 128 random bits).',
      { field: 'salt' },
    );
  }
  if (
    checklist !== undefined &&
    !(Array.isArray(checklist) && checklist.every((id) => typeof id === 'string'))
  ) {
    return fail('invalid-input', 'The checklist must be a list of confirmed item ids.');
  }
  const confirmed = new Set(checklist ?? []);
  const planIds = state.plan.checklist.map((item) => item.id);
  const missing = planIds.filter((id) => !confirmed.has(id));
  if (missing.length > 0) {
    return fail(
      'checklist-incomplete',
      `Confirm every checklist item before committing; missing: ${missing.join(', ')}.`,
      {
        missing,
      },
    );
  }

  const judgement = checked.value;
  const commitment = judgementCommitment(state.decisionId, judgement, rationale, salt);
  const next: DecisionState = {
    ...without(state, 'draft'),
    // In without-ai and ai-stopped the judgement is recorded without moving towards a reveal.
    status: state.status === 'opened' || state.status === 'judging' ? 'committed' : state.status,
    judgement: {
      judgement,
      ...(rationale === undefined ? {} : { rationale }),
      ...(planIds.length === 0 ? {} : { checklist: planIds }),
      commitment,
      salt,
      committedAt: now,
    },
  };
  return accept(next, [
    makeEvent(next, 'judgement.committed', now, {
      judgement: { ...judgement },
      ...(rationale === undefined ? {} : { rationale }),
      commitment,
      commitmentVersion: 2,
      salt,
      ...(planIds.length === 0 ? {} : { checklist: [...planIds] }),
    }),
  ]);
}

function reveal(state: DecisionState, action: RevealAction, now: number): ProtocolResult {
  const fail = (code: ProtocolErrorCode, message: string) =>
    reject(state, error(state, 'reveal', code, message));
  const { requested, display } = action;
  if (typeof requested !== 'boolean') return fail('invalid-input', '`requested` must be true or false.');
  if (!isRecord(display) || !isNonEmptyString(display.format) || typeof display.text !== 'string') {
    return fail('invalid-input', '`display` must say what was shown: { format (non-empty), text }.');
  }
  if (state.plan.reveal === 'on-request' && !requested) {
    // An on-request plan promises that the AI appears only when the person asks for it.
    return fail(
      'invalid-transition',
      'This plan shows the AI recommendation only when the person requests it.',
    );
  }
  // `guardAction` has ruled out a missing recommendation.
  const recommendation = shownRecommendation(state.recommendation as Recommendation);
  const shownDisplay = { format: display.format, text: display.text };
  // Now that the AI is shown, its output may raise the friction (the policy's after-reveal rules).
  const plan = adaptPlanAfterReveal(state.plan, state.recommendation);
  const friction = plan.revealed;
  const next: DecisionState = {
    ...without(state, 'draft'),
    status: 'revealed',
    plan,
    revealedAt: now,
    reveal: { recommendation, display: shownDisplay, requested },
  };
  return accept(next, [
    makeEvent(next, 'recommendation.revealed', now, {
      recommendation: copyShown(recommendation),
      display: { ...shownDisplay },
      requested,
      friction: { ...friction },
    }),
  ]);
}

function viewExplanation(state: DecisionState, action: ViewExplanationAction, now: number): ProtocolResult {
  const { panel, durationMs } = action;
  if (!isNonEmptyString(panel)) {
    return reject(state, error(state, 'viewExplanation', 'invalid-input', 'The panel must be named.'));
  }
  if (typeof durationMs !== 'number' || !Number.isFinite(durationMs) || durationMs < 0) {
    return reject(
      state,
      error(
        state,
        'viewExplanation',
        'invalid-duration',
        'The viewing time must be a finite number of ms ≥ 0.',
        {
          durationMs: String(durationMs),
        },
      ),
    );
  }
  const panelsViewed = state.panelsViewed.includes(panel)
    ? state.panelsViewed
    : [...state.panelsViewed, panel];
  const next: DecisionState = { ...state, panelsViewed };
  return accept(next, [
    makeEvent(next, 'explanation.viewed', now, { panel, durationMs: plainNumber(durationMs) }),
  ]);
}

function stopAi(state: DecisionState, action: StopAiAction, now: number): ProtocolResult {
  const { scope, reason } = action;
  if (scope !== 'decision' && scope !== 'procedure') {
    return reject(
      state,
      error(state, 'stopAi', 'invalid-input', 'The scope must be "decision" or "procedure".'),
    );
  }
  if (typeof reason !== 'string') {
    return reject(state, error(state, 'stopAi', 'invalid-input', 'The reason must be a string.'));
  }
  if (reason.length > FREE_TEXT_MAX_LENGTH) {
    return reject(
      state,
      error(state, 'stopAi', 'invalid-input', tooLong('reason'), {
        field: 'reason',
        max: FREE_TEXT_MAX_LENGTH,
      }),
    );
  }
  // `revealedAt` and `reveal` stay: the person may already have seen the AI, and the outcome of
  // the final decision is then still measured against what they saw.
  const next: DecisionState = {
    ...without(state, 'awaiting'),
    status: 'ai-stopped',
    stoppedBy: { scope, reason, at: now },
  };
  return accept(next, [makeEvent(next, 'ai.stopped', now, { scope, reason })]);
}

function finalize(state: DecisionState, action: FinalizeAction, now: number): ProtocolResult {
  const fail = (code: ProtocolErrorCode, message: string, details?: Record<string, unknown>) =>
    reject(state, error(state, 'finalize', code, message, details));

  const { space, closed } = spaceOf(state);
  const checked = checkValue(space, action.final, 'final decision', {
    partial: false,
    confidence: false,
    closed,
  });
  if (!checked.ok) return fail('invalid-final', checked.message, checked.details);
  const { intent, reasons = [], comment } = action;
  if (intent !== undefined && !INTENTS.includes(intent)) {
    return fail('invalid-input', 'The intent must be "accept", "modify" or "override".');
  }
  if (!Array.isArray(reasons)) return fail('invalid-input', 'The reasons must be a list.');
  for (const reason of reasons) {
    if (
      !isRecord(reason) ||
      typeof reason.system !== 'string' ||
      !isNonEmptyString(reason.code) ||
      typeof reason.display !== 'string'
    ) {
      return fail('invalid-input', 'Each reason needs a system, a non-empty code and a display text.');
    }
  }
  if (comment !== undefined && typeof comment !== 'string')
    return fail('invalid-input', 'The comment must be a string.');
  if (comment !== undefined && comment.length > FREE_TEXT_MAX_LENGTH)
    return fail('invalid-input', tooLong('comment'), { field: 'comment', max: FREE_TEXT_MAX_LENGTH });

  const final: FinalInput = checked.value;
  const outcome = classifyOutcome(state, final);
  if (intent !== undefined && !intentFits(intent, outcome)) {
    const message =
      outcome === 'without-ai'
        ? `The intent "${intent}" refers to the AI recommendation, which was not shown.`
        : intent === 'accept'
          ? 'The final decision differs from the AI recommendation, so it cannot be recorded as accepting it.'
          : `The final decision equals the AI recommendation, so it cannot be recorded as "${intent}".`;
    return fail('intent-mismatch', message, { intent, outcome });
  }

  const rule = state.plan.justification;
  const needsReason =
    rule === 'always' || (rule === 'override' && (outcome === 'modified' || outcome === 'overridden'));
  if (needsReason && reasons.length === 0) {
    return fail(
      'reason-required',
      rule === 'always'
        ? 'This plan asks for a coded reason for every decision.'
        : 'This plan asks for a coded reason when the final decision differs from the AI recommendation.',
      { outcome, justification: rule },
    );
  }
  // A blank comment is no comment: it is neither logged nor accepted where a reason needs one.
  const loggedComment = comment !== undefined && comment.trim().length > 0 ? comment : undefined;
  const needsComment = reasons.find((r) => reasonNeedsComment(r));
  if (needsComment !== undefined && loggedComment === undefined) {
    return fail(
      'reason-required',
      `The reason "${needsComment.display || needsComment.code}" needs a comment.`,
      {
        code: needsComment.code,
      },
    );
  }

  const durationMs = Math.max(0, now - state.openedAt);
  const loggedReasons = reasons.map((r) => ({ system: r.system, code: r.code, display: r.display }));
  const record: FinalRecord = {
    final,
    outcome,
    reasons: loggedReasons,
    ...(loggedComment === undefined ? {} : { comment: loggedComment }),
    ...(intent === undefined ? {} : { intent }),
    durationMs,
    finalizedAt: now,
  };
  const next: DecisionState = { ...without(state, 'draft', 'awaiting'), status: 'finalized', final: record };
  const shown = outcome === 'without-ai' ? undefined : state.reveal?.recommendation;
  const withoutAiCause = outcome === 'without-ai' ? withoutAiCauseOf(state) : undefined;
  return accept(next, [
    makeEvent(next, 'decision.finalized', now, {
      final: { ...final },
      outcome,
      reasons: loggedReasons.map((r) => ({ ...r })),
      ...(loggedComment === undefined ? {} : { comment: loggedComment }),
      durationMs,
      ...(shown === undefined ? {} : { recommendation: copyShown(shown) }),
      ...(state.judgement === undefined ? {} : { judgement: { ...state.judgement.judgement } }),
      ...(withoutAiCause === undefined ? {} : { withoutAi: withoutAiCause }),
    }),
  ]);
}

const FAILURE_MESSAGE_MAX_LENGTH = 500;

function recommendationReceived(
  state: DecisionState,
  action: RecommendationReceivedAction,
  now: number,
): ProtocolResult {
  const fail = (message: string) =>
    reject(state, error(state, 'recommendationReceived', 'invalid-input', message));
  const { recommendation, issues = [] } = action;
  if (
    recommendation !== null &&
    !(
      isRecord(recommendation) &&
      ['categorical', 'binary', 'numeric', 'ranked'].includes(String(recommendation.kind))
    )
  ) {
    return fail('The recommendation must be a validated recommendation or null.');
  }
  if (!Array.isArray(issues)) return fail('The issues must be a list.');
  let accepted: Recommendation | null = recommendation;
  let problems: readonly { path: (string | number)[]; code: string; message: string }[] = issues;
  if (accepted !== null && state.options !== undefined) {
    const misfit = recommendationFitsOptions(accepted, state.options);
    if (misfit.length > 0) {
      accepted = null;
      problems = misfit;
    }
  }
  if (accepted !== null && state.options === undefined && state.judgement !== undefined) {
    // Without the procedure's options the recommendation defines the decision space; a judgement
    // committed while it was pending was checked against nothing. If it lies outside the space,
    // the recommendation is set aside: the person's committed judgement must stay a decision they
    // can record (keep my assessment), and a recommendation of another kind cannot be compared.
    const misfit = judgementMisfit(accepted, state.judgement.judgement);
    if (misfit !== null) {
      accepted = null;
      problems = [misfit];
    }
  }
  const base = without(state, 'awaiting');
  if (accepted !== null) {
    const model = accepted.model;
    return accept(
      {
        ...base,
        recommendation: accepted,
        ...(model === undefined ? {} : { model: { id: model.id, version: model.version } }),
      },
      [],
    );
  }
  // No usable recommendation: the decision goes on without the AI; what was committed stays.
  const next: DecisionState = {
    ...base,
    status: 'without-ai',
    withoutAi: { cause: problems.length > 0 ? 'invalid-recommendation' : 'no-recommendation', at: now },
  };
  return accept(next, problems.length > 0 ? [invalidEvent(next, now, problems)] : []);
}

/** Why a recommendation's own decision space does not hold a committed judgement, or `null`. */
function judgementMisfit(
  rec: Recommendation,
  judgement: JudgementInput,
): { path: (string | number)[]; code: string; message: string } | null {
  const space = optionsFromRecommendation(rec);
  const checked = checkValue(space, judgement, 'judgement', {
    partial: false,
    confidence: true,
    closed: rec.kind !== 'ranked',
  });
  if (checked.ok) return null;
  const sameKind = rec.kind === 'numeric' ? judgement.label === undefined : judgement.value === undefined;
  return {
    path: sameKind ? ['options'] : ['kind'],
    code: sameKind ? 'unknown_option' : 'invalid_type',
    message: `The recommendation does not fit the judgement committed before it arrived: ${checked.message}`,
  };
}

function recommendationFailed(
  state: DecisionState,
  action: RecommendationFailedAction,
  now: number,
): ProtocolResult {
  const { cause, message } = action;
  if (cause !== 'rejected' && cause !== 'timeout') {
    return reject(
      state,
      error(state, 'recommendationFailed', 'invalid-input', 'The cause must be "rejected" or "timeout".'),
    );
  }
  if (message !== undefined && typeof message !== 'string') {
    return reject(
      state,
      error(state, 'recommendationFailed', 'invalid-input', 'The message must be a string.'),
    );
  }
  const text =
    message === undefined
      ? undefined
      : message.length > FAILURE_MESSAGE_MAX_LENGTH
        ? `${message.slice(0, FAILURE_MESSAGE_MAX_LENGTH - 1)}…`
        : message;
  const next: DecisionState = {
    ...without(state, 'awaiting'),
    status: 'without-ai',
    withoutAi: { cause: cause === 'timeout' ? 'recommendation-timeout' : 'recommendation-failed', at: now },
  };
  return accept(next, [
    makeEvent(next, 'recommendation.unavailable', now, {
      cause,
      ...(text === undefined ? {} : { message: text }),
    }),
  ]);
}
