/*
 * `@deliberate/core/schemas`: the zod schemas behind `parseRecommendation`, for hosts that
 * compose them into their own validation (an API that receives recommendations, a test that
 * generates them). Most integrations need only `parseRecommendation` from `@deliberate/core`.
 */
export * from './recommendation/schema.ts';
export { PROBABILITY_TOLERANCE } from './recommendation/parse.ts';
