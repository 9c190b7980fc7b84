import type { DecisionState, ProtocolError, ReasonInput } from '@deliberate/core';
import type { Translator } from '../i18n/translator.ts';
import { ownTimeText } from './actions-text.ts';

/*
 * A refused `finalize`, in words and at the field it concerns: the protocol's code decides where
 * the error goes (the reasons, the comment, or the step in general). No rule is restated here:
 * the reducer refused, this only says so next to the right field.
 */

/** Fields the finalize step can point the person to. */
export type FinalizeField = 'reasons' | 'comment' | 'resolution';

export type FinalizeErrors = Partial<Record<FinalizeField | 'general', string>>;

/**
 * A reason's label in `locale`.
 *
 * @example
 * reasonLabel({ system: 's', code: 'other', display: 'Other', labels: { de: 'Sonstiges' } }, 'de'); // 'Sonstiges'
 */
export function reasonLabel(reason: ReasonInput, locale: string): string {
  return reason.labels?.[locale] ?? reason.display;
}

/** What `refusalErrors` needs to know about the screen. */
export interface RefusalContext {
  state: DecisionState;
  reasonCodes: ReasonInput[];
  /** Whether the field is on screen (a refusal for a field that is not goes to `general`). */
  has(field: FinalizeField): boolean;
  locale: string;
  t: Translator['t'];
}

/**
 * The errors to show for a refused finalize, and the field to move focus to.
 *
 * @example
 * refusalErrors(result.error, context); // { errors: { reasons: 'Choose at least one reason …' }, focus: 'reasons' }
 */
export function refusalErrors(
  error: ProtocolError,
  context: RefusalContext,
): { errors: FinalizeErrors; focus?: FinalizeField } {
  const { t, locale, has } = context;
  if (error.code === 'reason-required') {
    const code = typeof error.details?.['code'] === 'string' ? error.details['code'] : undefined;
    if (code !== undefined) {
      const reason = context.reasonCodes.find((r) => r.code === code);
      const text = t('justification.error.comment', { reason: reason ? reasonLabel(reason, locale) : code });
      return has('comment') ? { errors: { comment: text }, focus: 'comment' } : { errors: { general: text } };
    }
    const text = t('justification.error.required');
    return has('reasons') ? { errors: { reasons: text }, focus: 'reasons' } : { errors: { general: text } };
  }
  if (error.code === 'too-early') {
    const remaining = typeof error.details?.['remainingMs'] === 'number' ? error.details['remainingMs'] : 0;
    return { errors: { general: ownTimeText(context.state, remaining, locale, t) } };
  }
  if (error.code === 'invalid-final' || error.code === 'intent-mismatch') {
    return { errors: { general: t('actions.error.final') } };
  }
  return { errors: { general: t('actions.error.refused') } };
}
