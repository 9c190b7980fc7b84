import { FREE_TEXT_MAX_LENGTH, reasonNeedsComment, type ReasonInput } from '@deliberate/core';
import {
  useId,
  type FieldsetHTMLAttributes,
  type HTMLAttributes,
  type InputHTMLAttributes,
  type LabelHTMLAttributes,
  type RefCallback,
  type TextareaHTMLAttributes,
} from 'react';
import {
  reasonLabel,
  useOptionalFinalize,
  type FinalizeContextValue,
  type JustificationRequirement,
} from '../actions/finalize-context.tsx';
import { useDecision } from '../decision/decision-provider.tsx';
import { useSafeguard } from '../decision/safeguards.ts';
import { useI18n } from '../i18n/context.tsx';
import { describedBy } from '../utils/described-by.ts';

/*
 * The justification's behaviour hook: the reason set, the selection and comment (kept in the
 * finalize step), the requirement, the errors and the prop bags with the ARIA wiring. The parts
 * in `justification.tsx` render what it returns.
 */

/**
 * `data-state` of the root:
 * - `hidden`: nothing to justify yet (the final decision is not possible yet) — renders nothing.
 * - `empty`: no reason selected.
 * - `filled`: at least one reason selected (and a comment where one is needed).
 * - `invalid`: the last finalize was refused for a missing reason or comment.
 * - `recorded`: the decision is final; the recorded reasons are shown read-only.
 *
 * `data-requirement` is `required`, `if-deviating` or `optional` (see `JustificationRequirement`).
 */
export type JustificationState = 'hidden' | 'empty' | 'filled' | 'invalid' | 'recorded';

type WithRef<P, E> = P & { ref?: RefCallback<E> | undefined };

export interface UseJustificationResult {
  state: JustificationState;
  requirement: JustificationRequirement;
  reasons: ReasonInput[];
  selected: string[];
  comment: string;
  /** Whether a selected reason needs a comment. */
  commentRequired: boolean;
  /** The selected reasons that need a comment. */
  commentRequiredBy: ReasonInput[];
  errors: { reasons?: string | undefined; comment?: string | undefined };
  /** The recorded reasons and comment, once final. */
  recorded: { reasons: string[]; comment: string | undefined } | null;
  finalize: FinalizeContextValue;
  fieldsetProps: FieldsetHTMLAttributes<HTMLFieldSetElement>;
  hintProps: HTMLAttributes<HTMLElement>;
  reasonProps(code: string, index: number): WithRef<InputHTMLAttributes<HTMLInputElement>, HTMLInputElement>;
  reasonLabelProps(code: string): LabelHTMLAttributes<HTMLLabelElement>;
  reasonErrorProps: HTMLAttributes<HTMLElement>;
  commentProps: WithRef<TextareaHTMLAttributes<HTMLTextAreaElement>, HTMLTextAreaElement>;
  commentLabelProps: LabelHTMLAttributes<HTMLLabelElement>;
  commentHintProps: HTMLAttributes<HTMLElement>;
  commentErrorProps: HTMLAttributes<HTMLElement>;
}

/**
 * The justification's behaviour for your own markup: the reason set, the selection and comment
 * (kept in the finalize step), the requirement and errors, and prop bags with the ARIA wiring.
 *
 * @example
 * const j = useJustification();
 * {j.reasons.map((r, i) => <label key={r.code}><input {...j.reasonProps(r.code, i)} /> {r.display}</label>)}
 */
export function useJustification(): UseJustificationResult {
  const fin = useOptionalFinalize();
  if (fin === null)
    throw new Error('`useJustification` must be used within `FinalizeStep.Root` or `FinalizeProvider`.');
  const { locale } = useI18n();
  const { state, reasonCodes, plan } = useDecision('useJustification');
  useSafeguard('justification', { rule: plan.justification, reasonCodes: reasonCodes.length });
  const base = useId();
  const ids = {
    hint: `${base}-hint`,
    comment: `${base}-comment`,
    commentHint: `${base}-comment-hint`,
    reason: (code: string) => `${base}-reason-${code}`,
  };

  const finalized = state.status === 'finalized';
  const ended = state.status === 'abandoned';
  // Reasons matter once a final decision can be recorded (core's final step is not waiting for
  // the reveal the plan asks for).
  const canFinalizeSoon = fin.step.mode !== 'pending';
  const selected = fin.reasons;
  const commentRequiredBy = reasonCodes.filter((r) => selected.includes(r.code) && reasonNeedsComment(r));
  const commentRequired = commentRequiredBy.length > 0;
  const errors = { reasons: fin.errors.reasons, comment: fin.errors.comment };
  const recorded = state.final
    ? {
        reasons: state.final.reasons.map((logged) => {
          const known = reasonCodes.find((r) => r.code === logged.code && r.system === logged.system);
          return known ? reasonLabel(known, locale) : logged.display || logged.code;
        }),
        comment: state.final.comment,
      }
    : null;
  const dataState: JustificationState = finalized
    ? 'recorded'
    : ended || !canFinalizeSoon
      ? 'hidden'
      : errors.reasons || errors.comment
        ? 'invalid'
        : selected.length > 0
          ? 'filled'
          : 'empty';

  return {
    state: dataState,
    requirement: fin.requirement,
    reasons: reasonCodes,
    selected,
    comment: fin.comment,
    commentRequired,
    commentRequiredBy,
    errors,
    recorded,
    finalize: fin,
    fieldsetProps: {
      'aria-describedby': describedBy(ids.hint, errors.reasons && fin.ids.reasonsError),
    },
    hintProps: { id: ids.hint },
    reasonProps: (code, index) => ({
      type: 'checkbox',
      id: ids.reason(code),
      checked: selected.includes(code),
      onChange: (event) => {
        const on = event.currentTarget.checked;
        fin.setReasons(
          on ? [...selected.filter((c) => c !== code), code] : selected.filter((c) => c !== code),
        );
      },
      'aria-invalid': errors.reasons ? true : undefined,
      ref: index === 0 ? fin.fieldRef('reasons') : undefined,
    }),
    reasonLabelProps: (code) => ({ htmlFor: ids.reason(code) }),
    reasonErrorProps: { id: fin.ids.reasonsError },
    commentProps: {
      id: ids.comment,
      value: fin.comment,
      onChange: (event) => fin.setComment(event.currentTarget.value),
      maxLength: FREE_TEXT_MAX_LENGTH,
      'aria-required': commentRequired ? true : undefined,
      'aria-invalid': errors.comment ? true : undefined,
      'aria-describedby': describedBy(ids.commentHint, errors.comment && fin.ids.commentError),
      ref: fin.fieldRef('comment'),
    },
    commentLabelProps: { htmlFor: ids.comment },
    commentHintProps: { id: ids.commentHint },
    commentErrorProps: { id: fin.ids.commentError },
  };
}
