import {
  finalStep,
  type Comparison,
  type FinalInput,
  type FinalizeAction,
  type FinalizeIntent,
  type FinalStepModel,
  type JustificationRequirement,
  type Resolution,
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
import { cancelable, runCancelable, type CancelableEvent } from '../utils/cancelable.ts';
import { useControllableState } from '../utils/use-controllable-state.ts';
import { refusalErrors, type FinalizeErrors, type FinalizeField } from './finalize-refusal.ts';

/*
 * The finalize step's shared UI state. Contrast, Justification and DecisionActions are separate
 * components that must agree before anything is recorded, so they share a small context rather
 * than passing props through the host:
 *
 * - Contrast registers itself; the person's `resolution` of a disagreement lives here. What the
 *   resolution allows is core's `finalStep` (docs/architecture.md §1, "Rules live in core"),
 *   asked once here with the resolution and whether a contrast is on screen, and shared as `step`.
 * - Justification keeps the selected reason codes and the comment here; DecisionActions sends
 *   them with `finalize`. If the protocol refuses (`reason-required`), the error is stored here
 *   and shown next to the field, which receives focus.
 * - The one `finalize` function guards against double submits (a ref, on top of the protocol
 *   refusing a second finalize) and runs the consumers' `onFinalize` callbacks first (they can
 *   cancel, docs/architecture.md §4).
 *
 * Every part works without an explicit `FinalizeStep.Root`: it then creates its own provider, so
 * a lone `DecisionActions` still finalizes (without reasons unless the plan asks for them).
 */

export type { Comparison, JustificationRequirement, Resolution };
export { reasonLabel, type FinalizeErrors, type FinalizeField } from './finalize-refusal.ts';

/** Passed to `onFinalize` before the decision is recorded; `preventDefault()` (or returning `false`) cancels. */
export type FinalizeEvent = CancelableEvent<FinalizeAction>;

/** A consumer's finalize callback: runs before the protocol; return `false` to cancel. */
export type FinalizeHandler = (event: FinalizeEvent) => boolean | void;

export interface FinalizeContextValue {
  /** Core's model of the final step (`finalStep`) for this screen: what every part renders. */
  step: FinalStepModel;
  /** `null` until the person chose how to resolve a disagreement. */
  resolution: Resolution | null;
  setResolution(resolution: Resolution): void;
  /** How the judgement compares with the AI (`step.comparison`). */
  comparison: Comparison;
  /** A Contrast is mounted, there is a disagreement, and it is not resolved yet (`step.resolutionRequired`). */
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
  /** Whether a reason is needed (`step.justification`). */
  requirement: JustificationRequirement;
  errors: FinalizeErrors;
  /** Shows errors next to their fields and moves focus to `focus` (in answer to the person's submit). */
  reportErrors(errors: FinalizeErrors, focus?: FinalizeField): void;
  clearError(field: FinalizeField | 'general'): void;
  /** A ref callback for the element that receives focus for `field` (the first of a group). */
  fieldRef(field: FinalizeField): RefCallback<HTMLElement>;
  /**
   * Records the final decision with the selected reasons and comment. Runs `handler` and the
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

/**
 * The finalize step's state, without markup. `FinalizeStep.Root` renders one; parts used alone
 * render their own.
 *
 * @example
 * <FinalizeProvider onFinalize={(e) => console.log(e.action)}><Contrast /><Justification /><DecisionActions /></FinalizeProvider>
 */
export function FinalizeProvider(props: FinalizeProviderProps) {
  const { t, locale } = useI18n();
  // `useDecision` re-renders while the own-assessment time runs, so `step` follows the clock.
  const { state, dispatch, reasonCodes } = useDecision('FinalizeProvider');
  const { store, clock } = useDecisionContext('FinalizeProvider');
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

  const contrastMounted = contrastCount > 0;
  const step = finalStep(state, clock.now(), { resolution, contrast: contrastMounted });

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
    if (!runCancelable(cancelable(action), handler, onFinalizeRef.current)) {
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
    const has = (field: FinalizeField) => fields.get(field)?.isConnected === true;
    const refused = refusalErrors(result.error, { state, reasonCodes, has, locale, t });
    reportErrors(refused.errors, refused.focus);
    return false;
  };

  const value: FinalizeContextValue = {
    step,
    resolution,
    setResolution,
    comparison: step.comparison,
    resolutionRequired: step.resolutionRequired,
    contrastMounted,
    registerContrast,
    reasons,
    setReasons,
    comment,
    setComment,
    requirement: step.justification,
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
 * const { step, resolution, setResolution, finalize } = useFinalize('MyActions');
 */
export function useFinalize(consumerName = 'useFinalize'): FinalizeContextValue {
  const context = useContext(FinalizeContext);
  if (!context)
    throw new Error(`\`${consumerName}\` must be used within \`FinalizeStep.Root\` or \`FinalizeProvider\`.`);
  return context;
}
