/*
 * `@deliberate/core`: recommendation model and validation, friction policy, decision protocol,
 * and the event contract's types. Validators for stored events live in `@deliberate/core/events`,
 * the CDS Hooks and classifier adapters in `@deliberate/core/adapters`, so that a decision screen
 * bundles only what it runs.
 */
export * from './recommendation/schema.ts';
export * from './recommendation/issues.ts';
export * from './recommendation/index.ts';
export * from './policy/types.ts';
export * from './policy/index.ts';
export * from './stakes.ts';
export * from './events/constants.ts';
export { checkEventLimits, EVENT_LIMITS, FREE_TEXT_MAX_LENGTH } from './events/limits.ts';
export type { EventLimitCode, EventLimitResult } from './events/limits.ts';
export type * from './events/schema.ts';
export * from './protocol/index.ts';
export {
  canonicalize,
  deterministicDraw,
  hashCanonical,
  referenceCanonicalize,
  sha256Hex,
} from './util/hash.ts';
