import type { FinalInput, FinalizeIntent, Recommendation } from '@deliberate/core';
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
  type HTMLAttributes,
  type ReactNode,
  type RefCallback,
} from 'react';
import { useDecision } from '../decision/decision-provider.tsx';
import { useSafeguard } from '../decision/safeguards.ts';
import { useI18n } from '../i18n/context.tsx';
import { formatPercent, formatSeconds } from '../i18n/format.ts';
import {
  describeDecision,
  formatAmount,
  formatClockTime,
  optionLabel,
  shapeOf,
  type DecisionOption,
  type DecisionShape,
} from '../judgement/display.ts';
import { formatNumberForInput, parseLocaleNumber } from '../judgement/number.ts';
import {
  FinalizeProvider,
  useOptionalFinalize,
  type FinalizeContextValue,
  type FinalizeHandler,
  type Resolution,
} from './finalize-context.tsx';

/*
 * The final decision: accept, modify or override the AI's recommendation, or decide without it.
 * Every action maps to one protocol action (`finalize` with an intent, or `decideWithoutAi`).
 *
 * Which deviations a kind offers:
 * - categorical and binary: "override" (another option). "Modify" is hidden: a choice between
 *   options has no partial change.
 * - ranked: "modify" (another item of the AI's list; the protocol logs `modified`) and "override"
 *   (something that is not on the list; logged `overridden`).
 * - numeric: one deviation, "modify", with the person's amount. Whether an amount counts as a
 *   modification or an override is the protocol's rule (inside or outside the AI's interval); the
 *   intent is derived from it and the hint says how it will be recorded, so the person does not
 *   have to know the rule to pick the right button.
 *
 * Unavailable actions stay focusable with `aria-disabled` and name the reason through
 * `aria-describedby` (own assessment time left, disagreement not yet resolved, AI already shown),
 * so keyboard and screen-reader users can reach the button and hear why.
 */

/* -------------------------------------------------------------------------------------------------
 * Types
 * -----------------------------------------------------------------------------------------------*/

/** An action of the finalize step. `record` is the final decision without the AI. */
export type DecisionActionId = 'accept' | 'modify' | 'override' | 'record' | 'withoutAi';

/**
 * `data-state` of the root:
 * - `pending`: the AI's recommendation has not been shown yet and the plan requires it first;
 *   only "decide without the AI" is possible.
 * - `too-early`: the plan's minimum own-assessment time is still running.
 * - `unresolved`: the person and the AI disagree and the person has not yet chosen (in Contrast)
 *   how to resolve it.
 * - `ready`: a final decision can be recorded.
 * - `finalized`: the final decision is recorded; the root shows what was recorded.
 * - `ended`: the decision was abandoned.
 */
export type DecisionActionsState = 'pending' | 'too-early' | 'unresolved' | 'ready' | 'finalized' | 'ended';

/** Whether the actions relate to the AI's recommendation (`ai`), decide without it (`own`), or wait (`pending`). */
export type DecisionActionsMode = 'ai' | 'own' | 'pending';

/** Why an action is unavailable: a stable code and the localized text shown to the person. */
export interface ActionUnavailable {
  code: string;
  text: string;
}

/** What an action decides on. */
export type ActionTarget =
  | { type: 'none' }
  | { type: 'fixed'; final: FinalInput; text: string }
  | { type: 'choice'; options: DecisionOption[]; selected: string | null }
  | { type: 'amount'; text: string; hint: string | null }
  | { type: 'free-text'; text: string };

export interface ActionView {
  id: DecisionActionId;
  visible: boolean;
  unavailable: ActionUnavailable | null;
  target: ActionTarget;
}

/** Passed to `onDecideWithoutAi`; `preventDefault()` (or returning `false`) cancels. */
export interface DecideWithoutAiEvent {
  readonly defaultPrevented: boolean;
  preventDefault(): void;
}

export interface UseDecisionActionsProps {
  /**
   * Called before the final decision is recorded, before the finalize step's own `onFinalize`.
   * Runs first and can cancel.
   */
  onFinalize?: FinalizeHandler | undefined;
  /** Called before "decide without the AI" takes effect; can cancel. */
  onDecideWithoutAi?: ((event: DecideWithoutAiEvent) => boolean | void) | undefined;
  /**
   * The options of a decision without a (valid) recommendation. @default the recommendation's
   */
  options?: DecisionOption[] | undefined;
  /** `numeric` when a decision without a recommendation is an amount. */
  kind?: 'choice' | 'numeric' | undefined;
  unit?: string | undefined;
}

type WithRef<P, E> = P & { ref?: RefCallback<E> | undefined };

export interface UseDecisionActionsResult {
  state: DecisionActionsState;
  mode: DecisionActionsMode;
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
  targetError: { action: DecisionActionId; text: string } | null;
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
  noteProps: WithRef<HTMLAttributes<HTMLElement>, HTMLElement>;
  resultProps: WithRef<HTMLAttributes<HTMLElement>, HTMLElement>;
  buttonProps(action: DecisionActionId): ButtonHTMLAttributes<HTMLButtonElement> & { 'data-state': string };
  reasonProps(action: DecisionActionId): HTMLAttributes<HTMLElement>;
  targetInputId(action: DecisionActionId, option?: string): string;
  targetErrorProps(action: DecisionActionId): HTMLAttributes<HTMLElement>;
  targetHintProps(action: DecisionActionId): HTMLAttributes<HTMLElement>;
  targetRef(action: DecisionActionId): (element: HTMLElement | null) => void;
}

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

function aiShapeOf(rec: Recommendation | null): DecisionShape | null {
  if (rec === null) return null;
  if (rec.kind === 'numeric') return { kind: 'numeric', unit: rec.unit };
  // After the reveal the AI's order is part of what it says; keep it.
  return { kind: 'choice', options: rec.options.map(({ id, label, labels }) => ({ id, label, labels })) };
}

function recommendedFinal(rec: Recommendation): FinalInput {
  return rec.kind === 'numeric' ? { value: rec.value } : { label: rec.recommended };
}

function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

/* -------------------------------------------------------------------------------------------------
 * useDecisionActions
 * -----------------------------------------------------------------------------------------------*/

/**
 * The behaviour of the final-decision actions: which are shown, which are available and why
 * not, the target of each (another option, an amount), the double-submit guard, and prop bags.
 * Must be used inside `DecisionProvider` and a finalize step (`FinalizeStep.Root` or
 * `FinalizeProvider`; `DecisionActions` adds one when missing).
 *
 * @example
 * const a = useDecisionActions();
 * {a.actions.accept.visible && <button {...a.buttonProps('accept')}>Accept</button>}
 */
export function useDecisionActions(props: UseDecisionActionsProps = {}): UseDecisionActionsResult {
  const { t, locale } = useI18n();
  const decision = useDecision('useDecisionActions');
  const { state, dispatch, allowed, plan, recommendation, ownTimeRemainingMs } = decision;
  useSafeguard('actions.finalize', { minOwnTimeMs: plan.minOwnTimeMs });
  const fin = useOptionalFinalize();
  if (fin === null) {
    throw new Error('`useDecisionActions` must be used within `FinalizeStep.Root` or `FinalizeProvider`.');
  }

  const [choices, setChoices] = useState<Partial<Record<DecisionActionId, string>>>({});
  const [texts, setTexts] = useState<Partial<Record<DecisionActionId, string>>>({});
  const [targetError, setTargetError] = useState<{ action: DecisionActionId; text: string } | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ action: DecisionActionId } | null>(null);
  const targets = useRef(new Map<DecisionActionId, HTMLElement>());
  const noteRef = useRef<HTMLElement | null>(null);
  const resultRef = useRef<HTMLElement | null>(null);
  const pendingFocus = useRef<'note' | 'result' | null>(null);
  const setNote = useCallback((element: HTMLElement | null) => {
    noteRef.current = element;
  }, []);
  const setResult = useCallback((element: HTMLElement | null) => {
    resultRef.current = element;
  }, []);

  const base = useId();
  const id = (suffix: string) => `${base}-${suffix}`;

  const status = state.status;
  const finalized = status === 'finalized';
  const ended = status === 'abandoned';
  const aiShown = state.revealedAt !== undefined && recommendation !== null;
  const mode: DecisionActionsMode = aiShown
    ? 'ai'
    : status === 'without-ai' || status === 'ai-stopped' || plan.reveal === 'on-request'
      ? 'own'
      : 'pending';

  const { options: optionsProp, kind: kindProp, unit: unitProp } = props;
  const aiShape = useMemo(() => aiShapeOf(recommendation), [recommendation]);
  const ownShape = useMemo<DecisionShape | null>(() => {
    if (kindProp === 'numeric') {
      return {
        kind: 'numeric',
        unit: unitProp ?? (recommendation?.kind === 'numeric' ? recommendation.unit : undefined),
      };
    }
    if (optionsProp !== undefined) return { kind: 'choice', options: optionsProp };
    return shapeOf(recommendation, locale);
  }, [optionsProp, kindProp, unitProp, recommendation, locale]);
  const shape = mode === 'ai' ? aiShape : ownShape;

  const comparison = fin.comparison;
  const disagreement = fin.contrastMounted && comparison.status === 'disagree';
  const resolution: Resolution | null = disagreement ? fin.resolution : null;
  const mine = state.judgement?.judgement;

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
  }, [status]);

  /* ---- own time ---- */
  const minText = formatSeconds(plan.minOwnTimeMs, locale);
  const timeRunning = !finalized && !ended && ownTimeRemainingMs > 0;
  // While the actions wait for the reveal, the judgement shows the time; here it matters once
  // there is a finalize button to wait for.
  const timeText =
    timeRunning && mode !== 'pending'
      ? t('actions.reason.tooEarly', { min: minText, left: formatSeconds(ownTimeRemainingMs, locale) })
      : null;
  const timeOverText =
    plan.minOwnTimeMs > 0 && !timeRunning && !finalized && !ended && mode !== 'pending'
      ? t('actions.time.over')
      : '';

  /* ---- targets ---- */
  const label = (value: FinalInput) => describeDecision(value, shape, locale);
  const rec = recommendation;

  const amountHint = (text: string): string | null => {
    if (rec?.kind !== 'numeric') return null;
    const value = parseLocaleNumber(text, locale);
    if (typeof value !== 'number' || value === rec.value) return null;
    const inside = value >= rec.interval.lo && value <= rec.interval.hi;
    return t(inside ? 'actions.amount.inside' : 'actions.amount.outside', {
      level: formatPercent(rec.interval.level, locale),
      range: `${formatAmount(rec.interval.lo, locale, rec.unit)} – ${formatAmount(rec.interval.hi, locale, rec.unit)}`,
    });
  };

  const deviationTargets = (exclude: (string | undefined)[]): DecisionOption[] =>
    aiShape?.kind === 'choice' ? aiShape.options.filter((o) => !exclude.includes(o.id)) : [];

  const matchingDeviation: DecisionActionId | null =
    resolution !== 'keep-mine' || rec === null || mine === undefined
      ? null
      : rec.kind === 'numeric'
        ? 'modify'
        : rec.kind === 'ranked'
          ? rec.options.some((o) => o.id === mine.label)
            ? 'modify'
            : 'override'
          : 'override';

  const targetOf = (action: DecisionActionId): ActionTarget => {
    if (action === 'accept' || action === 'withoutAi') return { type: 'none' };
    if (action === 'record') {
      if (ownShape?.kind === 'numeric') {
        const initial = mine?.value === undefined ? '' : formatNumberForInput(mine.value, locale);
        return { type: 'amount', text: texts.record ?? initial, hint: null };
      }
      return {
        type: 'choice',
        options: ownShape?.options ?? [],
        selected: choices.record ?? mine?.label ?? null,
      };
    }
    if (rec === null) return { type: 'none' };
    if (matchingDeviation === action && mine !== undefined) {
      const final: FinalInput =
        mine.value !== undefined ? { value: mine.value } : { label: mine.label ?? '' };
      return { type: 'fixed', final, text: label(final) };
    }
    const exclude = [
      rec.kind === 'numeric' ? undefined : rec.recommended,
      resolution === 'other' ? mine?.label : undefined,
    ];
    if (rec.kind === 'numeric') {
      const text = texts.modify ?? '';
      return { type: 'amount', text, hint: amountHint(text) };
    }
    if (rec.kind === 'ranked' && action === 'override')
      return { type: 'free-text', text: texts.override ?? '' };
    const options = deviationTargets(exclude);
    if (options.length === 1 && options[0] !== undefined) {
      const only = options[0];
      return { type: 'fixed', final: { label: only.id }, text: optionLabel(only, locale) };
    }
    const selected = choices[action];
    return {
      type: 'choice',
      options,
      selected: options.some((o) => o.id === selected) ? (selected ?? null) : null,
    };
  };

  /* ---- availability ---- */
  const finalizeGate = (): ActionUnavailable | null => {
    const gate = allowed.finalize;
    if (!gate.allowed) {
      if (gate.code === 'too-early') {
        return {
          code: 'too-early',
          text: t('actions.reason.tooEarly', {
            min: minText,
            left: formatSeconds(ownTimeRemainingMs, locale),
          }),
        };
      }
      if (gate.code === 'invalid-transition' && !finalized && !ended) {
        return { code: 'pending', text: t('actions.reason.pending') };
      }
      return { code: gate.code, text: t('actions.reason.unavailable') };
    }
    if (fin.resolutionRequired)
      return { code: 'resolution-required', text: t('actions.reason.resolutionRequired') };
    return null;
  };
  const resolutionConflict = (action: DecisionActionId): ActionUnavailable | null => {
    if (resolution === null) return null;
    const mineText = mine ? label(mine) : '';
    if (resolution === 'follow-ai' && action !== 'accept') {
      return { code: 'resolution-follow-ai', text: t('actions.reason.followAi') };
    }
    if (resolution === 'keep-mine' && action !== matchingDeviation) {
      return { code: 'resolution-keep-mine', text: t('actions.reason.keepMine', { option: mineText }) };
    }
    if (resolution === 'other' && action === 'accept') {
      return { code: 'resolution-other', text: t('actions.reason.other') };
    }
    return null;
  };

  const kind = rec?.kind;
  const view = (action: DecisionActionId): ActionView => {
    let visible: boolean;
    switch (action) {
      case 'accept':
        visible = mode === 'ai';
        break;
      case 'override':
        visible = mode === 'ai' && kind !== 'numeric';
        break;
      case 'modify':
        visible = mode === 'ai' && (kind === 'numeric' || kind === 'ranked');
        break;
      case 'record':
        visible = mode === 'own';
        break;
      case 'withoutAi':
        visible =
          rec !== null &&
          plan.arm === 'ai' &&
          status !== 'without-ai' &&
          status !== 'ai-stopped' &&
          !finalized &&
          !ended;
        break;
    }
    if (finalized || ended) visible = false;
    let unavailable: ActionUnavailable | null = null;
    if (action === 'withoutAi') {
      const gate = allowed.decideWithoutAi;
      if (!gate.allowed) {
        unavailable =
          gate.code === 'already-revealed'
            ? { code: gate.code, text: t('actions.reason.alreadyRevealed') }
            : { code: gate.code, text: t('actions.reason.unavailable') };
      }
    } else {
      unavailable = finalizeGate() ?? (mode === 'ai' ? resolutionConflict(action) : null);
    }
    return { id: action, visible, unavailable, target: targetOf(action) };
  };
  const actions: Record<DecisionActionId, ActionView> = {
    accept: view('accept'),
    modify: view('modify'),
    override: view('override'),
    record: view('record'),
    withoutAi: view('withoutAi'),
  };

  const dataState: DecisionActionsState = finalized
    ? 'finalized'
    : ended
      ? 'ended'
      : mode === 'pending'
        ? 'pending'
        : timeRunning
          ? 'too-early'
          : fin.resolutionRequired
            ? 'unresolved'
            : 'ready';

  const noteText =
    finalized || ended
      ? null
      : mode === 'pending'
        ? t('actions.reason.pending')
        : fin.resolutionRequired
          ? t('actions.reason.resolutionRequired')
          : mode === 'own'
            ? status === 'ai-stopped'
              ? t('actions.own.aiStopped')
              : state.withoutAi?.cause === 'chosen'
                ? t('actions.own.chosen')
                : state.withoutAi?.cause === 'no-ai-arm'
                  ? t('actions.own.noAiArm')
                  : state.withoutAi?.cause === 'no-recommendation'
                    ? t('actions.own.noRecommendation')
                    : null
            : null;

  const result = useMemo(() => {
    if (!state.final) return null;
    const { final, outcome, finalizedAt } = state.final;
    return {
      text: t(`actions.result.${outcome}`, { final: describeDecision(final, shape, locale) }),
      time: t('actions.result.time', { time: formatClockTime(finalizedAt, locale) }),
    };
  }, [state.final, shape, locale, t]);

  /* ---- pressing ---- */
  const build = (
    action: DecisionActionId,
  ): { final: FinalInput; intent?: FinalizeIntent } | { error: string } => {
    const target = actions[action].target;
    if (action === 'accept')
      return rec ? { final: recommendedFinal(rec), intent: 'accept' } : { error: t('actions.error.refused') };
    let final: FinalInput;
    switch (target.type) {
      case 'none':
        return { error: t('actions.error.refused') };
      case 'fixed':
        final = target.final;
        break;
      case 'choice':
        if (target.selected === null) return { error: t('actions.error.choose') };
        final = { label: target.selected };
        break;
      case 'free-text': {
        const text = target.text.trim();
        if (text === '') return { error: t('actions.error.freeText') };
        final = { label: text };
        break;
      }
      case 'amount': {
        const value = parseLocaleNumber(target.text, locale);
        if (value === undefined) return { error: t('actions.error.amountMissing') };
        if (value === null) return { error: t('actions.error.amountInvalid') };
        final = { value };
        break;
      }
    }
    if (action === 'record') return { final };
    if (rec === null) return { error: t('actions.error.refused') };
    if (rec.kind === 'numeric') {
      if (final.value === rec.value) return { error: t('actions.error.sameAsAi') };
      const inside =
        final.value !== undefined && final.value >= rec.interval.lo && final.value <= rec.interval.hi;
      return { final, intent: inside ? 'modify' : 'override' };
    }
    if (final.label === rec.recommended) return { error: t('actions.error.sameAsAi') };
    return { final, intent: action === 'modify' ? 'modify' : 'override' };
  };

  const press = (action: DecisionActionId) => {
    const current = actions[action];
    if (!current.visible || current.unavailable !== null) return;
    if (action === 'withoutAi') {
      let prevented = false;
      const event: DecideWithoutAiEvent = {
        get defaultPrevented() {
          return prevented;
        },
        preventDefault() {
          prevented = true;
        },
      };
      if (props.onDecideWithoutAi?.(event) === false) event.preventDefault();
      if (event.defaultPrevented) return;
      const outcome = dispatch({ type: 'decideWithoutAi' });
      if (outcome.ok) pendingFocus.current = 'note';
      return;
    }
    const built = build(action);
    if ('error' in built) {
      setTargetError({ action, text: built.error });
      setFocusRequest({ action });
      return;
    }
    setTargetError(null);
    if (fin.finalize(built, props.onFinalize)) pendingFocus.current = 'result';
  };

  const setChoice = (action: DecisionActionId, option: string) => {
    setChoices((current) => ({ ...current, [action]: option }));
    if (targetError?.action === action) setTargetError(null);
  };
  const setText = (action: DecisionActionId, text: string) => {
    setTexts((current) => ({ ...current, [action]: text }));
    if (targetError?.action === action) setTargetError(null);
  };

  const sharedReasonId = (code: string): string | null =>
    code === 'too-early'
      ? id('time')
      : code === 'pending' || code === 'resolution-required'
        ? id('note')
        : null;

  return {
    state: dataState,
    mode,
    actions,
    timeText,
    timeOverText,
    noteText,
    result,
    targetError,
    finalize: fin,
    press,
    setChoice,
    setText,
    rootProps: { 'data-state': dataState, 'data-mode': mode, role: 'group', 'aria-labelledby': id('title') },
    titleProps: { id: id('title') },
    timeProps: { id: id('time') },
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
          targetError?.action === action && current.target.type !== 'none' && id(`${action}-error`),
          current.target.type === 'amount' && current.target.hint && id(`${action}-hint`),
          fin.errors.general && fin.ids.generalError,
        ),
        'data-state': reason ? 'unavailable' : 'available',
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
    targetInputId: (action, option) =>
      option === undefined ? id(`${action}-input`) : id(`${action}-option-${option}`),
    targetErrorProps: (action) => ({ id: id(`${action}-error`) }),
    targetHintProps: (action) => ({ id: id(`${action}-hint`) }),
    targetRef: (action) => (element) => {
      if (element) targets.current.set(action, element);
    },
  };
}

/* -------------------------------------------------------------------------------------------------
 * Context for the parts
 * -----------------------------------------------------------------------------------------------*/

const ActionsContext = createContext<UseDecisionActionsResult | null>(null);
ActionsContext.displayName = 'DecisionActionsContext';

function useActionsPart(part: string): UseDecisionActionsResult {
  const context = useContext(ActionsContext);
  if (!context) throw new Error(`\`${part}\` must be used within \`DecisionActions.Root\`.`);
  return context;
}

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface DecisionActionsRootProps
  extends UseDecisionActionsProps, Omit<HTMLAttributes<HTMLDivElement>, 'onChange'> {
  children?: ReactNode;
}

const DecisionActionsInner = forwardRef<HTMLDivElement, DecisionActionsRootProps>(
  function DecisionActionsInner(props, ref) {
    const { onFinalize, onDecideWithoutAi, options, kind, unit, children, className, ...rest } = props;
    const actions = useDecisionActions({ onFinalize, onDecideWithoutAi, options, kind, unit });
    const { t } = useI18n();
    return (
      <ActionsContext.Provider value={actions}>
        <div
          {...rest}
          {...actions.rootProps}
          ref={ref}
          className={['dlb-actions', className].filter(Boolean).join(' ')}
        >
          <p {...actions.titleProps} className="dlb-actions__title">
            {t('actions.title')}
          </p>
          {children}
        </div>
      </ActionsContext.Provider>
    );
  },
);

/**
 * Runs `useDecisionActions` and shares it with the parts; renders a `div` (role `group`, named
 * by its title) with `data-state` (see `DecisionActionsState`) and `data-mode`. Adds a
 * `FinalizeProvider` when none is above it.
 *
 * @example
 * <DecisionActions.Root onFinalize={(e) => { if (!window.confirm('Record?')) e.preventDefault(); }}>
 *   <DecisionActions.Status /><DecisionActions.Accept /><DecisionActions.Override /><DecisionActions.Result />
 * </DecisionActions.Root>
 */
export const DecisionActionsRoot = forwardRef<HTMLDivElement, DecisionActionsRootProps>(
  function DecisionActionsRoot(props, ref) {
    const finalize = useOptionalFinalize();
    if (finalize) return <DecisionActionsInner {...props} ref={ref} />;
    return (
      <FinalizeProvider>
        <DecisionActionsInner {...props} ref={ref} />
      </FinalizeProvider>
    );
  },
);
DecisionActionsRoot.displayName = 'DecisionActions.Root';

/* -------------------------------------------------------------------------------------------------
 * Status: own time, notes, live announcement, general error
 * -----------------------------------------------------------------------------------------------*/

/**
 * The own-assessment time left ("Take at least 20 seconds for your own assessment — 12 seconds
 * left"), the state note (waiting for the reveal, disagreement to resolve, deciding without the
 * AI), and a polite live region that says once when the time is over. The countdown itself is
 * not live: it would speak every second.
 */
export function DecisionActionsStatus() {
  const a = useActionsPart('DecisionActions.Status');
  return (
    <>
      {a.timeText === null ? null : (
        <p {...a.timeProps} className="dlb-actions__time" data-state="own-time">
          {a.timeText}
        </p>
      )}
      {a.noteText === null ? null : (
        <p {...a.noteProps} className="dlb-actions__note">
          {a.noteText}
        </p>
      )}
      <p className="dlb-visually-hidden" role="status">
        {a.timeOverText}
      </p>
    </>
  );
}
DecisionActionsStatus.displayName = 'DecisionActions.Status';

/** A protocol refusal that belongs to no field (e.g. the decision ended meanwhile). */
export function DecisionActionsError() {
  const a = useActionsPart('DecisionActions.Error');
  const text = a.finalize.errors.general;
  if (!text) return null;
  return (
    <p id={a.finalize.ids.generalError} className="dlb-field-error" role="alert">
      {text}
    </p>
  );
}
DecisionActionsError.displayName = 'DecisionActions.Error';

/* -------------------------------------------------------------------------------------------------
 * Buttons and targets
 * -----------------------------------------------------------------------------------------------*/

function ActionButton({
  action,
  children,
  primary,
}: {
  action: DecisionActionId;
  children: ReactNode;
  primary?: boolean;
}) {
  const a = useActionsPart('DecisionActions');
  const view = a.actions[action];
  const reason = view.unavailable;
  const shared =
    reason?.code === 'too-early' || reason?.code === 'pending' || reason?.code === 'resolution-required';
  return (
    <div className="dlb-action" data-action={action}>
      <button {...a.buttonProps(action)} className={`dlb-button${primary ? ' dlb-button--primary' : ''}`}>
        {children}
      </button>
      {reason && !shared ? (
        <p {...a.reasonProps(action)} className="dlb-action__why">
          {reason.text}
        </p>
      ) : null}
    </div>
  );
}

function TargetError({ action }: { action: DecisionActionId }) {
  const a = useActionsPart('DecisionActions');
  if (a.targetError?.action !== action) return null;
  return (
    <p {...a.targetErrorProps(action)} className="dlb-field-error">
      {a.targetError.text}
    </p>
  );
}

function TargetInput({ action, legend }: { action: DecisionActionId; legend: string }) {
  const a = useActionsPart('DecisionActions');
  const { t, locale } = useI18n();
  const target = a.actions[action].target;
  const invalid = a.targetError?.action === action;
  const errorId = invalid ? a.targetErrorProps(action).id : undefined;
  if (target.type === 'choice') {
    return (
      <fieldset className="dlb-actions__target" aria-describedby={errorId}>
        <legend className="dlb-actions__legend">{legend}</legend>
        {target.options.map((option, index) => {
          const inputId = a.targetInputId(action, option.id);
          return (
            <div key={option.id} className="dlb-choice">
              <input
                type="radio"
                id={inputId}
                name={a.targetInputId(action)}
                className="dlb-choice__input"
                checked={target.selected === option.id}
                onChange={() => a.setChoice(action, option.id)}
                ref={index === 0 ? a.targetRef(action) : undefined}
              />
              <label htmlFor={inputId} className="dlb-choice__label">
                {optionLabel(option, locale)}
              </label>
            </div>
          );
        })}
        <TargetError action={action} />
      </fieldset>
    );
  }
  if (target.type === 'amount' || target.type === 'free-text') {
    const inputId = a.targetInputId(action);
    const hint = target.type === 'amount' ? target.hint : null;
    return (
      <div className="dlb-actions__target">
        <label htmlFor={inputId} className="dlb-actions__legend">
          {legend}
        </label>
        <input
          id={inputId}
          type="text"
          className="dlb-input"
          inputMode={target.type === 'amount' ? 'decimal' : undefined}
          autoComplete="off"
          value={target.text}
          onChange={(event) => a.setText(action, event.currentTarget.value)}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={describedBy(errorId, hint && a.targetHintProps(action).id)}
          ref={a.targetRef(action)}
        />
        {hint ? (
          <p {...a.targetHintProps(action)} className="dlb-hint">
            {hint}
          </p>
        ) : null}
        <TargetError action={action} />
        {target.type === 'amount' && !hint && !invalid ? (
          // The format in words, not a sample amount: without the AI's interval beside it (a decision
          // without AI) a sample number would be the only figure near the person's own.
          <p className="dlb-hint">{t('actions.amount.example')}</p>
        ) : null}
      </div>
    );
  }
  return null;
}

function useRecommendedText(): string {
  const { recommendation } = useDecision('DecisionActions');
  const { locale } = useI18n();
  if (recommendation === null) return '';
  return describeDecision(recommendedFinal(recommendation), aiShapeOf(recommendation), locale);
}

/** Accept the AI's recommendation: `finalize` with intent `accept` and the recommended option or value. */
export function DecisionActionsAccept() {
  const a = useActionsPart('DecisionActions.Accept');
  const { t } = useI18n();
  const recommended = useRecommendedText();
  if (!a.actions.accept.visible) return null;
  return <ActionButton action="accept">{t('actions.accept', { option: recommended })}</ActionButton>;
}
DecisionActionsAccept.displayName = 'DecisionActions.Accept';

/**
 * Modify the recommendation: another item of a ranked list, or another amount (see the module
 * note on numeric decisions). Hidden for categorical and binary decisions.
 */
export function DecisionActionsModify() {
  const a = useActionsPart('DecisionActions.Modify');
  const { t } = useI18n();
  const { recommendation } = useDecision('DecisionActions.Modify');
  const view = a.actions.modify;
  if (!view.visible) return null;
  const numeric = recommendation?.kind === 'numeric';
  const unit = recommendation?.kind === 'numeric' ? recommendation.unit : undefined;
  return (
    <div className="dlb-actions__deviation" data-action="modify">
      {view.target.type === 'fixed' ? null : (
        <TargetInput
          action="modify"
          legend={
            numeric
              ? unit
                ? t('actions.amount.labelWithUnit', { unit })
                : t('actions.amount.label')
              : t('actions.modify.legend')
          }
        />
      )}
      <ActionButton action="modify">
        {view.target.type === 'fixed'
          ? t('actions.modifyTo', { option: view.target.text })
          : t('actions.modify')}
      </ActionButton>
    </div>
  );
}
DecisionActionsModify.displayName = 'DecisionActions.Modify';

/**
 * Override the recommendation: another option (categorical, binary), or something not on a ranked
 * list. For binary decisions (and whenever only one other option is left) the button names it.
 */
export function DecisionActionsOverride() {
  const a = useActionsPart('DecisionActions.Override');
  const { t } = useI18n();
  const { recommendation } = useDecision('DecisionActions.Override');
  const view = a.actions.override;
  if (!view.visible) return null;
  return (
    <div className="dlb-actions__deviation" data-action="override">
      {view.target.type === 'fixed' ? null : (
        <TargetInput
          action="override"
          legend={
            recommendation?.kind === 'ranked' ? t('actions.override.freeText') : t('actions.override.legend')
          }
        />
      )}
      <ActionButton action="override">
        {view.target.type === 'fixed'
          ? t('actions.overrideTo', { option: view.target.text })
          : t('actions.override')}
      </ActionButton>
    </div>
  );
}
DecisionActionsOverride.displayName = 'DecisionActions.Override';

/** The final decision without the AI (no-AI arm, "decide without the AI", AI stopped, on-request plans). */
export function DecisionActionsRecord() {
  const a = useActionsPart('DecisionActions.Record');
  const { t } = useI18n();
  const view = a.actions.record;
  if (!view.visible) return null;
  return (
    <div className="dlb-actions__deviation" data-action="record">
      <TargetInput
        action="record"
        legend={view.target.type === 'amount' ? t('actions.amount.label') : t('actions.record.legend')}
      />
      <ActionButton action="record" primary>
        {t('actions.record')}
      </ActionButton>
    </div>
  );
}
DecisionActionsRecord.displayName = 'DecisionActions.Record';

/**
 * Decide without the AI (AI Act Art. 14(4)(d)): `decideWithoutAi`. Only before the reveal; after
 * it the button stays reachable and says why it is unavailable.
 */
export function DecisionActionsWithoutAi() {
  const a = useActionsPart('DecisionActions.WithoutAi');
  const { t } = useI18n();
  if (!a.actions.withoutAi.visible) return null;
  return <ActionButton action="withoutAi">{t('actions.withoutAi')}</ActionButton>;
}
DecisionActionsWithoutAi.displayName = 'DecisionActions.WithoutAi';

/** What was recorded, once the decision is final; receives focus after the person's finalize. */
export function DecisionActionsResult() {
  const a = useActionsPart('DecisionActions.Result');
  const { t } = useI18n();
  if (a.state === 'ended') {
    return <p className="dlb-actions__result">{t('actions.ended')}</p>;
  }
  if (a.result === null) return null;
  return (
    <div className="dlb-actions__result" data-state="finalized">
      <p {...a.resultProps} className="dlb-actions__result-text">
        {a.result.text}
      </p>
      <p className="dlb-hint">{a.result.time}</p>
    </div>
  );
}
DecisionActionsResult.displayName = 'DecisionActions.Result';

/* -------------------------------------------------------------------------------------------------
 * DecisionActions (composed)
 * -----------------------------------------------------------------------------------------------*/

export interface DecisionActionsProps extends DecisionActionsRootProps {
  /**
   * Show the "decide without the AI" action. `DecisionScreen` turns it off because its
   * `OversightControls` already offer it; two controls for one action confuse screen-reader users.
   * @default true
   */
  showWithoutAi?: boolean;
}

/**
 * The final-decision actions with every part: status, accept, modify, override, the decision
 * without the AI, "decide without the AI", errors and the recorded result.
 *
 * @example
 * <DecisionProvider …>
 *   <DecisionActions onFinalize={(event) => console.log(event.action.intent)} />
 * </DecisionProvider>
 */
function DecisionActionsComposed({ children, showWithoutAi = true, ...props }: DecisionActionsProps) {
  return (
    <DecisionActionsRoot {...props}>
      {children ?? (
        <>
          <DecisionActionsStatus />
          <div className="dlb-actions__buttons">
            <DecisionActionsAccept />
            <DecisionActionsModify />
            <DecisionActionsOverride />
            <DecisionActionsRecord />
            {showWithoutAi ? <DecisionActionsWithoutAi /> : null}
          </div>
          <DecisionActionsError />
          <DecisionActionsResult />
        </>
      )}
    </DecisionActionsRoot>
  );
}
DecisionActionsComposed.displayName = 'DecisionActions';

export const DecisionActions = Object.assign(DecisionActionsComposed, {
  Root: DecisionActionsRoot,
  Status: DecisionActionsStatus,
  Accept: DecisionActionsAccept,
  Modify: DecisionActionsModify,
  Override: DecisionActionsOverride,
  Record: DecisionActionsRecord,
  WithoutAi: DecisionActionsWithoutAi,
  Error: DecisionActionsError,
  Result: DecisionActionsResult,
});
