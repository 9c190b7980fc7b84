import type { DecisionState, FinalStepModel, FinalStepNote } from '@deliberate/core';
import { classifyOutcome } from '@deliberate/core';
import { formatPercent, formatSeconds } from '../i18n/format.ts';
import type { Translator } from '../i18n/translator.ts';
import { describeDecision, formatAmount } from '../judgement/display.ts';
import { parseLocaleNumber } from '../judgement/number.ts';
import type { actions as en } from '../messages/en/actions.ts';
import type { ActionsModelInput, AmountLimits, DecisionActionBlock } from './actions-model.ts';

/*
 * The words of the final-decision actions: a message for every code core's `finalStep` can give
 * (why an action is unavailable, the note next to the step) and for the binding's own, the own
 * time, an amount's range, and how an amount will be recorded. Typed as records over the codes,
 * so a new code in core does not compile until it has its words (docs/architecture.md §4, "No
 * hard-coded user-facing text").
 */

type MessageKey = keyof typeof en;

const UNAVAILABLE: MessageKey = 'actions.reason.unavailable';

/**
 * Every code `finalStep` (or the binding) can give, with its message. Payload codes
 * (`invalid-final`, `reason-required`, …) never block an action before it is pressed; they get the
 * general text and, after a press, the finalize step's field errors.
 */
const BLOCK_MESSAGES: Record<DecisionActionBlock, MessageKey> = {
  'invalid-transition': UNAVAILABLE,
  'judgement-required': 'actions.reason.judgementRequired',
  'judgement-locked': UNAVAILABLE,
  'ai-unavailable': 'actions.reason.aiUnavailable',
  'ai-pending': 'actions.reason.aiPending',
  'already-revealed': 'actions.reason.alreadyRevealed',
  'checklist-incomplete': UNAVAILABLE,
  'invalid-judgement': UNAVAILABLE,
  'invalid-final': UNAVAILABLE,
  'intent-mismatch': UNAVAILABLE,
  'reason-required': UNAVAILABLE,
  'too-early': 'actions.reason.tooEarly',
  'invalid-duration': UNAVAILABLE,
  'invalid-input': UNAVAILABLE,
  pending: 'actions.reason.pending',
  'resolution-required': 'actions.reason.resolutionRequired',
  'resolution-follow-ai': 'actions.reason.followAi',
  'resolution-keep-mine': 'actions.reason.keepMine',
  'resolution-other': 'actions.reason.other',
  'no-options': 'actions.reason.noOptions',
  'no-other-option': 'actions.reason.noOtherOption',
};

/** Every note `finalStep` can give, with its message. */
const NOTE_MESSAGES: Record<FinalStepNote, MessageKey> = {
  pending: 'actions.reason.pending',
  'awaiting-ai': 'actions.note.awaitingAi',
  'resolution-required': 'actions.reason.resolutionRequired',
  chosen: 'actions.own.chosen',
  'no-ai-arm': 'actions.own.noAiArm',
  'no-recommendation': 'actions.own.noRecommendation',
  'invalid-recommendation': 'actions.own.invalidRecommendation',
  'recommendation-failed': 'actions.own.recommendationFailed',
  'recommendation-timeout': 'actions.own.recommendationTimeout',
  'ai-stopped': 'actions.own.aiStopped',
  'not-requested': 'actions.own.notRequested',
};

/**
 * The note next to the step (waiting for the AI, a disagreement to resolve, why the decision is
 * made without the AI), or `null`. While the AI computes, the note says what the person can do
 * meanwhile: wait for it (the plan shows it first) or decide already (an on-request plan).
 *
 * @example
 * noteText({ note: 'recommendation-timeout', mode: 'own' }, t); // 'The AI’s recommendation did not arrive in time; …'
 */
export function noteText(step: Pick<FinalStepModel, 'note' | 'mode'>, t: Translator['t']): string | null {
  if (step.note === null) return null;
  if (step.note === 'awaiting-ai' && step.mode !== 'pending') return t('actions.note.awaitingAiOwn');
  return t(NOTE_MESSAGES[step.note]);
}

/** "Take at least 20 seconds for your own assessment — 12 seconds left." */
export function ownTimeText(state: DecisionState, remainingMs: number, locale: string, t: Translator['t']) {
  return t('actions.reason.tooEarly', {
    min: formatSeconds(state.plan.minOwnTimeMs, locale),
    left: formatSeconds(remainingMs, locale),
  });
}

/**
 * Why an action cannot be used, in words.
 *
 * @example
 * blockText({ code: 'resolution-follow-ai' }, input); // 'You chose above to follow the AI’s …'
 */
export function blockText(
  block: { code: DecisionActionBlock; details?: Record<string, unknown> | undefined },
  input: ActionsModelInput,
): string {
  const { state, step, locale, t } = input;
  switch (block.code) {
    case 'too-early':
      return ownTimeText(state, step.remainingMs, locale, t);
    case 'pending':
      return t(state.awaiting === undefined ? 'actions.reason.pending' : 'actions.note.awaitingAi');
    case 'resolution-keep-mine': {
      const mine = state.judgement?.judgement;
      return t('actions.reason.keepMine', {
        option: mine ? describeDecision(mine, step.options, locale) : '',
      });
    }
    default:
      return t(BLOCK_MESSAGES[block.code]);
  }
}

/** The procedure's range in words, or `null` when it sets none. */
export function rangeText(limits: AmountLimits, locale: string, t: Translator['t']): string | null {
  const amount = (value: number) => formatAmount(value, locale, limits.unit);
  const { min, max } = limits;
  if (min !== undefined && max !== undefined)
    return t('actions.amount.range', { min: amount(min), max: amount(max) });
  if (min !== undefined) return t('actions.amount.min', { min: amount(min) });
  if (max !== undefined) return t('actions.amount.max', { max: amount(max) });
  return null;
}

/**
 * How an amount typed against the AI's will be recorded: core's `classifyOutcome` says whether it
 * is a modification (inside the AI's interval) or an override; `null` while it is no amount or
 * the AI's own.
 */
export function amountHint(input: ActionsModelInput, text: string): string | null {
  const { state, locale, t } = input;
  const rec = state.recommendation;
  if (rec?.kind !== 'numeric') return null;
  const value = parseLocaleNumber(text, locale);
  if (typeof value !== 'number') return null;
  const outcome = classifyOutcome(state, { value });
  if (outcome !== 'modified' && outcome !== 'overridden') return null;
  return t(outcome === 'modified' ? 'actions.amount.inside' : 'actions.amount.outside', {
    level: formatPercent(rec.interval.level, locale),
    range: `${formatAmount(rec.interval.lo, locale, rec.unit)} – ${formatAmount(rec.interval.hi, locale, rec.unit)}`,
  });
}
