import type { ActionAvailability, DecisionState, DecisionStatus } from '@deliberate/core';
import type { Translator } from '../i18n/translator.ts';

/*
 * The oversight controls' rules as plain functions (no React): which state the controls are in,
 * why an action is unavailable in the person's language, what to announce, and where "the
 * automation-bias notice was seen" is remembered. What may happen is the protocol's
 * (`allowedActions` in @deliberate/core); this file only maps its codes to text
 * (docs/architecture.md §1, "Rules live in core").
 */

/** The two actions the controls dispatch. */
export type OversightAction = 'decideWithoutAi' | 'stopAi';

/**
 * `data-state` of `OversightControls`:
 * - `active`: the AI may be used in this decision;
 * - `without-ai`: deciding without the AI (chosen, no-AI arm, no recommendation);
 * - `ai-stopped`: the AI was stopped;
 * - `ended`: the decision is finalized or abandoned.
 */
export type OversightState = 'active' | 'without-ai' | 'ai-stopped' | 'ended';

/** @example oversightState(state); // 'active' */
export function oversightState(state: DecisionState): OversightState {
  if (state.status === 'finalized' || state.status === 'abandoned') return 'ended';
  if (state.status === 'ai-stopped') return 'ai-stopped';
  if (state.status === 'without-ai') return 'without-ai';
  return 'active';
}

/**
 * The localized reason an oversight action is not available, or `null` when it is. Translated
 * by the protocol's error `code` and the decision's state; the protocol's English `message` is the
 * fallback for anything this version does not know.
 *
 * @example
 * oversightUnavailableReason('stopAi', allowed.stopAi, state, t); // 'The AI has already been stopped.'
 */
export function oversightUnavailableReason(
  action: OversightAction,
  availability: ActionAvailability,
  state: DecisionState,
  t: Translator['t'],
): string | null {
  if (availability.allowed) return null;
  if (state.status === 'finalized' || state.status === 'abandoned') return t('oversight.disabled.ended');
  if (availability.code === 'already-revealed') return t('oversight.disabled.revealed');
  if (availability.code === 'invalid-transition') {
    if (state.status === 'ai-stopped') {
      return t(action === 'stopAi' ? 'oversight.disabled.alreadyStopped' : 'oversight.disabled.stopped');
    }
    if (state.status === 'without-ai') {
      if (state.withoutAi?.cause === 'no-ai-arm') return t('oversight.disabled.noAiArm');
      if (state.withoutAi?.cause === 'no-recommendation') return t('oversight.disabled.noRecommendation');
      return t('oversight.disabled.withoutAi');
    }
  }
  return availability.message;
}

/**
 * What the controls' live region says: the result of an action taken while they were on screen
 * (stopping the AI, choosing to decide without it), and nothing for a state they mounted in.
 *
 * @example
 * oversightAnnouncement(state, 'judging', t); // 'The AI has been stopped …' right after stopping
 */
export function oversightAnnouncement(
  state: DecisionState,
  statusAtMount: DecisionStatus,
  t: Translator['t'],
): string {
  if (state.status === 'ai-stopped' && statusAtMount !== 'ai-stopped') return t('oversight.stop.done');
  if (state.status === 'without-ai' && state.withoutAi?.cause === 'chosen' && statusAtMount !== 'without-ai')
    return t('oversight.withoutAi.done');
  return '';
}

/* -------------------------------------------------------------------------------------------------
 * Remembering the automation-bias notice
 * -----------------------------------------------------------------------------------------------*/

/** Where "the notice has been seen" is remembered when no `storageKey` is given. */
export const DEFAULT_NOTICE_STORAGE_KEY = 'deliberate:automation-bias-notice:seen';

/** `localStorage`, or `null` on the server, in sandboxed frames and where storage is blocked. */
function noticeStorage(): Storage | null {
  try {
    return typeof globalThis.localStorage === 'undefined' ? null : globalThis.localStorage;
  } catch {
    return null;
  }
}

/** Whether the notice was seen in this browser; `false` where storage is unavailable. */
export function noticeSeen(storageKey: string): boolean {
  try {
    return noticeStorage()?.getItem(storageKey) === 'true';
  } catch {
    return false;
  }
}

/** Remembers that the notice was seen; where storage is full or blocked it simply shows again. */
export function rememberNoticeSeen(storageKey: string): void {
  try {
    noticeStorage()?.setItem(storageKey, 'true');
  } catch {
    // Storage full or blocked: the notice will simply show again next time.
  }
}
