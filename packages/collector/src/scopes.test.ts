import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IngestResponse } from './server.ts';
import { makeEvents } from './testing/events.ts';
import { startHarness, type Harness } from './testing/harness.ts';
import type { TokenGrant } from './tokens.ts';

const BROWSER = 'browser-token-0123456789abcdef0123456789';
const EXPORT = 'export-token-0123456789abcdef01234567890';
const TAX_READER = 'tax-reader-token-0123456789abcdef0123456';
const grants: TokenGrant[] = [
  { name: 'browser', token: BROWSER, scopes: ['ingest'], procedures: ['housing-benefit.*'] },
  { name: 'export', token: EXPORT, scopes: ['read'] },
  { name: 'tax', token: TAX_READER, scopes: ['read'], procedures: ['tax.*'] },
];

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ grants });
});
afterEach(async () => {
  await h.stop();
});

const get = (path: string, token: string) =>
  fetch(`${h.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

describe('scoped tokens', () => {
  it('let an ingest-only token write but not export events or checkpoints (403)', async () => {
    const events = makeEvents(3);
    const posted = await h.post(events, { token: BROWSER });
    expect(posted.status).toBe(200);
    for (const path of ['/v1/events', '/v1/checkpoints']) {
      const response = await get(path, BROWSER);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        error: 'forbidden',
        message: `this token lacks the read scope needed for GET ${path}; use a token whose "scopes" include "read"`,
      });
    }
  });

  it('let a read token export but not write (403)', async () => {
    const events = makeEvents(2);
    await h.post(events, { token: BROWSER });
    expect((await h.exportEvents('', EXPORT)).map((event) => event.id)).toEqual(
      events.map((event) => event.id),
    );
    const refused = await h.post(makeEvents(1), { token: EXPORT });
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toMatch(/lacks the ingest scope needed for POST \/v1\/events/);
    expect(h.store.count()).toBe(2);
  });

  it('still answer 401 to a missing or unknown token', async () => {
    expect((await h.post(makeEvents(1), { token: null })).status).toBe(401);
    expect((await get('/v1/events', 'x'.repeat(40))).status).toBe(401);
  });

  it("refuse, per event, an event outside the token's procedures and store the rest (207)", async () => {
    const [good, foreign, alsoGood] = makeEvents(3);
    const outside = { ...foreign!, procedure: 'tax.audit' };
    const response = await h.post([good, outside, alsoGood], { token: BROWSER });
    expect(response.status).toBe(207);
    const answer = (await response.json()) as IngestResponse;
    expect(answer.stored).toEqual([good!.id, alsoGood!.id]);
    expect(answer.invalid).toEqual([
      {
        index: 1,
        id: outside.id,
        kind: 'forbidden',
        errors: ['procedure "tax.audit" is outside this token\'s procedures (housing-benefit.*)'],
      },
    ]);
  });

  it("export to a procedure-limited read token only that procedure's events", async () => {
    const housing = makeEvents(2);
    await h.post(housing, { token: BROWSER });
    const tax = makeEvents(2).map((event) => ({ ...event, procedure: 'tax.audit' }));
    h.store.insert(tax);
    expect((await h.exportEvents('', TAX_READER)).map((event) => event.id)).toEqual(
      tax.map((event) => event.id),
    );
  });

  it('log the token name, never the token', async () => {
    await h.post(makeEvents(1), { token: BROWSER });
    const line = h.logs.find((entry) => entry.msg === 'request' && entry.method === 'POST');
    expect(line).toMatchObject({ token: 'browser', status: 200 });
    expect(JSON.stringify(h.logs)).not.toContain(BROWSER);
  });
});
