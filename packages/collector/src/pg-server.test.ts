import { createPublicKey, verify } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliberateEvent } from '@deliberate/core';
import { signingInput, type ChainCheckpoint } from '@deliberate/core/events';
import { generateSigningKey } from './keys.ts';
import { silentLogger } from './log.ts';
import { openPostgresStore, type PostgresEventStore } from './pg/store.ts';
import { createCollector, type Collector, type CollectorOptions, type IngestResponse } from './server.ts';
import { createEventFactory, makeEvents } from './testing/events.ts';
import { TEST_TOKEN } from './testing/harness.ts';
import { useTestPostgres } from './testing/pg.ts';

/*
 * The HTTP behaviours that depend on the store, with the collector on a real PostgreSQL server:
 * idempotency, conflicts, export order, checkpoints, one event the store refuses, an outage.
 */

const postgres = useTestPostgres();

interface PgHarness {
  collector: Collector;
  store: PostgresEventStore;
  url: string;
  dbName: string;
  post(body: unknown): Promise<Response>;
  get(pathAndQuery: string): Promise<string[]>;
}
let h: PgHarness | undefined;
afterEach(async () => {
  await h?.collector.close();
  h = undefined;
});

async function start(options: Partial<CollectorOptions> = {}): Promise<PgHarness> {
  const { url: dbUrl, name } = await postgres.freshDatabase();
  const store = await openPostgresStore(dbUrl);
  const collector = createCollector({ store, token: TEST_TOKEN, logger: silentLogger, ...options });
  const { port } = await collector.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const headers = { authorization: `Bearer ${TEST_TOKEN}` };
  h = {
    collector,
    store,
    url,
    dbName: name,
    post: (body) =>
      fetch(`${url}/v1/events`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async get(pathAndQuery) {
      const response = await fetch(`${url}${pathAndQuery}`, { headers });
      expect(response.status).toBe(200);
      return (await response.text()).split('\n').filter((line) => line !== '');
    },
  };
  return h;
}

const ids = (events: readonly DeliberateEvent[]) => events.map((event) => event.id);
const exported = async (query = '') =>
  (await h!.get(`/v1/events${query}`)).map((line) => JSON.parse(line) as DeliberateEvent);

describe('the collector on PostgreSQL', () => {
  it('stores each event once when a batch (with a repeat inside) is posted three times', async () => {
    const { post } = await start();
    const events = makeEvents(10);
    const answers: IngestResponse[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await post([...events, events[0]]);
      expect(response.status).toBe(200);
      answers.push((await response.json()) as IngestResponse);
    }
    expect(answers[0]).toEqual({ stored: ids(events), duplicates: [events[0]!.id], invalid: [] });
    expect(answers[1]).toEqual({ stored: [], duplicates: [...ids(events), events[0]!.id], invalid: [] });
    expect(await h!.store.count()).toBe(10);
    expect(await exported()).toEqual(events);
  });

  it('answers 422 to a batch of only a conflicting event, 207 beside others, and keeps the stored one', async () => {
    const { post } = await start();
    const [a, b] = makeEvents(2) as [DeliberateEvent, DeliberateEvent];
    await post([a]);
    const tampered = { ...a, caseRef: 'someone-else' };
    const alone = await post([tampered]);
    expect(alone.status).toBe(422);
    expect(((await alone.json()) as IngestResponse).invalid).toEqual([
      expect.objectContaining({ index: 0, id: a.id, kind: 'conflict' }),
    ]);
    const mixed = await post([tampered, b]);
    expect(mixed.status).toBe(207);
    expect(((await mixed.json()) as IngestResponse).stored).toEqual([b.id]);
    expect((await exported()).find((event) => event.id === a.id)).toEqual(a);
  });

  it('exports in chain order after a clock stepped back, and filters by since and chain', async () => {
    const { post } = await start();
    const factory = createEventFactory({ chain: 'stepped', start: '2026-11-22T10:00:00.000Z' });
    const stepped = [factory.next(), factory.next({ ts: '2026-11-22T09:59:59.500Z' }), factory.next()];
    const other = makeEvents(3, { chain: 'another', start: '2026-11-22T11:00:00.000Z' });
    await post([stepped[2], other[1], stepped[0]]);
    await post([other[0], other[2], stepped[1]]);
    expect(ids(await exported())).toEqual(ids([...other, ...stepped]));
    expect(ids(await exported('?since=2026-11-22T10:30:00Z'))).toEqual(ids(other));
    expect(ids(await exported('?chain=stepped&limit=2'))).toEqual(ids(stepped.slice(0, 2)));
  });

  it('signs checkpoints a verifier accepts with the served key', async () => {
    const { post, url } = await start({
      signer: generateSigningKey().signer,
      checkpointIntervalMs: 3_600_000,
    });
    const a = makeEvents(4, { chain: 'chain-a' });
    await post([a[0], a[1], a[3]]);
    const pem = await (await fetch(`${url}/.well-known/deliberate/checkpoint-key.pem`)).text();
    const key = createPublicKey(pem);
    const first = (await h!.get('/v1/checkpoints')).map((line) => JSON.parse(line) as ChainCheckpoint);
    expect(first.map(({ chain, seq, hash }) => ({ chain, seq, hash }))).toEqual([
      { chain: 'chain-a', seq: 1, hash: a[1]!.hash },
    ]);
    expect(verify(null, signingInput(first[0]!), key, Buffer.from(first[0]!.signature, 'base64'))).toBe(true);
    await post([a[2]]);
    const all = (await h!.get('/v1/checkpoints?all=1')).map((line) => JSON.parse(line) as ChainCheckpoint);
    expect(all.map((c) => c.seq)).toEqual([1, 3]);
  });

  it('refuses one event the database refuses (kind store) and stores the rest', async () => {
    const { post, dbName } = await start();
    const events = makeEvents(4);
    const poisoned = events[1]!;
    await postgres.sql(
      `CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN IF NEW.id = '${poisoned.id}' THEN RAISE EXCEPTION 'refused by the test trigger'; END IF; RETURN NEW; END $$;
       CREATE TRIGGER poison BEFORE INSERT ON deliberate_events FOR EACH ROW EXECUTE FUNCTION poison();`,
      [],
      dbName,
    );
    const response = await post(events);
    expect(response.status).toBe(207);
    const answer = (await response.json()) as IngestResponse;
    expect(answer.stored).toEqual(ids(events.filter((event) => event !== poisoned)));
    expect(answer.invalid).toEqual([
      {
        index: 1,
        id: poisoned.id,
        kind: 'store',
        errors: [
          "the store refused this event: refused by the test trigger; the batch's other events were stored",
        ],
      },
    ]);
  });

  it('answers 503 with Retry-After when the database is unreachable', async () => {
    const { post, store } = await start();
    await store.close();
    const response = await post(makeEvents(2));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toMatchObject({ error: 'storage_unavailable' });
  });
});
