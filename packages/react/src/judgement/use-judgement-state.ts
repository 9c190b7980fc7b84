import { useCallback, useEffect, useRef, useState, type RefCallback } from 'react';
import { isDev } from '../utils/dev.ts';
import { useControllableState } from '../utils/use-controllable-state.ts';
import type { JudgementAvailability, JudgementDraft } from './judgement-model.ts';

/*
 * The independent judgement's local state: the draft (controlled or not), the error messages by
 * field, and focus. Focus moves only in answer to the person's own action: to the first invalid
 * field after a refused commit, and to the recorded summary after a successful one (the form is
 * gone then).
 */

/** The fields an error message belongs to. */
export type JudgementField = 'decision' | 'checklist' | 'general';

/** Localized error messages by field. */
export type JudgementErrors = Partial<Record<JudgementField, string>>;

export interface UseJudgementStateProps {
  /** The entered judgement, controlled. */
  value?: JudgementDraft | undefined;
  /** The entered judgement at first render, uncontrolled. @default {} */
  defaultValue?: JudgementDraft | undefined;
  /** Called with every change of the entered judgement. */
  onValueChange?: ((draft: JudgementDraft) => void) | undefined;
}

export interface JudgementLocalState {
  draft: JudgementDraft;
  setDraft(draft: JudgementDraft): void;
  errors: JudgementErrors;
  /** Replaces every error (`{}` clears them). */
  setErrors(errors: JudgementErrors): void;
  /** Removes the errors of these fields, if any. */
  clearErrors(fields: JudgementField[]): void;
  /** Moves focus to the field registered under `key` (after the next render). */
  focusField(key: string): void;
  /** A stable ref callback that registers a field under `key`. */
  fieldRef(key: string): RefCallback<HTMLElement>;
  /** For the element that takes focus once the judgement is recorded. */
  summaryTitleRef: RefCallback<HTMLElement>;
  /** Call after a successful commit: focus goes to the summary once it is rendered. */
  focusSummaryWhenCommitted(): void;
}

const EMPTY_DRAFT: JudgementDraft = {};

/**
 * The draft, errors and focus of one judgement step. `committed` is whether the protocol holds
 * the judgement (the summary is focused when it becomes `true` after `focusSummaryWhenCommitted`).
 *
 * @example
 * const local = useJudgementState({ defaultValue: { label: 'reject' } }, false);
 */
export function useJudgementState(props: UseJudgementStateProps, committed: boolean): JudgementLocalState {
  const [draft, setDraft] = useControllableState<JudgementDraft>({
    prop: props.value,
    defaultProp: props.defaultValue ?? EMPTY_DRAFT,
    onChange: props.onValueChange,
    name: 'IndependentJudgement',
  });
  const [errors, setErrors] = useState<JudgementErrors>({});
  const [focusRequest, setFocusRequest] = useState<{ key: string } | null>(null);
  const fields = useRef(new Map<string, HTMLElement>());
  const fieldRefs = useRef(new Map<string, RefCallback<HTMLElement>>());
  const summaryTitle = useRef<HTMLElement | null>(null);
  const justCommitted = useRef(false);

  useEffect(() => {
    if (focusRequest === null) return;
    const element = fields.current.get(focusRequest.key);
    if (element?.isConnected) element.focus();
  }, [focusRequest]);
  useEffect(() => {
    if (committed && justCommitted.current) {
      justCommitted.current = false;
      summaryTitle.current?.focus();
    }
  }, [committed]);

  const fieldRef = useCallback((key: string): RefCallback<HTMLElement> => {
    let ref = fieldRefs.current.get(key);
    if (ref === undefined) {
      ref = (element) => {
        if (element) fields.current.set(key, element);
        else fields.current.delete(key);
      };
      fieldRefs.current.set(key, ref);
    }
    return ref;
  }, []);
  const summaryTitleRef = useCallback((element: HTMLElement | null) => {
    summaryTitle.current = element;
  }, []);
  const clearErrors = useCallback((clear: JudgementField[]) => {
    setErrors((current) => {
      if (!clear.some((field) => current[field] !== undefined)) return current;
      const copy = { ...current };
      for (const field of clear) delete copy[field];
      return copy;
    });
  }, []);
  const focusField = useCallback((key: string) => setFocusRequest({ key }), []);
  const focusSummaryWhenCommitted = useCallback(() => {
    justCommitted.current = true;
  }, []);

  return {
    draft,
    setDraft,
    errors,
    setErrors,
    clearErrors,
    focusField,
    fieldRef,
    summaryTitleRef,
    focusSummaryWhenCommitted,
  };
}

/** Decisions (stores) whose missing options were already reported to the developer. */
const warnedNoOptions = new WeakSet<object>();

/**
 * Tells the developer once per decision, in development, that the person has nothing to judge
 * between because the procedure passed no options.
 */
export function useMissingOptionsWarning(availability: JudgementAvailability, decision: object): void {
  useEffect(() => {
    if (availability !== 'no-options' && availability !== 'awaiting-options') return;
    if (!isDev() || warnedNoOptions.has(decision)) return;
    warnedNoOptions.add(decision);
    console.warn(
      availability === 'awaiting-options'
        ? '[deliberate] IndependentJudgement: the procedure passed no `options` to DecisionProvider, so the person cannot judge while the recommendation is pending (its options are used once it arrives). Pass the procedure’s options.'
        : '[deliberate] IndependentJudgement: there is nothing to judge between: the procedure passed no `options` to DecisionProvider and there is no valid recommendation to take them from. Pass the procedure’s options.',
    );
  }, [availability, decision]);
}
