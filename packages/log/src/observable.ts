import type { Observable } from './types.ts';

/** An `Observable` plus the setter its owner keeps to itself. */
export interface WritableObservable<T> extends Observable<T> {
  set(value: T): void;
}

/** An `Observable` whose value is computed on demand, plus the signal its owner sends on change. */
export interface DerivedObservable<T> extends Observable<T> {
  /** The source changed: forget the computed value and tell the listeners (computing it once). */
  invalidate(): void;
}

function listenerSet<T>() {
  const listeners = new Set<(value: T) => void>();
  return {
    size: () => listeners.size,
    subscribe(listener: (value: T) => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    notify(value: T) {
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
    },
  };
}

export function createObservable<T>(initial: T): WritableObservable<T> {
  let value = initial;
  const { subscribe, notify } = listenerSet<T>();
  return {
    get: () => value,
    subscribe,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      notify(value);
    },
  };
}

/**
 * An observable over a value that is expensive to hand out (a copy of a growing list): computed
 * when someone asks, at most once per change, and not at all while nobody listens or asks.
 */
export function createDerivedObservable<T>(compute: () => T): DerivedObservable<T> {
  let cached: { value: T } | undefined;
  const listeners = listenerSet<T>();
  const get = () => (cached ??= { value: compute() }).value;
  return {
    get,
    subscribe: listeners.subscribe,
    invalidate() {
      cached = undefined;
      if (listeners.size() > 0) listeners.notify(get());
    },
  };
}
