import {
  allowedActions,
  createDecisionStore,
  defaultPolicy,
  EVENT_SCHEMA_VERSION,
  ownTimeRemainingMs,
  parseRecommendation,
  resolvePolicy,
  type DecisionInit,
  type ActionAvailability,
  type DecisionAction,
  type DecisionActionType,
  type DecisionClock,
  type DecisionEventDraft,
  type DecisionState,
  type DecisionStore,
  type FrictionPlan,
  type FrictionPolicy,
  type ProtocolError,
  type ProtocolResult,
  type ReasonInput,
  type Recommendation,
  type RecommendationIssue,
  type Stakes,
} from '@deliberate/core';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useStore } from 'zustand';
import { I18nProvider } from '../i18n/context.tsx';
import type { Locale, Messages } from '../messages/index.ts';
import { isDev } from '../utils/dev.ts';
import { defaultReasonCodes } from './reason-codes.ts';
import {
  createSafeguardRegistry,
  publishSafeguards,
  SAFEGUARD_MANIFEST_SCHEMA,
  SafeguardRegistryContext,
  type SafeguardManifest,
} from './safeguards.ts';

/** How long the provider waits for registrations to settle before it publishes the manifest. */
const SAFEGUARD_PUBLISH_DELAY_MS = 30;

/* -------------------------------------------------------------------------------------------------
 * Types
 * -----------------------------------------------------------------------------------------------*/

/**
 * Where the provider hands the decision's events. `@deliberate/log`'s logger fits; so does any
 * object with a `log` method. A rejected promise is shown to the person as a blocking warning:
 * an event that could not be recorded is never dropped silently. A `log` that resolves with an
 * array hands that array — the events as logged — to `onEvents`.
 */
export interface DecisionLogger {
  log(events: DecisionEventDraft[]): Promise<unknown> | void;
  /**
   * `true` when a rejected `log()` has kept its events and delivers them later by itself
   * (`@deliberate/log`'s logger): the provider then never logs them again — that would record
   * each step twice — and a retry is an empty `log([])`. Otherwise the provider holds the events
   * of a rejected call and logs them again, before newer ones, at the next step or retry.
   */
  readonly retainsFailedEvents?: boolean;
}

/** How the AI's confidence is shown. See `ConfidenceDisplay`. */
export type ConfidenceFormat = 'percent' | 'frequency' | 'verbal' | 'icon-array' | 'interval';

export interface DecisionProviderProps {
  /**
   * The AI's recommendation as received: validated here with `parseRecommendation`. Invalid input
   * is never shown as a number; the screen names the problems and the person decides without AI.
   * `null` means there is no recommendation for this case.
   */
  recommendation: unknown;
  /** One decision about one case at one step; the key of every event. */
  decisionId: string;
  /** The procedure, e.g. `housing-benefit.eligibility`. */
  procedure: string;
  /** A pseudonymous reference to the case. */
  caseRef: string;
  /** Who decides (pseudonymous id; role such as `caseworker`). */
  actor: DecisionInit['actor'];
  /** How much is at stake for the affected person. With `policy`, chooses the friction plan. @default 'medium' */
  stakes?: Stakes;
  /** The friction policy. @default defaultPolicy */
  policy?: FrictionPolicy;
  /** A fixed plan instead of one resolved from `policy` and `stakes` (stories, tests). */
  plan?: FrictionPlan;
  /** Seed for the audit and control-arm draws. @default the policy's id and version */
  seed?: string;
  /** Receives every event; a rejected `log` is surfaced as a blocking warning. */
  logger?: DecisionLogger;
  /**
   * Called with the events of every step. What it receives depends on `logger`:
   *
   * - with a `logger` whose `log()` resolves with the events it logged (`@deliberate/log`'s
   *   logger does, once every sink has accepted them): exactly those events — stamped,
   *   pseudonymised, redacted, hashed, as the log holds them, with `id`, `chain`, `seq`, `prev`
   *   and `hash`. Never the drafts: with a pseudonymisation key, `actor.id` and `caseRef` are
   *   the pseudonyms, never the ids given to this provider. Called after `log()` resolved;
   *   nothing for a call that failed (the warning shows; after a successful retry, the events of
   *   the retry);
   * - with a `logger` whose `log()` resolves with anything else (a custom logger that reports
   *   nothing): not called, because what was logged is unknown — handing out the drafts could
   *   hand out identities the logger removes. A development warning says so once;
   * - without a `logger`: the drafts, synchronously after each step, with `actor` and `caseRef`
   *   exactly as given to this provider (values the host already holds). They carry no `id`,
   *   `seq` or `hash`: nothing was logged.
   */
  onEvents?: (events: DecisionEventDraft[]) => void;
  /** @default 'de' */
  locale?: Locale;
  /** Overrides for any message, by key. */
  messages?: Partial<Messages>;
  /** Time source, for tests and stories. @default Date.now */
  clock?: DecisionClock;
  /** Which screen variant this is (logged, for A/B evaluations). */
  uiVariant?: string;
  /**
   * Reasons offered when the person deviates. @default the recommendation's `reasonCodes` (e.g. a
   * CDS Hooks card's `overrideReasons`), else Deliberate's default set
   */
  reasonCodes?: ReasonInput[];
  /** How confidence is shown; uncalibrated confidence is always shown as a verbal band. @default 'verbal' */
  confidenceFormat?: ConfidenceFormat;
  children: ReactNode;
}

export interface DecisionContextValue {
  store: DecisionStore;
  recommendation: Recommendation | null;
  issues: RecommendationIssue[];
  /**
   * The explanation to show: the recommendation's, or, when only the explanation failed
   * validation, the payload as received (the explanation panel reads what it can).
   */
  explanation: unknown;
  /** What was wrong with the explanation, when it failed validation and was set aside. */
  explanationIssues: RecommendationIssue[];
  plan: FrictionPlan;
  reasonCodes: ReasonInput[];
  confidenceFormat: ConfidenceFormat;
  clock: DecisionClock;
  /** Reports a component's render failure as a `ui.error` event. */
  reportError(component: string, error: unknown): void;
  /** The logger's last failure, if recording events failed. */
  logError: Error | null;
  retryLogging(): void;
}

/* -------------------------------------------------------------------------------------------------
 * DecisionProvider
 * -----------------------------------------------------------------------------------------------*/

/** @internal The context object itself, for class components (the error boundary). */
export const DecisionContext = createContext<DecisionContextValue | null>(null);
DecisionContext.displayName = 'DecisionContext';

interface ParsedInput {
  recommendation: Recommendation | null;
  issues: RecommendationIssue[];
  /** The explanation as received, when it failed validation but the rest did not. */
  explanation?: unknown;
  explanationIssues: RecommendationIssue[];
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  try {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * Validates the recommendation. A broken explanation does not cost the advice: when every
 * problem lies inside `explanation`, the recommendation is accepted without it, and the raw
 * explanation goes to the explanation panel, which shows what it can read and names what is
 * missing (issue #4). Anything else wrong makes the whole recommendation invalid.
 */
function parseInput(input: unknown): ParsedInput {
  if (input === null) return { recommendation: null, issues: [], explanationIssues: [] };
  const parsed = parseRecommendation(input);
  if (parsed.ok) return { recommendation: parsed.value, issues: [], explanationIssues: [] };
  const inExplanation = parsed.issues.every((issue) => issue.path[0] === 'explanation');
  if (inExplanation && isPlainRecord(input)) {
    try {
      const { explanation, ...rest } = input;
      const retry = parseRecommendation(rest);
      if (retry.ok) {
        return { recommendation: retry.value, issues: [], explanation, explanationIssues: parsed.issues };
      }
    } catch {
      // Spreading a hostile object threw: fall through to the strict answer.
    }
  }
  return { recommendation: null, issues: parsed.issues, explanationIssues: [] };
}

/** Holds events until the provider has mounted; then lets everything through. */
class EventGate {
  #open = false;
  #held: DecisionEventDraft[] = [];
  /** Keeps the events while closed; returns whether it did. */
  hold(events: DecisionEventDraft[]): boolean {
    if (this.#open) return false;
    this.#held.push(...events);
    return true;
  }
  /** Opens the gate (once) and returns what was held. */
  open(): DecisionEventDraft[] {
    this.#open = true;
    return this.#held.splice(0);
  }
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

/**
 * Holds one decision: validates the recommendation, resolves the friction plan, runs the decision
 * protocol and hands every event to the logger. Every Deliberate decision component must be inside
 * one. Give it a `key` of the decision id when the same screen moves to the next case.
 *
 * @example
 * <DecisionProvider recommendation={card} decisionId="d-1" procedure="housing-benefit.eligibility"
 *   caseRef="c-9f2" actor={{ id: 'a-17', role: 'caseworker' }} stakes="high" logger={logger}>
 *   <DecisionScreen />
 * </DecisionProvider>
 */
export function DecisionProvider(props: DecisionProviderProps) {
  const { locale = 'de', messages, children } = props;
  const propsRef = useRef(props);
  useEffect(() => {
    propsRef.current = props;
  });

  const [logError, setLogError] = useState<Error | null>(null);
  const failedRef = useRef<DecisionEventDraft[]>([]);

  // The decision is created once per mount: a provider re-rendered with new props keeps its
  // decision (the person's work), and a new case gets a new provider through `key`.
  const [setup] = useState(() => {
    const p = props;
    const parsed = parseInput(p.recommendation);
    const { recommendation, issues } = parsed;
    const plan =
      p.plan ??
      resolvePolicy({
        policy: p.policy ?? defaultPolicy,
        stakes: p.stakes ?? 'medium',
        confidence: recommendation?.confidence,
        calibrated: recommendation?.calibration?.calibrated,
        decisionId: p.decisionId,
        ...(p.seed === undefined ? {} : { seed: p.seed }),
      });
    const clock = p.clock ?? { now: () => Date.now() };
    // Events wait behind a gate until the provider has mounted: a render may be thrown away
    // (StrictMode, Suspense, server rendering), and its decision must not reach the log.
    const gate = new EventGate();
    let warnedUnreported = false;
    const deliver = (events: DecisionEventDraft[]) => {
      if (gate.hold(events)) return;
      const current = propsRef.current;
      if (!current.logger) {
        // No log: the drafts, with the identities the host gave this provider.
        if (events.length > 0) current.onEvents?.(events);
        return;
      }
      // A logger that keeps what it could not deliver gets each event once; another gets the
      // held events again, before the new ones.
      const retains = current.logger.retainsFailedEvents === true;
      const pending = retains ? events : [...failedRef.current, ...events];
      failedRef.current = [];
      const attempt = (batch: DecisionEventDraft[]) => {
        try {
          return Promise.resolve(current.logger?.log(batch));
        } catch (error) {
          return Promise.reject(toError(error));
        }
      };
      attempt(pending).then(
        (logged: unknown) => {
          setLogError(null);
          // What the log holds, never the drafts (see `onEvents`).
          const onEvents = propsRef.current.onEvents;
          if (!onEvents || pending.length === 0) return;
          if (Array.isArray(logged)) {
            if (logged.length > 0) onEvents(logged as DecisionEventDraft[]);
          } else if (!warnedUnreported) {
            warnedUnreported = true;
            if (isDev())
              console.warn(
                '[deliberate] onEvents is not called: the logger’s log() did not resolve with the events it logged, and the drafts are not handed out in their place (they may hold identities the logger removes).',
              );
          }
        },
        (error: unknown) => {
          if (!retains) failedRef.current = [...pending, ...failedRef.current];
          setLogError(toError(error));
        },
      );
    };
    const store = createDecisionStore(
      {
        decisionId: p.decisionId,
        procedure: p.procedure,
        caseRef: p.caseRef,
        actor: p.actor,
        recommendation,
        recommendationIssues: issues,
        plan,
        ...(p.uiVariant === undefined ? {} : { uiVariant: p.uiVariant }),
      },
      { clock, onEvents: deliver },
    );
    const reasonCodes =
      p.reasonCodes ??
      (recommendation?.reasonCodes?.length ? recommendation.reasonCodes : defaultReasonCodes);
    const safeguards = createSafeguardRegistry();
    return { store, parsed, recommendation, issues, plan, clock, deliver, reasonCodes, gate, safeguards };
  });

  // The safeguard manifest: published after mount and whenever a component (un)registers,
  // debounced, browser only. Removed again when the decision unmounts.
  const confidenceFormat = props.confidenceFormat ?? 'verbal';
  const hasLogger = props.logger !== undefined;
  useEffect(() => {
    const { safeguards, plan, recommendation, issues } = setup;
    const { decisionId, procedure } = setup.store.getState().decision;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const publish = () => {
      const { checklist, ...rest } = plan;
      const manifest: SafeguardManifest = {
        schema: SAFEGUARD_MANIFEST_SCHEMA,
        decisionId,
        procedure,
        locale,
        stakes: plan.stakes,
        plan: { ...rest, checklist: checklist.map((item) => item.id) },
        logger: hasLogger,
        recommendation: recommendation
          ? {
              kind: recommendation.kind,
              hasConfidence: typeof recommendation.confidence === 'number',
              calibrated: recommendation.calibration?.calibrated === true,
              model: recommendation.model !== undefined,
            }
          : null,
        issues: issues.map((issue) => issue.code),
        explanationIssues: setup.parsed.explanationIssues.map((issue) => issue.code),
        confidenceFormat,
        components: safeguards.snapshot(),
        publishedAt: Date.now(),
      };
      publishSafeguards(decisionId, manifest);
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(publish, SAFEGUARD_PUBLISH_DELAY_MS);
    };
    const unsubscribe = safeguards.subscribe(schedule);
    schedule();
    return () => {
      unsubscribe();
      clearTimeout(timer);
      publishSafeguards(decisionId, null);
    };
  }, [setup, locale, hasLogger, confidenceFormat]);

  useEffect(() => {
    const held = setup.gate.open();
    if (held.length > 0) setup.deliver(held);
  }, [setup]);

  const reportError = useCallback(
    (component: string, error: unknown) => {
      const decision = setup.store.getState().decision;
      const event: DecisionEventDraft<'ui.error'> = {
        schema: EVENT_SCHEMA_VERSION,
        type: 'ui.error',
        ts: new Date(setup.clock.now()).toISOString(),
        decisionId: decision.decisionId,
        procedure: decision.procedure,
        caseRef: decision.caseRef,
        actor: {
          id: decision.actor.id,
          ...(decision.actor.role === undefined ? {} : { role: decision.actor.role }),
        },
        ...(decision.model ? { model: decision.model } : {}),
        data: { component, message: toError(error).message },
      };
      setup.deliver([event]);
    },
    [setup],
  );

  const retryLogging = useCallback(() => setup.deliver([]), [setup]);

  const value = useMemo<DecisionContextValue>(
    () => ({
      store: setup.store,
      recommendation: setup.recommendation,
      issues: setup.issues,
      explanation:
        'explanation' in setup.parsed ? setup.parsed.explanation : setup.recommendation?.explanation,
      explanationIssues: setup.parsed.explanationIssues,
      plan: setup.plan,
      reasonCodes: setup.reasonCodes,
      confidenceFormat: props.confidenceFormat ?? 'verbal',
      clock: setup.clock,
      reportError,
      logError,
      retryLogging,
    }),
    [setup, props.confidenceFormat, reportError, logError, retryLogging],
  );

  return (
    <I18nProvider locale={locale} {...(messages ? { messages } : {})}>
      <DecisionContext.Provider value={value}>
        <SafeguardRegistryContext.Provider value={setup.safeguards}>
          {children}
        </SafeguardRegistryContext.Provider>
      </DecisionContext.Provider>
    </I18nProvider>
  );
}
DecisionProvider.displayName = 'DecisionProvider';

/* -------------------------------------------------------------------------------------------------
 * Hooks
 * -----------------------------------------------------------------------------------------------*/

/**
 * The raw context, for components that must render outside a decision too. Most code wants
 * `useDecision`.
 */
export function useDecisionContext(consumerName: string): DecisionContextValue {
  const context = useContext(DecisionContext);
  if (!context) {
    throw new Error(`\`${consumerName}\` must be used within \`DecisionProvider\`.`);
  }
  return context;
}

/** Like `useDecisionContext`, but `null` outside a provider. */
export function useOptionalDecisionContext(): DecisionContextValue | null {
  return useContext(DecisionContext);
}

/**
 * Re-renders once a second while the minimum own-assessment time runs, so that "finalize" becomes
 * available the moment it may. Returns the remaining milliseconds (0 when none).
 */
export function useOwnTimeRemaining(consumerName = 'useOwnTimeRemaining'): number {
  const { store, clock } = useDecisionContext(consumerName);
  const decision = useStore(store, (s) => s.decision);
  const [now, setNow] = useState(() => clock.now());
  const remaining = ownTimeRemainingMs(decision, now);
  useEffect(() => {
    if (remaining <= 0) return;
    const timer = setTimeout(() => setNow(clock.now()), Math.min(1000, remaining));
    return () => clearTimeout(timer);
  }, [remaining, clock]);
  return remaining;
}

export interface UseDecisionResult {
  /** The protocol state: `status`, the committed judgement, what was revealed, the final decision. */
  state: DecisionState;
  /** Runs a protocol action; returns the result (with a typed error when refused). */
  dispatch(action: DecisionAction): ProtocolResult;
  /** For every action type, whether it is allowed now, and if not, why. */
  allowed: Record<DecisionActionType, ActionAvailability>;
  /** The last refused action's error. */
  lastError: ProtocolError | null;
  /** The validated recommendation, or `null` (none, or invalid: see `issues`). */
  recommendation: Recommendation | null;
  /** What was wrong with the recommendation, when it was invalid. */
  issues: RecommendationIssue[];
  /** The explanation to show (see `DecisionContextValue.explanation`). */
  explanation: unknown;
  /** What was wrong with the explanation, when only it failed validation. */
  explanationIssues: RecommendationIssue[];
  plan: FrictionPlan;
  reasonCodes: ReasonInput[];
  confidenceFormat: ConfidenceFormat;
  /** Remaining minimum own-assessment time in ms. */
  ownTimeRemainingMs: number;
  /** Every event emitted so far. */
  events: DecisionEventDraft[];
  logError: Error | null;
  retryLogging(): void;
}

/**
 * The decision in progress, for building custom decision components.
 *
 * @example
 * const { state, allowed, dispatch } = useDecision();
 * <button disabled={!allowed.reveal.allowed} onClick={() => dispatch({ type: 'reveal', requested: true, display })}>…</button>
 */
export function useDecision(consumerName = 'useDecision'): UseDecisionResult {
  const context = useDecisionContext(consumerName);
  const { store, clock } = context;
  const decision = useStore(store, (s) => s.decision);
  const lastError = useStore(store, (s) => s.lastError);
  const events = useStore(store, (s) => s.events);
  const dispatch = useStore(store, (s) => s.dispatch);
  const remaining = useOwnTimeRemaining(consumerName);
  // `remaining` changes as time passes, so availability (too-early) is recomputed with it.
  const allowed = useMemo(() => allowedActions(decision, clock.now()), [decision, clock, remaining]); // eslint-disable-line react-hooks/exhaustive-deps
  return {
    state: decision,
    dispatch,
    allowed,
    lastError,
    recommendation: context.recommendation,
    issues: context.issues,
    explanation: context.explanation,
    explanationIssues: context.explanationIssues,
    plan: context.plan,
    reasonCodes: context.reasonCodes,
    confidenceFormat: context.confidenceFormat,
    ownTimeRemainingMs: remaining,
    events,
    logError: context.logError,
    retryLogging: context.retryLogging,
  };
}
