import type { FrictionPlan, Recommendation, RecommendationIssue } from '@deliberate/core';
import { useEffect, useRef } from 'react';
import type { AiStatus } from './decision-context.ts';
import type { DecisionSetup } from './open-decision.ts';
import { publishSafeguards, SAFEGUARD_MANIFEST_SCHEMA, type SafeguardManifest } from './safeguards.ts';

/** How long the provider waits for registrations to settle before it publishes the manifest. */
const SAFEGUARD_PUBLISH_DELAY_MS = 30;

/** @internal What the manifest reports beyond the registrations. */
export interface PublishedFacts {
  /** The plan in force (it may change at the reveal). */
  plan: FrictionPlan;
  locale: string;
  hasLogger: boolean;
  confidenceFormat: string;
  recommendation: Recommendation | null;
  issues: RecommendationIssue[];
  explanationIssues: RecommendationIssue[];
  aiStatus: AiStatus;
}

/**
 * @internal Publishes the decision's safeguard manifest (see `safeguards.ts`): after mount, when
 * a component (un)registers and when the recommendation arrives, debounced, browser only.
 * Removed again when the decision unmounts.
 */
export function usePublishSafeguards(setup: DecisionSetup, facts: PublishedFacts): void {
  // The latest facts, read when the debounced publication runs.
  const factsRef = useRef(facts);
  useEffect(() => {
    factsRef.current = facts;
  });
  const scheduleRef = useRef<(() => void) | null>(null);

  useEffect(() => {
    const { safeguards } = setup;
    const { decisionId, procedure } = setup.store.getState().decision;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const publish = () => {
      const {
        plan,
        locale,
        hasLogger,
        confidenceFormat,
        recommendation,
        issues,
        explanationIssues,
        aiStatus,
      } = factsRef.current;
      const { checklist, ...rest } = plan;
      const manifest: SafeguardManifest = {
        schema: SAFEGUARD_MANIFEST_SCHEMA,
        decisionId,
        procedure,
        locale,
        stakes: plan.stakes,
        plan: { ...rest, checklist: checklist.map((item) => item.id) },
        logger: hasLogger,
        // `null` while pending: nothing about the AI's output is known yet.
        recommendation: recommendation
          ? {
              kind: recommendation.kind,
              hasConfidence: typeof recommendation.confidence === 'number',
              calibrated: recommendation.calibration?.calibrated === true,
              model: recommendation.model !== undefined,
            }
          : null,
        aiStatus,
        issues: issues.map((issue) => issue.code),
        explanationIssues: explanationIssues.map((issue) => issue.code),
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
    scheduleRef.current = schedule;
    const unsubscribe = safeguards.subscribe(schedule);
    schedule();
    return () => {
      scheduleRef.current = null;
      unsubscribe();
      clearTimeout(timer);
      publishSafeguards(decisionId, null);
    };
  }, [setup]);

  // A change of what the manifest reports (the recommendation arrived, the plan adapted at the
  // reveal, the locale switched)
  // publishes again, without removing the manifest in between.
  const { plan, locale, hasLogger, confidenceFormat, recommendation, issues, explanationIssues, aiStatus } =
    facts;
  useEffect(() => {
    scheduleRef.current?.();
  }, [plan, locale, hasLogger, confidenceFormat, recommendation, issues, explanationIssues, aiStatus]);
}
