export * from './recommendation/schema.ts';
export * from './recommendation/issues.ts';
export * from './policy/types.ts';
export * from './policy/index.ts';
export * from './stakes.ts';
export * from './events/schema.ts';
export { canonicalize, hashCanonical, sha256Hex, deterministicDraw } from './util/hash.ts';
