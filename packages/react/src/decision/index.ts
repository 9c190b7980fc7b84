export {
  DecisionProvider,
  useDecision,
  useDecisionContext,
  useOptionalDecisionContext,
  useOwnTimeRemaining,
  type AiStatus,
  type ConfidenceFormat,
  type DecisionContextValue,
  type DecisionLogger,
  type DecisionProviderProps,
  type UseDecisionResult,
} from './decision-provider.tsx';
export { DecisionAiStatus, type DecisionAiStatusProps } from './ai-status.tsx';
export { DeliberateErrorBoundary, type DeliberateErrorBoundaryProps } from './error-boundary.tsx';
export { DELIBERATE_REASON_SYSTEM, defaultReasonCodes } from './reason-codes.ts';
export {
  SAFEGUARD_EVENT,
  SAFEGUARD_GLOBAL,
  SAFEGUARD_MANIFEST_SCHEMA,
  useSafeguard,
  type SafeguardDetails,
  type SafeguardEventDetail,
  type SafeguardKey,
  type SafeguardManifest,
} from './safeguards.ts';
