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
  type IndependentJudgementProps,
  type IndependentJudgementRootProps,
  type IndependentJudgementState,
  type JudgementDraft,
  type UseIndependentJudgementProps,
  type UseIndependentJudgementResult,
} from './independent-judgement.tsx';
export { OWN_CONFIDENCE_SCALE, ownConfidenceStep, type OwnConfidenceStep } from './own-confidence.ts';
export { formatNumberForInput, parseLocaleNumber } from './number.ts';
export {
  describeDecision,
  formatAmount,
  optionLabel,
  type DecisionOption,
  type DecisionShape,
} from './display.ts';
