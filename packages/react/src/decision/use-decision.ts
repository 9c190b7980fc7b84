import {
  allowedActions,
  ownTimeRemainingMs,
  type ActionAvailability,
  type DecisionAction,
  type DecisionActionType,
  type DecisionEventDraft,
  type DecisionOptions,
  type DecisionState,
  type FrictionPlan,
  type ProtocolError,
  type ProtocolResult,
  type ReasonInput,
  type Recommendation,
  type RecommendationIssue,
} from '@deliberate/core';
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useDecisionContext, type AiStatus, type ConfidenceFormat } from './decision-context.ts';

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
  /** The validated recommendation, or `null` (none, pending, or set aside: see `issues`). */
  recommendation: Recommendation | null;
  /** What was wrong with the recommendation, when it was invalid or did not fit the options. */
  issues: RecommendationIssue[];
  /** The explanation to show (see `DecisionContextValue.explanation`). */
  explanation: unknown;
  /** What was wrong with the explanation, when only it failed validation. */
  explanationIssues: RecommendationIssue[];
  /** The decision space: the procedure's options, else the recommendation's, else `null`. */
  options: DecisionOptions | null;
  /** Whether the recommendation is `pending`, `ready` or `unavailable`. */
  aiStatus: AiStatus;
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
  // `remaining` changes as time passes, so availability (too-early) is recomputed with it: it is
  // a dependency on purpose although the function does not read it.
  const allowed = useMemo(() => allowedActions(decision, clock.now()), [decision, clock, remaining]);
  return {
    state: decision,
    dispatch,
    allowed,
    lastError,
    recommendation: context.recommendation,
    issues: context.issues,
    explanation: context.explanation,
    explanationIssues: context.explanationIssues,
    options: context.options,
    aiStatus: context.aiStatus,
    plan: context.plan,
    reasonCodes: context.reasonCodes,
    confidenceFormat: context.confidenceFormat,
    ownTimeRemainingMs: remaining,
    events,
    logError: context.logError,
    retryLogging: context.retryLogging,
  };
}
