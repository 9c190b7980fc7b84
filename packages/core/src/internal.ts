/**
 * `@deliberate/core/internal`: helpers Deliberate's own packages and tests share. Not part of the
 * public API: names and behaviour may change in any release without notice.
 *
 * @packageDocumentation
 * @internal
 */
export { deterministicDraw, referenceCanonicalize } from './util/hash.ts';
