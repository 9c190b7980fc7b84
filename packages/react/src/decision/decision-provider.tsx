import type {
  DecisionClock,
  DecisionEventDraft,
  DecisionInit,
  DecisionOptions,
  FrictionPlan,
  FrictionPolicy,
  ReasonInput,
  Stakes,
} from '@deliberate/core';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { I18nProvider } from '../i18n/context.tsx';
import type { Locale, Messages } from '../messages/index.ts';
import { isDev } from '../utils/dev.ts';
import { DecisionContext, type ConfidenceFormat, type DecisionContextValue } from './decision-context.ts';
import { createDelivery, messageOf, uiErrorEvent, type DecisionLogger } from './delivery.ts';
import { openDecision } from './open-decision.ts';
import { usePublishSafeguards } from './publish-safeguards.ts';
import { SafeguardRegistryContext } from './safeguards.ts';
import { usePendingRecommendation } from './use-pending-recommendation.ts';
import { useRecommendationView } from './use-recommendation-view.ts';

// The provider's family, importable from this module as before the split.
export {
  DecisionContext,
  useDecisionContext,
  useOptionalDecisionContext,
  type AiStatus,
  type ConfidenceFormat,
  type DecisionContextValue,
} from './decision-context.ts';
export type { DecisionLogger } from './delivery.ts';
export { useDecision, useOwnTimeRemaining, type UseDecisionResult } from './use-decision.ts';

/* -------------------------------------------------------------------------------------------------
 * Props
 * -----------------------------------------------------------------------------------------------*/

export interface DecisionProviderProps {
  /**
   * The AI's recommendation as received: validated here with `parseRecommendation`. Invalid input
   * is never shown as a number; the screen names the problems and the person decides without AI.
   * `null` means there is no recommendation for this case.
   *
   * While the AI still computes, pass a promise of the recommendation, or the string `'pending'`
   * and render the provider again with the value once you have it. The decision opens at once
   * (the person can judge first); the friction plan is resolved without the AI's confidence,
   * since it is not known yet. When the recommendation arrives it is validated as above; a
   * rejected promise, or no value within `recommendationTimeoutMs`, lets the person decide
   * without the AI (`recommendation.unavailable` is logged). Once the decision has its
   * recommendation, later values are ignored: give the provider a new `key` for a new case.
   *
   * @example
   * <DecisionProvider recommendation={fetchRecommendation(caseId)} … />
   */
  recommendation: unknown;
  /**
   * The procedure's decision space: the options a person chooses between, in the procedure's
   * order, or the amount's unit and range. Validated with `parseDecisionOptions`; a
   * recommendation that names anything else is set aside as invalid, and without a
   * recommendation the person decides between these. Invalid options are a programming error:
   * they are reported (`ui.error`, a development warning) and the recommendation's options are
   * used instead. @default the recommendation's options
   *
   * @example
   * options={{ kind: 'choice', options: [{ id: 'approve', label: 'Approve', labels: { de: 'Bewilligen' } },
   *   { id: 'reject', label: 'Reject', labels: { de: 'Ablehnen' } }] }}
   */
  options?: DecisionOptions;
  /**
   * How long a pending `recommendation` (a promise or `'pending'`) may take, in ms, before the
   * person decides without it (`recommendation.unavailable` with `cause: 'timeout'`). Read once,
   * when the decision opens. `Infinity` waits for ever. @default 30000
   */
  recommendationTimeoutMs?: number;
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
  /**
   * The language of the screen. German is built in. Another locale is used from its registered
   * catalogue (`registerCatalogue(en)` with `@deliberate/react/locales/en`) or loaded on demand:
   * until it is there the children are not rendered (`localeFallback` instead), and a catalogue
   * that cannot be loaded leaves the screen in German. @default 'de'
   */
  locale?: Locale;
  /**
   * Rendered instead of the children while a locale's catalogue is loaded for the first time.
   * Pass a loading status in the host's language if you want one. @default nothing
   */
  localeFallback?: ReactNode;
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

/* -------------------------------------------------------------------------------------------------
 * DecisionProvider
 * -----------------------------------------------------------------------------------------------*/

/**
 * Holds one decision: validates the procedure's options and the recommendation (given, or
 * pending), resolves the friction plan, runs the decision protocol and hands every event to the
 * logger. Every Deliberate decision component must be inside one. Give it a `key` of the
 * decision id when the same screen moves to the next case.
 *
 * @example
 * <DecisionProvider recommendation={card} decisionId="d-1" procedure="housing-benefit.eligibility"
 *   caseRef="c-9f2" actor={{ id: 'a-17', role: 'caseworker' }} stakes="high" logger={logger}>
 *   <DecisionScreen />
 * </DecisionProvider>
 */
export function DecisionProvider(props: DecisionProviderProps) {
  const { locale = 'de', messages, children } = props;
  const [logError, setLogError] = useState<Error | null>(null);

  // The decision is created once per mount: a provider re-rendered with new props keeps its
  // decision (the person's work), and a new case gets a new provider through `key`.
  const [setup] = useState(() => openDecision(props, createDelivery(props, setLogError)));
  // Events go to the latest `logger` and `onEvents`.
  useEffect(() => {
    setup.delivery.retarget(props);
  });

  // Declared first: the opening events leave the gate before anything else can happen.
  useEffect(() => {
    const first = setup.delivery.open();
    if (first && setup.optionsProblem !== null && isDev()) {
      console.warn(`[deliberate] DecisionProvider: ${setup.optionsProblem}`);
    }
  }, [setup]);

  usePendingRecommendation(setup, props.recommendation);
  const view = useRecommendationView(setup);
  // The plan in force: fixed at open, and from the reveal on as core adapts it (a stricter
  // justification after a weak recommendation, `plan.revealed`).
  const plan = useStore(setup.store, (s) => s.decision.plan);

  const confidenceFormat = props.confidenceFormat ?? 'verbal';
  usePublishSafeguards(setup, {
    plan,
    locale,
    hasLogger: props.logger !== undefined,
    confidenceFormat,
    recommendation: view.recommendation,
    issues: view.issues,
    explanationIssues: view.explanationIssues,
    aiStatus: view.aiStatus,
  });

  const reportError = useCallback(
    (component: string, error: unknown) => {
      const decision = setup.store.getState().decision;
      setup.delivery.deliver([uiErrorEvent(decision, setup.clock.now(), component, messageOf(error))]);
    },
    [setup],
  );

  const retryLogging = useCallback(() => setup.delivery.deliver([]), [setup]);

  const value = useMemo<DecisionContextValue>(
    () => ({
      store: setup.store,
      ...view,
      plan,
      confidenceFormat,
      clock: setup.clock,
      reportError,
      logError,
      retryLogging,
    }),
    [setup, view, plan, confidenceFormat, reportError, logError, retryLogging],
  );

  return (
    <I18nProvider
      locale={locale}
      {...(messages ? { messages } : {})}
      {...(props.localeFallback !== undefined ? { fallback: props.localeFallback } : {})}
    >
      <DecisionContext.Provider value={value}>
        <SafeguardRegistryContext.Provider value={setup.safeguards}>
          {children}
        </SafeguardRegistryContext.Provider>
      </DecisionContext.Provider>
    </I18nProvider>
  );
}
DecisionProvider.displayName = 'DecisionProvider';
