import type {
  DecisionState,
  FinalInput,
  FinalizeAction,
  FinalizeIntent,
  JudgementInput,
  JustificationRule,
  ProtocolError,
  ReasonInput,
  ShownRecommendation,
} from '@deliberate/core';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefCallback,
} from 'react';
import { useDecision, useDecisionContext } from '../decision/decision-provider.tsx';
import { flushExplanationViews } from '../explanation/use-view-timing.ts';
import { useI18n } from '../i18n/context.tsx';
import { formatSeconds } from '../i18n/format.ts';
import { useControllableState } from '../utils/use-controllable-state.ts';

/*
 * The finalize step's shared state. Contrast, Justification and DecisionActions are separate
 * components that must agree on one thing before anything is recorded, so they share a small
 * context rather than passing props through the host:
 *
 * - Contrast registers itself; while it is mounted and the person's judgement differs from the
 *   AI's recommendation, DecisionActions keeps every finalize action unavailable until the person
 *   has chosen a `resolution` (keep my assessment / follow the AI / something else). The
 *   resolution then decides which action is available and, for "keep my assessment", what the
 *   final decision is.
 * - Justification keeps the selected reason codes and the comment here; DecisionActions sends
 *   them with `finalize`. If the protocol refuses (`reason-required`), the error is stored here
 *   and shown next to the field, which receives focus.
 * - The one `finalize` function guards against double submits (a ref, on top of the protocol
 *   refusing a second finalize) and runs the consumers' `onFinalize` callbacks first.
 *
 * Every part works without an explicit `FinalizeStep.Root`: it then creates its own provider, so
 * a lone `DecisionActions` still finalizes (without reasons unless the plan asks for them).
 */

/* -------------------------------------------------------------------------------------------------
 * Types
 * -----------------------------------------------------------------------------------------------*/

/** How the person resolves a disagreement between their judgement and the AI's recommendation. */
export type Resolution = 'keep-mine' | 'follow-ai' | 'other';

/** Passed to `onFinalize` before the decision is recorded; `preventDefault()` (or returning `false`) cancels. */
export interface FinalizeEvent {
  /** The action that will be dispatched, with `final`, `intent`, `reasons` and `comment`. */
  readonly action: FinalizeAction;
  readonly defaultPrevented: boolean;
  preventDefault(): void;
}

/** A consumer's finalize callback: runs before the protocol; return `false` to cancel. */
export type FinalizeHandler = (event: FinalizeEvent) => boolean | void;

/** How the person's committed judgement relates to what the AI recommended. */
export type Comparison =
  { status: 'unavailable' } | { status: 'agree' | 'disagree'; mine: JudgementInput; ai: ShownRecommendation };

/** Whether the person must give a reason for the finalize they are about to do. */
export type JustificationRequirement = 'optional' | 'required' | 'if-deviating';

/** Fields the finalize step can point the person to. */
export type FinalizeField = 'reasons' | 'comment' | 'resolution';

export type FinalizeErrors = Partial<Record<FinalizeField | 'general', string>>;

/* -------------------------------------------------------------------------------------------------
 * Pure helpers
 * -----------------------------------------------------------------------------------------------*/

/**
 * Compares the committed judgement with the revealed recommendation; `unavailable` unless both
 * exist (judge-first after the reveal). Numbers agree only when equal.
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

/**
 * Whether a reason is needed, from the plan's rule, whether the AI was shown and the resolution.
 * Mirrors the protocol: `always` needs one for every outcome; `override` for any deviation from
 * the recommendation, which a decision without the AI is not.
 *
 * @example
 * justificationRequirement('override', true, 'keep-mine'); // 'required'
 */
export function justificationRequirement(
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

/** Whether a reason needs a comment: as the protocol decides it. */
export function reasonNeedsComment(reason: ReasonInput): boolean {
  return reason.requiresComment ?? reason.code === 'other';
}

/** A reason's label in `locale`. */
export function reasonLabel(reason: ReasonInput, locale: string): string {
  return reason.labels?.[locale] ?? reason.display;
}

/* -------------------------------------------------------------------------------------------------
 * Context
 * -----------------------------------------------------------------------------------------------*/

export interface FinalizeContextValue {
  /** `null` until the person chose how to resolve a disagreement. */
  resolution: Resolution | null;
  setResolution(resolution: Resolution): void;
  comparison: Comparison;
  /** A Contrast is mounted, there is a disagreement, and it is not resolved yet. */
  resolutionRequired: boolean;
  /** Whether a Contrast is mounted (it registers itself). */
  contrastMounted: boolean;
  /** @internal Called by Contrast on mount; returns the unregister function. */
  registerContrast(): () => void;
  /** Selected reason codes. */
  reasons: string[];
  setReasons(codes: string[]): void;
  comment: string;
  setComment(text: string): void;
  requirement: JustificationRequirement;
  errors: FinalizeErrors;
  /** Shows errors next to their fields and moves focus to `focus` (in answer to the person's submit). */
  reportErrors(errors: FinalizeErrors, focus?: FinalizeField): void;
  clearError(field: FinalizeField | 'general'): void;
  /** A ref callback for the element that receives focus for `field` (the first of a group). */
  fieldRef(field: FinalizeField): RefCallback<HTMLElement>;
  /**
   * Records the final decision with the selected reasons and comment. Runs `handlers` and the
   * provider's `onFinalize` first (either can cancel), then dispatches once; later calls are
   * ignored until a refused attempt releases the guard. Returns whether it was recorded.
   */
  finalize(
    input: { final: FinalInput; intent?: FinalizeIntent | undefined },
    handler?: FinalizeHandler,
  ): boolean;
  ids: { reasonsError: string; commentError: string; generalError: string };
}

const FinalizeContext = createContext<FinalizeContextValue | null>(null);
FinalizeContext.displayName = 'FinalizeContext';

/* -------------------------------------------------------------------------------------------------
 * FinalizeProvider
 * -----------------------------------------------------------------------------------------------*/

export interface FinalizeProviderProps {
  /** The resolution of a disagreement, controlled (`null`: not chosen yet). */
  resolution?: Resolution | null | undefined;
  /** @default null */
  defaultResolution?: Resolution | null | undefined;
  onResolutionChange?: ((resolution: Resolution | null) => void) | undefined;
  /** Selected reason codes, controlled. */
  reasons?: string[] | undefined;
  /** @default [] */
  defaultReasons?: string[] | undefined;
  onReasonsChange?: ((codes: string[]) => void) | undefined;
  /** The free-text comment, controlled. */
  comment?: string | undefined;
  /** @default '' */
  defaultComment?: string | undefined;
  onCommentChange?: ((comment: string) => void) | undefined;
  /** Runs before every finalize, after the part's own `onFinalize`; can cancel. */
  onFinalize?: FinalizeHandler | undefined;
  children?: ReactNode;
}

const NO_REASONS: string[] = [];

function cancelable(action: FinalizeAction): FinalizeEvent {
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

/**
 * The finalize step's state, without markup. `FinalizeStep.Root` renders one; parts used alone
 * render their own.
 *
 * @example
 * <FinalizeProvider onFinalize={(e) => console.log(e.action)}><Contrast /><Justification /><DecisionActions /></FinalizeProvider>
 */
export function FinalizeProvider(props: FinalizeProviderProps) {
  const { t, locale } = useI18n();
  const { state, dispatch, plan, reasonCodes } = useDecision('FinalizeProvider');
  const { store } = useDecisionContext('FinalizeProvider');
  const [resolution, setResolutionState] = useControllableState<Resolution | null>({
    prop: props.resolution,
    defaultProp: props.defaultResolution ?? null,
    onChange: props.onResolutionChange,
    name: 'FinalizeStep (resolution)',
  });
  const [reasons, setReasonsState] = useControllableState<string[]>({
    prop: props.reasons,
    defaultProp: props.defaultReasons ?? NO_REASONS,
    onChange: props.onReasonsChange,
    name: 'FinalizeStep (reasons)',
  });
  const [comment, setCommentState] = useControllableState<string>({
    prop: props.comment,
    defaultProp: props.defaultComment ?? '',
    onChange: props.onCommentChange,
    name: 'FinalizeStep (comment)',
  });
  const [contrastCount, setContrastCount] = useState(0);
  const [errors, setErrors] = useState<FinalizeErrors>({});
  const [focusRequest, setFocusRequest] = useState<{ field: FinalizeField } | null>(null);
  // A map, not a ref: the ref callbacks below are made once and only write to it.
  const [fields] = useState(() => new Map<FinalizeField, HTMLElement>());
  const submitting = useRef(false);
  const onFinalizeRef = useRef(props.onFinalize);
  useEffect(() => {
    onFinalizeRef.current = props.onFinalize;
  });

  const base = useId();
  const ids = useMemo(
    () => ({
      reasonsError: `${base}-reasons-error`,
      commentError: `${base}-comment-error`,
      generalError: `${base}-general-error`,
    }),
    [base],
  );

  useEffect(() => {
    if (focusRequest === null) return;
    const element = fields.get(focusRequest.field);
    if (element?.isConnected) element.focus();
  }, [focusRequest, fields]);

  const comparison = useMemo(() => compareJudgement(state), [state]);
  const contrastMounted = contrastCount > 0;
  const resolutionRequired = contrastMounted && comparison.status === 'disagree' && resolution === null;
  const aiShown = state.revealedAt !== undefined && state.recommendation !== null;
  const requirement = justificationRequirement(plan.justification, aiShown, resolution);

  const registerContrast = useCallback(() => {
    setContrastCount((count) => count + 1);
    return () => setContrastCount((count) => count - 1);
  }, []);

  const clearError = useCallback((field: FinalizeField | 'general') => {
    setErrors((current) => {
      if (current[field] === undefined) return current;
      const copy = { ...current };
      delete copy[field];
      return copy;
    });
  }, []);

  const reportErrors = useCallback((next: FinalizeErrors, focus?: FinalizeField) => {
    setErrors(next);
    if (focus !== undefined) setFocusRequest({ field: focus });
  }, []);

  // Stable ref callbacks, one per field; an element that left the document is ignored on lookup.
  const fieldRefs = useMemo(() => {
    const make =
      (field: FinalizeField): RefCallback<HTMLElement> =>
      (element) => {
        if (element) fields.set(field, element);
      };
    return { reasons: make('reasons'), comment: make('comment'), resolution: make('resolution') };
  }, [fields]);
  const fieldRef = useCallback((field: FinalizeField) => fieldRefs[field], [fieldRefs]);

  const setResolution = useCallback(
    (next: Resolution) => {
      setResolutionState(next);
      clearError('resolution');
    },
    [setResolutionState, clearError],
  );
  const setReasons = useCallback(
    (codes: string[]) => {
      setReasonsState(codes);
      clearError('reasons');
      clearError('comment');
    },
    [setReasonsState, clearError],
  );
  const setComment = useCallback(
    (text: string) => {
      setCommentState(text);
      clearError('comment');
    },
    [setCommentState, clearError],
  );

  const refusal = (error: ProtocolError): { errors: FinalizeErrors; focus?: FinalizeField } => {
    const has = (field: FinalizeField) => fields.get(field)?.isConnected === true;
    if (error.code === 'reason-required') {
      const code = typeof error.details?.['code'] === 'string' ? error.details['code'] : undefined;
      if (code !== undefined) {
        const reason = reasonCodes.find((r) => r.code === code);
        const text = t('justification.error.comment', {
          reason: reason ? reasonLabel(reason, locale) : code,
        });
        return has('comment')
          ? { errors: { comment: text }, focus: 'comment' }
          : { errors: { general: text } };
      }
      const text = t('justification.error.required');
      return has('reasons') ? { errors: { reasons: text }, focus: 'reasons' } : { errors: { general: text } };
    }
    if (error.code === 'too-early') {
      const remaining = typeof error.details?.['remainingMs'] === 'number' ? error.details['remainingMs'] : 0;
      return {
        errors: {
          general: t('actions.reason.tooEarly', {
            min: formatSeconds(plan.minOwnTimeMs, locale),
            left: formatSeconds(remaining, locale),
          }),
        },
      };
    }
    if (error.code === 'invalid-final' || error.code === 'intent-mismatch') {
      return { errors: { general: t('actions.error.final') } };
    }
    return { errors: { general: t('actions.error.refused') } };
  };

  const finalize: FinalizeContextValue['finalize'] = (input, handler) => {
    // A double click or a held Enter key fires this several times before React re-renders; only
    // the first may reach the protocol.
    if (submitting.current) return false;
    submitting.current = true;
    const selected = reasonCodes.filter((reason) => reasons.includes(reason.code));
    const trimmed = comment.trim();
    const action: FinalizeAction = {
      type: 'finalize',
      final: input.final,
      ...(input.intent === undefined ? {} : { intent: input.intent }),
      reasons: selected,
      ...(trimmed === '' ? {} : { comment: trimmed }),
    };
    const event = cancelable(action);
    for (const callback of [handler, onFinalizeRef.current]) {
      if (callback === undefined) continue;
      if (callback(event) === false) event.preventDefault();
      if (event.defaultPrevented) break;
    }
    if (event.defaultPrevented) {
      submitting.current = false;
      return false;
    }
    // Panels still open are viewing time too; after the decision the protocol takes no more.
    flushExplanationViews(store);
    const result = dispatch(action);
    if (result.ok) {
      setErrors({});
      return true;
    }
    submitting.current = false;
    const { errors: next, focus } = refusal(result.error);
    reportErrors(next, focus);
    return false;
  };

  const value: FinalizeContextValue = {
    resolution,
    setResolution,
    comparison,
    resolutionRequired,
    contrastMounted,
    registerContrast,
    reasons,
    setReasons,
    comment,
    setComment,
    requirement,
    errors,
    reportErrors,
    clearError,
    fieldRef,
    finalize,
    ids,
  };
  return <FinalizeContext.Provider value={value}>{props.children}</FinalizeContext.Provider>;
}
FinalizeProvider.displayName = 'FinalizeProvider';

/** The finalize step's state, or `null` outside a `FinalizeProvider`. */
export function useOptionalFinalize(): FinalizeContextValue | null {
  return useContext(FinalizeContext);
}

/**
 * The finalize step's state, for building your own Contrast, Justification or actions.
 *
 * @example
 * const { resolution, setResolution, finalize } = useFinalize('MyActions');
 */
export function useFinalize(consumerName = 'useFinalize'): FinalizeContextValue {
  const context = useContext(FinalizeContext);
  if (!context)
    throw new Error(`\`${consumerName}\` must be used within \`FinalizeStep.Root\` or \`FinalizeProvider\`.`);
  return context;
}
