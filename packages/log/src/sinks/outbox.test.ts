import type { DeliberateEvent } from '@deliberate/core';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stampEvent, verifyChain } from '../chain.ts';
import { HttpSinkError, OutboxFullError } from '../errors.ts';
import { createLogger } from '../logger.ts';
import { backoffDelay } from '../retry.ts';
import { createFakeCollector } from '../testing/collector.ts';
import { makeChain, makeDraft, makeDrafts } from '../testing/drafts.ts';
import { createFakeLocks } from '../testing/locks.ts';
import { createManualTimers } from '../testing/timers.ts';
import type { EventSink } from '../types.ts';
import { createHttpSink } from './http.ts';
import { createOutbox } from './outbox.ts';
import type { OutboxOptions } from './outbox.ts';

const DB = 'outbox-test';
const KEY = 'a-deployment-secret-of-32-bytes!';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** A transport that records what it accepted; it can be told to fail or to hang. */
function recordingTransport() {
  const batches: DeliberateEvent[][] = [];
  let mode: 'ok' | 'fail' | 'hang' = 'ok';
  let failure: unknown = new Error('transport down');
  let inFlight = 0;
  let maxInFlight = 0;
  const transport: EventSink = {
    async write(events) {
      if (mode === 'hang') return new Promise<void>(() => {});
      if (mode === 'fail') throw failure;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 3));
      inFlight--;
      batches.push([...events]);
    },
  };
  return {
    transport,
    batches,
    delivered: () => batches.flat(),
    maxInFlight: () => maxInFlight,
    set(next: 'ok' | 'fail' | 'hang', error?: unknown) {
      mode = next;
      if (error !== undefined) failure = error;
    },
  };
}

/** Counts the events in an outbox database through a separate connection. */
async function storedCount(factory: IDBFactory, name = DB): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    const request = db.transaction('events', 'readonly').objectStore('events').count();
    return await new Promise<number>((resolve) => {
      request.onsuccess = () => resolve(request.result);
    });
  } finally {
    db.close();
  }
}

function setup(overrides: Partial<OutboxOptions> = {}) {
  const indexedDB = overrides.indexedDB ?? new IDBFactory();
  const transport = recordingTransport();
  const outbox = createOutbox({
    dbName: DB,
    transport: transport.transport,
    indexedDB,
    locks: null,
    ...overrides,
  });
  return { outbox, transport, indexedDB };
}

describe('createOutbox', () => {
  describe('persistence', () => {
    it('persists events before write() resolves', async () => {
      const { outbox, transport, indexedDB } = setup();
      transport.set('hang');
      await outbox.write(makeChain(3));
      expect(await storedCount(indexedDB)).toBe(3);
      expect(outbox.status.get()).toMatchObject({ pending: 3 });
    });

    it('makes log() resolve only once its events are in IndexedDB', async () => {
      const { outbox, transport, indexedDB } = setup();
      transport.set('hang');
      const logger = createLogger({ sinks: [outbox], pseudonymize: { key: KEY } });
      await logger.log(makeDrafts(2));
      expect(await storedCount(indexedDB)).toBe(2);
    });

    it('delivers in batches and deletes only what the transport acknowledged', async () => {
      const { outbox, transport, indexedDB } = setup({ batchSize: 2 });
      const events = makeChain(5);
      await outbox.write(events);
      await vi.waitFor(() => expect(transport.delivered()).toHaveLength(5));
      expect(transport.batches.map((batch) => batch.length)).toEqual([2, 2, 1]);
      expect(transport.delivered()).toEqual(events);
      await vi.waitFor(() => expect(outbox.status.get()).toMatchObject({ state: 'idle', pending: 0 }));
      expect(await storedCount(indexedDB)).toBe(0);
    });

    it('keeps events the transport failed to take', async () => {
      const { outbox, transport, indexedDB } = setup();
      transport.set('fail');
      await outbox.write(makeChain(2));
      await vi.waitFor(() => expect(outbox.status.get().state).toBe('retrying'));
      expect(await storedCount(indexedDB)).toBe(2);
      expect(outbox.status.get()).toMatchObject({
        pending: 2,
        lastError: expect.objectContaining({ message: 'transport down' }),
      });
      await outbox.close();
    });

    it('picks up after a reload: a new outbox on the same database sends what the old one left', async () => {
      const indexedDB = new IDBFactory();
      const first = setup({ indexedDB });
      first.transport.set('fail');
      const events = makeChain(4);
      await first.outbox.write(events);
      await first.outbox.close();

      const second = setup({ indexedDB });
      await vi.waitFor(() => expect(second.transport.delivered()).toEqual(events));
      await vi.waitFor(() => expect(second.outbox.status.get()).toMatchObject({ pending: 0, state: 'idle' }));
    });

    it('picks up after a crash: events of an outbox that was never closed are sent by the next one', async () => {
      const indexedDB = new IDBFactory();
      const crashed = setup({ indexedDB });
      crashed.transport.set('hang'); // the page dies mid-delivery
      await crashed.outbox.write(makeChain(3));

      const next = setup({ indexedDB });
      await vi.waitFor(() => expect(next.transport.delivered()).toHaveLength(3));
    });
  });

  describe('retries', () => {
    it('retries with exponential backoff and full jitter until the transport accepts', async () => {
      const timers = createManualTimers();
      const retry = { baseMs: 1000, maxMs: 8000, jitter: 'full' as const };
      const { outbox, transport } = setup({ timers, retry, random: () => 0.75 });
      transport.set('fail');
      await outbox.write(makeChain(2));

      const waits: number[] = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        expect(timers.runNext()).toBe(true); // the delivery (first the write's kick, then each retry)
        await vi.waitFor(() =>
          expect(outbox.status.get().nextRetryAt).toBe(
            timers.now() + backoffDelay(attempt, retry, () => 0.75),
          ),
        );
        waits.push(timers.pendingDelays()[0] ?? -1);
        expect(outbox.status.get().state).toBe('retrying');
      }
      expect(waits).toEqual([750, 1500, 3000, 6000, 6000]);

      transport.set('ok');
      timers.runNext();
      await vi.waitFor(() =>
        expect(outbox.status.get()).toMatchObject({ state: 'idle', pending: 0, nextRetryAt: null }),
      );
      expect(transport.delivered()).toHaveLength(2);
    });

    it('waits at least as long as the transport’s Retry-After', async () => {
      const timers = createManualTimers();
      const { outbox, transport } = setup({ timers, retry: { baseMs: 100, maxMs: 1000 }, random: () => 0.5 });
      transport.set(
        'fail',
        new HttpSinkError('slow down', {
          kind: 'rate-limited',
          status: 429,
          retryable: true,
          retryAfterMs: 90_000,
        }),
      );
      await outbox.write(makeChain(1));
      timers.runNext();
      await vi.waitFor(() => expect(timers.pendingDelays()).toEqual([90_000]));
    });

    it('keeps new events waiting behind a backoff instead of hammering the transport', async () => {
      const timers = createManualTimers();
      const { outbox, transport } = setup({ timers, random: () => 0.5 });
      transport.set('fail');
      await outbox.write(makeChain(1));
      timers.runNext();
      await vi.waitFor(() => expect(outbox.status.get().state).toBe('retrying'));
      await outbox.write(makeChain(2, 'chain-b'));
      expect(timers.pendingDelays()).toHaveLength(1);
    });

    it('shows offline while the browser is, and retries as soon as it is back online', async () => {
      const window = new EventTarget();
      vi.stubGlobal('navigator', { onLine: false });
      vi.stubGlobal('addEventListener', window.addEventListener.bind(window));
      vi.stubGlobal('removeEventListener', window.removeEventListener.bind(window));
      const timers = createManualTimers();
      const { outbox, transport } = setup({ timers });
      transport.set('fail', new HttpSinkError('unreachable', { kind: 'network', retryable: true }));
      await outbox.write(makeChain(2));
      timers.runNext();
      await vi.waitFor(() => expect(outbox.status.get().state).toBe('offline'));

      vi.stubGlobal('navigator', { onLine: true });
      transport.set('ok');
      window.dispatchEvent(new Event('online'));
      await vi.waitFor(() => expect(outbox.status.get()).toMatchObject({ state: 'idle', pending: 0 }));
      expect(transport.delivered()).toHaveLength(2);
    });

    it('flush() delivers at once, skipping the backoff, and rejects while the transport fails', async () => {
      const timers = createManualTimers();
      const { outbox, transport } = setup({ timers });
      transport.set('fail');
      await outbox.write(makeChain(2));
      await expect(outbox.flush()).rejects.toThrow('transport down');
      transport.set('ok');
      await outbox.flush();
      expect(transport.delivered()).toHaveLength(2);
      expect(outbox.status.get()).toMatchObject({ state: 'idle', pending: 0 });
    });
    it('keeps the events and shows the error when the collector rejects the token (401)', async () => {
      const indexedDB = new IDBFactory();
      const collector = createFakeCollector('the-right-token');
      const http = createHttpSink({
        url: 'https://c.example/v1/events',
        token: 'an-old-token',
        fetch: collector.fetch,
      });
      const outbox = createOutbox({ dbName: DB, transport: http, indexedDB, locks: null });
      await outbox.write(makeChain(2));
      await vi.waitFor(() => expect(outbox.status.get().state).toBe('retrying'));
      expect(outbox.status.get()).toMatchObject({
        pending: 2,
        lastError: expect.objectContaining({ kind: 'unauthorized', status: 401 }),
        nextRetryAt: expect.any(Number),
      });
      expect(await storedCount(indexedDB)).toBe(2);
      expect(collector.stored()).toEqual([]);
      await outbox.close();
    });
  });

  describe('when full', () => {
    it('rejects events beyond maxEvents with OutboxFullError and shows full until there is room', async () => {
      const { outbox, transport } = setup({ maxEvents: 5 });
      transport.set('fail');
      await outbox.write(makeChain(4));
      await expect(outbox.write(makeChain(2, 'chain-b'))).rejects.toBeInstanceOf(OutboxFullError);
      expect(outbox.status.get()).toMatchObject({ state: 'full', pending: 4 });

      transport.set('ok');
      await outbox.flush();
      expect(outbox.status.get()).toMatchObject({ state: 'idle', pending: 0 });
      await expect(outbox.write(makeChain(2, 'chain-b'))).resolves.toBeUndefined();
    });

    it('makes log() reject with OutboxFullError, and delivers the refused events once there is room', async () => {
      const { outbox, transport } = setup({ maxEvents: 3 });
      transport.set('fail');
      const logger = createLogger({ sinks: [outbox], pseudonymize: { key: KEY } });
      await logger.log(makeDrafts(3));
      const refused = logger.log(makeDraft('decision.abandoned'));
      await expect(refused).rejects.toBeInstanceOf(OutboxFullError);
      await expect(refused).rejects.toThrow(/full/);

      transport.set('ok');
      await outbox.flush();
      await logger.flush();
      await vi.waitFor(() => expect(transport.delivered()).toHaveLength(4));
      expect(verifyChain(transport.delivered()).ok).toBe(true);
    });

    it('reports a storage quota error as full, not as a silent drop', async () => {
      const { outbox } = setup();
      vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementationOnce(() => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });
      const write = outbox.write(makeChain(1));
      await expect(write).rejects.toBeInstanceOf(OutboxFullError);
      await expect(write).rejects.toMatchObject({ reason: 'quota' });
      expect(outbox.status.get().state).toBe('full');
    });
  });

  describe('dead letters', () => {
    it('keeps the events the collector refused in a persistent, visible store, and delivers the rest', async () => {
      const indexedDB = new IDBFactory();
      const collector = createFakeCollector('t');
      const http = createHttpSink({
        url: 'https://collector.example/v1/events',
        token: 't',
        fetch: collector.fetch,
      });
      const outbox = createOutbox({ dbName: DB, transport: http, indexedDB, locks: null });
      const good = makeChain(2);
      const bad = stampEvent(makeDraft('decision.finalized', { data: { outcome: 'maybe' } }), 'bad', {
        id: 'chain-a',
        seq: 2,
        prev: good[1]?.hash ?? null,
      }).event;
      await outbox.write([...good, bad]);
      await vi.waitFor(() => expect(outbox.deadLetters.get()).toHaveLength(1));
      expect(outbox.deadLetters.get()[0]).toMatchObject({ event: bad, status: 207 });
      expect(collector.stored()).toEqual(good);
      await vi.waitFor(() => expect(outbox.status.get().pending).toBe(0));
      await outbox.close();

      const reopened = createOutbox({ dbName: DB, transport: http, indexedDB, locks: null });
      await reopened.ready;
      expect(reopened.deadLetters.get().map((letter) => letter.event.id)).toEqual(['bad']);
      await reopened.clearDeadLetters();
      expect(reopened.deadLetters.get()).toEqual([]);
    });

    it('moves dead letters back into the queue on request', async () => {
      const { outbox, transport } = setup();
      const [event] = makeChain(1);
      transport.transport.write = async () => ({
        deadLetters: [{ event: event as DeliberateEvent, errors: ['x'], at: 'now' }],
      });
      await outbox.write([event as DeliberateEvent]);
      await vi.waitFor(() => expect(outbox.deadLetters.get()).toHaveLength(1));
      const accepted: DeliberateEvent[] = [];
      transport.transport.write = async (events) => void accepted.push(...events);
      await expect(outbox.requeueDeadLetters()).resolves.toBe(1);
      await vi.waitFor(() => expect(accepted).toEqual([event]));
      expect(outbox.deadLetters.get()).toEqual([]);
    });
  });

  describe('with several tabs', () => {
    it('never lets two tabs send at the same time when Web Locks are available', async () => {
      const indexedDB = new IDBFactory();
      const locks = createFakeLocks();
      const transport = recordingTransport();
      const tabs = [0, 1, 2].map(() =>
        createOutbox({
          dbName: DB,
          transport: transport.transport,
          indexedDB,
          locks: locks.tab(),
          batchSize: 3,
        }),
      );
      await Promise.all(tabs.map((tab, i) => tab.write(makeChain(7, `chain-${i}`))));
      await Promise.all(tabs.map((tab) => tab.flush()));
      expect(transport.maxInFlight()).toBe(1);
      const ids = transport.delivered().map((event) => event.id);
      expect(ids).toHaveLength(21);
      expect(new Set(ids).size).toBe(21);
    });

    it('loses nothing without Web Locks when two tabs send the same events (duplicates at most)', async () => {
      const indexedDB = new IDBFactory();
      const collector = createFakeCollector('t');
      const http = createHttpSink({ url: 'https://c.example/v1/events', token: 't', fetch: collector.fetch });
      const tabs = [0, 1].map(() =>
        createOutbox({ dbName: DB, transport: http, indexedDB, locks: null, batchSize: 2 }),
      );
      await Promise.all(tabs.map((tab, i) => tab.write(makeChain(6, `chain-${i}`))));
      await Promise.all(tabs.map((tab) => tab.flush()));
      expect(collector.stored()).toHaveLength(12);
      expect(collector.received.length).toBeGreaterThanOrEqual(12);
      expect(await storedCount(indexedDB)).toBe(0);
    });
  });

  describe('chain heads', () => {
    it('lets a reloaded page continue its chain', async () => {
      const indexedDB = new IDBFactory();
      const collector = createFakeCollector('t');
      const page = () => {
        const outbox = createOutbox({
          dbName: DB,
          indexedDB,
          locks: null,
          transport: createHttpSink({
            url: 'https://c.example/v1/events',
            token: 't',
            fetch: collector.fetch,
          }),
        });
        return createLogger({ sinks: [outbox], pseudonymize: { key: KEY }, chain: outbox.resumeChain() });
      };
      const first = page();
      await first.log(makeDrafts(3));
      await first.close();

      const second = page();
      await second.log(makeDrafts(2));
      await second.flush();
      const events = collector.stored();
      expect(events.map((event) => event.seq)).toEqual([0, 1, 2, 3, 4]);
      expect(new Set(events.map((event) => event.chain)).size).toBe(1);
      expect(verifyChain(events).ok).toBe(true);
    });

    it('stores each chain’s head with its events, for anchoring verification', async () => {
      const { outbox, transport } = setup();
      transport.set('hang');
      const events = makeChain(3);
      await outbox.write(events);
      expect(await outbox.heads()).toEqual([{ id: 'chain-a', seq: 3, prev: events[2]?.hash }]);
    });

    it('does not resume a chain whose outbox is still open when there are no Web Locks', async () => {
      const indexedDB = new IDBFactory();
      const open = setup({ indexedDB });
      open.transport.set('hang');
      await open.outbox.write(makeChain(2));
      expect(await setup({ indexedDB }).outbox.resumeChain()).toBeUndefined();
      await open.outbox.close();
      expect(await setup({ indexedDB }).outbox.resumeChain()).toMatchObject({ id: 'chain-a', seq: 2 });
    });

    it('with Web Locks, resumes the chain of a crashed page but never that of a live one', async () => {
      const indexedDB = new IDBFactory();
      const locks = createFakeLocks();
      const transport = recordingTransport();
      transport.set('hang');
      const tab = (tabLocks = locks.tab()) =>
        createOutbox({ dbName: DB, indexedDB, transport: transport.transport, locks: tabLocks });
      const liveLocks = locks.tab();
      const live = tab(liveLocks);
      await live.write(makeChain(2));
      expect(await tab().resumeChain()).toBeUndefined();

      liveLocks.drop(); // the browser releases a dead page's locks
      expect(await tab().resumeChain()).toMatchObject({ id: 'chain-a', seq: 2 });
    });

    it('hands a chain to one page only when two try to resume it at once', async () => {
      const indexedDB = new IDBFactory();
      const locks = createFakeLocks();
      const first = setup({ indexedDB, locks: locks.tab() });
      first.transport.set('hang');
      await first.outbox.write(makeChain(2));
      await first.outbox.close();

      const claims = await Promise.all(
        [0, 1, 2].map(() => setup({ indexedDB, locks: locks.tab() }).outbox.resumeChain()),
      );
      expect(claims.filter(Boolean)).toEqual([{ id: 'chain-a', seq: 2, prev: expect.any(String) }]);
    });
  });
});
