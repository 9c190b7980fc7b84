import type { DeliberateEvent } from '@deliberate/core';
import { createDerivedObservable } from '../observable.ts';
import type { EventSink, Observable } from '../types.ts';

/**
 * A sink that keeps events in memory: for tests, stories and the evaluator's live view.
 *
 * @example
 * const memory = createMemorySink();
 * memory.events.subscribe((events) => render(events));
 */
export interface MemorySink extends EventSink {
  /** Everything written so far, in order (a new array after each write). */
  readonly events: Observable<readonly DeliberateEvent[]>;
  clear(): void;
}

/**
 * Creates a memory sink. It accepts every batch at once.
 *
 * @example
 * const memory = createMemorySink();
 * const logger = createLogger({ sinks: [memory], pseudonymize: false });
 * await logger.log(draft);
 * memory.events.get().length; // 1
 */
export function createMemorySink(): MemorySink {
  // Appended to in place; never handed out. What `get()` returns is a copy made when someone
  // asks (once per change), so a long session's writes cost O(batch) each rather than copying
  // everything written so far on every write.
  let stored: DeliberateEvent[] = [];
  const events = createDerivedObservable<readonly DeliberateEvent[]>(() => stored.slice());
  return {
    events: { get: events.get, subscribe: events.subscribe },
    async write(batch) {
      if (batch.length === 0) return;
      for (const event of batch) stored.push(event);
      events.invalidate();
    },
    clear() {
      if (stored.length === 0) return;
      stored = [];
      events.invalidate();
    },
  };
}
