import { checkEventLimits } from '@deliberate/core';
import type { DeliberateEvent } from '@deliberate/core';
import { uuidv7 } from '../id.ts';
import { ClosedError, EventLimitError, OutboxFullError } from '../errors.ts';
import { createObservable } from '../observable.ts';
import { backoffDelay, systemTimers } from '../retry.ts';
import type { ChainHead, DeadLetter, EventSink, Observable, RetryOptions, Timers } from '../types.ts';

/*
 * The IndexedDB outbox. Three object stores:
 * - `events`: stamped events waiting for the transport, in insertion order (auto-increment key);
 * - `heads`: per chain, where it continues (`ChainHead`), written in the same transaction as the
 *   chain's events, so a stored head never points past what was persisted;
 * - `deadLetters`: events the receiver refused as invalid, kept until someone deals with them.
 *
 * Delivery is at-least-once: events are deleted only after the transport acknowledged them, so
 * a crash between "sent" and "deleted" re-sends a batch, which the collector de-duplicates.
 *
 * Tabs: with the Web Locks API, one tab at a time sends (lock `deliberate-outbox:<db>:send`),
 * and each chain is held by exactly one live page (lock `…:chain:<id>`, released by the browser
 * when the page goes away, even by crashing). Without Web Locks two instances may send the same
 * batch at once — a duplicate, never a loss — and a chain can only be resumed after the outbox
 * that wrote it was closed.
 */

/**
 * The outbox's state for the UI. `full` is a blocking condition: `log()` rejects with
 * `OutboxFullError` until waiting events are delivered. `offline`/`retrying` mean events are
 * safe on disk and delivery is being retried (`nextRetryAt`, epoch ms).
 *
 * @example
 * outbox.status.subscribe(({ state, pending }) => banner.toggle(state === 'full', `${pending} events waiting`));
 */
export interface OutboxStatus {
  pending: number;
  state: 'idle' | 'flushing' | 'retrying' | 'full' | 'offline';
  lastError: Error | null;
  nextRetryAt: number | null;
}

/** The part of the Web Locks API the outbox uses. */
export type LockManagerLike = Pick<LockManager, 'request'>;

/**
 * Options for `createOutbox`.
 *
 * @example
 * createOutbox({ dbName: 'deliberate-outbox', transport: http, maxEvents: 20_000, retry: { baseMs: 1000, maxMs: 60_000, jitter: 'full' } });
 */
export interface OutboxOptions {
  /** Where the outbox delivers: usually `createHttpSink(…)`. */
  transport: EventSink;
  /** @default 'deliberate-outbox' */
  dbName?: string;
  /** Most events kept waiting; beyond it `write` rejects with `OutboxFullError`. @default 10_000 */
  maxEvents?: number;
  /** Events per transport write. @default 200 */
  batchSize?: number;
  /** Backoff between failed deliveries (never gives up). @default { baseMs: 1_000, maxMs: 60_000, jitter: 'full' } */
  retry?: RetryOptions;
  /** Delay between a write and the delivery it triggers, to collect a burst into one batch. @default 0 */
  flushDelayMs?: number;
  /** IndexedDB transaction durability; `strict` waits for the disk, so a crash loses nothing persisted. @default 'strict' */
  durability?: IDBTransactionDurability;
  /** @default globalThis.indexedDB */
  indexedDB?: IDBFactory;
  /** Web Locks; `null` to run without. @default globalThis.navigator.locks */
  locks?: LockManagerLike | null;
  timers?: Timers;
  random?: () => number;
}

/**
 * The IndexedDB outbox: an `EventSink` whose `write` resolves once the events are persisted,
 * and which delivers them to its transport in the background.
 *
 * @example
 * const logger = createLogger({ sinks: [outbox], pseudonymize: { upstream: true }, chain: outbox.resumeChain() });
 */
export interface Outbox extends EventSink {
  readonly status: Observable<OutboxStatus>;
  /** Events the receiver refused as invalid, persisted; shown until requeued or cleared. */
  readonly deadLetters: Observable<readonly DeadLetter[]>;
  /** Settles when the database is open and pending events are counted (rejects if it cannot open). */
  readonly ready: Promise<void>;
  /**
   * Claims the most recently written chain that no live page holds and returns its head, so a
   * reloaded page continues its chain; `undefined` when there is none (start a new chain).
   */
  resumeChain(): Promise<ChainHead | undefined>;
  /** Every chain head stored: anchors for `verifyChain(events, { heads })`. */
  heads(): Promise<ChainHead[]>;
  /** Delivers everything now (skipping a backoff wait); rejects if the transport fails. */
  flush(): Promise<void>;
  /** Moves the dead letters back into the queue (after the cause was fixed). Returns how many. */
  requeueDeadLetters(): Promise<number>;
  clearDeadLetters(): Promise<void>;
  /** Stops delivering and releases this page's chains; waiting events stay for the next start. */
  close(): Promise<void>;
}

interface StoredHead extends ChainHead {
  updatedAt: number;
  owner: string;
  released: boolean;
}

const DB_VERSION = 1;
const EVENTS = 'events';
const HEADS = 'heads';
const DEAD = 'deadLetters';

function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(EVENTS)) db.createObjectStore(EVENTS, { autoIncrement: true });
      if (!db.objectStoreNames.contains(HEADS)) db.createObjectStore(HEADS, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(DEAD)) db.createObjectStore(DEAD, { autoIncrement: true });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`Cannot open IndexedDB database ${name}.`));
  });
}

/** Resolves when the transaction commits; rejects with its error when it aborts. */
function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('The transaction was aborted.', 'AbortError'));
  });
}

function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** Holds a Web Lock until the returned function is called; `null` when someone else holds it. */
function holdLock(locks: LockManagerLike, name: string): Promise<(() => void) | null> {
  return new Promise((resolveHold) => {
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    locks
      .request(name, { ifAvailable: true }, async (lock) => {
        if (!lock) {
          resolveHold(null);
          return;
        }
        resolveHold(release);
        await released;
      })
      .catch(() => resolveHold(null));
  });
}

/**
 * Creates the IndexedDB outbox. Waiting events from earlier page loads (or crashes) are picked
 * up and delivered as soon as the database is open. Works in browsers and, with
 * `fake-indexeddb`, in Node.
 *
 * @example
 * const outbox = createOutbox({ transport: createHttpSink({ url, token }) });
 * outbox.status.subscribe((s) => s.state === 'full' && showBlockingWarning());
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const dbName = options.dbName ?? 'deliberate-outbox';
  const maxEvents = Math.max(1, options.maxEvents ?? 10_000);
  const batchSize = Math.max(1, options.batchSize ?? 200);
  const retry: RetryOptions = options.retry ?? { baseMs: 1_000, maxMs: 60_000, jitter: 'full' };
  const flushDelayMs = options.flushDelayMs ?? 0;
  const txOptions: IDBTransactionOptions = { durability: options.durability ?? 'strict' };
  const timers = options.timers ?? systemTimers;
  const random = options.random ?? Math.random;
  const locks = options.locks === undefined ? (globalThis.navigator?.locks ?? null) : options.locks;
  const transport = options.transport;
  const instance = uuidv7();
  const lockPrefix = `deliberate-outbox:${dbName}`;

  const status = createObservable<OutboxStatus>({
    pending: 0,
    state: 'idle',
    lastError: null,
    nextRetryAt: null,
  });
  const deadLetters = createObservable<readonly DeadLetter[]>([]);

  let pending = 0;
  let phase: 'idle' | 'flushing' | 'retrying' | 'offline' = 'idle';
  let lastError: Error | null = null;
  let nextRetryAt: number | null = null;
  /** Set when a write was refused for lack of room; cleared once room was made. */
  let refused: 'max-events' | 'quota' | null = null;
  let attempt = 0;
  let closed = false;
  let kickTimer: unknown;
  let retryTimer: unknown;
  /** Chains this page writes, with the release of their Web Lock. */
  const held = new Map<string, () => void>();

  function publish() {
    const full = refused !== null || pending >= maxEvents;
    status.set({ pending, state: full ? 'full' : phase, lastError, nextRetryAt });
  }

  let db: Promise<IDBDatabase> | undefined;
  function database(): Promise<IDBDatabase> {
    if (closed) return Promise.reject(new ClosedError('The outbox is closed.'));
    db ??= (async () => {
      const factory = options.indexedDB ?? globalThis.indexedDB;
      if (!factory) throw new Error('IndexedDB is not available here; the outbox cannot persist events.');
      const opened = await openDatabase(factory, dbName);
      // Let a newer version of this code upgrade the schema in another tab instead of blocking it.
      opened.onversionchange = () => {
        opened.close();
        db = undefined;
      };
      return opened;
    })();
    db.catch(() => {
      db = undefined;
    });
    return db;
  }

  /* ---------------------------------------------------------------------------------------------
   * Reading and acknowledging
   * -------------------------------------------------------------------------------------------*/

  async function readBatch(): Promise<{ keys: IDBValidKey[]; events: DeliberateEvent[]; count: number }> {
    const tx = (await database()).transaction(EVENTS, 'readonly');
    const store = tx.objectStore(EVENTS);
    const keys = store.getAllKeys(null, batchSize);
    const events = store.getAll(null, batchSize);
    const count = store.count();
    await committed(tx);
    return { keys: keys.result, events: events.result as DeliberateEvent[], count: count.result };
  }

  async function acknowledge(keys: readonly IDBValidKey[], dead: readonly DeadLetter[]): Promise<void> {
    const tx = (await database()).transaction([EVENTS, DEAD], 'readwrite', txOptions);
    const store = tx.objectStore(EVENTS);
    for (const key of keys) store.delete(key);
    const deadStore = tx.objectStore(DEAD);
    for (const letter of dead) deadStore.add(letter);
    const count = store.count();
    await committed(tx);
    pending = count.result;
    refused = null;
    if (dead.length > 0) deadLetters.set([...deadLetters.get(), ...dead]);
  }

  /* ---------------------------------------------------------------------------------------------
   * Delivery
   * -------------------------------------------------------------------------------------------*/

  async function deliver(): Promise<void> {
    for (;;) {
      if (closed) return;
      const batch = await readBatch();
      pending = batch.count;
      if (batch.events.length === 0) {
        phase = 'idle';
        publish();
        return;
      }
      phase = 'flushing';
      publish();
      // The transport may be a plain function that throws synchronously: treat it as a rejection.
      const result = await Promise.resolve().then(() => transport.write(batch.events));
      await acknowledge(batch.keys, result?.deadLetters ?? []);
      attempt = 0;
      lastError = null;
      nextRetryAt = null;
    }
  }

  function failed(error: unknown) {
    if (closed) return;
    lastError = toError(error);
    const retryAfterMs = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
    const delay = Math.max(
      backoffDelay(attempt, retry, random),
      typeof retryAfterMs === 'number' ? retryAfterMs : 0,
    );
    attempt++;
    nextRetryAt = timers.now() + delay;
    phase = globalThis.navigator?.onLine === false ? 'offline' : 'retrying';
    if (retryTimer !== undefined) timers.clearTimeout(retryTimer);
    retryTimer = timers.setTimeout(() => {
      retryTimer = undefined;
      void run();
    }, delay);
    publish();
  }

  /*
   * At most one delivery runs and at most one waits behind it. Whoever asks while one runs
   * joins the waiting one, which starts after it and so sees every event written before the ask.
   */
  let running: Promise<void> = Promise.resolve();
  let waiting: Promise<void> | undefined;
  function run(): Promise<void> {
    if (waiting) return waiting;
    const next = running.then(async () => {
      waiting = undefined;
      if (closed) return;
      try {
        await (locks ? locks.request(`${lockPrefix}:send`, () => deliver()) : deliver());
      } catch (error) {
        failed(error);
      }
    });
    waiting = next;
    running = next;
    return next;
  }

  function kick() {
    // A failed delivery waits out its backoff; new events join the retry.
    if (closed || retryTimer !== undefined || kickTimer !== undefined) return;
    kickTimer = timers.setTimeout(() => {
      kickTimer = undefined;
      void run();
    }, flushDelayMs);
  }

  const onOnline = () => {
    if (retryTimer === undefined) return;
    timers.clearTimeout(retryTimer);
    retryTimer = undefined;
    attempt = 0;
    void run();
  };
  globalThis.addEventListener?.('online', onOnline);

  /* ---------------------------------------------------------------------------------------------
   * Chains
   * -------------------------------------------------------------------------------------------*/

  async function holdChains(events: readonly DeliberateEvent[]) {
    for (const chain of new Set(events.map((event) => event.chain))) {
      if (held.has(chain)) continue;
      // Take the chain's lock before its first event is stored, so no other page can resume a
      // chain that this page is still writing.
      const release = locks ? await holdLock(locks, `${lockPrefix}:chain:${chain}`) : null;
      held.set(chain, release ?? (() => {}));
    }
  }

  async function claimHead(
    id: string,
    claimable: (head: StoredHead) => boolean,
  ): Promise<StoredHead | undefined> {
    const tx = (await database()).transaction(HEADS, 'readwrite', txOptions);
    const store = tx.objectStore(HEADS);
    let claimed: StoredHead | undefined;
    const request = store.get(id);
    request.onsuccess = () => {
      const head = request.result as StoredHead | undefined;
      if (!head || !claimable(head)) return;
      claimed = head;
      store.put({ ...head, owner: instance, released: false, updatedAt: timers.now() } satisfies StoredHead);
    };
    await committed(tx);
    return claimed;
  }

  async function storedHeads(): Promise<StoredHead[]> {
    const tx = (await database()).transaction(HEADS, 'readonly');
    const request = tx.objectStore(HEADS).getAll();
    await committed(tx);
    return request.result as StoredHead[];
  }

  /* ---------------------------------------------------------------------------------------------
   * Start-up
   * -------------------------------------------------------------------------------------------*/

  const ready = (async () => {
    const tx = (await database()).transaction([EVENTS, DEAD], 'readonly');
    const count = tx.objectStore(EVENTS).count();
    const dead = tx.objectStore(DEAD).getAll();
    await committed(tx);
    pending = count.result;
    deadLetters.set(dead.result as DeadLetter[]);
    publish();
    // Events left by an earlier page load (or a crash) go out now.
    if (pending > 0) kick();
  })();
  ready.catch((error: unknown) => {
    lastError = toError(error);
    publish();
  });

  const toHead = ({ id, seq, prev }: StoredHead): ChainHead => ({ id, seq, prev });

  return {
    status,
    deadLetters,
    ready,

    async write(events) {
      if (closed) throw new ClosedError('The outbox is closed.');
      if (events.length === 0) return;
      // The logger refuses such events already; this keeps a direct writer's poison event from
      // reaching IndexedDB, whose structured clone overflows the stack on deep nesting (in
      // fake-indexeddb, outside any try) and which no collector would accept anyway.
      events.forEach((event, index) => {
        const limits = checkEventLimits(event);
        if (!limits.ok) throw new EventLimitError(limits, index);
      });
      const connection = await database();
      await holdChains(events);
      const tx = connection.transaction([EVENTS, HEADS], 'readwrite', txOptions);
      const done = committed(tx);
      const store = tx.objectStore(EVENTS);
      const heads = tx.objectStore(HEADS);
      let before = pending;
      let refusal: OutboxFullError | undefined;
      let thrown: unknown;
      const count = store.count();
      count.onsuccess = () => {
        before = count.result;
        if (before + events.length > maxEvents) {
          refusal = new OutboxFullError('max-events', before, maxEvents);
          tx.abort();
          return;
        }
        try {
          for (const event of events) store.add(event);
          const last = new Map<string, DeliberateEvent>();
          for (const event of events) last.set(event.chain, event);
          for (const event of last.values()) {
            const existing = heads.get(event.chain);
            existing.onsuccess = () => {
              const stored = existing.result as StoredHead | undefined;
              // Heads only move forward, whatever order batches arrive in.
              if (stored && stored.seq > event.seq + 1) return;
              heads.put({
                id: event.chain,
                seq: event.seq + 1,
                prev: event.hash,
                updatedAt: timers.now(),
                owner: instance,
                released: false,
              } satisfies StoredHead);
            };
          }
        } catch (error) {
          // `add` throws synchronously for values it cannot clone and, in some browsers, when
          // the quota is exceeded.
          thrown = error;
          tx.abort();
        }
      };
      try {
        await done;
      } catch (error) {
        pending = before;
        if (refusal) {
          refused = 'max-events';
          publish();
          throw refusal;
        }
        const cause = thrown ?? error;
        if (isQuotaError(cause)) {
          refused = 'quota';
          lastError = toError(cause);
          publish();
          throw new OutboxFullError('quota', before, maxEvents, { cause });
        }
        throw cause;
      }
      pending = before + events.length;
      refused = null;
      publish();
      kick();
    },

    async flush() {
      await ready;
      if (retryTimer !== undefined) {
        timers.clearTimeout(retryTimer);
        retryTimer = undefined;
      }
      await run();
      if (retryTimer !== undefined && lastError) throw lastError;
    },

    async resumeChain() {
      await ready;
      const candidates = (await storedHeads())
        .filter((head) => !held.has(head.id))
        .sort((a, b) => b.updatedAt - a.updatedAt);
      for (const candidate of candidates) {
        if (locks) {
          // A free lock means the page that wrote this chain is gone (closed, reloaded, crashed).
          const release = await holdLock(locks, `${lockPrefix}:chain:${candidate.id}`);
          if (!release) continue;
          const head = await claimHead(candidate.id, () => true);
          if (!head) {
            release();
            continue;
          }
          held.set(head.id, release);
          return toHead(head);
        }
        // Without locks, only a chain whose outbox was closed is known to be free.
        const head = await claimHead(candidate.id, (stored) => stored.released);
        if (head) {
          held.set(head.id, () => {});
          return toHead(head);
        }
      }
      return undefined;
    },

    async heads() {
      return (await storedHeads()).map(toHead);
    },

    async requeueDeadLetters() {
      const tx = (await database()).transaction([EVENTS, DEAD], 'readwrite', txOptions);
      const dead = tx.objectStore(DEAD);
      const store = tx.objectStore(EVENTS);
      const all = dead.getAll();
      all.onsuccess = () => {
        for (const letter of all.result as DeadLetter[]) store.add(letter.event);
        dead.clear();
      };
      const count = store.count();
      await committed(tx);
      const moved = (all.result as DeadLetter[]).length;
      pending = count.result;
      deadLetters.set([]);
      publish();
      kick();
      return moved;
    },

    async clearDeadLetters() {
      const tx = (await database()).transaction(DEAD, 'readwrite', txOptions);
      tx.objectStore(DEAD).clear();
      await committed(tx);
      deadLetters.set([]);
    },

    async close() {
      if (closed) return;
      let connection: IDBDatabase | undefined;
      try {
        connection = await database();
        // Mark this page's chains as free to resume (what browsers without Web Locks go by).
        const tx = connection.transaction(HEADS, 'readwrite', txOptions);
        const store = tx.objectStore(HEADS);
        for (const id of held.keys()) {
          const request = store.get(id);
          request.onsuccess = () => {
            const head = request.result as StoredHead | undefined;
            if (head && head.owner === instance) store.put({ ...head, released: true } satisfies StoredHead);
          };
        }
        await committed(tx);
      } catch {
        // Nothing to release if the database never opened.
      }
      closed = true;
      for (const timer of [kickTimer, retryTimer]) if (timer !== undefined) timers.clearTimeout(timer);
      kickTimer = undefined;
      retryTimer = undefined;
      globalThis.removeEventListener?.('online', onOnline);
      for (const release of held.values()) release();
      held.clear();
      connection?.close();
      await transport.close?.();
    },
  };
}
