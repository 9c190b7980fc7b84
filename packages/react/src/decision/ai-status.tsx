import type { WithoutAiCause } from '@deliberate/core';
import { forwardRef, useState, type HTMLAttributes } from 'react';
import { useStore } from 'zustand';
import { useI18n } from '../i18n/context.tsx';
import { cx } from '../utils/class-names.ts';
import { useDecisionContext, type AiStatus } from './decision-context.ts';

/**
 * What to announce once a pending recommendation settled: that it is ready, or why the person
 * decides without it. Nothing when the person went on without the AI themselves (they know).
 */
function announcementKey(status: AiStatus, cause: WithoutAiCause | undefined): string | null {
  if (status === 'ready') return 'common.ai.ready';
  if (status === 'pending') return null;
  switch (cause) {
    case 'recommendation-timeout':
      return 'common.ai.timeout';
    case 'invalid-recommendation':
      return 'common.ai.invalid';
    case 'recommendation-failed':
    case 'no-recommendation':
      return 'common.ai.unavailable';
    default:
      return null;
  }
}

export interface DecisionAiStatusProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** Keeps the text for assistive technology only. @default true */
  visuallyHidden?: boolean;
}

/**
 * A polite live region that says when a pending recommendation (`recommendation` given as a
 * promise or `'pending'`) has become ready, or that the person decides without it (failed, timed
 * out, unusable). It never says anything about the recommendation's content: the person may not
 * have committed their own judgement yet. Rendered (empty) from the first render, so that screen
 * readers announce the later text (WCAG 4.1.3); it announces only what happens while it is
 * mounted.
 *
 * `data-state` on the element: `pending`, `ready` or `unavailable` (`useDecision().aiStatus`).
 *
 * @example
 * <DecisionProvider recommendation={fetchRecommendation(caseId)} …>
 *   <DecisionAiStatus />
 *   <DecisionScreen />
 * </DecisionProvider>
 */
export const DecisionAiStatus = forwardRef<HTMLDivElement, DecisionAiStatusProps>(
  function DecisionAiStatus(props, ref) {
    const { visuallyHidden = true, className, ...rest } = props;
    const { store, aiStatus } = useDecisionContext('DecisionAiStatus');
    const cause = useStore(store, (s) => s.decision.withoutAi?.cause);
    const { t } = useI18n();
    // Only a recommendation seen pending is announced when it settles; one that was there (or
    // missing) from the start is shown by the screen itself.
    const [watching] = useState(aiStatus === 'pending');
    const key = watching ? announcementKey(aiStatus, cause) : null;
    return (
      <div
        {...rest}
        ref={ref}
        role="status"
        aria-live="polite"
        aria-atomic="true"
        className={cx('dlb-ai-status', visuallyHidden && 'dlb-visually-hidden', className)}
        data-state={aiStatus}
      >
        {key === null ? null : t(key)}
      </div>
    );
  },
);
DecisionAiStatus.displayName = 'DecisionAiStatus';
