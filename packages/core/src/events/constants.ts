/*
 * The event contract's constants, kept apart from the zod schemas so that code which only emits
 * events (the decision protocol in a browser) does not pull the validators into its bundle.
 */

/** The version tag of the event envelope, `schema` on every event. */
export const EVENT_SCHEMA_VERSION = 'deliberate.event/1';

/** Every event type of `deliberate.event/1`, in the order a decision usually emits them. */
export const EVENT_TYPES = [
  'decision.opened',
  'judgement.committed',
  'recommendation.revealed',
  'recommendation.invalid',
  'recommendation.unavailable',
  'explanation.viewed',
  'decision.finalized',
  'decision.abandoned',
  'ai.stopped',
  'outcome.recorded',
  'ui.error',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** How a finalized decision relates to the AI's recommendation. */
export const OUTCOMES = ['accepted', 'modified', 'overridden', 'without-ai'] as const;
export type Outcome = (typeof OUTCOMES)[number];
