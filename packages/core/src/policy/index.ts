export {
  ARMS,
  CONFIDENCE_BANDS,
  JUSTIFICATION_RULES,
  PolicyError,
  REVEAL_MODES,
  confidenceBand,
  defaultPolicy,
  definePolicy,
  describePlan,
  resolvePolicy,
} from './policy.ts';
export { adaptPlanAfterReveal, type RevealedOutput } from './after-reveal.ts';
