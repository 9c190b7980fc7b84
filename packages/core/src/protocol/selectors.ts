import type {
  ActionAvailability,
  DecisionActionType,
  DecisionState,
  ProtocolError,
  ProtocolErrorCode,
} from './types.ts';
import { DECISION_ACTION_TYPES } from './types.ts';

/*
 * Pure questions about a decision's state. The reducer asks `guardAction` before it looks at an
 * action's payload, and `allowedActions` asks the same function, so a button a UI disables (and
 * the reason it shows) always matches what `decide` would answer.
 */

/**
 * Whether the decision has ended (`finalized` or `abandoned`); nothing is possible afterwards.
 *
 * @example
 * if (isTerminal(state)) closeScreen();
 */
export function isTerminal(state: DecisionState): boolean {
  return state.status === 'finalized' || state.status === 'abandoned';
}

/**
 * Why the AI cannot be used in this decision, or `null` when it can. The AI is unavailable in the
 * no-AI arm, when there is no (valid) recommendation, after "decide without AI", and after the AI
 * was stopped.
 *
 * @example
 * const why = aiUnavailableReason(state); // 'The AI has been stopped (procedure): drift.'
 */
export function aiUnavailableReason(state: DecisionState): string | null {
  if (state.plan.arm === 'no-ai')
    return 'This decision is in the no-AI arm; the AI recommendation is not shown.';
  if (state.status === 'without-ai') {
    switch (state.withoutAi?.cause) {
      case 'recommendation-failed':
        return 'The AI recommendation could not be computed; the decision is made without it.';
      case 'recommendation-timeout':
        return 'The AI recommendation did not arrive in time; the decision is made without it.';
      case 'invalid-recommendation':
        return 'The AI recommendation failed validation and is not shown.';
      default:
        break;
    }
  }
  if (state.recommendation === null && state.awaiting === undefined)
    return 'There is no valid AI recommendation for this decision.';
  if (state.status === 'ai-stopped') {
    const scope = state.stoppedBy?.scope ?? 'decision';
    return `The AI has been stopped (${scope}); its recommendation can no longer be used.`;
  }
  if (state.status === 'without-ai') return 'The person chose to decide without the AI.';
  return null;
}

/**
 * Milliseconds the person must still spend on their own assessment before they can finalize
 * (the plan's `minOwnTimeMs` since the decision opened); 0 when the time has passed.
 *
 * @example
 * const left = ownTimeRemainingMs(state, Date.now()); // 4200
 */
export function ownTimeRemainingMs(state: DecisionState, now: number): number {
  return Math.max(0, state.openedAt + state.plan.minOwnTimeMs - now);
}

function refusal(
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

const LOCKED_AFTER_COMMIT =
  'The judgement has been committed and cannot be changed; only the final decision can differ from it.';
const LOCKED_AFTER_REVEAL =
  'The AI recommendation has been shown, so an independent judgement can no longer be recorded; record the final decision instead.';

/**
 * Whether `type` is possible in this state, judged on the state alone (and, for `finalize`, the
 * time). Returns the refusal `decide` would give, or `null`. Payload checks (a label that is not
 * an option, a missing reason) come after this and are not covered. Without `now`, the minimum
 * own-assessment time is not checked.
 *
 * @example
 * guardAction(state, 'reveal')?.code; // 'judgement-required'
 */
export function guardAction(
  state: DecisionState,
  type: DecisionActionType,
  now?: number,
): ProtocolError | null {
  const refuse = (code: ProtocolErrorCode, message: string, details?: Record<string, unknown>) =>
    refusal(state, type, code, message, details);

  if (isTerminal(state)) {
    return refuse('invalid-transition', `The decision is ${state.status}; no further action is possible.`);
  }
  switch (type) {
    case 'draft':
    case 'commit': {
      if (state.judgement !== undefined) return refuse('judgement-locked', LOCKED_AFTER_COMMIT);
      if (state.revealedAt !== undefined) return refuse('judgement-locked', LOCKED_AFTER_REVEAL);
      return null;
    }
    case 'reveal': {
      const unavailable = aiUnavailableReason(state);
      if (unavailable !== null) return refuse('ai-unavailable', unavailable);
      if (state.awaiting !== undefined)
        return refuse('ai-pending', 'The AI recommendation is still being computed.');
      if (state.revealedAt !== undefined) {
        return refuse('already-revealed', 'The AI recommendation has already been revealed.');
      }
      if (state.plan.reveal === 'after-judgement' && state.judgement === undefined) {
        return refuse(
          'judgement-required',
          'This plan shows the AI recommendation only after the person has committed their own judgement.',
        );
      }
      return null;
    }
    case 'viewExplanation': {
      const unavailable = aiUnavailableReason(state);
      if (unavailable !== null) return refuse('ai-unavailable', unavailable);
      if (state.revealedAt === undefined || state.recommendation === null) {
        return refuse(
          'invalid-transition',
          'The explanation belongs to the AI recommendation, which has not been revealed yet.',
        );
      }
      return null;
    }
    case 'recommendationReceived':
    case 'recommendationFailed': {
      if (state.awaiting === undefined) {
        return refuse(
          'invalid-transition',
          'No recommendation is awaited: it arrived, failed or timed out already, or the person decided without the AI.',
        );
      }
      return null;
    }
    case 'decideWithoutAi': {
      if (state.status === 'without-ai') {
        return refuse('invalid-transition', 'The decision is already being made without the AI.');
      }
      if (state.status === 'ai-stopped') {
        return refuse(
          'invalid-transition',
          'The AI has been stopped; the decision is already made without it.',
        );
      }
      if (state.revealedAt !== undefined) {
        return refuse(
          'already-revealed',
          'The AI recommendation was already shown, so the decision cannot be made without it; to disagree, record a final decision that overrides it.',
        );
      }
      return null;
    }
    case 'stopAi': {
      if (state.status === 'ai-stopped')
        return refuse('invalid-transition', 'The AI has already been stopped.');
      return null;
    }
    case 'finalize': {
      if (state.status === 'opened' || state.status === 'judging' || state.status === 'committed') {
        // Only an on-request plan lets the person finish without ever asking for the AI; the other
        // plans promise that the AI is shown (immediately, or right after the judgement).
        if (state.plan.reveal === 'immediate') {
          return refuse(
            'invalid-transition',
            'This plan shows the AI recommendation immediately: reveal it before finalizing, or choose to decide without the AI.',
          );
        }
        if (state.plan.reveal === 'after-judgement') {
          return refuse(
            'invalid-transition',
            state.judgement === undefined
              ? 'This plan asks for the person’s own judgement first: commit it and reveal the AI recommendation before finalizing, or choose to decide without the AI.'
              : 'This plan shows the AI recommendation after the judgement: reveal it before finalizing, or choose to decide without the AI.',
          );
        }
      }
      if (now !== undefined) {
        const remainingMs = ownTimeRemainingMs(state, now);
        if (remainingMs > 0) {
          return refuse(
            'too-early',
            `The plan asks for at least ${state.plan.minOwnTimeMs} ms of own assessment; ${remainingMs} ms remain.`,
            { remainingMs, minOwnTimeMs: state.plan.minOwnTimeMs },
          );
        }
      }
      return null;
    }
    case 'abandon':
      return null;
    default: {
      const unknown: never = type;
      return refuse('invalid-input', `Unknown action type "${String(unknown)}".`);
    }
  }
}

/**
 * Whether the AI recommendation may be revealed now.
 *
 * @example
 * revealButton.hidden = !canReveal(state);
 */
export function canReveal(state: DecisionState): boolean {
  return guardAction(state, 'reveal') === null;
}

/**
 * For every action type, whether it is legal now and, if not, the code and an English reason —
 * for disabling buttons and saying why. Payload checks (labels, reasons) are not included.
 *
 * @example
 * const { finalize } = allowedActions(state, Date.now());
 * if (!finalize.allowed && finalize.code === 'too-early') showCountdown(finalize.details?.remainingMs);
 */
export function allowedActions(
  state: DecisionState,
  now: number,
): Record<DecisionActionType, ActionAvailability> {
  const result = {} as Record<DecisionActionType, ActionAvailability>;
  for (const type of DECISION_ACTION_TYPES) {
    const error = guardAction(state, type, now);
    result[type] =
      error === null
        ? { allowed: true }
        : error.details === undefined
          ? { allowed: false, code: error.code, message: error.message }
          : { allowed: false, code: error.code, message: error.message, details: error.details };
  }
  return result;
}

/**
 * Whether the person's own judgement can still be typed or committed (not yet committed, the AI
 * not yet seen, the decision not ended).
 *
 * @example
 * input.readOnly = !canEditJudgement(state);
 */
export function canEditJudgement(state: DecisionState): boolean {
  return guardAction(state, 'commit') === null;
}
