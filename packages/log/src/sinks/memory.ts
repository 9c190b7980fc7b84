import type { DeliberateEvent } from '@deliberate/core';
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
  let snapshot: readonly DeliberateEvent[] | undefined = [];
  const listeners = new Set<(value: readonly DeliberateEvent[]) => void>();
  const get = (): readonly DeliberateEvent[] => (snapshot ??= stored.slice());

  function changed(): void {
    snapshot = undefined;
    if (listeners.size === 0) return;
    const value = get();
    // A throwing listener must not stop the others (or the pipeline) from hearing about it.
    for (const listener of [...listeners]) {
      try {
        listener(value);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  return {
    events: {
      get,
      subscribe(listener) {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
        };
      },
    },
    async write(batch) {
      if (batch.length === 0) return;
      for (const event of batch) stored.push(event);
      changed();
    },
    clear() {
      if (stored.length === 0) return;
      stored = [];
      changed();
    },
  };
}
