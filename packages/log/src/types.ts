import type { DeliberateEvent } from '@deliberate/core';

/**
 * Where stamped events go. `write` resolves once the sink has *accepted* the events — for the
 * IndexedDB outbox that means persisted, for the HTTP sink that the collector answered — and
 * rejects when it has not, so nothing is lost silently. A sink may resolve with the events it
 * could never accept (dead letters) instead of failing the whole batch.
 *
 * @example
 * const sink: EventSink = { write: async (events) => void console.log(events.length) };
 */
export interface EventSink {
  /** Accept a batch, in chain order. Rejecting means: not accepted, the caller may retry. */
  write(events: readonly DeliberateEvent[]): Promise<void | SinkWriteResult>;
  /** Deliver whatever the sink holds (for the outbox: send it to the transport). */
  flush?(): Promise<void>;
  /** Release resources; events not yet delivered stay where the sink keeps them. */
  close?(): Promise<void>;
}

/**
 * What a sink may report back from `write`: events it will never accept (for example because
 * the collector said they are invalid). They are not lost: the caller stores and shows them.
 *
 * @example
 * const result: SinkWriteResult = { deadLetters: [{ event, errors: ['data.outcome: invalid_value'], at }] };
 */
export interface SinkWriteResult {
  deadLetters?: readonly DeadLetter[];
}

/**
 * An event a receiver refused as invalid, with the reasons it gave. Kept visibly (never
 * dropped) so that someone can fix and re-send it.
 *
 * @example
 * outbox.deadLetters.subscribe((letters) => showBanner(letters.length));
 */
export interface DeadLetter {
  event: DeliberateEvent;
  errors: readonly string[];
  /** HTTP status of the answer that refused it, when there was one. */
  status?: number;
  /** When it was refused (RFC 3339). */
  at: string;
}

/**
 * A position in a hash chain: the `chain`, `seq` and `prev` that the *next* event will carry.
 * A fresh chain's head is `{ id, seq: 0, prev: null }`.
 *
 * @example
 * const head: ChainHead = { id: '0190f3a4-…', seq: 42, prev: 'a3f1…' }; // next event is seq 42
 */
export interface ChainHead {
  id: string;
  seq: number;
  prev: string | null;
}

/**
 * A value that changes over time, readable now and observable. Shaped for React's
 * `useSyncExternalStore(status.subscribe, status.get)`: both functions work unbound.
 *
 * @example
 * const off = outbox.status.subscribe((s) => console.log(s.state));
 */
export interface Observable<T> {
  get(): T;
  subscribe(listener: (value: T) => void): () => void;
}

/**
 * The clock and timer functions the sinks use, injectable so tests can step time.
 *
 * @default globalThis.setTimeout / clearTimeout and Date.now
 * @example
 * createOutbox({ …, timers: { now: () => t, setTimeout: (f, ms) => queue(f, ms), clearTimeout: cancel } });
 */
export interface Timers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Exponential backoff: attempt `n` (0-based) waits up to `min(maxMs, baseMs · 2ⁿ)`. With
 * `jitter: 'full'` the wait is drawn uniformly from `[0, that)`, which spreads retries of many
 * clients so they do not hit a recovering server together.
 *
 * @example
 * const retry: RetryOptions = { baseMs: 1_000, maxMs: 60_000, jitter: 'full' };
 */
export interface RetryOptions {
  baseMs: number;
  maxMs: number;
  /** @default 'full' */
  jitter?: 'full' | 'none';
}
