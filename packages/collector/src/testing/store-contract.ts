import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliberateEvent } from '@deliberate/core';
import type { ChainCheckpoint } from '@deliberate/core/events';
import { generateSigningKey } from '../keys.ts';
import {
  contentDigest,
  StoreUnavailableError,
  type CheckpointQuery,
  type CheckpointStore,
  type EventStore,
  type SinceOptions,
} from '../store.ts';
import { createEventFactory, makeEvents } from './events.ts';

/*
 * The contract every store keeps, run against SQLite and PostgreSQL (pg-store-contract.test.ts).
 * Written against the asynchronous face of the interface, so it fits both.
 */

export type ContractStore = EventStore & CheckpointStore;

/** How a test gets a store: `open` an empty one, `reopen` the same storage after `close`. */
export interface StoreFixture {
  open(): Promise<ContractStore>;
  reopen(): Promise<ContractStore>;
  /** Removes the storage (after the store is closed). */
  cleanup(): Promise<void>;
}

async function collect<T>(items: Iterable<T> | AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const ids = (events: readonly DeliberateEvent[]) => events.map((event) => event.id);

/** Defines the contract tests for one kind of store. */
export function storeContract(name: string, makeFixture: () => Promise<StoreFixture>): void {
  describe(`${name} store contract`, () => {
    let fixture: StoreFixture;
    let store: ContractStore;
    const opened: ContractStore[] = [];
    const since = (ts: string | null, options?: SinceOptions) => collect(store.since(ts, options));
    const checkpoints = (query?: CheckpointQuery) => collect(store.checkpoints(query));
    const signer = generateSigningKey().signer;
    async function round(target: ContractStore = store): Promise<ChainCheckpoint[]> {
      const { heads, mark } = await target.changedHeads();
      const signed = heads.map((head) => signer.checkpoint(head));
      await target.appendCheckpoints(signed, mark);
      return signed;
    }

    beforeEach(async () => {
      fixture = await makeFixture();
      store = await fixture.open();
      opened.push(store);
    });
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
      await fixture.cleanup();
    });

    it('reports stored, duplicate and conflicting ids per batch, in input order', async () => {
      const [a, b, c] = makeEvents(3) as [DeliberateEvent, DeliberateEvent, DeliberateEvent];
      expect(await store.insert([a, b])).toEqual({ stored: [a.id, b.id], duplicates: [], conflicts: [] });
      const changed = { ...b, caseRef: 'changed' };
      expect(await store.insert([c, a, changed, c])).toEqual({
        stored: [c.id],
        duplicates: [a.id, c.id],
        conflicts: [{ index: 2, id: b.id, digest: contentDigest(changed), storedDigest: contentDigest(b) }],
      });
      expect(await store.count()).toBe(3);
      expect(await since(null)).toEqual([a, b, c]);
    });

    it('reports a changed copy of an id stored earlier in the same call as a conflict', async () => {
      const [a] = makeEvents(1) as [DeliberateEvent];
      const changed = { ...a, caseRef: 'changed' };
      expect(await store.insert([a, changed])).toEqual({
        stored: [a.id],
        duplicates: [],
        conflicts: [{ index: 1, id: a.id, digest: contentDigest(changed), storedDigest: contentDigest(a) }],
      });
    });

    it('takes a retry with other key order as a duplicate', async () => {
      const [a] = makeEvents(1) as [DeliberateEvent];
      await store.insert([a]);
      const reordered = Object.fromEntries(Object.entries(a).reverse()) as unknown as DeliberateEvent;
      expect(await store.insert([reordered])).toEqual({ stored: [], duplicates: [a.id], conflicts: [] });
    });

    it('stores nothing of a batch when one insert fails, and the error is not an outage', async () => {
      const [a, b] = makeEvents(2) as [DeliberateEvent, DeliberateEvent];
      const broken = { ...b, ts: undefined } as unknown as DeliberateEvent; // NOT NULL column
      const error = await Promise.resolve()
        .then(() => store.insert([a, broken]))
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(StoreUnavailableError);
      expect(await store.count()).toBe(0);
      expect(await store.insert([a])).toEqual({ stored: [a.id], duplicates: [], conflicts: [] });
    });

    it('keeps events as received, unknown fields and key order included, across close and reopen', async () => {
      const events = makeEvents(5);
      const extended = { ...events[0]!, futureField: { kept: true, text: 'nul \u0000 and ü' } };
      await store.insert([extended, ...events.slice(1)]);
      await store.close();
      store = await fixture.reopen();
      opened.push(store);
      const back = await since(null);
      expect(back).toEqual([extended, ...events.slice(1)]);
      expect(JSON.stringify(back[0])).toBe(JSON.stringify(extended));
      expect(await store.count()).toBe(5);
    });

    it('pages through many events with one timestamp without skipping or repeating any', async () => {
      const events = makeEvents(1234, { stepMs: 0 });
      await store.insert(events);
      expect(ids(await since(null))).toEqual(ids(events));
      expect(ids(await since(null, { limit: 501 }))).toEqual(ids(events.slice(0, 501)));
      expect(ids(await since(null, { limit: 1000 }))).toEqual(ids(events.slice(0, 1000)));
      expect(await since(events[0]!.ts)).toEqual([]);
    });

    it('orders by chain, then seq, then arrival, and filters by ts, decision and chain', async () => {
      const a = makeEvents(8, { chain: 'chain-a', start: '2026-11-22T10:00:00.000Z', perDecision: 4 });
      const b = makeEvents(3, { chain: 'chain-B', start: '2026-11-22T09:00:00.000Z' });
      await store.insert([a[5]!, b[2]!, a[0]!, ...a.slice(6)]);
      await store.insert([...b.slice(0, 2), ...a.slice(1, 5), a[5]!]);
      // Byte order: 'chain-B' < 'chain-a'.
      expect(ids(await since(null))).toEqual(ids([...b, ...a]));
      expect(ids(await since(a[3]!.ts))).toEqual(ids(a.slice(4)));
      expect(ids(await since(null, { decisionId: a[4]!.decisionId }))).toEqual(ids(a.slice(4)));
      expect(ids(await since(null, { chain: 'chain-B' }))).toEqual(ids(b));
      expect(ids(await since(null, { chain: 'chain-a', decisionId: a[0]!.decisionId, limit: 3 }))).toEqual(
        ids(a.slice(0, 3)),
      );
    });

    it('checkpoints each chain up to its highest seq without a gap or fork, once per change', async () => {
      const a = makeEvents(6, { chain: 'chain-a' });
      const b = makeEvents(3, { chain: 'chain-b' });
      const c = makeEvents(2, { chain: 'chain-c' });
      const forked = createEventFactory({ chain: 'chain-d' });
      const [d0, d1, d2] = [forked.next(), forked.next(), forked.next()];
      const other = createEventFactory({ chain: 'chain-d' });
      other.next();
      const fork = other.next({ caseRef: 'other-case' });
      await store.insert([a[0]!, a[1]!, a[2]!, a[4]!, a[5]!, ...b, c[1]!, d0, d1, fork, d2]);
      const first = await round();
      expect(first.map(({ chain, seq, hash }) => ({ chain, seq, hash }))).toEqual([
        { chain: 'chain-a', seq: 2, hash: a[2]!.hash },
        { chain: 'chain-b', seq: 2, hash: b[2]!.hash },
        { chain: 'chain-d', seq: 0, hash: d0.hash },
      ]);
      expect(await round()).toEqual([]);

      await store.insert([a[3]!, c[0]!]);
      expect((await round()).map(({ chain, seq }) => [chain, seq])).toEqual([
        ['chain-a', 5],
        ['chain-c', 1],
      ]);
      expect((await checkpoints()).map(({ chain, seq }) => [chain, seq])).toEqual([
        ['chain-a', 5],
        ['chain-b', 2],
        ['chain-c', 1],
        ['chain-d', 0],
      ]);
      expect((await checkpoints({ all: true })).map(({ chain, seq }) => [chain, seq])).toEqual([
        ['chain-a', 2],
        ['chain-b', 2],
        ['chain-d', 0],
        ['chain-a', 5],
        ['chain-c', 1],
      ]);
      expect((await checkpoints({ chain: 'chain-a', all: true })).map((x) => x.seq)).toEqual([2, 5]);
      expect(await checkpoints({ chain: 'chain-a' })).toEqual([expect.objectContaining({ seq: 5 })]);
      expect(await checkpoints({ chain: 'none' })).toEqual([]);
      const latestB = (await checkpoints({ chain: 'chain-b' }))[0];
      expect(latestB).toEqual(first[1]);
    });

    it('remembers examined chains across reopen and signs only what changed since', async () => {
      await store.insert(makeEvents(3, { chain: 'kept' }));
      await round();
      await store.close();
      store = await fixture.reopen();
      opened.push(store);
      expect(await round()).toEqual([]);
      const more = makeEvents(2, { chain: 'new' });
      await store.insert(more);
      expect((await round()).map(({ chain, seq }) => [chain, seq])).toEqual([['new', 1]]);
    });

    it('rejects with StoreUnavailableError once closed, and tolerates close() twice', async () => {
      await store.close();
      const error = await Promise.resolve()
        .then(() => store.insert(makeEvents(1)))
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(StoreUnavailableError);
      await expect(Promise.resolve().then(() => store.close())).resolves.toBeUndefined();
    });
  });
}
