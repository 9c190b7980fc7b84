import type { Timers } from '../types.ts';
import { T0 } from './drafts.ts';

/** Timers that only move when the test says so. */
export interface ManualTimers extends Timers {
  /** Delays (ms from now) of the timers waiting, soonest first. */
  pendingDelays(): number[];
  /** Moves the clock to the soonest timer and runs it; false when none is waiting. */
  runNext(): boolean;
  /** Moves the clock forward by `ms`, running every timer that falls due. */
  advance(ms: number): void;
}

export function createManualTimers(start = T0): ManualTimers {
  let now = start;
  let nextId = 1;
  const waiting = new Map<number, { at: number; callback: () => void }>();
  const soonest = () => [...waiting.entries()].sort(([, a], [, b]) => a.at - b.at)[0];
  return {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      waiting.set(id, { at: now + Math.max(0, ms), callback });
      return id;
    },
    clearTimeout(handle) {
      waiting.delete(handle as number);
    },
    pendingDelays: () => [...waiting.values()].map(({ at }) => at - now).sort((a, b) => a - b),
    runNext() {
      const next = soonest();
      if (!next) return false;
      const [id, { at, callback }] = next;
      waiting.delete(id);
      now = Math.max(now, at);
      callback();
      return true;
    },
    advance(ms) {
      const target = now + ms;
      for (let next = soonest(); next && next[1].at <= target; next = soonest()) {
        waiting.delete(next[0]);
        now = next[1].at;
        next[1].callback();
      }
      now = target;
    },
  };
}

/** Timers that fire at once (after the current microtasks) while moving a virtual clock. */
export interface InstantTimers extends Timers {
  /** Every delay asked for, in order. */
  delays: number[];
}

export function createInstantTimers(start = T0): InstantTimers {
  let now = start;
  const delays: number[] = [];
  return {
    delays,
    now: () => now,
    setTimeout(callback, ms) {
      delays.push(ms);
      now += ms;
      queueMicrotask(callback);
      return delays.length;
    },
    clearTimeout() {},
  };
}
