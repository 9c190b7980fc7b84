import { FREE_TEXT_MAX_LENGTH, type CommitAction, type ProtocolError } from '@deliberate/core';
import {
  useId,
  useMemo,
  type ButtonHTMLAttributes,
  type FieldsetHTMLAttributes,
  type HTMLAttributes,
  type InputHTMLAttributes,
  type LabelHTMLAttributes,
  type RefCallback,
  type TextareaHTMLAttributes,
} from 'react';
import { useDecision, useDecisionContext } from '../decision/decision-provider.tsx';
import { useSafeguard } from '../decision/safeguards.ts';
import { useI18n } from '../i18n/context.tsx';
import { cancelable, runCancelable, type CancelableEvent } from '../utils/cancelable.ts';
import { describedBy } from '../utils/described-by.ts';
import type { DecisionShape } from './display.ts';
import {
  fitsStep,
  hasEntries,
  judgementDataState,
  judgementModel,
  judgementRefusal,
  missingChecklist,
  readDraft,
  refusalProblem,
  type DecisionProblem,
  type IndependentJudgementState,
  type JudgementDraft,
  type JudgementModel,
} from './judgement-model.ts';
import {
  amountConstraintText,
  committedSummary,
  decisionProblemText,
  timeHintText,
  unavailableText as unavailableTextOf,
  type CommittedSummary,
} from './judgement-text.ts';
import { OWN_CONFIDENCE_SCALE, type OwnConfidenceStep } from './own-confidence.ts';
import {
  useJudgementState,
  useMissingOptionsWarning,
  type JudgementErrors,
  type JudgementField,
  type UseJudgementStateProps,
} from './use-judgement-state.ts';

/*
 * The behaviour of the independent judgement without its look: the model (judgement-model.ts),
 * the local state (use-judgement-state.ts), the `draft` and `commit` dispatches, and prop bags
 * with the ARIA wiring for any markup (KoliBri, KERN). The options are the procedure's
 * (`DecisionProvider`'s `options`), never a prop: a second source could disagree with the one
 * the protocol checks judgements against.
 */

/** Passed to `onCommit` before the judgement is recorded; `preventDefault()` (or returning `false`) cancels. */
export type CommitEvent = CancelableEvent<CommitAction>;

export interface UseIndependentJudgementProps extends UseJudgementStateProps {
  /**
   * Called before the judgement is recorded. Runs first and can cancel: call
   * `event.preventDefault()` or return `false`.
   */
  onCommit?: ((event: CommitEvent) => boolean | void) | undefined;
}

type WithRef<P, E> = P & { ref?: RefCallback<E> | undefined };
type DataState<S> = { 'data-state': S };

export interface UseIndependentJudgementResult {
  /** See `IndependentJudgementState`. */
  state: IndependentJudgementState;
  /** What can be done, what is required, what is judged (see `judgementModel`). */
  model: JudgementModel;
  /** What is being judged; `null` without options. */
  shape: DecisionShape | null;
  /** Whether inputs can still change. */
  editable: boolean;
  draft: JudgementDraft;
  /** The recorded judgement (from the protocol state). */
  committed: CommittedSummary | null;
  /** Localized error messages next to their fields. */
  errors: JudgementErrors;
  /** The min-own-time hint, or `null` when the plan has none. */
  timeHint: string | null;
  /** The procedure's range and step for an amount, in words, or `null`. */
  amountConstraints: string | null;
  /** Why no judgement can be entered (`locked`, `skipped`, `unavailable`), else `null`. */
  unavailableText: string | null;
  /** Records the judgement; `false` when something is missing, it was cancelled or refused. */
  commit(): boolean;
  rootProps: HTMLAttributes<HTMLElement> & DataState<IndependentJudgementState>;
  descriptionProps: HTMLAttributes<HTMLElement>;
  timeHintProps: HTMLAttributes<HTMLElement>;
  fieldsetProps: FieldsetHTMLAttributes<HTMLFieldSetElement>;
  legendProps: HTMLAttributes<HTMLLegendElement>;
  optionProps(id: string): WithRef<InputHTMLAttributes<HTMLInputElement>, HTMLInputElement>;
  optionLabelProps(id: string): LabelHTMLAttributes<HTMLLabelElement>;
  amountInputProps: WithRef<InputHTMLAttributes<HTMLInputElement>, HTMLInputElement>;
  amountLabelProps: LabelHTMLAttributes<HTMLLabelElement>;
  amountHintProps: HTMLAttributes<HTMLElement>;
  /** For the element showing `amountConstraints`. */
  amountConstraintsProps: HTMLAttributes<HTMLElement>;
  confidenceFieldsetProps: FieldsetHTMLAttributes<HTMLFieldSetElement>;
  /** `'none'` is the "not stated" choice. */
  confidenceOptionProps(step: OwnConfidenceStep['id'] | 'none'): InputHTMLAttributes<HTMLInputElement>;
  confidenceLabelProps(step: OwnConfidenceStep['id'] | 'none'): LabelHTMLAttributes<HTMLLabelElement>;
  rationaleProps: TextareaHTMLAttributes<HTMLTextAreaElement>;
  rationaleLabelProps: LabelHTMLAttributes<HTMLLabelElement>;
  rationaleHintProps: HTMLAttributes<HTMLElement>;
  checklistFieldsetProps: FieldsetHTMLAttributes<HTMLFieldSetElement>;
  checklistItemProps(id: string): WithRef<InputHTMLAttributes<HTMLInputElement>, HTMLInputElement>;
  checklistLabelProps(id: string): LabelHTMLAttributes<HTMLLabelElement>;
  commitButtonProps: ButtonHTMLAttributes<HTMLButtonElement>;
  errorProps(field: JudgementField): HTMLAttributes<HTMLElement>;
  /** Spread on the element that receives focus once the judgement is recorded. */
  summaryTitleProps: WithRef<HTMLAttributes<HTMLElement>, HTMLElement>;
}

function decisionFocusKey(shape: DecisionShape, label: string | undefined): string {
  if (shape.kind === 'numeric') return 'amount';
  const selected = shape.options.find((option) => option.id === label) ?? shape.options[0];
  return `option:${selected?.id ?? ''}`;
}

/**
 * The behaviour of the independent judgement without its look. Must be used inside
 * `DecisionProvider`; the options are the provider's (the procedure's `options`, else the
 * recommendation's in a neutral order).
 *
 * @example
 * const j = useIndependentJudgement();
 * <fieldset {...j.fieldsetProps}><legend {...j.legendProps}>…</legend>
 *   {j.shape?.kind === 'choice' && j.shape.options.map((o) => (
 *     <label key={o.id} {...j.optionLabelProps(o.id)}><input {...j.optionProps(o.id)} /> {o.label}</label>
 *   ))}
 * </fieldset>
 * <button {...j.commitButtonProps}>Record</button>
 */
export function useIndependentJudgement(
  props: UseIndependentJudgementProps = {},
): UseIndependentJudgementResult {
  const { t, plural, locale } = useI18n();
  const { store, clock } = useDecisionContext('useIndependentJudgement');
  const { state, dispatch, allowed, plan, ownTimeRemainingMs } = useDecision('useIndependentJudgement');
  // The protocol refuses a reveal before this judgement is committed (after-judgement plans).
  useSafeguard('judgement.independent', {
    committedBeforeReveal: true,
    checklistItems: plan.checklist.length,
  });
  const record = state.judgement;
  const local = useJudgementState(props, record !== undefined);
  const { draft, errors } = local;
  const entered = hasEntries(draft);
  const model = useMemo(
    () => judgementModel(state, plan, { locale, entered }),
    [state, plan, locale, entered],
  );
  const { shape, editable } = model;
  const dataState = judgementDataState(model, entered);
  const checked = draft.checklist ?? [];

  useMissingOptionsWarning(model.availability, store);

  const base = useId();
  const ids = {
    description: `${base}-description`,
    time: `${base}-time`,
    legend: `${base}-legend`,
    name: `${base}-decision`,
    amount: `${base}-amount`,
    amountHint: `${base}-amount-hint`,
    amountConstraints: `${base}-amount-constraints`,
    confidenceName: `${base}-confidence-step`,
    rationale: `${base}-rationale`,
    rationaleHint: `${base}-rationale-hint`,
    checklist: `${base}-checklist`,
    decisionError: `${base}-decision-error`,
    checklistError: `${base}-checklist-error`,
    generalError: `${base}-general-error`,
  };

  const update = (patch: Partial<JudgementDraft>) => {
    if (!editable) return;
    const next = { ...draft, ...patch };
    local.setDraft(next);
    const clear: JudgementField[] = [];
    if ('label' in patch || 'amount' in patch) clear.push('decision');
    if ('checklist' in patch) clear.push('checklist');
    local.clearErrors(clear);
    // Drafts are keystrokes: the protocol keeps them (for a host that persists the screen) but
    // logs nothing; it keeps what it would accept (an amount outside the range is left out). The
    // rationale and checklist are only sent with the commit.
    if (('label' in patch || 'amount' in patch || 'confidence' in patch) && allowed.draft.allowed) {
      const { judgement } = readDraft(shape, next, locale);
      if (judgementRefusal(state, judgement, clock.now()) === null) {
        dispatch({ type: 'draft', judgement });
      } else {
        const { label: _label, value: _value, ...rest } = judgement;
        dispatch({ type: 'draft', judgement: rest });
      }
    }
  };

  const refusalText = (error: Pick<ProtocolError, 'code'>): string =>
    error.code === 'judgement-locked' || error.code === 'invalid-transition'
      ? t('judgement.error.locked')
      : t('judgement.error.refused');

  const commit = (): boolean => {
    if (!allowed.commit.allowed) {
      local.setErrors({ general: refusalText(allowed.commit) });
      return false;
    }
    if (!editable || shape === null) return false;
    const { judgement, problem: unread } = readDraft(shape, draft, locale);
    let problem: DecisionProblem | null = unread;
    if (problem === null) {
      const refusal = judgementRefusal(state, judgement, clock.now());
      if (refusal !== null) problem = refusalProblem(refusal);
      else if (judgement.value !== undefined && !fitsStep(judgement.value, model.amount))
        problem = 'amount-step';
    }
    const missing = missingChecklist(model, checked);
    const problems: JudgementErrors = {};
    let focusKey: string | null = null;
    if (problem !== null) {
      problems.decision = decisionProblemText(problem, model.amount, t, locale);
      focusKey = decisionFocusKey(shape, draft.label);
    }
    if (missing.length > 0) {
      problems.checklist = plural('judgement.error.checklist', missing.length);
      focusKey ??= `check:${missing[0] ?? ''}`;
    }
    if (focusKey !== null) {
      local.setErrors(problems);
      local.focusField(focusKey);
      return false;
    }

    const rationale = (draft.rationale ?? '').trim();
    const action: CommitAction = {
      type: 'commit',
      judgement,
      ...(rationale === '' ? {} : { rationale }),
      ...(model.required.checklist.length === 0
        ? {}
        : { checklist: model.required.checklist.filter((id) => checked.includes(id)) }),
    };
    if (!runCancelable(cancelable(action), props.onCommit)) return false;

    const result = dispatch(action);
    if (!result.ok) {
      const { error } = result;
      if (error.code === 'checklist-incomplete') {
        local.setErrors({ checklist: t('judgement.error.refused') });
        local.focusField(`check:${model.required.checklist[0] ?? ''}`);
      } else if (error.code === 'invalid-judgement') {
        local.setErrors({
          decision: decisionProblemText(refusalProblem(error), model.amount, t, locale),
        });
        local.focusField(decisionFocusKey(shape, draft.label));
      } else {
        local.setErrors({ general: refusalText(error) });
      }
      return false;
    }
    local.setErrors({});
    local.focusSummaryWhenCommitted();
    return true;
  };

  const committed = useMemo(
    () => (record === undefined ? null : committedSummary(record, plan, shape, locale)),
    [record, plan, shape, locale],
  );

  const amountConstraints = amountConstraintText(model.amount, t, locale);
  const confidenceValue = (step: OwnConfidenceStep['id'] | 'none') =>
    step === 'none' ? undefined : OWN_CONFIDENCE_SCALE.find((s) => s.id === step)?.value;
  const decisionErrorId = errors.decision ? ids.decisionError : undefined;

  return {
    state: dataState,
    model,
    shape,
    editable,
    draft,
    committed,
    errors,
    timeHint: timeHintText(plan, ownTimeRemainingMs, t, locale),
    amountConstraints,
    unavailableText: unavailableTextOf(model.availability, t),
    commit,
    rootProps: { 'data-state': dataState },
    descriptionProps: { id: ids.description },
    timeHintProps: { id: ids.time },
    fieldsetProps: {
      'aria-describedby': describedBy(ids.description, decisionErrorId),
      disabled: !editable,
    },
    legendProps: { id: ids.legend },
    optionProps: (id) => ({
      type: 'radio',
      name: ids.name,
      value: id,
      id: `${ids.name}-${id}`,
      checked: draft.label === id,
      onChange: () => update({ label: id }),
      ref: local.fieldRef(`option:${id}`),
    }),
    optionLabelProps: (id) => ({ htmlFor: `${ids.name}-${id}` }),
    amountInputProps: {
      id: ids.amount,
      type: 'text',
      inputMode: 'decimal',
      autoComplete: 'off',
      value: draft.amount ?? '',
      onChange: (event) => update({ amount: event.currentTarget.value }),
      'aria-required': true,
      'aria-invalid': errors.decision ? true : undefined,
      'aria-describedby': describedBy(
        ids.description,
        ids.amountHint,
        amountConstraints !== null && ids.amountConstraints,
        decisionErrorId,
      ),
      ref: local.fieldRef('amount'),
    },
    amountLabelProps: { htmlFor: ids.amount },
    amountHintProps: { id: ids.amountHint },
    amountConstraintsProps: { id: ids.amountConstraints },
    confidenceFieldsetProps: { disabled: !editable },
    confidenceOptionProps: (step) => ({
      type: 'radio',
      name: ids.confidenceName,
      value: step,
      id: `${ids.confidenceName}-${step}`,
      checked: draft.confidence === confidenceValue(step),
      onChange: () => update({ confidence: confidenceValue(step) }),
    }),
    confidenceLabelProps: (step) => ({ htmlFor: `${ids.confidenceName}-${step}` }),
    rationaleProps: {
      id: ids.rationale,
      value: draft.rationale ?? '',
      onChange: (event) => update({ rationale: event.currentTarget.value }),
      // The protocol refuses longer text; the field never lets it be typed.
      maxLength: FREE_TEXT_MAX_LENGTH,
      'aria-describedby': ids.rationaleHint,
      disabled: !editable,
    },
    rationaleLabelProps: { htmlFor: ids.rationale },
    rationaleHintProps: { id: ids.rationaleHint },
    checklistFieldsetProps: {
      'aria-describedby': errors.checklist ? ids.checklistError : undefined,
      disabled: !editable,
    },
    checklistItemProps: (id) => ({
      type: 'checkbox',
      id: `${ids.checklist}-${id}`,
      checked: checked.includes(id),
      onChange: (event) => {
        const on = event.currentTarget.checked;
        const others = checked.filter((c) => c !== id);
        update({ checklist: on ? [...others, id] : others });
      },
      'aria-required': model.required.checklist.includes(id) ? true : undefined,
      'aria-invalid': errors.checklist && !checked.includes(id) ? true : undefined,
      ref: local.fieldRef(`check:${id}`),
    }),
    checklistLabelProps: (id) => ({ htmlFor: `${ids.checklist}-${id}` }),
    commitButtonProps: {
      type: 'button',
      onClick: () => {
        commit();
      },
      'aria-describedby': errors.general ? ids.generalError : undefined,
    },
    errorProps: (field) => ({
      id:
        field === 'decision'
          ? ids.decisionError
          : field === 'checklist'
            ? ids.checklistError
            : ids.generalError,
    }),
    summaryTitleProps: { tabIndex: -1, ref: local.summaryTitleRef },
  };
}
