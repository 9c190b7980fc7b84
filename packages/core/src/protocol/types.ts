import type { Actor, DecisionEventDraft, Outcome, ShownRecommendation } from '../events/schema.ts';
import type { FrictionPlan } from '../policy/types.ts';
import type { ReasonCode, Recommendation } from '../recommendation/schema.ts';
import type { RecommendationIssue } from '../recommendation/issues.ts';
import type { DecisionOptions } from './options.ts';

/*
 * The decision protocol's vocabulary. Everything in `DecisionState` is plain JSON (no Dates, no
 * class instances, no functions, only finite numbers) so that a host can persist a decision in
 * progress and a test can compare states with a deep equal.
 */

/* -------------------------------------------------------------------------------------------------
 * States
 * -----------------------------------------------------------------------------------------------*/

/**
 * Where a decision stands. The main path is `opened → judging → committed → revealed →
 * finalized`; `without-ai` (the person decides without the AI, the decision is in the no-AI arm,
 * or the recommendation was invalid), `ai-stopped` (the AI was switched off) and `abandoned`
 * branch off it. `finalized` and `abandoned` are terminal.
 *
 * @example
 * if (state.status === 'committed') showRevealButton();
 */
export type DecisionStatus =
  'opened' | 'judging' | 'committed' | 'revealed' | 'without-ai' | 'ai-stopped' | 'finalized' | 'abandoned';

/**
 * Every status, in the order of the main path followed by the branches.
 *
 * @example
 * for (const status of DECISION_STATUSES) renderStory(status);
 */
export const DECISION_STATUSES: readonly DecisionStatus[] = [
  'opened',
  'judging',
  'committed',
  'revealed',
  'without-ai',
  'ai-stopped',
  'finalized',
  'abandoned',
];

/**
 * The person's own judgement as the UI collects it: `label` (an option id) for categorical,
 * binary and ranked decisions, `value` for numeric ones, and optionally their own confidence in
 * [0, 1]. Unknown keys are dropped before it is hashed and logged.
 *
 * @example
 * const judgement: JudgementInput = { label: 'approve', confidence: 0.7 };
 */
export interface JudgementInput {
  label?: string;
  value?: number;
  confidence?: number;
}

/**
 * The final decision: `label` (an option id) or `value` (numeric).
 *
 * @example
 * const final: FinalInput = { value: 412.5 };
 */
export interface FinalInput {
  label?: string;
  value?: number;
}

/**
 * A coded reason for a decision (a `ReasonCode` from the recommendation, or one the host
 * supplies). Only `system`, `code` and `display` are logged. `requiresComment` (or the code
 * `other`, unless `requiresComment: false`) means the decision needs a non-empty comment.
 *
 * @example
 * const reason: ReasonInput = { system: 'urn:example:reasons', code: 'other', display: 'Other' };
 */
export type ReasonInput = Pick<ReasonCode, 'system' | 'code' | 'display'> & {
  requiresComment?: boolean | undefined;
  labels?: Record<string, string> | undefined;
};

/**
 * What the UI actually rendered when it revealed the recommendation, e.g.
 * `{ format: 'verbal', text: 'likely (66–90 %)' }`. Logged verbatim, because what the person saw
 * is what analytics must relate the decision to.
 *
 * @example
 * const display: RevealDisplay = { format: 'percent', text: '87 %' };
 */
export interface RevealDisplay {
  format: string;
  text: string;
}

/**
 * A panel of the explanation. The named ones are those Deliberate ships; hosts may add their own.
 *
 * @example
 * const panel: ExplanationPanelId = 'counterfactuals';
 */
export type ExplanationPanelId =
  'factors' | 'counterfactuals' | 'similar-cases' | 'evidence' | 'model' | (string & {});

/** How the person says they relate their final decision to the AI's recommendation. */
export type FinalizeIntent = 'accept' | 'modify' | 'override';

/** How widely the AI is switched off: this decision only, or the whole procedure. */
export type StopScope = 'decision' | 'procedure';

/**
 * Why a decision is in `without-ai`: the person chose it, the decision is in the no-AI control
 * arm, there was no recommendation, it failed validation (or did not fit the procedure's
 * options), or the pending recommendation failed or did not arrive in time.
 */
export type WithoutAiCause =
  | 'chosen'
  | 'no-ai-arm'
  | 'no-recommendation'
  | 'invalid-recommendation'
  | 'recommendation-failed'
  | 'recommendation-timeout';

/**
 * Why a final decision was made without the AI, as `decision.finalized` logs it (`withoutAi`):
 * a `WithoutAiCause`, `ai-stopped` (the AI was switched off before it was seen), or
 * `not-requested` (an on-request plan, and the person never asked for the AI).
 */
export type FinalWithoutAiCause = WithoutAiCause | 'ai-stopped' | 'not-requested';

/**
 * The committed judgement: what was hashed, the hash, its salt, and when.
 *
 * The procedure stores `salt` together with the unredacted `rationale` on its side (the case
 * file, its own database): when the logger redacts the rationale it drops the salt from the
 * event too, and only text and salt together prove later what was committed
 * (`verifyCommitment(event, { rationale, salt })`). Whoever holds the salt and the redacted event
 * can test guesses of the text, so keep it as confidential as the text itself.
 */
export interface CommittedJudgement {
  judgement: JudgementInput;
  rationale?: string;
  /** Confirmed checklist ids, in the plan's order (only ids the plan knows). */
  checklist?: string[];
  /**
   * Hex SHA-256 of `{ v: 2, decisionId, judgement, rationale, salt }` (commitment version 2);
   * see `judgementCommitment`.
   */
  commitment: string;
  /** The commitment's random salt: lowercase hex, 64 digits when the store made it. */
  salt: string;
  committedAt: number;
}

/** What was revealed and how. */
export interface RevealRecord {
  recommendation: ShownRecommendation;
  display: RevealDisplay;
  requested: boolean;
}

/** The final decision as recorded. */
export interface FinalRecord {
  final: FinalInput;
  outcome: Outcome;
  /** The reasons as logged: only `system`, `code`, `display`. */
  reasons: { system: string; code: string; display: string }[];
  comment?: string;
  intent?: FinalizeIntent;
  durationMs: number;
  finalizedAt: number;
}

/**
 * One decision's protocol state. Plain JSON: persist it with `JSON.stringify`.
 *
 * @example
 * const { state } = initDecision(init, Date.now());
 * localStorage.setItem(state.decisionId, JSON.stringify(state));
 */
export interface DecisionState {
  status: DecisionStatus;
  decisionId: string;
  procedure: string;
  caseRef: string;
  actor: Actor;
  /** The AI system, copied from the recommendation; absent when there is none. */
  model?: { id: string; version: string };
  /**
   * The validated recommendation, or `null` when there is none (or it was invalid, or it is
   * still pending: see `awaiting`).
   */
  recommendation: Recommendation | null;
  /**
   * The procedure's decision space, when the procedure gave one (`DecisionInit.options`). Without
   * it, the options come from the recommendation (`decisionOptions(state)`).
   */
  options?: DecisionOptions;
  /** Set while the recommendation is still being computed (`DecisionInit.recommendationPending`). */
  awaiting?: { since: number };
  plan: FrictionPlan;
  uiVariant?: string;
  /** Epoch ms of `decision.opened`. */
  openedAt: number;
  /** The judgement being typed; never logged. Cleared by `commit`. */
  draft?: JudgementInput;
  judgement?: CommittedJudgement;
  /** Epoch ms of the reveal. Kept when the AI is stopped afterwards. */
  revealedAt?: number;
  reveal?: RevealRecord;
  /** Explanation panels opened, each once, in the order first opened. */
  panelsViewed: string[];
  /** Why the decision is (or was) made without the AI. */
  withoutAi?: { cause: WithoutAiCause; at: number };
  stoppedBy?: { scope: StopScope; reason: string; at: number };
  final?: FinalRecord;
  abandoned?: { stage: DecisionStatus; at: number };
}

/* -------------------------------------------------------------------------------------------------
 * Initialisation
 * -----------------------------------------------------------------------------------------------*/

/**
 * What the host knows when a decision screen opens.
 *
 * @example
 * const init: DecisionInit = {
 *   decisionId: 'd-1', procedure: 'housing-benefit.eligibility', caseRef: 'c-9f2',
 *   actor: { id: 'a-17', role: 'caseworker' }, recommendation, plan,
 * };
 */
export interface DecisionInit {
  decisionId: string;
  procedure: string;
  caseRef: string;
  actor: { id: string; role?: string };
  /**
   * A validated recommendation, or `null` when there is none, it failed validation, or it is
   * still being computed (`recommendationPending`).
   */
  recommendation: Recommendation | null;
  /** Why the recommendation is `null`; logged as `recommendation.invalid` when non-empty. */
  recommendationIssues?: RecommendationIssue[];
  /**
   * The procedure's decision space: the options in the procedure's order (or the amount's unit
   * and range). A recommendation that names anything else is refused as invalid, and the person
   * can decide with these options when there is no AI. Without it, the recommendation's options
   * are used — the lesser way, since then no recommendation means nothing to choose from.
   */
  options?: DecisionOptions;
  /**
   * `true` when the recommendation is still being computed: the decision opens (the person can
   * judge first), and `recommendationReceived` or `recommendationFailed` settles it later.
   * `recommendation` must then be `null`.
   */
  recommendationPending?: boolean;
  plan: FrictionPlan;
  /** Which UI variant rendered the decision (A/B tests, storybook). */
  uiVariant?: string;
}

/* -------------------------------------------------------------------------------------------------
 * Actions
 * -----------------------------------------------------------------------------------------------*/

/**
 * Update the judgement being typed. Emits no event: drafts are keystrokes, the log records
 * commitments.
 *
 * @example
 * dispatch({ type: 'draft', judgement: { label: 'approve' } });
 */
export interface DraftAction {
  type: 'draft';
  judgement: JudgementInput;
}

/**
 * Commit the person's own judgement (hashed and logged) before the AI is revealed.
 *
 * @example
 * dispatch({ type: 'commit', judgement: { label: 'reject' }, rationale: 'income above limit', checklist: ['income'] });
 */
export interface CommitAction {
  type: 'commit';
  judgement: JudgementInput;
  rationale?: string;
  /** Ids of the checklist items the person confirmed. */
  checklist?: readonly string[];
  /**
   * The commitment's random salt, 32–128 lowercase hex digits (see `createCommitmentSalt`).
   * `decide` refuses a commit without one (`invalid-input`, `details.field: 'salt'`), because a
   * pure reducer cannot draw random numbers; `createDecisionStore` adds a fresh salt to every
   * commit dispatched without one.
   */
  salt?: string;
}

/**
 * Reveal the AI's recommendation. `display` is what the UI rendered; `requested` whether the
 * person asked for it.
 *
 * @example
 * dispatch({ type: 'reveal', requested: true, display: { format: 'verbal', text: 'likely (66–90 %)' } });
 */
export interface RevealAction {
  type: 'reveal';
  requested: boolean;
  display: RevealDisplay;
}

/**
 * The person looked at an explanation panel for `durationMs`.
 *
 * @example
 * dispatch({ type: 'viewExplanation', panel: 'evidence', durationMs: 5400 });
 */
export interface ViewExplanationAction {
  type: 'viewExplanation';
  panel: ExplanationPanelId;
  durationMs: number;
}

/**
 * Decide without the AI (AI Act Art. 14(4)(d)); only before it has been revealed.
 *
 * @example
 * dispatch({ type: 'decideWithoutAi' });
 */
export interface DecideWithoutAiAction {
  type: 'decideWithoutAi';
}

/**
 * The pending recommendation arrived: a validated recommendation (checked against the
 * procedure's options here), or `null` with the issues that made it invalid. Only while
 * `state.awaiting` is set; a recommendation that arrives after the person chose to decide without
 * the AI, or after a timeout, is refused, so nothing already committed can change.
 *
 * @example
 * dispatch({ type: 'recommendationReceived', recommendation: parsed.ok ? parsed.value : null, issues: parsed.issues });
 */
export interface RecommendationReceivedAction {
  type: 'recommendationReceived';
  recommendation: Recommendation | null;
  issues?: readonly RecommendationIssue[];
}

/**
 * The pending recommendation failed (`rejected`) or did not arrive in time (`timeout`): the
 * decision continues without the AI, and `recommendation.unavailable` is logged.
 *
 * @example
 * dispatch({ type: 'recommendationFailed', cause: 'timeout', message: 'no answer after 30 s' });
 */
export interface RecommendationFailedAction {
  type: 'recommendationFailed';
  cause: 'rejected' | 'timeout';
  /** For developers and logs, e.g. the error's message; capped at 500 characters. */
  message?: string;
}

/**
 * Switch the AI off (AI Act Art. 14(4)(e)).
 *
 * @example
 * dispatch({ type: 'stopAi', scope: 'procedure', reason: 'suspected data drift' });
 */
export interface StopAiAction {
  type: 'stopAi';
  scope: StopScope;
  reason: string;
}

/**
 * Record the final decision. `intent` (optional) is what the button said — accept, modify,
 * override — and is checked against the computed outcome.
 *
 * @example
 * dispatch({ type: 'finalize', final: { label: 'reject' }, intent: 'override', reasons: [reason], comment: '…' });
 */
export interface FinalizeAction {
  type: 'finalize';
  final: FinalInput;
  intent?: FinalizeIntent;
  reasons?: readonly ReasonInput[];
  comment?: string;
}

/**
 * Leave the decision unfinished.
 *
 * @example
 * dispatch({ type: 'abandon' });
 */
export interface AbandonAction {
  type: 'abandon';
}

/**
 * Everything a person (or the UI on their behalf) can do to a decision.
 *
 * @example
 * const action: DecisionAction = { type: 'abandon' };
 */
export type DecisionAction =
  | DraftAction
  | CommitAction
  | RevealAction
  | ViewExplanationAction
  | RecommendationReceivedAction
  | RecommendationFailedAction
  | DecideWithoutAiAction
  | StopAiAction
  | FinalizeAction
  | AbandonAction;

/** The `type` of a `DecisionAction`. */
export type DecisionActionType = DecisionAction['type'];

/**
 * Every action type, in the order a decision usually meets them.
 *
 * @example
 * DECISION_ACTION_TYPES.filter((t) => allowedActions(state, now)[t].allowed);
 */
export const DECISION_ACTION_TYPES: readonly DecisionActionType[] = [
  'draft',
  'commit',
  'reveal',
  'viewExplanation',
  'recommendationReceived',
  'recommendationFailed',
  'decideWithoutAi',
  'stopAi',
  'finalize',
  'abandon',
];

/* -------------------------------------------------------------------------------------------------
 * Results and errors
 * -----------------------------------------------------------------------------------------------*/

/**
 * Why an action was refused. Stable codes; UIs translate by code, `message` is for developers
 * and logs.
 *
 * - `invalid-transition`: the action is not possible in this state (e.g. anything after finalize).
 * - `judgement-required`: the plan reveals the AI only after the judgement is committed.
 * - `judgement-locked`: the judgement is committed or the AI has been seen; it cannot change.
 * - `ai-unavailable`: no-AI arm, decided without the AI, AI stopped, or no recommendation.
 * - `ai-pending`: the recommendation is still being computed.
 * - `already-revealed`: the AI has been shown already.
 * - `checklist-incomplete`: a checklist item of the plan is not confirmed.
 * - `invalid-judgement` / `invalid-final`: the label or value does not fit the recommendation.
 * - `intent-mismatch`: e.g. "accept" with a decision that differs from the recommendation.
 * - `reason-required`: a coded reason (or a comment for a reason that needs one) is missing.
 * - `too-early`: the plan's minimum own-assessment time has not passed (`details.remainingMs`).
 * - `invalid-duration`: a negative or non-finite duration.
 * - `invalid-input`: a malformed action (e.g. a commit without a valid salt, `details.field:
 *   'salt'`) or a clock that gives no valid time.
 *
 * @example
 * if (error.code === 'too-early') say(`wait ${error.details?.remainingMs} ms`);
 */
export type ProtocolErrorCode =
  | 'invalid-transition'
  | 'judgement-required'
  | 'judgement-locked'
  | 'ai-unavailable'
  | 'ai-pending'
  | 'already-revealed'
  | 'checklist-incomplete'
  | 'invalid-judgement'
  | 'invalid-final'
  | 'intent-mismatch'
  | 'reason-required'
  | 'too-early'
  | 'invalid-duration'
  | 'invalid-input';

/**
 * An action the protocol refused, and why.
 *
 * @example
 * const error: ProtocolError = { code: 'judgement-locked', message: '…', state: 'revealed', action: 'commit' };
 */
export interface ProtocolError {
  code: ProtocolErrorCode;
  /** A clear English sentence for developers and logs. */
  message: string;
  /** The status the decision was in. */
  state: DecisionStatus;
  /** The refused action's type (as given, for unknown actions). */
  action: string;
  details?: Record<string, unknown>;
}

/**
 * The reducer's answer: the next state and the events to log, or the unchanged state and why
 * the action was refused.
 *
 * @example
 * const result = decide(state, action, Date.now());
 * if (!result.ok) showError(result.error);
 */
export type ProtocolResult =
  | { ok: true; state: DecisionState; events: DecisionEventDraft[] }
  | { ok: false; state: DecisionState; events: []; error: ProtocolError };

/**
 * Whether an action type is legal now, and if not, why (for disabling a button and saying so).
 *
 * @example
 * const finalize = allowedActions(state, now).finalize;
 * button.disabled = !finalize.allowed;
 */
export type ActionAvailability =
  | { allowed: true }
  | { allowed: false; code: ProtocolErrorCode; message: string; details?: Record<string, unknown> };

/**
 * An error callers can throw when they prefer exceptions; the reducer and the store never throw
 * for an illegal action.
 *
 * @example
 * const result = decide(state, action, now);
 * if (!result.ok) throw new ProtocolViolation(result.error);
 */
export class ProtocolViolation extends Error {
  override readonly name = 'ProtocolViolation';
  readonly error: ProtocolError;
  readonly code: ProtocolErrorCode;

  constructor(error: ProtocolError) {
    super(`${error.code}: ${error.message}`);
    this.error = error;
    this.code = error.code;
  }
}

/**
 * Returns the successful result, or throws a `ProtocolViolation`.
 *
 * @example
 * const { state, events } = unwrapResult(decide(state0, { type: 'abandon' }, now));
 */
export function unwrapResult(result: ProtocolResult): { state: DecisionState; events: DecisionEventDraft[] } {
  if (!result.ok) throw new ProtocolViolation(result.error);
  return { state: result.state, events: result.events };
}
