import type { DeliberateEvent } from '@deliberate/core';
import { createObservable } from '../observable.ts';
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
  const events = createObservable<readonly DeliberateEvent[]>([]);
  return {
    events,
    async write(batch) {
      events.set([...events.get(), ...batch]);
    },
    clear() {
      events.set([]);
    },
  };
}
