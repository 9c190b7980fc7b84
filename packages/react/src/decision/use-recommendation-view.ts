import { decisionOptions, recommendationFitsOptions, type RecommendationIssue } from '@deliberate/core';
import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { AiStatus, DecisionContextValue } from './decision-context.ts';
import type { DecisionSetup } from './open-decision.ts';
import { defaultReasonCodes } from './reason-codes.ts';

type RecommendationView = Pick<
  DecisionContextValue,
  'recommendation' | 'issues' | 'explanation' | 'explanationIssues' | 'options' | 'aiStatus' | 'reasonCodes'
>;

/**
 * @internal What the context says about the recommendation, following the store: it changes when
 * a pending recommendation arrives, fails or times out, and never on keystrokes.
 */
export function useRecommendationView(setup: DecisionSetup): RecommendationView {
  const { store, plan, hostReasonCodes } = setup;
  const recommendation = useStore(store, (s) => s.decision.recommendation);
  const procedureOptions = useStore(store, (s) => s.decision.options);
  const awaiting = useStore(store, (s) => s.decision.awaiting !== undefined);
  const parsed = useStore(setup.input, (s) => s.parsed);
  return useMemo(() => {
    // Core's rule (the procedure's options, else the recommendation's), read from the slices above.
    const options = decisionOptions(store.getState().decision);
    let issues: RecommendationIssue[] = [];
    if (recommendation === null && parsed !== null) {
      issues =
        parsed.recommendation === null
          ? parsed.issues
          : procedureOptions === undefined
            ? []
            : recommendationFitsOptions(parsed.recommendation, procedureOptions);
    }
    const aiStatus: AiStatus = awaiting
      ? 'pending'
      : recommendation === null || plan.arm === 'no-ai'
        ? 'unavailable'
        : 'ready';
    const explanation =
      recommendation === null
        ? undefined
        : parsed !== null && 'explanation' in parsed
          ? parsed.explanation
          : recommendation.explanation;
    return {
      recommendation,
      issues,
      explanation,
      explanationIssues: recommendation === null || parsed === null ? [] : parsed.explanationIssues,
      options,
      aiStatus,
      reasonCodes:
        hostReasonCodes ??
        (recommendation?.reasonCodes?.length ? recommendation.reasonCodes : defaultReasonCodes),
    };
  }, [store, plan, hostReasonCodes, recommendation, procedureOptions, awaiting, parsed]);
}
