import type {
  DecisionClock,
  DecisionOptions,
  DecisionStore,
  FrictionPlan,
  ReasonInput,
  Recommendation,
  RecommendationIssue,
} from '@deliberate/core';
import { createContext, useContext } from 'react';

/** How the AI's confidence is shown. See `ConfidenceDisplay`. */
export type ConfidenceFormat = 'percent' | 'frequency' | 'verbal' | 'icon-array' | 'interval';

/**
 * Whether the AI's recommendation can be used in this decision — not whether it is shown (the
 * plan decides that):
 *
 * - `pending`: it is still being computed (a promise or `'pending'` was given); the person can
 *   judge meanwhile;
 * - `ready`: a valid recommendation is there (revealed or not);
 * - `unavailable`: there is none — none was given, it was invalid or did not fit the procedure's
 *   options, it failed or did not arrive in time, the person went on without it while it was
 *   pending, or the decision is in the no-AI control arm.
 */
export type AiStatus = 'pending' | 'ready' | 'unavailable';

export interface DecisionContextValue {
  store: DecisionStore;
  /** The validated recommendation in the decision (`state.recommendation`), or `null`. */
  recommendation: Recommendation | null;
  /**
   * What was wrong with the recommendation, when it was set aside: its validation problems, or
   * where it did not fit the procedure's options.
   */
  issues: RecommendationIssue[];
  /**
   * The explanation to show: the recommendation's, or, when only the explanation failed
   * validation, the payload as received (the explanation panel reads what it can).
   */
  explanation: unknown;
  /** What was wrong with the explanation, when it failed validation and was set aside. */
  explanationIssues: RecommendationIssue[];
  /**
   * The decision space (core's `decisionOptions(state)`): the procedure's options, else the
   * recommendation's, else `null` (nothing to choose from). Follows the state: while the
   * recommendation is pending, and the procedure gave none, it is `null` until it arrives.
   */
  options: DecisionOptions | null;
  /** Whether the recommendation is pending, ready or unavailable (see `AiStatus`). */
  aiStatus: AiStatus;
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

/** @internal The context object itself, for class components (the error boundary). */
export const DecisionContext = createContext<DecisionContextValue | null>(null);
DecisionContext.displayName = 'DecisionContext';

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
