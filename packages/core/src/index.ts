/*
 * `@deliberate/core`: what an integrator uses — the recommendation's types and validation, the
 * procedure's decision options, the friction policy, the decision protocol and its rules, and the
 * event contract's types. Validators for stored events and the chain's canonical hashing live in
 * `@deliberate/core/events`, the zod schemas in `@deliberate/core/schemas`, the CDS Hooks and
 * classifier adapters in `@deliberate/core/adapters`, so that a decision screen bundles only what
 * it runs. `@deliberate/core/internal` is for Deliberate's own packages.
 */
export type * from './recommendation/schema.ts';
export * from './recommendation/issues.ts';
export {
  formatIssuePath,
  formatRecommendationIssues,
  parseRecommendation,
  recommendationLabel,
  recommendationValue,
  recommendedOption,
} from './recommendation/index.ts';
export * from './policy/types.ts';
export * from './policy/index.ts';
export * from './stakes.ts';
export * from './events/constants.ts';
export { checkEventLimits, EVENT_LIMITS, FREE_TEXT_MAX_LENGTH } from './events/limits.ts';
export type { EventLimitCode, EventLimitResult } from './events/limits.ts';
export type * from './events/schema.ts';
export * from './protocol/index.ts';
