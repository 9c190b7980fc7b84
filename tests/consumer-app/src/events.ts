import type { DecisionEventDraft } from '@deliberate/core';

declare global {
  interface Window {
    /** Every event of the decision on this page, in order; read by the keyboard driver. */
    __events: DecisionEventDraft[];
  }
}

window.__events = [];

/**
 * The host's `onEvents` without a logger: the provider hands the drafts of each step here,
 * synchronously. A real host would pass `@deliberate/log`'s logger instead.
 */
export function recordEvents(events: DecisionEventDraft[]): void {
  window.__events.push(...events);
}
