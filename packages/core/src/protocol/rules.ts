import type { Outcome, ShownRecommendation } from '../events/schema.ts';
import type { JustificationRule } from '../policy/types.ts';
import type { Recommendation } from '../recommendation/schema.ts';
import { optionsFromRecommendation, type DecisionOption, type DecisionOptions } from './options.ts';
import { allowedActions, ownTimeRemainingMs } from './selectors.ts';
import type {
  DecisionState,
  FinalInput,
  FinalizeIntent,
  FinalWithoutAiCause,
  JudgementInput,
  ProtocolErrorCode,
  ReasonInput,
} from './types.ts';

/*
 * The rules of the final step, as pure functions of the protocol state. The reducer enforces
 * them; a binding (React, custom elements) asks them what to show and maps their codes to
 * messages. No binding restates a rule: if a button is enabled, `decide` accepts what it sends,
 * and if it is not, `finalStep` says why with a code (tested in reducer.property.test.ts and in
 * the React binding's property test).
 */

/* -------------------------------------------------------------------------------------------------
 * Options and outcomes
 * -----------------------------------------------------------------------------------------------*/

/**
 * The decision space: the procedure's options when it gave them, else the recommendation's
 * (after the reveal the AI's order is then part of what it says), else `null` (nothing to choose
 * from: a procedure that wants decisions without the AI must pass `options`).
 *
 * @example
 * decisionOptions(state)?.kind; // 'choice'
 */
export function decisionOptions(state: DecisionState): DecisionOptions | null {
  return state.options ?? optionsFromRecommendation(state.recommendation);
}

/** The option the AI recommends (for ranked lists, the first), or `undefined` for amounts. */
export function recommendedLabel(rec: Recommendation): string | undefined {
  if (rec.kind === 'numeric') return undefined;
  // `parseRecommendation` fills `recommended` for ranked lists; a hand-built one may lack it.
  return rec.kind === 'ranked' ? (rec.recommended ?? rec.options[0]?.id) : rec.recommended;
}

/**
 * The final decision that accepts the recommendation.
 *
 * @example
 * recommendedFinal(rec); // { label: 'approve' }
 */
export function recommendedFinal(rec: Recommendation): FinalInput {
  if (rec.kind === 'numeric') return { value: rec.value };
  const label = recommendedLabel(rec);
  return label === undefined ? {} : { label };
}

/**
 * How a final decision relates to the recommendation, if the person saw it: `accepted` (equal),
 * `modified` (an amount inside the prediction interval, or another option of a ranked list),
 * `overridden` (anything else), `without-ai` (the AI was not seen).
 *
 * @example
 * classifyOutcome(state, { value: 400 }); // 'modified' when 400 lies in the interval
 */
export function classifyOutcome(state: DecisionState, final: FinalInput): Outcome {
  const rec = state.recommendation;
  if (state.revealedAt === undefined || rec === null) return 'without-ai';
  if (rec.kind === 'numeric') {
    if (final.value === rec.value) return 'accepted';
    const inside =
      final.value !== undefined && final.value >= rec.interval.lo && final.value <= rec.interval.hi;
    return inside ? 'modified' : 'overridden';
  }
  if (final.label === recommendedLabel(rec)) return 'accepted';
  if (rec.kind === 'ranked') return rec.options.some((o) => o.id === final.label) ? 'modified' : 'overridden';
  return 'overridden';
}

/**
 * Whether an announced intent fits an outcome. "modify" and "override" both announce a deviation;
 * whether it counts as a modification depends on the kind of recommendation, which the person
 * should not have to know.
 */
export function intentFits(intent: FinalizeIntent, outcome: Outcome): boolean {
  if (outcome === 'without-ai') return false;
  return intent === 'accept' ? outcome === 'accepted' : outcome !== 'accepted';
}

/**
 * The intent that matches a final decision after the reveal (`accept`, `modify` or `override`),
 * or `undefined` when the AI was not seen.
 *
 * @example
 * intentFor(state, { label: 'reject' }); // 'override'
 */
export function intentFor(state: DecisionState, final: FinalInput): FinalizeIntent | undefined {
  const outcome = classifyOutcome(state, final);
  if (outcome === 'without-ai') return undefined;
  return outcome === 'accepted' ? 'accept' : outcome === 'modified' ? 'modify' : 'override';
}

/**
 * Why a final decision is made without the AI, as `decision.finalized` logs it, or `undefined`
 * when the AI was seen.
 *
 * @example
 * withoutAiCauseOf(state); // 'recommendation-timeout'
 */
export function withoutAiCauseOf(state: DecisionState): FinalWithoutAiCause | undefined {
  if (state.revealedAt !== undefined && state.recommendation !== null) return undefined;
  if (state.withoutAi !== undefined) return state.withoutAi.cause;
  if (state.status === 'ai-stopped' || state.stoppedBy !== undefined) return 'ai-stopped';
  if (state.plan.arm === 'no-ai') return 'no-ai-arm';
  // Still pending (an on-request plan lets the person finish before it arrives): not asked for,
  // rather than missing.
  if (state.recommendation === null && state.awaiting === undefined) return 'no-recommendation';
  return 'not-requested';
}

/* -------------------------------------------------------------------------------------------------
 * Judgement and AI
 * -----------------------------------------------------------------------------------------------*/

/** How the person's committed judgement relates to what the AI recommended. */
export type Comparison =
  { status: 'unavailable' } | { status: 'agree' | 'disagree'; mine: JudgementInput; ai: ShownRecommendation };

/**
 * Compares the committed judgement with the revealed recommendation; `unavailable` unless both
 * exist (judge-first, after the reveal). Amounts agree only when equal.
 *
 * @example
 * compareJudgement(state).status; // 'disagree'
 */
export function compareJudgement(state: DecisionState): Comparison {
  const mine = state.judgement?.judgement;
  const ai = state.reveal?.recommendation;
  if (mine === undefined || ai === undefined || state.recommendation === null)
    return { status: 'unavailable' };
  const agree = ai.value !== undefined ? mine.value === ai.value : mine.label === ai.label;
  return { status: agree ? 'agree' : 'disagree', mine, ai };
}

/** How the person resolves a disagreement between their judgement and the AI's recommendation. */
export type Resolution = 'keep-mine' | 'follow-ai' | 'other';

/** Whether the person must give a reason for the final decision they are about to record. */
export type JustificationRequirement = 'optional' | 'required' | 'if-deviating';

/**
 * Whether a coded reason is needed, by the plan's rule, whether the AI was seen and (when the
 * person resolved a disagreement) how: `always` needs one for every outcome; `override` for any
 * deviation from the recommendation, which a decision without the AI is not. `if-deviating`:
 * required exactly when the final decision differs from the AI's.
 *
 * @example
 * justificationRequirement(state, 'keep-mine'); // 'required' under the override rule
 */
export function justificationRequirement(
  state: DecisionState,
  resolution: Resolution | null = null,
): JustificationRequirement {
  return justificationFor(
    state.plan.justification,
    state.revealedAt !== undefined && state.recommendation !== null,
    resolution,
  );
}

/** `justificationRequirement` from its parts (for a rule and a reveal the caller already knows). */
export function justificationFor(
  rule: JustificationRule,
  aiShown: boolean,
  resolution: Resolution | null,
): JustificationRequirement {
  if (rule === 'always') return 'required';
  if (rule === 'none' || !aiShown) return 'optional';
  if (resolution === 'follow-ai') return 'optional';
  if (resolution === 'keep-mine' || resolution === 'other') return 'required';
  return 'if-deviating';
}

/**
 * Whether a reason needs a comment: `requiresComment`, or the code `other` unless it says
 * `requiresComment: false`.
 *
 * @example
 * reasonNeedsComment({ system: '', code: 'other', display: 'Other' }); // true
 */
export function reasonNeedsComment(reason: Pick<ReasonInput, 'code' | 'requiresComment'>): boolean {
  return reason.requiresComment ?? reason.code === 'other';
}

/**
 * Whether a final decision needs a coded reason under the plan (the reducer refuses it without
 * one, `reason-required`).
 *
 * @example
 * reasonRequired(state, { label: 'reject' }); // true when it overrides the AI under the override rule
 */
export function reasonRequired(state: DecisionState, final: FinalInput): boolean {
  const rule = state.plan.justification;
  const outcome = classifyOutcome(state, final);
  return rule === 'always' || (rule === 'override' && (outcome === 'modified' || outcome === 'overridden'));
}

/* -------------------------------------------------------------------------------------------------
 * The final step
 * -----------------------------------------------------------------------------------------------*/

/** An action of the final step. `record` is the final decision without the AI. */
export type FinalActionId = 'accept' | 'modify' | 'override' | 'record' | 'withoutAi';

/** Every final action, in the order a screen shows them. */
export const FINAL_ACTION_IDS: readonly FinalActionId[] = [
  'accept',
  'modify',
  'override',
  'record',
  'withoutAi',
];

/**
 * Why a final action is not available: a protocol code, or one of the final step's own —
 * `pending` (the plan shows the AI first), `resolution-required` (a disagreement is not resolved
 * yet), `resolution-follow-ai` / `resolution-keep-mine` / `resolution-other` (the chosen
 * resolution rules this action out), `no-options` (`record` with nothing to choose from) and
 * `no-other-option` (a deviation whose options are all ruled out).
 */
export type FinalActionBlock =
  | ProtocolErrorCode
  | 'pending'
  | 'resolution-required'
  | 'resolution-follow-ai'
  | 'resolution-keep-mine'
  | 'resolution-other'
  | 'no-options'
  | 'no-other-option';

/** One final action: whether it is shown and, if it cannot be used now, why. */
export interface FinalActionView {
  visible: boolean;
  unavailable: { code: FinalActionBlock; details?: Record<string, unknown> } | null;
}

/**
 * Whether the final step relates to the AI's recommendation (`ai`), decides without it (`own`),
 * or waits for the reveal the plan asks for (`pending`).
 */
export type FinalStepMode = 'ai' | 'own' | 'pending';

/**
 * Where the final step stands: `pending`, `too-early` (minimum own-assessment time),
 * `unresolved` (a disagreement to resolve), `ready`, `finalized`, `ended` (abandoned).
 */
export type FinalStepStatus = 'pending' | 'too-early' | 'unresolved' | 'ready' | 'finalized' | 'ended';

/**
 * What a screen says next to the final step, as a code: the plan waits for the reveal, the
 * recommendation is still being computed (`awaiting-ai`), a disagreement is to be resolved, or why
 * the decision is made without the AI.
 */
export type FinalStepNote = 'pending' | 'awaiting-ai' | 'resolution-required' | FinalWithoutAiCause;

/** Everything a binding needs to render the final step. See `finalStep`. */
export interface FinalStepModel {
  mode: FinalStepMode;
  status: FinalStepStatus;
  comparison: Comparison;
  /** The person and the AI disagree, the screen shows the contrast, and no resolution is chosen. */
  resolutionRequired: boolean;
  /** The resolution in effect (`null` unless there is a disagreement the screen shows). */
  resolution: Resolution | null;
  justification: JustificationRequirement;
  /** With "keep my assessment": the action that records the person's own judgement. */
  matchingDeviation: FinalActionId | null;
  /** Milliseconds of own-assessment time left. */
  remainingMs: number;
  note: FinalStepNote | null;
  actions: Record<FinalActionId, FinalActionView>;
  /** The options a person can choose from for each action (empty for amounts and fixed targets). */
  options: DecisionOptions | null;
}

/** What the binding tells `finalStep` about the screen. */
export interface FinalStepInput {
  /** How the person resolved a disagreement, if they did. */
  resolution?: Resolution | null | undefined;
  /** Whether the screen shows the contrast of judgement and AI, which asks for a resolution. */
  contrast?: boolean | undefined;
}

/**
 * The final step as a pure model: which actions are shown and available (and why not, as
 * codes), the mode, the note, the justification requirement and the resolution rules. Every
 * binding renders this; none decides availability itself.
 *
 * @example
 * const step = finalStep(state, Date.now(), { resolution: null, contrast: true });
 * acceptButton.ariaDisabled = String(step.actions.accept.unavailable !== null);
 */
export function finalStep(state: DecisionState, now: number, input: FinalStepInput = {}): FinalStepModel {
  const allowed = allowedActions(state, now);
  const rec = state.recommendation;
  const status = state.status;
  const finalized = status === 'finalized';
  const ended = status === 'abandoned';
  const aiShown = state.revealedAt !== undefined && rec !== null;
  const mode: FinalStepMode = aiShown
    ? 'ai'
    : status === 'without-ai' ||
        status === 'ai-stopped' ||
        state.plan.reveal === 'on-request' ||
        finalized ||
        ended
      ? 'own'
      : 'pending';

  const comparison = compareJudgement(state);
  const disagreement = input.contrast === true && comparison.status === 'disagree';
  const resolution: Resolution | null = disagreement ? (input.resolution ?? null) : null;
  const resolutionRequired = disagreement && resolution === null && !finalized && !ended;
  const mine = state.judgement?.judgement;
  const matchingDeviation: FinalActionId | null =
    resolution !== 'keep-mine' || rec === null || mine === undefined
      ? null
      : rec.kind === 'numeric'
        ? 'modify'
        : rec.kind === 'ranked'
          ? rec.options.some((o) => o.id === mine.label)
            ? 'modify'
            : 'override'
          : 'override';

  const remainingMs = finalized || ended ? 0 : ownTimeRemainingMs(state, now);

  const finalizeBlock = (): FinalActionView['unavailable'] => {
    const gate = allowed.finalize;
    if (!gate.allowed) {
      if (gate.code === 'invalid-transition' && !finalized && !ended) return { code: 'pending' };
      return gate.details === undefined ? { code: gate.code } : { code: gate.code, details: gate.details };
    }
    if (resolutionRequired) return { code: 'resolution-required' };
    return null;
  };
  const resolutionBlock = (action: FinalActionId): FinalActionView['unavailable'] => {
    if (resolution === 'follow-ai' && action !== 'accept') return { code: 'resolution-follow-ai' };
    if (resolution === 'keep-mine' && action !== matchingDeviation) return { code: 'resolution-keep-mine' };
    if (resolution === 'other' && action === 'accept') return { code: 'resolution-other' };
    return null;
  };

  const kind = rec?.kind;
  // An action decided by choosing, with nothing to choose from: `record` without any options
  // (the procedure passed none and no recommendation brought any), a deviation whose options are
  // all ruled out (e.g. "something else" on a yes/no decision the person and the AI split).
  const emptyTargetBlock = (action: FinalActionId): FinalActionView['unavailable'] => {
    if (action === 'record')
      return mode === 'own' && decisionOptions(state) === null ? { code: 'no-options' } : null;
    if (
      mode !== 'ai' ||
      (action !== 'modify' && action !== 'override') ||
      rec === null ||
      rec.kind === 'numeric'
    )
      return null;
    if (action === matchingDeviation) return null;
    if (action === 'override' && openRankedList(state)) return null;
    return deviationOptionsFor(state, action, resolution).length === 0 ? { code: 'no-other-option' } : null;
  };
  const view = (action: FinalActionId): FinalActionView => {
    let visible: boolean;
    switch (action) {
      case 'accept':
        visible = mode === 'ai';
        break;
      case 'override':
        visible = mode === 'ai' && kind !== 'numeric';
        break;
      case 'modify':
        visible = mode === 'ai' && (kind === 'numeric' || kind === 'ranked');
        break;
      case 'record':
        visible = mode === 'own';
        break;
      case 'withoutAi':
        visible =
          (rec !== null || state.awaiting !== undefined) &&
          state.plan.arm === 'ai' &&
          status !== 'without-ai' &&
          status !== 'ai-stopped';
        break;
    }
    if (finalized || ended) visible = false;
    let unavailable: FinalActionView['unavailable'];
    if (action === 'withoutAi') {
      const gate = allowed.decideWithoutAi;
      unavailable = gate.allowed ? null : { code: gate.code };
    } else {
      unavailable =
        finalizeBlock() ?? (mode === 'ai' ? resolutionBlock(action) : null) ?? emptyTargetBlock(action);
    }
    return { visible, unavailable };
  };

  const stepStatus: FinalStepStatus = finalized
    ? 'finalized'
    : ended
      ? 'ended'
      : mode === 'pending'
        ? 'pending'
        : remainingMs > 0
          ? 'too-early'
          : resolutionRequired
            ? 'unresolved'
            : 'ready';

  let note: FinalStepNote | null = null;
  if (!finalized && !ended) {
    // While the recommendation is pending the screen says so, also under an on-request plan
    // (mode `own`), where the person may finish before it arrives.
    if (state.awaiting !== undefined) note = 'awaiting-ai';
    else if (mode === 'pending') note = 'pending';
    else if (resolutionRequired) note = 'resolution-required';
    else if (mode === 'own') {
      const cause = withoutAiCauseOf(state);
      note = cause === 'not-requested' ? null : (cause ?? null);
    }
  }

  return {
    mode,
    status: stepStatus,
    comparison,
    resolutionRequired,
    resolution,
    justification: justificationFor(state.plan.justification, aiShown, resolution),
    matchingDeviation,
    remainingMs,
    note,
    actions: {
      accept: view('accept'),
      modify: view('modify'),
      override: view('override'),
      record: view('record'),
      withoutAi: view('withoutAi'),
    },
    options: decisionOptions(state),
  };
}

/**
 * The options an action offers to deviate to: the decision's options (the procedure's order)
 * without the AI's pick and, when the person resolved a disagreement with "something else",
 * without their own judgement. Empty for amounts.
 *
 * @example
 * deviationOptions(state, 'other').map((o) => o.id); // ['request-documents']
 */
export function deviationOptions(
  state: DecisionState,
  resolution: Resolution | null = null,
): DecisionOption[] {
  const options = decisionOptions(state);
  if (options === null || options.kind !== 'choice') return [];
  const rec = state.recommendation;
  const exclude = new Set<string | undefined>([
    rec === null ? undefined : recommendedLabel(rec),
    resolution === 'other' ? state.judgement?.judgement.label : undefined,
  ]);
  return options.options.filter((option) => !exclude.has(option.id));
}

/**
 * Whether a ranked list's override takes a label that is not on the list: only when the
 * procedure gave no options, so the space is the AI's list and stays open.
 */
export function openRankedList(state: DecisionState): boolean {
  return state.options === undefined && state.recommendation?.kind === 'ranked';
}

/**
 * The options a deviation action offers: `deviationOptions`, each to the action whose intent
 * `intentFor` gives it (another item of a ranked list modifies, anything else overrides).
 *
 * @example
 * deviationOptionsFor(state, 'override', null).map((o) => o.id); // ['reject', 'refer']
 */
export function deviationOptionsFor(
  state: DecisionState,
  action: 'modify' | 'override',
  resolution: Resolution | null = null,
): DecisionOption[] {
  return deviationOptions(state, resolution).filter(
    (option) => intentFor(state, { label: option.id }) === action,
  );
}

/**
 * Options in an order that carries no advice: by label in `locale` (ties by id). The
 * recommendation's own order may be its ranking or sorted by probability, so before the reveal
 * it must not decide what comes first.
 *
 * @example
 * neutralOrder(rec.options, 'de').map((o) => o.id); // ['reject', 'approve', 'request-documents']
 */
export function neutralOrder(options: readonly DecisionOption[], locale: string): DecisionOption[] {
  const collator = new Intl.Collator(locale);
  const text = (option: DecisionOption) => option.labels?.[locale] ?? option.label;
  return options
    .map(({ id, label, labels }) =>
      labels === undefined ? { id, label } : { id, label, labels: { ...labels } },
    )
    .sort((a, b) => collator.compare(text(a), text(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The decision space as a screen presents it to a person who decides on their own (the judgement
 * step, deciding without the AI): the procedure's options in the procedure's order; without
 * them the recommendation's in `neutralOrder`; an amount as it is; `null` when there is none.
 *
 * @example
 * presentedOptions(state, 'de'); // { kind: 'choice', options: [...] }
 */
export function presentedOptions(state: DecisionState, locale: string): DecisionOptions | null {
  const space = decisionOptions(state);
  if (space === null || space.kind === 'numeric' || state.options !== undefined) return space;
  return { kind: 'choice', options: neutralOrder(space.options, locale) };
}

/**
 * Whether "decide on something else" is a possible way to resolve a disagreement: an amount can
 * always be another amount, an open ranked list takes any label, and otherwise some option must
 * remain besides the person's judgement and the AI's pick (not on a yes/no decision).
 *
 * @example
 * otherResolutionPossible(state); // false for a yes/no decision the person and the AI split
 */
export function otherResolutionPossible(state: DecisionState): boolean {
  const rec = state.recommendation;
  if (rec === null) return false;
  if (rec.kind === 'numeric' || openRankedList(state)) return true;
  return deviationOptions(state, 'other').length > 0;
}
