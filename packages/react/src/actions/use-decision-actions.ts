import { FINAL_ACTION_IDS, type FinalStepModel } from '@deliberate/core';
import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type FieldsetHTMLAttributes,
  type HTMLAttributes,
  type InputHTMLAttributes,
  type LabelHTMLAttributes,
  type RefCallback,
} from 'react';
import { useDecision } from '../decision/decision-provider.tsx';
import { useSafeguard } from '../decision/safeguards.ts';
import { useI18n } from '../i18n/context.tsx';
import { formatClockTime, describeDecision } from '../judgement/display.ts';
import { cancelable, runCancelable, type CancelableEvent } from '../utils/cancelable.ts';
import { describedBy } from '../utils/described-by.ts';
import { isDev } from '../utils/dev.ts';
import { blockText, noteText as noteTextOf, ownTimeText } from './actions-text.ts';
import {
  actionTarget,
  buildFinal,
  type ActionsModelInput,
  type ActionView,
  type DecisionActionBlock,
  type DecisionActionId,
  type DecisionActionsMode,
  type DecisionActionsState,
} from './actions-model.ts';
import { useOptionalFinalize, type FinalizeContextValue, type FinalizeHandler } from './finalize-context.tsx';
import { useDecisionActionsState, type TargetError } from './use-decision-actions-state.ts';

/*
 * The behaviour of the final-decision actions: core's `finalStep` (shared by the finalize step)
 * says which actions are shown and available and why not; `actions-model.ts` turns that into
 * targets and words; this hook adds the person's input, focus, the cancelable callbacks and
 * prop bags with the ARIA wiring (docs/architecture.md §4).
 *
 * Unavailable actions stay focusable with `aria-disabled` and name the reason through
 * `aria-describedby` (own assessment time left, disagreement not yet resolved, AI already shown),
 * so keyboard and screen-reader users can reach the button and hear why.
 */

/** Passed to `onDecideWithoutAi`; `preventDefault()` (or returning `false`) cancels. */
export type DecideWithoutAiEvent = CancelableEvent<{ type: 'decideWithoutAi' }>;

export interface UseDecisionActionsProps {
  /**
   * Called before the final decision is recorded, before the finalize step's own `onFinalize`.
   * Runs first and can cancel.
   */
  onFinalize?: FinalizeHandler | undefined;
  /** Called before "decide without the AI" takes effect; can cancel. */
  onDecideWithoutAi?: ((event: DecideWithoutAiEvent) => boolean | void) | undefined;
}

type WithRef<P, E> = P & { ref?: RefCallback<E> | undefined };

export interface UseDecisionActionsResult {
  state: DecisionActionsState;
  mode: DecisionActionsMode;
  /** Core's model of the final step, as rendered. */
  step: FinalStepModel;
  actions: Record<DecisionActionId, ActionView>;
  /** The visible own-time text, or `null`. */
  timeText: string | null;
  /** Said once by a live region when the own-assessment time is over. */
  timeOverText: string;
  /** The visible note about the state (pending, unresolved, deciding without AI), or `null`. */
  noteText: string | null;
  /** The recorded final decision, once finalized. */
  result: { text: string; time: string } | null;
  /** Error of a target input, per action. */
  targetError: TargetError | null;
  finalize: FinalizeContextValue;
  press(action: DecisionActionId): void;
  setChoice(action: DecisionActionId, id: string): void;
  setText(action: DecisionActionId, text: string): void;
  rootProps: HTMLAttributes<HTMLElement> & {
    'data-state': DecisionActionsState;
    'data-mode': DecisionActionsMode;
  };
  titleProps: HTMLAttributes<HTMLElement>;
  timeProps: HTMLAttributes<HTMLElement>;
  /** For the polite live region that says when the own-assessment time is over. */
  timeOverProps: HTMLAttributes<HTMLElement>;
  noteProps: WithRef<HTMLAttributes<HTMLElement>, HTMLElement>;
  resultProps: WithRef<HTMLAttributes<HTMLElement>, HTMLElement>;
  /**
   * For an action's button: focusable while unavailable (`aria-disabled`, a click does nothing),
   * described by why; `data-state` (`available` | `unavailable`) and `data-unavailable` (the code).
   */
  buttonProps(action: DecisionActionId): ButtonHTMLAttributes<HTMLButtonElement> & {
    'data-state': 'available' | 'unavailable';
    'data-unavailable': DecisionActionBlock | undefined;
  };
  reasonProps(action: DecisionActionId): HTMLAttributes<HTMLElement>;
  /** For the group of a choice target (a `fieldset`): described by its error. */
  targetProps(action: DecisionActionId): FieldsetHTMLAttributes<HTMLFieldSetElement>;
  /** For the label of a text or amount target. */
  inputLabelProps(action: DecisionActionId): LabelHTMLAttributes<HTMLLabelElement>;
  /**
   * For the text or amount input of a target: `inputMode="decimal"` for amounts, `aria-invalid`
   * and `aria-describedby` (error, how it will be recorded, the procedure's range, the format).
   */
  inputProps(action: DecisionActionId): WithRef<InputHTMLAttributes<HTMLInputElement>, HTMLElement>;
  /** For one radio of a choice target; the first one receives focus after an error. */
  optionProps(
    action: DecisionActionId,
    option: string,
    index: number,
  ): WithRef<InputHTMLAttributes<HTMLInputElement>, HTMLElement>;
  optionLabelProps(action: DecisionActionId, option: string): LabelHTMLAttributes<HTMLLabelElement>;
  targetErrorProps(action: DecisionActionId): HTMLAttributes<HTMLElement>;
  targetHintProps(action: DecisionActionId): HTMLAttributes<HTMLElement>;
  targetRangeProps(action: DecisionActionId): HTMLAttributes<HTMLElement>;
  targetExampleProps(action: DecisionActionId): HTMLAttributes<HTMLElement>;
  /** Whether the format example shows at an amount target (no hint, no error). */
  showsExample(action: DecisionActionId): boolean;
  targetInputId(action: DecisionActionId, option?: string): string;
  targetRef(action: DecisionActionId): (element: HTMLElement | null) => void;
}

/**
 * The behaviour of the final-decision actions: which are shown, which are available and why
 * not (core's `finalStep`), the target of each (another option, an amount), the double-submit
 * guard, and prop bags. Must be used inside `DecisionProvider` and a finalize step
 * (`FinalizeStep.Root` or `FinalizeProvider`; `DecisionActions` adds one when missing).
 *
 * @example
 * const a = useDecisionActions();
 * {a.actions.accept.visible && <button {...a.buttonProps('accept')}>Accept</button>}
 */
export function useDecisionActions(props: UseDecisionActionsProps = {}): UseDecisionActionsResult {
  const { t, locale } = useI18n();
  const { state, dispatch, plan } = useDecision('useDecisionActions');
  useSafeguard('actions.finalize', { minOwnTimeMs: plan.minOwnTimeMs });
  const fin = useOptionalFinalize();
  if (fin === null) {
    throw new Error('`useDecisionActions` must be used within `FinalizeStep.Root` or `FinalizeProvider`.');
  }
  const entered = useDecisionActionsState();
  const { targetError, setTargetError } = entered;
  const [focusRequest, setFocusRequest] = useState<{ action: DecisionActionId } | null>(null);
  const targets = useRef(new Map<DecisionActionId, HTMLElement>());
  const noteRef = useRef<HTMLElement | null>(null);
  const resultRef = useRef<HTMLElement | null>(null);
  const pendingFocus = useRef<'note' | 'result' | null>(null);
  const warnedNoOptions = useRef(false);
  const setNote = useCallback((element: HTMLElement | null) => {
    noteRef.current = element;
  }, []);
  const setResult = useCallback((element: HTMLElement | null) => {
    resultRef.current = element;
  }, []);
  const base = useId();
  const id = (suffix: string) => `${base}-${suffix}`;

  const step = fin.step;
  const model: ActionsModelInput = { state, step, locale, t, choices: entered.choices, texts: entered.texts };
  const finished = step.status === 'finalized' || step.status === 'ended';

  const view = (action: DecisionActionId): ActionView => {
    const core = step.actions[action];
    const target = actionTarget(action, model);
    const block = core.unavailable;
    const unavailable =
      block === null
        ? null
        : {
            code: block.code,
            text: blockText(block, model),
            ...('details' in block ? { details: block.details } : {}),
          };
    return { id: action, visible: core.visible, unavailable, target };
  };
  const actions = Object.fromEntries(FINAL_ACTION_IDS.map((action) => [action, view(action)])) as Record<
    DecisionActionId,
    ActionView
  >;

  const noOptions = actions.record.visible && actions.record.unavailable?.code === 'no-options';
  useEffect(() => {
    if (!noOptions || warnedNoOptions.current || !isDev()) return;
    warnedNoOptions.current = true;
    console.warn(
      '[deliberate] DecisionActions: there is nothing to decide between. The procedure passed no `options` to DecisionProvider and there is no recommendation to take them from, so a person cannot record a decision without the AI. Pass the procedure’s options (`DecisionOptions`).',
    );
  }, [noOptions]);

  useEffect(() => {
    if (focusRequest === null) return;
    const element = targets.current.get(focusRequest.action);
    if (element?.isConnected) element.focus();
  }, [focusRequest]);
  useEffect(() => {
    const target =
      pendingFocus.current === 'result'
        ? resultRef.current
        : pendingFocus.current === 'note'
          ? noteRef.current
          : null;
    if (target) {
      pendingFocus.current = null;
      target.focus();
    }
  }, [state.status]);

  const timeText = step.status === 'too-early' ? ownTimeText(state, step.remainingMs, locale, t) : null;
  const timeOverText =
    plan.minOwnTimeMs > 0 && step.remainingMs === 0 && !finished && step.mode !== 'pending'
      ? t('actions.time.over')
      : '';
  const result = state.final
    ? {
        text: t(`actions.result.${state.final.outcome}`, {
          final: describeDecision(state.final.final, step.options, locale),
        }),
        time: t('actions.result.time', { time: formatClockTime(state.final.finalizedAt, locale) }),
      }
    : null;

  const press = (action: DecisionActionId) => {
    const current = actions[action];
    if (!current.visible || current.unavailable !== null) return;
    if (action === 'withoutAi') {
      if (!runCancelable(cancelable({ type: 'decideWithoutAi' } as const), props.onDecideWithoutAi)) return;
      if (dispatch({ type: 'decideWithoutAi' }).ok) pendingFocus.current = 'note';
      return;
    }
    const built = buildFinal(action, current.target, model);
    if ('error' in built) {
      setTargetError({ action, text: built.error });
      setFocusRequest({ action });
      return;
    }
    setTargetError(null);
    if (fin.finalize(built, props.onFinalize)) pendingFocus.current = 'result';
  };

  // Reasons the whole step shares are said once, in the time or note element, not per button.
  const sharedReasonId = (code: string): string | null =>
    code === 'too-early'
      ? id('time')
      : code === 'pending' || code === 'resolution-required'
        ? id('note')
        : null;
  const invalid = (action: DecisionActionId) => targetError?.action === action;
  const hintShown = (action: DecisionActionId) => {
    const target = actions[action].target;
    return target.type === 'amount' && target.hint !== null;
  };
  const showsExample = (action: DecisionActionId) =>
    actions[action].target.type === 'amount' && !hintShown(action) && !invalid(action);
  const targetRef = (action: DecisionActionId) => (element: HTMLElement | null) => {
    if (element) targets.current.set(action, element);
  };

  return {
    state: step.status,
    mode: step.mode,
    step,
    actions,
    timeText,
    timeOverText,
    noteText: noteTextOf(step, t),
    result,
    targetError,
    finalize: fin,
    press,
    setChoice: entered.setChoice,
    setText: entered.setText,
    rootProps: {
      'data-state': step.status,
      'data-mode': step.mode,
      role: 'group',
      'aria-labelledby': id('title'),
    },
    titleProps: { id: id('title') },
    timeProps: { id: id('time') },
    timeOverProps: { role: 'status' },
    noteProps: { id: id('note'), tabIndex: -1, ref: setNote },
    resultProps: { id: id('result'), tabIndex: -1, ref: setResult },
    buttonProps: (action) => {
      const current = actions[action];
      const reason = current.unavailable;
      const shared = reason ? sharedReasonId(reason.code) : null;
      return {
        type: 'button',
        'aria-disabled': reason ? true : undefined,
        'aria-describedby': describedBy(
          reason && (shared ?? id(`${action}-why`)),
          invalid(action) && current.target.type !== 'none' && id(`${action}-error`),
          hintShown(action) && id(`${action}-hint`),
          fin.errors.general && fin.ids.generalError,
        ),
        'data-state': reason ? 'unavailable' : 'available',
        'data-unavailable': reason?.code,
        onClick: (event) => {
          if (reason) {
            event.preventDefault();
            return;
          }
          press(action);
        },
      };
    },
    reasonProps: (action) => ({ id: id(`${action}-why`) }),
    targetProps: (action) => ({ 'aria-describedby': invalid(action) ? id(`${action}-error`) : undefined }),
    inputLabelProps: (action) => ({ htmlFor: id(`${action}-input`) }),
    inputProps: (action) => {
      const target = actions[action].target;
      const amount = target.type === 'amount';
      return {
        id: id(`${action}-input`),
        type: 'text',
        inputMode: amount ? 'decimal' : undefined,
        autoComplete: 'off',
        value: target.type === 'amount' || target.type === 'free-text' ? target.text : '',
        onChange: (event) => entered.setText(action, event.currentTarget.value),
        'aria-invalid': invalid(action) ? true : undefined,
        'aria-describedby': describedBy(
          invalid(action) && id(`${action}-error`),
          hintShown(action) && id(`${action}-hint`),
          amount && target.range !== null && id(`${action}-range`),
          showsExample(action) && id(`${action}-example`),
        ),
        ref: targetRef(action),
      };
    },
    optionProps: (action, option, index) => {
      const target = actions[action].target;
      return {
        type: 'radio',
        id: id(`${action}-option-${option}`),
        name: id(`${action}-input`),
        checked: target.type === 'choice' && target.selected === option,
        onChange: () => entered.setChoice(action, option),
        ref: index === 0 ? targetRef(action) : undefined,
      };
    },
    optionLabelProps: (action, option) => ({ htmlFor: id(`${action}-option-${option}`) }),
    targetErrorProps: (action) => ({ id: id(`${action}-error`) }),
    targetHintProps: (action) => ({ id: id(`${action}-hint`) }),
    targetRangeProps: (action) => ({ id: id(`${action}-range`) }),
    targetExampleProps: (action) => ({ id: id(`${action}-example`) }),
    showsExample,
    targetInputId: (action, option) =>
      option === undefined ? id(`${action}-input`) : id(`${action}-option-${option}`),
    targetRef,
  };
}
