/*
 * The decision protocol: a pure reducer (`decide`), its selectors, and a vanilla zustand store.
 * Fixtures (`./fixtures.ts`) are for tests and stories and are deliberately not exported here.
 */
export * from './types.ts';
export { decide, initDecision } from './reducer.ts';
export { createCommitmentSalt, judgementCommitment, verifyCommitment } from './commitment.ts';
export type { CommitmentDisclosure } from './commitment.ts';
export {
  aiUnavailableReason,
  allowedActions,
  canEditJudgement,
  canReveal,
  guardAction,
  isTerminal,
  ownTimeRemainingMs,
} from './selectors.ts';
export { createDecisionStore } from './store.ts';
export { optionsFromRecommendation, parseDecisionOptions, recommendationFitsOptions } from './options.ts';
export type { DecisionOption, DecisionOptions, ParseDecisionOptionsResult } from './options.ts';
export {
  classifyOutcome,
  compareJudgement,
  decisionOptions,
  deviationOptions,
  deviationOptionsFor,
  FINAL_ACTION_IDS,
  finalStep,
  intentFits,
  intentFor,
  justificationFor,
  justificationRequirement,
  neutralOrder,
  openRankedList,
  otherResolutionPossible,
  presentedOptions,
  reasonNeedsComment,
  reasonRequired,
  recommendedFinal,
  recommendedLabel,
  withoutAiCauseOf,
} from './rules.ts';
export type {
  Comparison,
  FinalActionBlock,
  FinalActionId,
  FinalActionView,
  FinalStepInput,
  FinalStepMode,
  FinalStepModel,
  FinalStepNote,
  FinalStepStatus,
  JustificationRequirement,
  Resolution,
} from './rules.ts';
export type { DecisionClock, DecisionStore, DecisionStoreOptions, DecisionStoreState } from './store.ts';
