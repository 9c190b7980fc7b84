export {
  DecisionProvider,
  useDecision,
  useDecisionContext,
  useOptionalDecisionContext,
  useOwnTimeRemaining,
  type ConfidenceFormat,
  type DecisionContextValue,
  type DecisionLogger,
  type DecisionProviderProps,
  type UseDecisionResult,
} from './decision-provider.tsx';
export { DeliberateErrorBoundary, type DeliberateErrorBoundaryProps } from './error-boundary.tsx';
export { DELIBERATE_REASON_SYSTEM, defaultReasonCodes } from './reason-codes.ts';
