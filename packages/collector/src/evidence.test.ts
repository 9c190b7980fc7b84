import { createPublicKey, verify } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliberateEvent } from '@deliberate/core';
import {
  CHECKPOINT_SCHEMA,
  publicKeyId,
  RECEIPT_SCHEMA,
  signingInput,
  type BatchReceipt,
  type ChainCheckpoint,
} from '@deliberate/core/events';
import { generateSigningKey, type CheckpointSigner } from './keys.ts';
import type { IngestResponse } from './server.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { createEventFactory, makeEvents } from './testing/events.ts';
import { startHarness, TEST_TOKEN, type Harness } from './testing/harness.ts';

/*
 * Signed receipts and checkpoints, checked the way an auditor would: with node:crypto against the
 * public key the collector serves, never with the collector's own code.
 */

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function start(signer: CheckpointSigner = generateSigningKey().signer): Promise<Harness> {
  h = await startHarness({ signer, checkpointIntervalMs: 3_600_000 });
  return h;
}

async function servedKey(url: string) {
  const pem = await (await fetch(`${url}/.well-known/deliberate/checkpoint-key.pem`)).text();
  return createPublicKey(pem);
}

function signatureValid(statement: ChainCheckpoint | BatchReceipt, key: ReturnType<typeof createPublicKey>) {
  return verify(null, signingInput(statement), key, Buffer.from(statement.signature, 'base64'));
}

async function checkpoints(url: string, query = ''): Promise<ChainCheckpoint[]> {
  const response = await fetch(`${url}/v1/checkpoints${query}`, {
    headers: { authorization: `Bearer ${TEST_TOKEN}` },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
  return (await response.text())
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ChainCheckpoint);
}

describe('the public key', () => {
  it('is served without a token as SPKI PEM and as JSON with its key id', async () => {
    const { signer } = generateSigningKey();
    const { url } = await start(signer);
    const key = await servedKey(url);
    const raw = Buffer.from(key.export({ format: 'jwk' }).x ?? '', 'base64url');
    const json = await (await fetch(`${url}/.well-known/deliberate/checkpoint-key.json`)).json();
    expect(json).toEqual({ keyId: publicKeyId(raw), publicKey: signer.publicKeyPem });
    expect(signer.keyId).toBe(publicKeyId(raw));
  });

  it('answers 404 with an explanation when the collector has no key, and /v1/checkpoints too', async () => {
    h = await startHarness();
    const key = await fetch(`${h.url}/.well-known/deliberate/checkpoint-key.pem`);
    expect(key.status).toBe(404);
    expect((await key.json()).message).toMatch(/signs no checkpoints .*--checkpoint-key/);
    const list = await fetch(`${h.url}/v1/checkpoints`, {
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    });
    expect(list.status).toBe(404);
    expect(await list.json()).toMatchObject({ error: 'checkpoints_disabled' });
    const answer = (await (await h.post(makeEvents(2))).json()) as IngestResponse;
    expect(answer.receipt).toBeUndefined();
  });
});

describe('receipts', () => {
  it('sign what a batch stored, its duplicates and the highest accepted head per chain', async () => {
    const { url, post } = await start();
    const key = await servedKey(url);
    const a = makeEvents(3, { chain: 'chain-a' });
    const b = makeEvents(2, { chain: 'chain-b' });
    await post([a[0]]);
    const response = await post([a[0], a[2], b[1], a[1], b[0], { ...b[0], id: 'bad', seq: 'x' }]);
    expect(response.status).toBe(207);
    const { receipt, stored, duplicates } = (await response.json()) as IngestResponse;
    expect(receipt).toBeDefined();
    if (!receipt) return;
    expect(signatureValid(receipt, key)).toBe(true);
    expect(receipt).toMatchObject({ schema: RECEIPT_SCHEMA, stored, duplicates });
    expect(duplicates).toEqual([a[0]!.id]);
    expect(receipt.stored).toEqual([a[2]!.id, b[1]!.id, a[1]!.id, b[0]!.id]);
    expect(receipt.heads).toEqual([
      { chain: 'chain-a', seq: 2, hash: a[2]!.hash },
      { chain: 'chain-b', seq: 1, hash: b[1]!.hash },
    ]);
    // Any change to the statement breaks the signature.
    expect(signatureValid({ ...receipt, stored: receipt.stored.slice(1) }, key)).toBe(false);
  });
});

describe('checkpoints', () => {
  it('cover each chain up to its highest seq without a gap, and are signed with the served key', async () => {
    const { url, post } = await start();
    const key = await servedKey(url);
    const a = makeEvents(6, { chain: 'chain-a' });
    const b = makeEvents(3, { chain: 'chain-b' });
    const c = makeEvents(2, { chain: 'chain-c' });
    // chain-a lacks seq 3; chain-c lacks its genesis.
    await post([a[0], a[1], a[2], a[4], a[5], ...b, c[1]]);
    const first = await checkpoints(url);
    expect(first.map(({ chain, seq, hash }) => ({ chain, seq, hash }))).toEqual([
      { chain: 'chain-a', seq: 2, hash: a[2]!.hash },
      { chain: 'chain-b', seq: 2, hash: b[2]!.hash },
    ]);
    for (const checkpoint of first) {
      expect(checkpoint.schema).toBe(CHECKPOINT_SCHEMA);
      expect(signatureValid(checkpoint, key)).toBe(true);
    }

    // The hole is filled: chain-a moves to seq 5; chain-b did not change and is not re-signed.
    await post([a[3], c[0]]);
    const latest = await checkpoints(url);
    expect(latest.map(({ chain, seq }) => [chain, seq])).toEqual([
      ['chain-a', 5],
      ['chain-b', 2],
      ['chain-c', 1],
    ]);
    expect(latest[1]).toEqual(first[1]);
    const all = await checkpoints(url, '?all=1');
    expect(all.map(({ chain, seq }) => [chain, seq])).toEqual([
      ['chain-a', 2],
      ['chain-b', 2],
      ['chain-a', 5],
      ['chain-c', 1],
    ]);
    expect((await checkpoints(url, '?chain=chain-a&all=1')).map((x) => x.seq)).toEqual([2, 5]);
  });

  it('stop before two stored events at one seq (a fork) instead of picking one', async () => {
    const { url, post } = await start();
    const factory = createEventFactory({ chain: 'forked' });
    const [e0, e1] = [factory.next(), factory.next()];
    const other = createEventFactory({ chain: 'forked' });
    other.next();
    const fork = other.next({ caseRef: 'other-case' });
    await post([e0, e1, fork, factory.next()]);
    expect((await checkpoints(url)).map(({ seq, hash }) => ({ seq, hash }))).toEqual([
      { seq: 0, hash: e0!.hash },
    ]);
  });

  it('are signed on the schedule, and on shutdown for what changed since', async () => {
    const { signer } = generateSigningKey();
    h = await startHarness({ signer, checkpointIntervalMs: 50 });
    await h.post(makeEvents(3, { chain: 'scheduled' }));
    await expect.poll(() => [...h!.store.checkpoints()].map((x) => x.seq), { timeout: 5_000 }).toEqual([2]);
    const later = makeEvents(5, { chain: 'at-shutdown' });
    await h.post(later);
    const dbPath = h.dbPath;
    await h.collector.close();
    const reopened = openSqliteStore(dbPath);
    expect([...reopened.checkpoints()].map(({ chain, seq }) => [chain, seq])).toEqual([
      ['at-shutdown', 4],
      ['scheduled', 2],
    ]);
    reopened.close();
  });

  it('are append-only in the database', async () => {
    const { url, post, dbPath } = await start();
    await post(makeEvents(2));
    await checkpoints(url);
    const db = new Database(dbPath);
    expect(() => db.prepare('UPDATE checkpoints SET seq = 9').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM checkpoints').run()).toThrow(/append-only/);
    db.close();
  });

  it('refuses unknown query parameters', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/v1/checkpoints?since=x`, {
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/known: all=1 \(every checkpoint\), chain=<id>/);
  });
});

describe('exports', () => {
  it('come in chain order after a clock stepped back, so seq runs 0,1,2,3,4', async () => {
    h = await startHarness();
    const factory = createEventFactory({ chain: 'stepped', start: '2026-11-22T10:00:00.000Z' });
    const events: DeliberateEvent[] = [factory.next()];
    // The clock steps back 1.5 s after the first event.
    events.push(factory.next({ ts: '2026-11-22T09:59:59.500Z' }));
    events.push(factory.next({ ts: '2026-11-22T09:59:59.600Z' }));
    events.push(factory.next({ ts: '2026-11-22T10:00:00.100Z' }));
    events.push(factory.next({ ts: '2026-11-22T10:00:01.000Z' }));
    await h.post([events[4], events[2], events[0], events[3], events[1]]);
    expect((await h.exportEvents()).map((event) => event.seq)).toEqual([0, 1, 2, 3, 4]);
  });

  it('with since= are a per-chain slice in seq order, starting after genesis', async () => {
    h = await startHarness();
    const a = makeEvents(4, { chain: 'a', start: '2026-11-22T10:00:00.000Z', stepMs: 60_000 });
    const b = makeEvents(4, { chain: 'b', start: '2026-11-22T09:59:30.000Z', stepMs: 60_000 });
    await h.post([...b, ...a]);
    const slice = await h.exportEvents('?since=2026-11-22T10:01:00.000Z');
    expect(slice.map(({ chain, seq }) => `${chain}${seq}`)).toEqual(['a2', 'a3', 'b2', 'b3']);
  });
});
