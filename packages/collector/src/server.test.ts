import { once } from 'node:events';
import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliberateEvent } from '@deliberate/core';
import type { IngestResponse } from './server.ts';
import { makeEvents, createEventFactory } from './testing/events.ts';
import { startHarness, TEST_TOKEN, type Harness } from './testing/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

const ids = (events: readonly DeliberateEvent[]) => events.map((event) => event.id);
const ndjson = (events: readonly unknown[]) => events.map((event) => JSON.stringify(event)).join('\n') + '\n';

describe('POST /v1/events', () => {
  describe('given a valid JSON array', () => {
    it('stores every event and answers 200 with their ids', async () => {
      const events = makeEvents(5);
      const response = await h.post(events);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ stored: ids(events), duplicates: [], invalid: [] });
      expect(ids(await h.exportEvents())).toEqual(ids(events));
    });

    it('stores the events as sent, unknown fields included', async () => {
      const [event] = makeEvents(1);
      const extended = { ...event, futureField: { kept: true } };
      await h.post([extended]);
      expect(await h.exportEvents()).toEqual([extended]);
    });
  });

  describe('given NDJSON', () => {
    it('stores every line with Content-Type application/x-ndjson', async () => {
      const events = makeEvents(3);
      const response = await h.post(ndjson(events), { contentType: 'application/x-ndjson' });
      expect(response.status).toBe(200);
      expect((await response.json()).stored).toEqual(ids(events));
    });

    it('detects NDJSON sent without a content type, with CRLF line ends and blank lines', async () => {
      const events = makeEvents(3);
      const body = events.map((event) => JSON.stringify(event)).join('\r\n\r\n');
      const response = await h.post(body, { contentType: null });
      expect(response.status).toBe(200);
      expect((await response.json()).stored).toEqual(ids(events));
    });

    it('detects a JSON array sent as text/plain (a browser string body)', async () => {
      const events = makeEvents(2);
      const response = await h.post(JSON.stringify(events), { contentType: 'text/plain;charset=UTF-8' });
      expect(response.status).toBe(200);
    });

    it('reports a line that does not parse with its line number, and stores the other lines (207)', async () => {
      const events = makeEvents(2);
      const body = `${JSON.stringify(events[0])}\n{"id": "broken",\n${JSON.stringify(events[1])}\n`;
      const response = await h.post(body, { contentType: 'application/x-ndjson' });
      expect(response.status).toBe(207);
      const answer = (await response.json()) as IngestResponse;
      expect(answer.stored).toEqual(ids(events));
      expect(answer.invalid).toHaveLength(1);
      expect(answer.invalid[0]).toMatchObject({ index: 1, line: 2, kind: 'json' });
      expect(answer.invalid[0]?.errors[0]).toMatch(/^line 2, column \d+: /);
      expect(ids(await h.exportEvents())).toEqual(ids(events));
    });
  });

  describe('given malformed JSON', () => {
    it('answers 400 with the line and column, and stores nothing', async () => {
      const events = makeEvents(2);
      const body = `[\n${JSON.stringify(events[0])},\n{"id": "x",}\n]`;
      const response = await h.post(body);
      expect(response.status).toBe(400);
      const answer = await response.json();
      expect(answer).toMatchObject({ error: 'malformed_json', line: 3, column: 12 });
      expect(answer.message).toMatch(/^malformed JSON at line 3, column 12 \(offset \d+\): /);
      expect(await h.exportEvents()).toEqual([]);
    });

    it('hints at the NDJSON content type when NDJSON was sent as application/json', async () => {
      const response = await h.post(ndjson(makeEvents(2)), { contentType: 'application/json' });
      expect(response.status).toBe(400);
      expect((await response.json()).message).toContain('application/x-ndjson');
    });

    it('refuses a JSON value that is not an array or object', async () => {
      const response = await h.post('42');
      expect(response.status).toBe(400);
      expect((await response.json()).message).toBe('expected a JSON array of events, got 42');
    });

    it('refuses an empty body with 400, but accepts an empty array', async () => {
      expect((await h.post('')).status).toBe(400);
      const response = await h.post('[]');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ stored: [], duplicates: [], invalid: [] });
    });

    it('refuses a body that is not UTF-8 with 400', async () => {
      const response = await h.post(new Uint8Array([0x5b, 0xff, 0xfe, 0x5d]));
      expect(response.status).toBe(400);
      expect((await response.json()).error).toBe('invalid_encoding');
    });
  });

  describe('given a body over the size limit', () => {
    beforeEach(async () => {
      await h.stop();
      h = await startHarness({ maxBodyBytes: 10_000 });
    });

    it('answers 413 with the limit when Content-Length says so, and stores nothing', async () => {
      const response = await h.post(makeEvents(30));
      expect(response.status).toBe(413);
      const answer = await response.json();
      expect(answer.error).toBe('payload_too_large');
      expect(answer.message).toContain('10000 bytes');
      expect(await h.exportEvents()).toEqual([]);
    });

    it('answers 413 to a chunked body that grows past the limit', async () => {
      const chunk = new TextEncoder().encode(`${JSON.stringify(makeEvents(4))}\n`);
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ < 20) controller.enqueue(chunk);
          else controller.close();
        },
      });
      const response = await fetch(`${h.url}/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/x-ndjson' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
      expect((await response.json()).error).toBe('payload_too_large');
      expect(await h.exportEvents()).toEqual([]);
    });

    it('keeps serving on the same connection after a 413', async () => {
      expect((await h.post(makeEvents(30))).status).toBe(413);
      expect((await h.post(makeEvents(2))).status).toBe(200);
    });
  });

  it('stores nothing from a request whose client hangs up mid-body', async () => {
    const body = JSON.stringify(makeEvents(10));
    const request = http.request(`${h.url}/v1/events`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TEST_TOKEN}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      },
    });
    request.on('error', () => {});
    const arrived = once(h.collector.server, 'request');
    request.write(body.slice(0, body.length / 2));
    const [, res] = (await arrived) as [http.IncomingMessage, http.ServerResponse];
    request.destroy();
    await once(res, 'close');
    expect(h.store.count()).toBe(0);
    expect(h.logs).toContainEqual(
      expect.objectContaining({ msg: 'request', path: '/v1/events', aborted: true }),
    );
  });

  describe('authentication', () => {
    it('answers 401 with WWW-Authenticate: Bearer when the token is missing, and stores nothing', async () => {
      const response = await h.post(makeEvents(1), { token: null });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="deliberate-collector"');
      expect((await response.json()).message).toMatch(/missing bearer token/);
      expect(h.store.count()).toBe(0);
    });

    it('answers 401 with error="invalid_token" for a wrong token of any length', async () => {
      for (const token of ['x', TEST_TOKEN.slice(0, -1) + 'X', TEST_TOKEN + 'extra']) {
        const response = await h.post(makeEvents(1), { token });
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
        expect((await response.json()).message).toBe('invalid bearer token');
      }
      expect(h.store.count()).toBe(0);
    });

    it('refuses a non-Bearer scheme', async () => {
      const response = await fetch(`${h.url}/v1/events`, {
        headers: { authorization: `Basic ${TEST_TOKEN}` },
      });
      expect(response.status).toBe(401);
    });

    it('accepts each of several tokens (rotation)', async () => {
      await h.stop();
      h = await startHarness({ token: 'old-token-0123456789', tokens: ['new-token-0123456789'] });
      expect((await h.post(makeEvents(1), { token: 'old-token-0123456789' })).status).toBe(200);
      expect((await h.post(makeEvents(1), { token: 'new-token-0123456789' })).status).toBe(200);
      expect((await h.post(makeEvents(1), { token: TEST_TOKEN })).status).toBe(401);
    });

    it('also protects the export', async () => {
      const response = await fetch(`${h.url}/v1/events`);
      expect(response.status).toBe(401);
    });
  });

  describe('given events that fail the schema', () => {
    it('reports each by index and id with readable errors, and stores the valid ones (207)', async () => {
      const [a, b, c, d] = makeEvents(4) as [
        DeliberateEvent,
        DeliberateEvent,
        DeliberateEvent,
        DeliberateEvent,
      ];
      const badTs = { ...b, ts: '22.11.2026 10:00' };
      const badType = { ...c, type: 'Decision Teleported!' };
      // A well-formed type this version does not know is a newer client's event: stored, not refused.
      const futureType = { ...d, type: 'review.escalated', data: { to: 'team lead' } };
      const batch = [a, badTs, 'not an event', badType, futureType];
      const response = await h.post(batch);
      expect(response.status).toBe(207);
      const answer = (await response.json()) as IngestResponse;
      expect(answer.stored).toEqual([a.id, d.id]);
      expect(answer.invalid).toEqual([
        {
          index: 1,
          id: b.id,
          kind: 'schema',
          errors: [
            'ts: expected an RFC 3339 UTC timestamp with milliseconds, e.g. 2026-11-22T10:00:00.000Z, got "22.11.2026 10:00"',
          ],
        },
        { index: 2, kind: 'schema', errors: ['event: expected object, got "not an event"'] },
        {
          index: 3,
          id: c.id,
          kind: 'schema',
          errors: [expect.stringMatching(/^type: .*"Decision Teleported!"/)],
        },
      ]);
      expect(ids(await h.exportEvents())).toEqual([a.id, d.id]);
    });

    it('names missing fields and nested paths', async () => {
      const [event] = makeEvents(1) as [DeliberateEvent & { type: 'decision.opened' }];
      const { hash: _hash, ...withoutHash } = event;
      const broken = {
        ...withoutHash,
        data: { ...event.data, policy: { ...event.data.policy, arm: 'maybe' } },
      };
      const response = await h.post([broken]);
      expect(response.status).toBe(422);
      const [entry] = ((await response.json()) as IngestResponse).invalid;
      expect(entry?.errors).toEqual(
        expect.arrayContaining([
          'hash: required (string)',
          'data.policy.arm: expected "ai" or "no-ai", got "maybe"',
        ]),
      );
    });

    it('answers 422 when every event is invalid', async () => {
      const response = await h.post([{ id: 'a' }, { id: 'b' }]);
      expect(response.status).toBe(422);
      const answer = (await response.json()) as IngestResponse;
      expect(answer.stored).toEqual([]);
      expect(answer.invalid.map((entry) => entry.id)).toEqual(['a', 'b']);
      expect(h.store.count()).toBe(0);
    });
  });

  describe('given duplicate ids', () => {
    it('stores an id repeated within one batch once and reports the repeat as a duplicate', async () => {
      const [a, b] = makeEvents(2) as [DeliberateEvent, DeliberateEvent];
      const response = await h.post([a, b, a]);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ stored: [a.id, b.id], duplicates: [a.id], invalid: [] });
      expect(ids(await h.exportEvents())).toEqual([a.id, b.id]);
    });

    it('reports ids stored by an earlier batch as duplicates, even with other spacing and key order', async () => {
      const [a, b] = makeEvents(2) as [DeliberateEvent, DeliberateEvent];
      await h.post([a]);
      const reordered = Object.fromEntries(Object.entries(a).reverse());
      const response = await h.post(`[ ${JSON.stringify(reordered, null, 2)}, ${JSON.stringify(b)} ]`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ stored: [b.id], duplicates: [a.id], invalid: [] });
    });

    it('reports an id stored with different content as a conflict and keeps the stored event', async () => {
      const [a, b] = makeEvents(2) as [DeliberateEvent, DeliberateEvent];
      await h.post([a]);
      const tampered = { ...a, caseRef: 'someone-else' };
      const response = await h.post([tampered, b]);
      expect(response.status).toBe(207);
      const answer = (await response.json()) as IngestResponse;
      expect(answer.stored).toEqual([b.id]);
      expect(answer.duplicates).toEqual([]);
      expect(answer.invalid).toEqual([
        {
          index: 0,
          id: a.id,
          kind: 'conflict',
          errors: [
            expect.stringMatching(/already stored with different content .*the stored event was kept/),
          ],
        },
      ]);
      expect((await h.exportEvents()).find((event) => event.id === a.id)).toEqual(a);
    });
  });

  it('stores each event once when the same batch is posted three times', async () => {
    const events = makeEvents(10);
    const answers = [];
    for (let i = 0; i < 3; i++) {
      const response = await h.post(events);
      expect(response.status).toBe(200);
      answers.push((await response.json()) as IngestResponse);
    }
    expect(answers[0]).toEqual({ stored: ids(events), duplicates: [], invalid: [] });
    expect(answers[1]).toEqual({ stored: [], duplicates: ids(events), invalid: [] });
    expect(answers[2]).toEqual(answers[1]);
    expect(h.store.count()).toBe(10);
    expect(ids(await h.exportEvents())).toEqual(ids(events));
  });

  describe('given an unsupported body', () => {
    it.each([
      [
        'application/x-www-form-urlencoded',
        /Content-Type application\/x-www-form-urlencoded is not supported/,
      ],
      ['application/json; charset=iso-8859-1', /charset iso-8859-1 is not supported/],
      ['multipart/form-data; boundary=x', /not supported/],
    ])('answers 415 to %s', async (contentType, message) => {
      const response = await h.post(makeEvents(1), { contentType });
      expect(response.status).toBe(415);
      expect((await response.json()).message).toMatch(message);
      expect(h.store.count()).toBe(0);
    });

    it('answers 415 to a compressed body', async () => {
      const response = await fetch(`${h.url}/v1/events`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${TEST_TOKEN}`,
          'content-type': 'application/json',
          'content-encoding': 'gzip',
        },
        body: '[]',
      });
      expect(response.status).toBe(415);
    });
  });
});

describe('routes', () => {
  it('answers GET /healthz without a token', async () => {
    const response = await fetch(`${h.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers 404 to an unknown route, but only with a token', async () => {
    expect((await fetch(`${h.url}/v2/events`)).status).toBe(401);
    const response = await fetch(`${h.url}/v2/events`, {
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    });
    expect(response.status).toBe(404);
    expect((await response.json()).error).toBe('not_found');
  });

  it('answers 405 with Allow to a wrong method', async () => {
    const response = await fetch(`${h.url}/v1/events`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
    const health = await fetch(`${h.url}/healthz`, { method: 'POST' });
    expect(health.status).toBe(405);
    expect(health.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('GET /v1/events', () => {
  it('returns exactly the events after `since`, as NDJSON, one event per line', async () => {
    const events = makeEvents(10, { start: '2026-11-22T10:00:00.000Z', stepMs: 60_000 });
    await h.post(events);
    const response = await fetch(`${h.url}/v1/events?since=2026-11-22T10:04:00.000Z`, {
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const text = await response.text();
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    const parsed = lines.map((line) => JSON.parse(line) as DeliberateEvent);
    expect(parsed).toEqual(events.slice(5));
    expect(parsed.every((event) => event.ts > '2026-11-22T10:04:00.000Z')).toBe(true);
  });

  it('accepts `since` with an offset or without milliseconds', async () => {
    const events = makeEvents(4, { start: '2026-11-22T10:00:00.000Z', stepMs: 60_000 });
    await h.post(events);
    expect(ids(await h.exportEvents('?since=2026-11-22T11:01:00%2B01:00'))).toEqual(ids(events.slice(2)));
    expect(ids(await h.exportEvents('?since=2026-11-22T10:01:00Z'))).toEqual(ids(events.slice(2)));
  });

  it('orders by chain, then seq, then the order received — not by timestamp', async () => {
    const a = makeEvents(3, { chain: 'chain-a', start: '2026-11-22T10:00:00.000Z' });
    const b = makeEvents(2, { chain: 'chain-b', start: '2026-11-22T09:00:00.000Z' });
    await h.post([a[2], b[1], a[0]]);
    await h.post([b[0], a[1]]);
    expect(ids(await h.exportEvents())).toEqual(ids([...a, ...b]));
  });

  it('filters by decisionId and chain, and honours limit', async () => {
    const first = makeEvents(8, { chain: 'chain-a', perDecision: 4 });
    const second = makeEvents(3, { chain: 'chain-b' });
    await h.post([...first, ...second]);
    const decisionId = first[4]!.decisionId;
    expect(ids(await h.exportEvents(`?decisionId=${decisionId}`))).toEqual(ids(first.slice(4)));
    expect(ids(await h.exportEvents('?chain=chain-b'))).toEqual(ids(second));
    expect(await h.exportEvents('?limit=3')).toHaveLength(3);
  });

  it.each([
    ['?since=yesterday', /since must be an RFC 3339 timestamp/],
    ['?since=2026-11-22T10:00:00', /since must be an RFC 3339 timestamp/],
    ['?limit=0', /limit must be a positive integer/],
    ['?decisionid=x', /unknown query parameter decisionid/],
    ['?since=2026-11-22&since=2026-11-23', /given more than once/],
  ])('answers 400 to %s', async (query, message) => {
    const response = await fetch(`${h.url}/v1/events${query}`, {
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(message);
  });

  it('streams a large export with backpressure while ingest goes on', async () => {
    const factory = createEventFactory();
    const events = Array.from({ length: 1500 }, () =>
      factory.next({ padding: 'x'.repeat(2000) } as Partial<DeliberateEvent>),
    );
    for (let i = 0; i < events.length; i += 500)
      expect((await h.post(events.slice(i, i + 500))).status).toBe(200);

    // Read the first chunk, then stop reading so the server's writes back up.
    const received: Buffer[] = [];
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http
        .get(`${h.url}/v1/events`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } }, resolve)
        .on('error', reject);
    });
    response.pause();
    await new Promise((resolve) => setTimeout(resolve, 100));

    // The export holds no SQLite cursor open while it waits, so a batch can still be stored.
    const extra = factory.next();
    expect((await h.post([extra])).status).toBe(200);

    response.on('data', (chunk: Buffer) => received.push(chunk));
    response.resume();
    await new Promise((resolve) => response.on('end', resolve));
    const lines = Buffer.concat(received).toString('utf8').trimEnd().split('\n');
    // The new event sorts after everything exported so far, so the live export includes it.
    expect(lines.map((line) => (JSON.parse(line) as DeliberateEvent).id)).toEqual(ids([...events, extra]));
  });
});

describe('access log', () => {
  it('logs each request without tokens, query strings or event content', async () => {
    const [event] = makeEvents(1) as [DeliberateEvent];
    await h.post([event]);
    await h.exportEvents(`?decisionId=${event.decisionId}`);
    await h.post([event], { token: 'wrong-token' });
    const requests = h.logs.filter((entry) => entry.msg === 'request');
    expect(requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/v1/events',
        status: 200,
        stored: 1,
        duplicates: 0,
        invalid: 0,
      }),
      expect.objectContaining({ method: 'GET', path: '/v1/events', status: 200, exported: 1 }),
      expect.objectContaining({ method: 'POST', path: '/v1/events', status: 401 }),
    ]);
    const text = JSON.stringify(h.logs);
    for (const secret of [
      TEST_TOKEN,
      'wrong-token',
      event.decisionId,
      event.caseRef,
      event.id,
      event.actor.id,
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('CORS', () => {
  beforeEach(async () => {
    await h.stop();
    h = await startHarness({ allowedOrigins: ['https://app.example'] });
  });

  it('answers a preflight from an allowed origin without a token', async () => {
    const response = await fetch(`${h.url}/v1/events`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(response.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type');
  });

  it('lets an allowed origin read Retry-After, so a browser outbox can honour it', async () => {
    const response = await fetch(`${h.url}/v1/events`, {
      method: 'POST',
      headers: {
        origin: 'https://app.example',
        authorization: `Bearer ${TEST_TOKEN}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(makeEvents(1)),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(response.headers.get('access-control-expose-headers')).toBe('Retry-After');
  });

  it('sends no CORS headers to other origins', async () => {
    const response = await h.post(makeEvents(1));
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const other = await fetch(`${h.url}/v1/events`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.status).toBe(401);
  });
});
