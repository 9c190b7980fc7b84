import { forwardRef } from 'react';
import {
  IndependentJudgementChecklist,
  IndependentJudgementCommit,
  IndependentJudgementConfidence,
  IndependentJudgementIntro,
  IndependentJudgementOptions,
  IndependentJudgementRationale,
  IndependentJudgementRoot,
  type IndependentJudgementRootProps,
} from './independent-judgement-parts.tsx';
import { IndependentJudgementSummary } from './independent-judgement-summary.tsx';

/*
 * The person's own judgement, recorded before the AI is revealed. The rules are in
 * `judgement-model.ts` (from the protocol), the texts in `judgement-text.ts`, the local state in
 * `use-judgement-state.ts`, the behaviour and prop bags in `use-independent-judgement.ts`, the
 * parts in `independent-judgement-parts.tsx` and `independent-judgement-summary.tsx`; this file
 * composes them in Deliberate's order.
 */

export {
  IndependentJudgementChecklist,
  IndependentJudgementCommit,
  IndependentJudgementConfidence,
  IndependentJudgementIntro,
  IndependentJudgementOptions,
  IndependentJudgementRationale,
  IndependentJudgementRoot,
  type IndependentJudgementChecklistProps,
  type IndependentJudgementCommitProps,
  type IndependentJudgementConfidenceProps,
  type IndependentJudgementIntroProps,
  type IndependentJudgementOptionsProps,
  type IndependentJudgementRationaleProps,
  type IndependentJudgementRootProps,
} from './independent-judgement-parts.tsx';
export {
  IndependentJudgementSummary,
  type IndependentJudgementSummaryProps,
} from './independent-judgement-summary.tsx';
export {
  useIndependentJudgement,
  type CommitEvent,
  type UseIndependentJudgementProps,
  type UseIndependentJudgementResult,
} from './use-independent-judgement.ts';
export type { IndependentJudgementState, JudgementDraft } from './judgement-model.ts';

export interface IndependentJudgementProps extends IndependentJudgementRootProps {
  /** Ask for the person's own confidence. @default true */
  showConfidence?: boolean;
  /** Offer a free-text rationale. @default true */
  showRationale?: boolean;
}

/**
 * The person's own judgement before the AI is revealed, with every part in Deliberate's order:
 * intro and own-time hint, options (or amount), own confidence, rationale, checklist, commit; and
 * once committed, the read-only summary. The options are the procedure's (`DecisionProvider`'s
 * `options`); the person can judge and commit while the recommendation is still pending. Compose
 * `IndependentJudgement.Root` with the parts for another order.
 *
 * @example
 * <DecisionProvider options={{ kind: 'choice', options }} …>
 *   <IndependentJudgement onCommit={(event) => { if (!confirm('Record?')) event.preventDefault(); }} />
 * </DecisionProvider>
 */
const IndependentJudgementComposed = forwardRef<HTMLDivElement, IndependentJudgementProps>(
  function IndependentJudgementComposed(
    { showConfidence = true, showRationale = true, children, ...props },
    ref,
  ) {
    return (
      <IndependentJudgementRoot {...props} ref={ref}>
        {children ?? (
          <>
            <IndependentJudgementIntro />
            <IndependentJudgementOptions />
            {showConfidence ? <IndependentJudgementConfidence /> : null}
            {showRationale ? <IndependentJudgementRationale /> : null}
            <IndependentJudgementChecklist />
            <IndependentJudgementCommit />
            <IndependentJudgementSummary />
          </>
        )}
      </IndependentJudgementRoot>
    );
  },
);
IndependentJudgementComposed.displayName = 'IndependentJudgement';

// Spelled out so the declaration file can name every part.
export const IndependentJudgement: typeof IndependentJudgementComposed & {
  Root: typeof IndependentJudgementRoot;
  Intro: typeof IndependentJudgementIntro;
  Options: typeof IndependentJudgementOptions;
  Confidence: typeof IndependentJudgementConfidence;
  Rationale: typeof IndependentJudgementRationale;
  Checklist: typeof IndependentJudgementChecklist;
  Commit: typeof IndependentJudgementCommit;
  Summary: typeof IndependentJudgementSummary;
} = Object.assign(IndependentJudgementComposed, {
  Root: IndependentJudgementRoot,
  Intro: IndependentJudgementIntro,
  Options: IndependentJudgementOptions,
  Confidence: IndependentJudgementConfidence,
  Rationale: IndependentJudgementRationale,
  Checklist: IndependentJudgementChecklist,
  Commit: IndependentJudgementCommit,
  Summary: IndependentJudgementSummary,
});
