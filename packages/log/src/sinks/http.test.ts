import type { DeliberateEvent } from '@deliberate/core';
import { describe, expect, it } from 'vitest';
import { stampEvent } from '../chain.ts';
import { HttpSinkError } from '../errors.ts';
import { createFakeCollector } from '../testing/collector.ts';
import { T0, makeChain, makeDraft } from '../testing/drafts.ts';
import { createFakeFetch, json } from '../testing/fetch.ts';
import { createInstantTimers } from '../testing/timers.ts';
import { createHttpSink } from './http.ts';
import type { HttpSinkOptions } from './http.ts';
import type { FetchLike } from './http-common.ts';

const URL = 'https://collector.example/v1/events';
const TOKEN = 'secret-token';

/** An event the collector will call invalid (its outcome is not one of the contract's). */
function invalidEvent(seq: number, prev: string | null): DeliberateEvent {
  const draft = makeDraft('decision.finalized', { data: { outcome: 'maybe' } });
  return stampEvent(draft, `invalid-${seq}`, { id: 'chain-a', seq, prev }).event;
}

function sink(fetch: FetchLike, options: Partial<HttpSinkOptions> = {}) {
  const timers = createInstantTimers();
  const http = createHttpSink({
    url: URL,
    token: TOKEN,
    fetch,
    timers,
    random: () => 0.5,
    retry: { baseMs: 100, maxMs: 10_000, maxAttempts: 4 },
    ...options,
  });
  return { http, timers };
}

describe('createHttpSink', () => {
  it('POSTs the events as a JSON array with the bearer token', async () => {
    const collector = createFakeCollector(TOKEN);
    const { http } = sink(collector.fetch);
    const events = makeChain(3);
    await expect(http.write(events)).resolves.toEqual({});
    expect(collector.requests).toHaveLength(1);
    expect(collector.requests[0]).toMatchObject({
      url: URL,
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    });
    expect(JSON.parse(collector.requests[0]?.body ?? '')).toEqual(events);
    expect(collector.stored()).toEqual(events);
  });

  it('sends at most batchSize events per request', async () => {
    const collector = createFakeCollector(TOKEN);
    const { http } = sink(collector.fetch, { batchSize: 4 });
    await http.write(makeChain(10));
    expect(collector.requests.map((request) => (JSON.parse(request.body) as unknown[]).length)).toEqual([
      4, 4, 2,
    ]);
  });

  it('asks a token function before every request', async () => {
    const collector = createFakeCollector('rotated');
    let calls = 0;
    const token = async () => {
      calls++;
      return 'rotated';
    };
    const { http } = sink(collector.fetch, { token, batchSize: 1 });
    await http.write(makeChain(2));
    expect(calls).toBe(2);
  });

  describe('retries', () => {
    it('retries 5xx answers with exponential backoff and full jitter', async () => {
      const collector = createFakeCollector(TOKEN);
      collector.failNext(json(503, {}), json(500, {}), json(502, {}));
      const { http, timers } = sink(collector.fetch);
      await http.write(makeChain(2));
      // random() = 0.5 of caps 100, 200, 400
      expect(timers.delays).toEqual([50, 100, 200]);
      expect(collector.stored()).toHaveLength(2);
    });

    it('waits as long as a 429’s Retry-After asks, in seconds', async () => {
      const collector = createFakeCollector(TOKEN);
      collector.failNext(json(429, {}, { 'retry-after': '3' }));
      const { http, timers } = sink(collector.fetch);
      await http.write(makeChain(1));
      expect(timers.delays).toEqual([3000]);
      expect(collector.stored()).toHaveLength(1);
    });

    it('waits until a Retry-After HTTP-date', async () => {
      const collector = createFakeCollector(TOKEN);
      collector.failNext(json(503, {}, { 'retry-after': new Date(T0 + 7000).toUTCString() }));
      const { http, timers } = sink(collector.fetch);
      await http.write(makeChain(1));
      expect(timers.delays).toEqual([7000]);
    });

    it('hands a Retry-After longer than maxMs back to the caller instead of sleeping on it', async () => {
      const collector = createFakeCollector(TOKEN);
      collector.failNext(json(429, {}, { 'retry-after': '120' }));
      const { http, timers } = sink(collector.fetch);
      await expect(http.write(makeChain(1))).rejects.toMatchObject({
        name: 'HttpSinkError',
        kind: 'rate-limited',
        retryable: true,
        retryAfterMs: 120_000,
      });
      expect(timers.delays).toEqual([]);
    });

    it('retries network errors', async () => {
      const collector = createFakeCollector(TOKEN);
      collector.failNext(new TypeError('fetch failed'), new TypeError('fetch failed'));
      const { http, timers } = sink(collector.fetch);
      await http.write(makeChain(1));
      expect(timers.delays).toHaveLength(2);
      expect(collector.stored()).toHaveLength(1);
    });

    it('rejects with a retryable error once the attempts are used up', async () => {
      const fake = createFakeFetch(json(503, {}));
      const { http } = sink(fake.fetch);
      const write = http.write(makeChain(1));
      await expect(write).rejects.toBeInstanceOf(HttpSinkError);
      await expect(write).rejects.toMatchObject({ kind: 'server', status: 503, retryable: true });
      expect(fake.requests).toHaveLength(4);
      expect(http.status.get()).toMatchObject({ state: 'error' });
    });

    it('reports retrying with the next retry time while it waits', async () => {
      const collector = createFakeCollector(TOKEN);
      collector.failNext(json(503, {}));
      const { http } = sink(collector.fetch);
      const states: string[] = [];
      http.status.subscribe((status) => states.push(status.state));
      await http.write(makeChain(1));
      expect(states).toEqual(['sending', 'retrying', 'idle']);
    });
  });

  describe('refusals', () => {
    it('fails at once on 401 and shows it as an error status, not a silent drop', async () => {
      const collector = createFakeCollector('another-token');
      const { http } = sink(collector.fetch);
      await expect(http.write(makeChain(2))).rejects.toMatchObject({
        kind: 'unauthorized',
        status: 401,
        retryable: false,
      });
      expect(collector.requests).toHaveLength(1);
      expect(http.status.get()).toMatchObject({
        state: 'error',
        lastError: expect.objectContaining({ status: 401 }),
      });
      expect(http.deadLetters.get()).toEqual([]);
    });

    it('fails on other 4xx answers such as 404 without retrying', async () => {
      const fake = createFakeFetch(json(404, {}));
      const { http } = sink(fake.fetch);
      await expect(http.write(makeChain(1))).rejects.toMatchObject({ status: 404, retryable: false });
      expect(fake.requests).toHaveLength(1);
    });

    it('moves the events the collector calls invalid to the dead letters and lets the rest through (207)', async () => {
      const collector = createFakeCollector(TOKEN);
      const good = makeChain(3);
      const bad = invalidEvent(3, good[2]?.hash ?? null);
      const { http } = sink(collector.fetch);
      const result = await http.write([...good, bad]);
      expect(collector.stored()).toEqual(good);
      expect(result.deadLetters).toEqual([
        expect.objectContaining({
          event: bad,
          status: 207,
          errors: [expect.stringContaining('data.outcome')],
        }),
      ]);
      expect(http.deadLetters.get()).toEqual(result.deadLetters);
    });

    it('dead-letters every event when the collector refuses them all (422)', async () => {
      const collector = createFakeCollector(TOKEN);
      const { http } = sink(collector.fetch);
      const result = await http.write([invalidEvent(0, null)]);
      expect(result.deadLetters).toEqual([expect.objectContaining({ status: 422 })]);
    });

    it('finds an invalid event by its index when the collector gives no id', async () => {
      const events = makeChain(3);
      const fake = createFakeFetch(
        json(207, {
          stored: [events[0]?.id, events[2]?.id],
          duplicates: [],
          invalid: [{ index: 1, errors: ['bad'] }],
        }),
      );
      const { http } = sink(fake.fetch);
      const result = await http.write(events);
      expect(result.deadLetters?.map((letter) => letter.event)).toEqual([events[1]]);
    });

    it('dead-letters an event whose id the collector reports as reused with other content', async () => {
      const events = makeChain(2);
      const reused = { ...events[0]!, data: { ...events[0]!.data, stakes: 'low' } } as DeliberateEvent;
      const fake = createFakeFetch(
        json(207, {
          stored: [events[1]?.id],
          duplicates: [events[0]?.id],
          invalid: [{ index: 2, id: events[0]?.id, errors: ['id reused with different content'] }],
        }),
      );
      const { http } = sink(fake.fetch);
      const result = await http.write([...events, reused]);
      expect(result.deadLetters?.map((letter) => letter.event)).toEqual([reused]);
      expect(fake.requests).toHaveLength(1);
    });

    it('lists an event refused twice (after a failed half-sent write) only once', async () => {
      const collector = createFakeCollector(TOKEN);
      const bad = invalidEvent(0, null);
      const { http } = sink(collector.fetch);
      await http.write([bad]);
      await http.write([bad]);
      expect(http.deadLetters.get()).toHaveLength(1);
      http.clearDeadLetters();
      expect(http.deadLetters.get()).toEqual([]);
    });

    it('splits a batch that is too large (413) and dead-letters a single event still too large', async () => {
      const events = makeChain(4);
      const tooLarge = events[3]?.id;
      const fake = createFakeFetch((request) => {
        const batch = JSON.parse(request.body) as DeliberateEvent[];
        if (batch.length > 2 || batch.some((event) => event.id === tooLarge)) return json(413, {});
        return json(200, { stored: batch.map((event) => event.id), duplicates: [], invalid: [] });
      });
      const { http } = sink(fake.fetch);
      const result = await http.write(events);
      expect(fake.requests.map((request) => (JSON.parse(request.body) as unknown[]).length)).toEqual([
        4, 2, 2, 1, 1,
      ]);
      expect(result.deadLetters).toEqual([expect.objectContaining({ event: events[3], status: 413 })]);
    });

    it('isolates a bad event by halving when a 400 comes without reasons', async () => {
      const events = makeChain(4);
      const bad = events[1]?.id;
      const fake = createFakeFetch((request) => {
        const batch = JSON.parse(request.body) as DeliberateEvent[];
        return batch.some((event) => event.id === bad)
          ? json(400, { error: 'bad request' })
          : new Response(null, { status: 204 });
      });
      const { http } = sink(fake.fetch);
      const result = await http.write(events);
      expect(result.deadLetters?.map((letter) => letter.event.id)).toEqual([bad]);
    });

    it('sends again the events an answer does not mention', async () => {
      const events = makeChain(3);
      const fake = createFakeFetch();
      fake.reply(json(200, { stored: [events[0]?.id], duplicates: [], invalid: [] }));
      fake.reply(json(200, { stored: [events[1]?.id, events[2]?.id], duplicates: [], invalid: [] }));
      const { http } = sink(fake.fetch);
      await http.write(events);
      expect(
        (JSON.parse(fake.requests[1]?.body ?? '') as DeliberateEvent[]).map((event) => event.id),
      ).toEqual([events[1]?.id, events[2]?.id]);
    });

    it('counts duplicates as delivered', async () => {
      const collector = createFakeCollector(TOKEN);
      const { http } = sink(collector.fetch);
      const events = makeChain(2);
      await http.write(events);
      await expect(http.write(events)).resolves.toEqual({});
      expect(collector.received).toHaveLength(4);
      expect(collector.stored()).toHaveLength(2);
    });
  });
});
