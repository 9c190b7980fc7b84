/*
 * `@deliberate/core/events`: the runtime validators of the event contract (zod) and its JSON
 * Schema, for code that reads or receives logs (collector, analytics, tests). The event types and
 * constants are also exported from `@deliberate/core` itself, without the validators.
 */
export * from './schema.ts';
export { eventJsonSchema } from './json-schema.ts';
export * from './limits.ts';
export * from '../evidence/checkpoint.ts';
/** The chain's hash rule: SHA-256 over RFC 8785 canonical JSON (docs/contracts.md §3.1). */
export { canonicalize, hashCanonical, sha256Hex } from '../util/hash.ts';
