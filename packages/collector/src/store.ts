import { createHash } from 'node:crypto';
import type { DeliberateEvent } from '@deliberate/core';
import { canonicalize } from '@deliberate/core/events';
import type { ChainCheckpoint, ChainHead } from '@deliberate/core/events';

/*
 * The storage seam (docs/contracts.md §3.4): the HTTP layer validates, the store persists. SQLite is
 * the embedded default (sqlite-store.ts); a PostgreSQL store implements the same interface (see
 * README.md). Methods may return promises so that stores with asynchronous drivers fit; the
 * SQLite store answers synchronously.
 */

/** A value, or a promise of it: the server awaits either. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * An event whose id is already stored with different content. The stored event is kept: the
 * log is evidence, and a second version of an event under the same id is either a client bug or
 * tampering, neither of which may silently replace what was acknowledged before.
 */
export interface InsertConflict {
  /** Position of the event in the array given to {@link EventStore.insert}. */
  index: number;
  id: string;
  /** {@link contentDigest} of the event that was offered. */
  digest: string;
  /** {@link contentDigest} of the event already stored under this id. */
  storedDigest: string;
}

/** What happened to each event of one {@link EventStore.insert} call. */
export interface InsertResult {
  /** Ids stored by this call, in input order. */
  stored: string[];
  /**
   * Ids already stored (by an earlier call, or earlier in this call) with the same content: the
   * at-least-once retries of the outbox. Reported once per occurrence.
   */
  duplicates: string[];
  /** Ids already stored with different content; nothing was overwritten. */
  conflicts: InsertConflict[];
}

/**
 * Thrown (or rejected with) by a store that cannot store anything right now: disk full, I/O
 * error, database locked or closed, connection lost. The collector answers 503 and the client
 * retries the batch. Any other exception from {@link EventStore.insert} is taken to be about the
 * events offered: the collector retries them one by one and reports the ones that still fail as
 * invalid (kind `store`), so one event the store cannot take never blocks the others.
 */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** Filters for {@link EventStore.since}. */
export interface SinceOptions {
  /** At most this many events. */
  limit?: number;
  /** Only events of this decision. */
  decisionId?: string;
  /** Only events of this hash chain. */
  chain?: string;
}

/** Filters for {@link CheckpointStore.checkpoints}. */
export interface CheckpointQuery {
  /** Every checkpoint in signing order, instead of the latest per chain (ordered by chain). */
  all?: boolean;
  /** Only this chain. */
  chain?: string;
}

/**
 * What a store needs for signed checkpoints. Only one process may sign at a time: a store shared
 * by several collector instances (PostgreSQL) must take an advisory lock around
 * {@link changedHeads} … {@link appendCheckpoints} (`pg_try_advisory_lock`) and skip the round
 * when it does not get it.
 */
export interface CheckpointStore {
  /**
   * The heads of chains whose head moved since their last checkpoint. A chain's head is its
   * highest `seq` reachable from `seq` 0 without a gap and without two stored events at one
   * `seq` (so a checkpoint never covers a hole or picks a side of a fork). `mark` is an opaque
   * high-water mark to hand back to {@link appendCheckpoints}.
   */
  changedHeads(): MaybePromise<{ heads: ChainHead[]; mark: number }>;
  /** Stores signed checkpoints (append-only) and remembers `mark` as examined. */
  appendCheckpoints(checkpoints: readonly ChainCheckpoint[], mark: number): MaybePromise<void>;
  /** Stored checkpoints: the latest per chain by default. */
  checkpoints(query?: CheckpointQuery): Iterable<ChainCheckpoint> | AsyncIterable<ChainCheckpoint>;
}

/** Whether a store implements {@link CheckpointStore}. */
export function supportsCheckpoints(store: EventStore): store is EventStore & CheckpointStore {
  const candidate = store as Partial<CheckpointStore>;
  return (
    typeof candidate.changedHeads === 'function' &&
    typeof candidate.appendCheckpoints === 'function' &&
    typeof candidate.checkpoints === 'function'
  );
}

/**
 * Where the collector keeps events. Implementations must be idempotent by event id, must not
 * report an event as stored before it is durable (the HTTP answer is the acknowledgement the
 * client's outbox deletes on), and must store one batch atomically.
 */
export interface EventStore {
  /**
   * Stores the events that are not stored yet, in one transaction, and reports per id what
   * happened. Throws (or rejects) if nothing could be stored; then nothing was stored. Throws
   * {@link StoreUnavailableError} when the store as a whole is unavailable (then the client
   * retries); any other error is taken as a refusal of the events offered.
   */
  insert(events: readonly DeliberateEvent[]): MaybePromise<InsertResult>;
  /**
   * Events with `ts` strictly after `ts` (all events when `null`), in chain order: by `chain`,
   * then `seq`, then the order in which the collector received them (so `deliberate verify` on an
   * export never sees reordering caused by clocks). The events are returned as they were
   * received (unknown fields included). Implementations should page internally rather than hold
   * a cursor open between items, because the consumer waits for a slow network client between
   * items.
   */
  since(
    ts: string | null,
    options?: SinceOptions,
  ): Iterable<DeliberateEvent> | AsyncIterable<DeliberateEvent>;
  /** Number of stored events. */
  count(): MaybePromise<number>;
  /** Releases the storage; the store is unusable afterwards. Calling it twice is harmless. */
  close(): MaybePromise<void>;
}

/**
 * The text a store keeps for an event: the event as the client sent it, re-serialised compactly.
 * Re-serialising cannot change what the event's `hash` covers, because the hash is over the
 * RFC 8785 canonical form of the parsed value, not over the bytes on the wire.
 */
export function serializeEvent(event: DeliberateEvent): string {
  return JSON.stringify(event);
}

/**
 * Hex SHA-256 over the RFC 8785 canonical JSON of the whole event (including its `hash`): what
 * decides whether a second event with a stored id is a retry or a conflict. Two deliveries of one
 * event have the same digest however the client spaced or ordered the keys, so a retry is a
 * duplicate; any change to any field makes it a conflict, including a change that left `hash` as
 * it was (the collector does not verify hashes; `deliberate verify` does).
 */
export function contentDigest(event: DeliberateEvent): string {
  return createHash('sha256').update(canonicalize(event)).digest('hex');
}
