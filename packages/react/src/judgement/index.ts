export {
  IndependentJudgement,
  IndependentJudgementChecklist,
  IndependentJudgementCommit,
  IndependentJudgementConfidence,
  IndependentJudgementIntro,
  IndependentJudgementOptions,
  IndependentJudgementRationale,
  IndependentJudgementRoot,
  IndependentJudgementSummary,
  useIndependentJudgement,
  type CommitEvent,
  type IndependentJudgementChecklistProps,
  type IndependentJudgementCommitProps,
  type IndependentJudgementConfidenceProps,
  type IndependentJudgementIntroProps,
  type IndependentJudgementOptionsProps,
  type IndependentJudgementProps,
  type IndependentJudgementRationaleProps,
  type IndependentJudgementRootProps,
  type IndependentJudgementState,
  type IndependentJudgementSummaryProps,
  type JudgementDraft,
  type UseIndependentJudgementProps,
  type UseIndependentJudgementResult,
} from './independent-judgement.tsx';
export {
  judgementModel,
  judgementShape,
  type AmountConstraints,
  type DecisionProblem,
  type JudgementAvailability,
  type JudgementModel,
} from './judgement-model.ts';
export { OWN_CONFIDENCE_SCALE, ownConfidenceStep, type OwnConfidenceStep } from './own-confidence.ts';
export { formatNumberForInput, parseLocaleNumber } from './number.ts';
export {
  describeDecision,
  formatAmount,
  optionLabel,
  type DecisionOption,
  type DecisionShape,
} from './display.ts';
