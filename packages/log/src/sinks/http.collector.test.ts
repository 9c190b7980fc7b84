import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DeliberateEvent } from '@deliberate/core';
import { createCollector, openSqliteStore, silentLogger, type Collector } from '@deliberate/collector';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stampEvent, verifyChain } from '../chain.ts';
import { createLogger } from '../logger.ts';
import { makeChain, makeDraft, makeDrafts } from '../testing/drafts.ts';
import { createHttpSink } from './http.ts';
import { createOutbox } from './outbox.ts';

/*
 * The HTTP sink and the outbox against a real collector (SQLite file, loopback): events the
 * collector refuses one by one become dead letters with its reasons, everything else is stored
 * exactly once, and delivery goes on after them.
 */

const TOKEN = 'http-sink-collector-test-token-0123456789';

let dir: string;
let collector: Collector;
let url: string;
/** Bodies of the POSTs the sink sent. */
let posts: string[];

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'deliberate-http-sink-'));
  collector = createCollector({
    store: openSqliteStore(path.join(dir, 'events.sqlite')),
    token: TOKEN,
    logger: silentLogger,
  });
  const { port } = await collector.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${port}/v1/events`;
  posts = [];
});

afterEach(async () => {
  await collector.close();
  rmSync(dir, { recursive: true, force: true });
});

function sink() {
  return createHttpSink({
    url,
    token: TOKEN,
    // The real fetch; only the bodies are noted, to see what went over the wire.
    fetch: (input, init) => {
      posts.push(String(init.body));
      return fetch(input, init);
    },
    retry: { baseMs: 10, maxMs: 100, maxAttempts: 3 },
  });
}

async function storedEvents(): Promise<DeliberateEvent[]> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  return (await response.text())
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as DeliberateEvent);
}

/** A copy of `event` under the same id with other content: what the collector calls a conflict. */
function conflictingCopy(event: DeliberateEvent): DeliberateEvent {
  return { ...event, data: { ...event.data, comment: 'altered after the fact' } } as DeliberateEvent;
}

describe('the HTTP sink against a real collector', () => {
  it('dead-letters exactly the events the collector refuses, with its reasons, and stores the rest', async () => {
    const http = sink();
    const chain = makeChain(6);
    await http.write(chain.slice(0, 2));
    const invalid = stampEvent(makeDraft('decision.finalized', { data: { outcome: 'maybe' } }), 'poison-1', {
      id: 'chain-b',
      seq: 0,
      prev: null,
    }).event;
    const conflict = conflictingCopy(chain[1] as DeliberateEvent);

    const result = await http.write([chain[2], invalid, conflict, chain[3]] as DeliberateEvent[]);

    expect(result.deadLetters?.map((letter) => letter.event.id)).toEqual(['poison-1', chain[1]?.id]);
    const [schema, reused] = result.deadLetters ?? [];
    expect(schema?.status).toBe(207);
    expect(schema?.errors.join(' ')).toMatch(/data\.outcome/);
    expect(reused?.errors.join(' ')).toMatch(/already stored with different content/);
    expect(http.deadLetters.get().map((letter) => letter.event.id)).toEqual(['poison-1', chain[1]?.id]);

    // Later events still go, and nothing refused is sent again.
    await http.write(chain.slice(4));
    const stored = await storedEvents();
    expect(stored.map((event) => event.id).sort()).toEqual(chain.map((event) => event.id).sort());
    expect(stored.find((event) => event.id === chain[1]?.id)).toEqual(chain[1]);
    expect(posts.filter((body) => body.includes('poison-1'))).toHaveLength(1);
    expect(verifyChain(stored).ok).toBe(true);
  });

  it('dead-letters an event that breaks the event limits without sending it, and sends the others', async () => {
    const http = sink();
    const chain = makeChain(3);
    let ext: Record<string, unknown> = {};
    for (let i = 0; i < 40; i++) ext = { x: ext };
    const deep = {
      ...(chain[1] as DeliberateEvent),
      id: 'too-deep-1',
      data: { ext },
    } as unknown as DeliberateEvent;

    const result = await http.write([chain[0], deep, chain[2]] as DeliberateEvent[]);

    expect(result.deadLetters).toHaveLength(1);
    expect(result.deadLetters?.[0]).toMatchObject({ event: { id: 'too-deep-1' } });
    expect(result.deadLetters?.[0]?.errors[0]).toMatch(/too-deep.*data\.ext/);
    expect(result.deadLetters?.[0]?.status).toBeUndefined();
    expect(posts.some((body) => body.includes('too-deep-1'))).toBe(false);
    expect((await storedEvents()).map((event) => event.id)).toEqual([chain[0]?.id, chain[2]?.id]);
  });
});

describe('logger → outbox → HTTP sink → real collector, with a poison event in the middle', () => {
  it('moves the poison event to the persisted dead letters and delivers every logged event once', async () => {
    const indexedDB = new IDBFactory();
    const outbox = createOutbox({ transport: sink(), indexedDB, locks: null, batchSize: 4 });
    const logger = createLogger({
      sinks: [outbox],
      pseudonymize: { key: 'a-deployment-secret-of-32-bytes!' },
    });
    const before = await logger.log(makeDrafts(6));
    await logger.flush();
    // A conflicting copy of an event already stored, written straight into the outbox between
    // logged events: the logger never produces one, a buggy or hostile client can.
    const poison = conflictingCopy(before[2] as DeliberateEvent);
    await outbox.write([poison]);
    const after = await logger.log(makeDrafts(9));
    await logger.flush();

    expect(outbox.status.get()).toMatchObject({ pending: 0, state: 'idle' });
    expect(outbox.deadLetters.get()).toHaveLength(1);
    expect(outbox.deadLetters.get()[0]).toMatchObject({ event: poison, status: 422 });
    expect(outbox.deadLetters.get()[0]?.errors.join(' ')).toMatch(/different content/);

    const logged = [...before, ...after];
    const stored = await storedEvents();
    expect(stored).toHaveLength(logged.length);
    expect(new Set(stored.map((event) => event.id))).toEqual(new Set(logged.map((event) => event.id)));
    expect(stored.find((event) => event.id === poison.id)).toEqual(before[2]);
    expect(verifyChain(stored, { heads: await outbox.heads() }).ok).toBe(true);

    // The dead letter survives a reload of the page (a new outbox on the same database).
    await outbox.close();
    const reloaded = createOutbox({ transport: sink(), indexedDB, locks: null });
    await reloaded.ready;
    expect(reloaded.deadLetters.get().map((letter) => letter.event.id)).toEqual([poison.id]);
    await reloaded.close();
  });
});
