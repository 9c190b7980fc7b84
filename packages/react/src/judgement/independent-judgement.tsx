import type { CommitAction, JudgementInput, ProtocolError, Recommendation } from '@deliberate/core';
import { FREE_TEXT_MAX_LENGTH } from '@deliberate/core';
import {
  createContext,
  forwardRef,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type FieldsetHTMLAttributes,
  type HTMLAttributes,
  type InputHTMLAttributes,
  type LabelHTMLAttributes,
  type ReactNode,
  type RefCallback,
  type TextareaHTMLAttributes,
} from 'react';
import { useDecision } from '../decision/decision-provider.tsx';
import { useSafeguard } from '../decision/safeguards.ts';
import { useI18n } from '../i18n/context.tsx';
import { formatSeconds } from '../i18n/format.ts';
import { useControllableState } from '../utils/use-controllable-state.ts';
import {
  describeDecision,
  formatClockTime,
  optionLabel,
  shapeOf,
  shortCommitment,
  type DecisionOption,
  type DecisionShape,
} from './display.ts';
import { parseLocaleNumber } from './number.ts';
import { OWN_CONFIDENCE_SCALE, ownConfidenceStep, type OwnConfidenceStep } from './own-confidence.ts';

/*
 * The person's own judgement, recorded before the AI is revealed (judge first: Fogliato et al.
 * 2022; cognitive forcing: Buçinca et al. 2021). The behaviour lives in `useIndependentJudgement`,
 * which returns prop bags for any markup (KoliBri, KERN); the parts below render Deliberate's
 * look with native form controls: radios in a fieldset for options, a text input with
 * locale-aware parsing for amounts, checkboxes for the plan's checklist.
 */

/* -------------------------------------------------------------------------------------------------
 * Types
 * -----------------------------------------------------------------------------------------------*/

/**
 * Where the judgement stands, as `data-state` on the root:
 * - `empty`: nothing entered yet; the person can judge.
 * - `drafting`: something entered, not yet recorded.
 * - `committed`: the judgement is recorded (hashed and logged) and shown read-only.
 * - `locked`: no judgement was recorded and none can be any more (the AI was already shown, or
 *   the decision ended).
 * - `unavailable`: there is nothing to judge against (no options and no amount; e.g. no valid
 *   recommendation and the host passed no `options`).
 */
export type IndependentJudgementState = 'empty' | 'drafting' | 'committed' | 'locked' | 'unavailable';

/**
 * What the person has entered so far. `amount` is the text as typed (parsed per locale when
 * committed), `confidence` one of the `OWN_CONFIDENCE_SCALE` values, `checklist` the confirmed ids.
 */
export interface JudgementDraft {
  label?: string | undefined;
  amount?: string | undefined;
  confidence?: number | undefined;
  rationale?: string | undefined;
  checklist?: string[] | undefined;
}

/** Passed to `onCommit` before the judgement is recorded; `preventDefault()` (or returning `false`) cancels. */
export interface CommitEvent {
  /** The action that will be dispatched. */
  readonly action: CommitAction;
  readonly defaultPrevented: boolean;
  preventDefault(): void;
}

export interface UseIndependentJudgementProps {
  /** The entered judgement, controlled. */
  value?: JudgementDraft | undefined;
  /** The entered judgement at first render, uncontrolled. @default {} */
  defaultValue?: JudgementDraft | undefined;
  /** Called with every change of the entered judgement. */
  onValueChange?: ((draft: JudgementDraft) => void) | undefined;
  /**
   * Called before the judgement is recorded. Runs first and can cancel: call
   * `event.preventDefault()` or return `false`.
   */
  onCommit?: ((event: CommitEvent) => boolean | void) | undefined;
  /**
   * The options to judge between, in the order shown. Keep that order fixed for a procedure: a
   * source that sorts options by probability would show the AI's pick first.
   * @default the recommendation's options in their given order (ranked lists in alphabetical
   * order, so that the list does not give away the AI's ranking)
   */
  options?: DecisionOption[] | undefined;
  /** `numeric` asks for an amount instead of a choice. @default from the recommendation */
  kind?: 'choice' | 'numeric' | undefined;
  /** The unit of an amount, e.g. `EUR` or `€ / month`. @default the recommendation's unit */
  unit?: string | undefined;
}

type JudgementField = 'decision' | 'checklist' | 'general';
type JudgementErrors = Partial<Record<JudgementField, string>>;

type WithRef<P, E> = P & { ref?: RefCallback<E> | undefined };
type DataState<S> = { 'data-state': S };

export interface UseIndependentJudgementResult {
  /** See `IndependentJudgementState`. */
  state: IndependentJudgementState;
  /** What is being judged; `null` when `unavailable`. */
  shape: DecisionShape | null;
  /** Whether inputs can still change (not committed, not locked). */
  editable: boolean;
  draft: JudgementDraft;
  /** The recorded judgement (from the protocol state). */
  committed: {
    text: string;
    confidence: OwnConfidenceStep | undefined;
    rationale: string | undefined;
    checklist: string[];
    time: string;
    commitment: string;
    shortCommitment: string;
  } | null;
  /** Localized error messages next to their fields. */
  errors: JudgementErrors;
  /** The min-own-time hint, or `null` when the plan has none. */
  timeHint: string | null;
  /** Why no judgement can be entered (`locked`, `unavailable`), else `null`. */
  unavailableText: string | null;
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

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

const EMPTY_DRAFT: JudgementDraft = {};

function resolveShape(
  props: UseIndependentJudgementProps,
  recommendation: Recommendation | null,
  locale: string,
): DecisionShape | null {
  if (props.kind === 'numeric') {
    const unit = props.unit ?? (recommendation?.kind === 'numeric' ? recommendation.unit : undefined);
    return { kind: 'numeric', unit };
  }
  if (props.options !== undefined) return { kind: 'choice', options: props.options };
  const shape = shapeOf(recommendation, locale);
  if (shape?.kind === 'numeric' && props.unit !== undefined) return { kind: 'numeric', unit: props.unit };
  if (props.kind === 'choice' && shape?.kind !== 'choice') return null;
  return shape;
}

function cancelable<A>(action: A): { action: A; readonly defaultPrevented: boolean; preventDefault(): void } {
  let prevented = false;
  return {
    action,
    get defaultPrevented() {
      return prevented;
    },
    preventDefault() {
      prevented = true;
    },
  };
}

function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

/* -------------------------------------------------------------------------------------------------
 * useIndependentJudgement
 * -----------------------------------------------------------------------------------------------*/

/**
 * The behaviour of the independent judgement without its look: state, validation, the `draft`
 * and `commit` dispatches, focus handling, and prop bags with the ARIA wiring for your own
 * inputs. Must be used inside `DecisionProvider`.
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
  const { state, dispatch, allowed, plan, recommendation, ownTimeRemainingMs } =
    useDecision('useIndependentJudgement');
  // The protocol refuses a reveal before this judgement is committed (after-judgement plans).
  useSafeguard('judgement.independent', {
    committedBeforeReveal: true,
    checklistItems: plan.checklist.length,
  });
  const { options: optionsProp, kind: kindProp, unit: unitProp } = props;
  const shape = useMemo(
    () => resolveShape({ options: optionsProp, kind: kindProp, unit: unitProp }, recommendation, locale),
    [optionsProp, kindProp, unitProp, recommendation, locale],
  );
  const [draft, setDraft] = useControllableState<JudgementDraft>({
    prop: props.value,
    defaultProp: props.defaultValue ?? EMPTY_DRAFT,
    onChange: props.onValueChange,
    name: 'IndependentJudgement',
  });
  const [errors, setErrors] = useState<JudgementErrors>({});
  const [focusRequest, setFocusRequest] = useState<{ key: string } | null>(null);
  const fields = useRef(new Map<string, HTMLElement>());
  const summaryTitleRef = useRef<HTMLElement | null>(null);
  const justCommitted = useRef(false);
  const setSummaryTitle = useCallback((element: HTMLElement | null) => {
    summaryTitleRef.current = element;
  }, []);

  const base = useId();
  const ids = {
    description: `${base}-description`,
    time: `${base}-time`,
    legend: `${base}-legend`,
    name: `${base}-decision`,
    amount: `${base}-amount`,
    amountHint: `${base}-amount-hint`,
    confidenceLegend: `${base}-confidence`,
    confidenceName: `${base}-confidence-step`,
    rationale: `${base}-rationale`,
    rationaleHint: `${base}-rationale-hint`,
    checklistLegend: `${base}-checklist`,
    decisionError: `${base}-decision-error`,
    checklistError: `${base}-checklist-error`,
    generalError: `${base}-general-error`,
  };

  const record = state.judgement;
  const editable = record === undefined && allowed.commit.allowed && shape !== null;
  const checked = draft.checklist ?? [];
  const entered =
    draft.label !== undefined ||
    (draft.amount ?? '').trim() !== '' ||
    draft.confidence !== undefined ||
    (draft.rationale ?? '').trim() !== '' ||
    checked.length > 0;
  const dataState: IndependentJudgementState =
    record !== undefined
      ? 'committed'
      : !allowed.commit.allowed
        ? 'locked'
        : shape === null
          ? 'unavailable'
          : entered
            ? 'drafting'
            : 'empty';

  // Focus moves only in answer to the person's own action: to the first invalid field after a
  // refused commit, and to the recorded summary after a successful one (the form is gone).
  useEffect(() => {
    if (focusRequest === null) return;
    const element = fields.current.get(focusRequest.key);
    if (element?.isConnected) element.focus();
  }, [focusRequest]);
  useEffect(() => {
    if (record !== undefined && justCommitted.current) {
      justCommitted.current = false;
      summaryTitleRef.current?.focus();
    }
  }, [record]);

  const fieldRef = useCallback(
    (key: string): RefCallback<HTMLElement> =>
      (element) => {
        if (element) fields.current.set(key, element);
      },
    [],
  );

  const toJudgement = (
    next: JudgementDraft,
  ): { judgement: JudgementInput; amount: number | null | undefined } => {
    const judgement: JudgementInput = {};
    let amount: number | null | undefined;
    if (shape?.kind === 'numeric') {
      amount = parseLocaleNumber(next.amount ?? '', locale);
      if (typeof amount === 'number') judgement.value = amount;
    } else if (next.label !== undefined) {
      judgement.label = next.label;
    }
    if (next.confidence !== undefined) judgement.confidence = next.confidence;
    return { judgement, amount };
  };

  const update = (patch: Partial<JudgementDraft>) => {
    if (!editable) return;
    const next = { ...draft, ...patch };
    setDraft(next);
    const clear: JudgementField[] = [];
    if ('label' in patch || 'amount' in patch) clear.push('decision');
    if ('checklist' in patch) clear.push('checklist');
    if (clear.some((field) => errors[field] !== undefined)) {
      setErrors((current) => {
        const copy = { ...current };
        for (const field of clear) delete copy[field];
        return copy;
      });
    }
    // Drafts are keystrokes: the protocol keeps them (for a host that persists the screen) but
    // logs nothing. The rationale and checklist are only sent with the commit.
    if (('label' in patch || 'amount' in patch || 'confidence' in patch) && allowed.draft.allowed) {
      dispatch({ type: 'draft', judgement: toJudgement(next).judgement });
    }
  };

  const refusalText = (error: Pick<ProtocolError, 'code'>): string =>
    error.code === 'judgement-locked' || error.code === 'invalid-transition'
      ? t('judgement.error.locked')
      : t('judgement.error.refused');

  const commit = (): boolean => {
    if (!allowed.commit.allowed) {
      setErrors({ general: refusalText(allowed.commit) });
      return false;
    }
    if (shape === null) return false;
    const problems: JudgementErrors = {};
    let focusKey: string | null = null;
    const { judgement, amount } = toJudgement(draft);
    if (shape.kind === 'choice' && judgement.label === undefined) {
      problems.decision = t('judgement.error.decision');
      focusKey = `option:${shape.options[0]?.id ?? ''}`;
    }
    if (shape.kind === 'numeric' && typeof amount !== 'number') {
      problems.decision =
        amount === undefined ? t('judgement.error.amountMissing') : t('judgement.error.amountInvalid');
      focusKey = 'amount';
    }
    const missing = plan.checklist.filter((item) => !checked.includes(item.id));
    if (missing.length > 0) {
      problems.checklist = plural('judgement.error.checklist', missing.length);
      focusKey ??= `check:${missing[0]?.id ?? ''}`;
    }
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      if (focusKey !== null) setFocusRequest({ key: focusKey });
      return false;
    }

    const rationale = (draft.rationale ?? '').trim();
    const action: CommitAction = {
      type: 'commit',
      judgement,
      ...(rationale === '' ? {} : { rationale }),
      ...(plan.checklist.length === 0
        ? {}
        : { checklist: plan.checklist.map((item) => item.id).filter((id) => checked.includes(id)) }),
    };
    const event = cancelable(action);
    if (props.onCommit?.(event) === false) event.preventDefault();
    if (event.defaultPrevented) return false;

    const result = dispatch(action);
    if (!result.ok) {
      const { error } = result;
      if (error.code === 'checklist-incomplete') {
        setErrors({ checklist: t('judgement.error.refused') });
        setFocusRequest({ key: `check:${plan.checklist[0]?.id ?? ''}` });
      } else if (error.code === 'invalid-judgement') {
        setErrors({ decision: t('judgement.error.refused') });
        setFocusRequest({
          key: shape.kind === 'numeric' ? 'amount' : `option:${shape.options[0]?.id ?? ''}`,
        });
      } else {
        setErrors({ general: refusalText(error) });
      }
      return false;
    }
    setErrors({});
    justCommitted.current = true;
    return true;
  };

  const minText = formatSeconds(plan.minOwnTimeMs, locale);
  const timeHint =
    plan.minOwnTimeMs <= 0
      ? null
      : ownTimeRemainingMs > 0
        ? t('judgement.time.running', { min: minText, left: formatSeconds(ownTimeRemainingMs, locale) })
        : t('judgement.time.done', { min: minText });

  const unavailableText =
    dataState === 'locked'
      ? state.revealedAt !== undefined
        ? t('judgement.locked')
        : t('judgement.ended')
      : dataState === 'unavailable'
        ? t('judgement.unavailable')
        : null;

  const committed = useMemo(() => {
    if (record === undefined) return null;
    const labels = new Map(plan.checklist.map((item) => [item.id, item.label[locale] ?? item.label.en]));
    return {
      text: describeDecision(record.judgement, shape, locale),
      confidence: ownConfidenceStep(record.judgement.confidence),
      rationale: record.rationale,
      checklist: (record.checklist ?? []).map((id) => labels.get(id) ?? id),
      time: formatClockTime(record.committedAt, locale),
      commitment: record.commitment,
      shortCommitment: shortCommitment(record.commitment),
    };
  }, [record, plan.checklist, shape, locale]);

  const confidenceValue = (step: OwnConfidenceStep['id'] | 'none') =>
    step === 'none' ? undefined : OWN_CONFIDENCE_SCALE.find((s) => s.id === step)?.value;

  return {
    state: dataState,
    shape,
    editable,
    draft,
    committed,
    errors,
    timeHint,
    unavailableText,
    commit,
    rootProps: { 'data-state': dataState },
    descriptionProps: { id: ids.description },
    timeHintProps: { id: ids.time },
    fieldsetProps: {
      'aria-describedby': describedBy(ids.description, errors.decision && ids.decisionError),
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
      ref: fieldRef(`option:${id}`),
    }),
    optionLabelProps: (id) => ({ htmlFor: `${ids.name}-${id}` }),
    amountInputProps: {
      id: ids.amount,
      type: 'text',
      inputMode: 'decimal',
      autoComplete: 'off',
      value: draft.amount ?? '',
      onChange: (event) => update({ amount: event.currentTarget.value }),
      'aria-invalid': errors.decision ? true : undefined,
      'aria-describedby': describedBy(ids.description, ids.amountHint, errors.decision && ids.decisionError),
      ref: fieldRef('amount'),
    },
    amountLabelProps: { htmlFor: ids.amount },
    amountHintProps: { id: ids.amountHint },
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
      id: `${ids.checklistLegend}-${id}`,
      checked: checked.includes(id),
      onChange: (event) => {
        const on = event.currentTarget.checked;
        update({
          checklist: on ? [...checked.filter((c) => c !== id), id] : checked.filter((c) => c !== id),
        });
      },
      'aria-invalid': errors.checklist && !checked.includes(id) ? true : undefined,
      ref: fieldRef(`check:${id}`),
    }),
    checklistLabelProps: (id) => ({ htmlFor: `${ids.checklistLegend}-${id}` }),
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
    summaryTitleProps: { tabIndex: -1, ref: setSummaryTitle },
  };
}

/* -------------------------------------------------------------------------------------------------
 * Context for the parts
 * -----------------------------------------------------------------------------------------------*/

const JudgementContext = createContext<UseIndependentJudgementResult | null>(null);
JudgementContext.displayName = 'IndependentJudgementContext';

function useJudgementPart(part: string): UseIndependentJudgementResult {
  const context = useContext(JudgementContext);
  if (!context) throw new Error(`\`${part}\` must be used within \`IndependentJudgement.Root\`.`);
  return context;
}

function ErrorText({ id, children }: { id?: string | undefined; children: ReactNode }) {
  return (
    <p id={id} className="dlb-field-error" data-state="error">
      {children}
    </p>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface IndependentJudgementRootProps
  extends UseIndependentJudgementProps, Omit<HTMLAttributes<HTMLDivElement>, 'defaultValue' | 'onChange'> {
  children?: ReactNode;
}

/**
 * Runs `useIndependentJudgement` and shares it with the parts. Renders a `div` with
 * `data-state` (see `IndependentJudgementState`).
 *
 * @example
 * <IndependentJudgement.Root onCommit={(e) => audit(e.action)}>
 *   <IndependentJudgement.Options /><IndependentJudgement.Commit /><IndependentJudgement.Summary />
 * </IndependentJudgement.Root>
 */
export const IndependentJudgementRoot = forwardRef<HTMLDivElement, IndependentJudgementRootProps>(
  function IndependentJudgementRoot(props, ref) {
    const {
      value,
      defaultValue,
      onValueChange,
      onCommit,
      options,
      kind,
      unit,
      children,
      className,
      ...rest
    } = props;
    const judgement = useIndependentJudgement({
      value,
      defaultValue,
      onValueChange,
      onCommit,
      options,
      kind,
      unit,
    });
    return (
      <JudgementContext.Provider value={judgement}>
        <div
          {...rest}
          {...judgement.rootProps}
          ref={ref}
          className={['dlb-judgement', className].filter(Boolean).join(' ')}
        >
          {children}
        </div>
      </JudgementContext.Provider>
    );
  },
);
IndependentJudgementRoot.displayName = 'IndependentJudgement.Root';

/* -------------------------------------------------------------------------------------------------
 * Intro and time hint
 * -----------------------------------------------------------------------------------------------*/

/**
 * What the person is asked to do, and the plan's minimum own-assessment time presented as *their*
 * time ("Take at least 20 seconds for your own assessment — 12 seconds left"), never as the system
 * working (Park et al. 2019; Efendić et al. 2020). Not a live region: it would speak every second.
 */
export function IndependentJudgementIntro() {
  const j = useJudgementPart('IndependentJudgement.Intro');
  const { t } = useI18n();
  if (!j.editable) return null;
  return (
    <div className="dlb-judgement__intro">
      <p {...j.descriptionProps} className="dlb-judgement__description">
        {t('judgement.description')}
      </p>
      {j.timeHint === null ? null : (
        <p {...j.timeHintProps} className="dlb-judgement__time" data-state="own-time">
          {j.timeHint}
        </p>
      )}
    </div>
  );
}
IndependentJudgementIntro.displayName = 'IndependentJudgement.Intro';

/* -------------------------------------------------------------------------------------------------
 * Options (or amount)
 * -----------------------------------------------------------------------------------------------*/

/** The person's own decision: radios with the same options as the AI, or an amount. */
export function IndependentJudgementOptions() {
  const j = useJudgementPart('IndependentJudgement.Options');
  const { t, locale } = useI18n();
  if (!j.editable || j.shape === null) return null;
  const shape = j.shape;
  if (shape.kind === 'numeric') {
    return (
      <div className="dlb-judgement__amount">
        <label {...j.amountLabelProps} className="dlb-judgement__label">
          {shape.unit
            ? t('judgement.amount.labelWithUnit', { unit: shape.unit })
            : t('judgement.amount.label')}
        </label>
        {/* The hint describes the format in words, never with a sample amount: any number shown
            beside the person's own estimate can anchor it, even an arbitrary one. */}
        <p {...j.amountHintProps} className="dlb-hint">
          {t('judgement.amount.hint')}
        </p>
        <input {...j.amountInputProps} className="dlb-input" />
        {j.errors.decision ? <ErrorText {...j.errorProps('decision')}>{j.errors.decision}</ErrorText> : null}
      </div>
    );
  }
  return (
    <fieldset {...j.fieldsetProps} className="dlb-judgement__options">
      <legend {...j.legendProps} className="dlb-judgement__legend">
        {t('judgement.legend')}
      </legend>
      {shape.options.map((option) => (
        <div key={option.id} className="dlb-choice">
          <input {...j.optionProps(option.id)} className="dlb-choice__input" />
          <label {...j.optionLabelProps(option.id)} className="dlb-choice__label">
            {optionLabel(option, locale)}
          </label>
        </div>
      ))}
      {j.errors.decision ? <ErrorText {...j.errorProps('decision')}>{j.errors.decision}</ErrorText> : null}
    </fieldset>
  );
}
IndependentJudgementOptions.displayName = 'IndependentJudgement.Options';

/* -------------------------------------------------------------------------------------------------
 * Own confidence
 * -----------------------------------------------------------------------------------------------*/

/** The optional own confidence, on the five-step scale of `OWN_CONFIDENCE_SCALE`. */
export function IndependentJudgementConfidence() {
  const j = useJudgementPart('IndependentJudgement.Confidence');
  const { t } = useI18n();
  if (!j.editable) return null;
  const steps: (OwnConfidenceStep['id'] | 'none')[] = ['none', ...OWN_CONFIDENCE_SCALE.map((s) => s.id)];
  return (
    <fieldset {...j.confidenceFieldsetProps} className="dlb-judgement__confidence">
      <legend className="dlb-judgement__legend">{t('judgement.confidence.legend')}</legend>
      <div className="dlb-scale">
        {steps.map((step) => (
          <div key={step} className="dlb-choice dlb-scale__step">
            <input {...j.confidenceOptionProps(step)} className="dlb-choice__input" />
            <label {...j.confidenceLabelProps(step)} className="dlb-choice__label">
              {t(`judgement.confidence.${step}`)}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
IndependentJudgementConfidence.displayName = 'IndependentJudgement.Confidence';

/* -------------------------------------------------------------------------------------------------
 * Rationale
 * -----------------------------------------------------------------------------------------------*/

/** Optional free-text reasoning, hashed and logged with the judgement. */
export function IndependentJudgementRationale() {
  const j = useJudgementPart('IndependentJudgement.Rationale');
  const { t } = useI18n();
  if (!j.editable) return null;
  return (
    <div className="dlb-judgement__rationale">
      <label {...j.rationaleLabelProps} className="dlb-judgement__label">
        {t('judgement.rationale.label')}
      </label>
      <p {...j.rationaleHintProps} className="dlb-hint">
        {t('judgement.rationale.hint')}
      </p>
      <textarea {...j.rationaleProps} className="dlb-textarea" rows={3} />
    </div>
  );
}
IndependentJudgementRationale.displayName = 'IndependentJudgement.Rationale';

/* -------------------------------------------------------------------------------------------------
 * Checklist
 * -----------------------------------------------------------------------------------------------*/

/** The plan's checklist: every item must be confirmed before the judgement can be recorded. */
export function IndependentJudgementChecklist() {
  const j = useJudgementPart('IndependentJudgement.Checklist');
  const { t, locale } = useI18n();
  const { plan } = useDecision('IndependentJudgement.Checklist');
  if (!j.editable || plan.checklist.length === 0) return null;
  return (
    <fieldset {...j.checklistFieldsetProps} className="dlb-judgement__checklist">
      <legend className="dlb-judgement__legend">{t('judgement.checklist.legend')}</legend>
      {plan.checklist.map((item) => (
        <div key={item.id} className="dlb-choice">
          <input {...j.checklistItemProps(item.id)} className="dlb-choice__input" />
          <label {...j.checklistLabelProps(item.id)} className="dlb-choice__label">
            {item.label[locale] ?? item.label.en}
          </label>
        </div>
      ))}
      {j.errors.checklist ? <ErrorText {...j.errorProps('checklist')}>{j.errors.checklist}</ErrorText> : null}
    </fieldset>
  );
}
IndependentJudgementChecklist.displayName = 'IndependentJudgement.Checklist';

/* -------------------------------------------------------------------------------------------------
 * Commit
 * -----------------------------------------------------------------------------------------------*/

/**
 * Records the judgement. It stays enabled: pressing it with something missing names the problem
 * next to the field and moves focus there (WCAG 3.3.1), instead of a silent disabled button.
 */
export function IndependentJudgementCommit() {
  const j = useJudgementPart('IndependentJudgement.Commit');
  const { t } = useI18n();
  if (!j.editable) return null;
  return (
    <div className="dlb-judgement__commit">
      <button {...j.commitButtonProps} className="dlb-button dlb-button--primary">
        {t('judgement.commit')}
      </button>
      {j.errors.general ? (
        <p {...j.errorProps('general')} className="dlb-field-error" role="alert">
          {j.errors.general}
        </p>
      ) : null}
    </div>
  );
}
IndependentJudgementCommit.displayName = 'IndependentJudgement.Commit';

/* -------------------------------------------------------------------------------------------------
 * Summary (read-only)
 * -----------------------------------------------------------------------------------------------*/

/**
 * The recorded judgement, read-only, with the time and the shortened commitment
 * ("Recorded 14:03 · a3f9…"); or why no judgement can be entered (`locked`, `unavailable`).
 */
export function IndependentJudgementSummary() {
  const j = useJudgementPart('IndependentJudgement.Summary');
  const { t } = useI18n();
  if (j.committed === null) {
    if (j.unavailableText === null) return null;
    return (
      <p className="dlb-judgement__unavailable" data-state={j.state}>
        {j.unavailableText}
      </p>
    );
  }
  const c = j.committed;
  return (
    <div className="dlb-judgement__summary">
      <p {...j.summaryTitleProps} className="dlb-judgement__summary-title">
        {t('judgement.committed.title')}
      </p>
      <dl className="dlb-facts">
        <div className="dlb-facts__row">
          <dt>{t('judgement.committed.decision')}</dt>
          <dd>{c.text}</dd>
        </div>
        <div className="dlb-facts__row">
          <dt>{t('judgement.committed.confidence')}</dt>
          <dd>{c.confidence ? t(`judgement.confidence.${c.confidence.id}`) : t('judgement.notStated')}</dd>
        </div>
        {c.rationale === undefined ? null : (
          <div className="dlb-facts__row">
            <dt>{t('judgement.committed.rationale')}</dt>
            <dd className="dlb-facts__text">{c.rationale}</dd>
          </div>
        )}
        {c.checklist.length === 0 ? null : (
          <div className="dlb-facts__row">
            <dt>{t('judgement.committed.checklist')}</dt>
            <dd>
              <ul className="dlb-facts__list">
                {c.checklist.map((label) => (
                  <li key={label}>{label}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
      <p className="dlb-judgement__stamp" data-commitment={c.commitment}>
        {t('judgement.committed.stamp', { time: c.time, commitment: c.shortCommitment })}
      </p>
    </div>
  );
}
IndependentJudgementSummary.displayName = 'IndependentJudgement.Summary';

/* -------------------------------------------------------------------------------------------------
 * IndependentJudgement (composed)
 * -----------------------------------------------------------------------------------------------*/

export interface IndependentJudgementProps extends IndependentJudgementRootProps {
  /** Ask for the person's own confidence. @default true */
  showConfidence?: boolean;
  /** Offer a free-text rationale. @default true */
  showRationale?: boolean;
}

/**
 * The person's own judgement before the AI is revealed, with every part in Deliberate's order:
 * intro and own-time hint, options (or amount), own confidence, rationale, checklist, commit; and
 * once committed, the read-only summary. Compose `IndependentJudgement.Root` with the parts for
 * another order.
 *
 * @example
 * <DecisionProvider …>
 *   <IndependentJudgement onCommit={(event) => { if (!confirm('Record?')) event.preventDefault(); }} />
 * </DecisionProvider>
 */
function IndependentJudgementComposed({
  showConfidence = true,
  showRationale = true,
  children,
  ...props
}: IndependentJudgementProps) {
  return (
    <IndependentJudgementRoot {...props}>
      {children ?? (
        <>
          <IndependentJudgementIntro />
          <IndependentJudgementOptions />
          {showConfidence ? <IndependentJudgementConfidence /> : null}
          {showRationale ? <IndependentJudgementRationale /> : null}
          <IndependentJudgementChecklist />
          <IndependentJudgementCommit />
          <IndependentJudgementSummary />
        </>
      )}
    </IndependentJudgementRoot>
  );
}
IndependentJudgementComposed.displayName = 'IndependentJudgement';

export const IndependentJudgement = Object.assign(IndependentJudgementComposed, {
  Root: IndependentJudgementRoot,
  Intro: IndependentJudgementIntro,
  Options: IndependentJudgementOptions,
  Confidence: IndependentJudgementConfidence,
  Rationale: IndependentJudgementRationale,
  Checklist: IndependentJudgementChecklist,
  Commit: IndependentJudgementCommit,
  Summary: IndependentJudgementSummary,
});
