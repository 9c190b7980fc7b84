import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliberateEvent } from '@deliberate/core';
import type { IngestResponse } from './server.ts';
import { makeEvents } from './testing/events.ts';
import { startHarness, type Harness } from './testing/harness.ts';

/*
 * One bad event must never block the others: limits are checked per event (the same rule as the
 * logger's), a store error for one event is isolated, and only a real outage answers 503.
 */

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const ids = (events: readonly DeliberateEvent[]) => events.map((event) => event.id);

describe('poison events', () => {
  it('refuse a 4,100-deep event and a lone surrogate alone, with path, and store the rest (207, not 503)', async () => {
    h = await startHarness();
    const events = makeEvents(6);
    const deep = `{${JSON.stringify(events[1]).slice(1, -1)},"ext":${'['.repeat(4100)}1${']'.repeat(4100)}}`;
    // A lone surrogate can only arrive as a JSON escape: UTF-8 cannot carry it.
    const surrogate = JSON.stringify(events[4]).replace(/"caseRef":"[^"]*"/, '"caseRef":"case-\\ud800"');
    const body = `[${[events[0], events[2], events[3], events[5]].map((e) => JSON.stringify(e)).join(',')},${deep},${surrogate}]`;
    const response = await h.post(body);
    expect(response.status).toBe(207);
    const answer = (await response.json()) as IngestResponse;
    expect(answer.stored).toEqual(ids([events[0]!, events[2]!, events[3]!, events[5]!]));
    expect(answer.invalid).toEqual([
      {
        index: 4,
        id: events[1]!.id,
        kind: 'limits',
        path: ['ext', ...Array.from({ length: 31 }, () => 0)],
        errors: [expect.stringMatching(/^ext(\[0\]){31}: nested deeper than 32 levels\.$/)],
      },
      {
        index: 5,
        id: events[4]!.id,
        kind: 'limits',
        path: ['caseRef'],
        errors: ['caseRef: the text contains a lone UTF-16 surrogate, which has no UTF-8 form.'],
      },
    ]);
    // The collector keeps serving.
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    expect(await h.exportEvents()).toHaveLength(4);
  });

  it('isolate an event the store throws for: that one invalid (kind store), the others stored', async () => {
    h = await startHarness();
    const events = makeEvents(5);
    const poisoned = events[2]!;
    const db = new Database(h.dbPath);
    db.exec(
      `CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.id = '${poisoned.id}'
       BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END`,
    );
    db.close();
    const response = await h.post(events);
    expect(response.status).toBe(207);
    const answer = (await response.json()) as IngestResponse;
    expect(answer.stored).toEqual(ids(events.filter((event) => event !== poisoned)));
    expect(answer.invalid).toEqual([
      {
        index: 2,
        id: poisoned.id,
        kind: 'store',
        errors: [
          "the store refused this event: refused by the test trigger; the batch's other events were stored",
        ],
      },
    ]);
    expect(h.store.count()).toBe(4);
  });

  it('answer 503 with Retry-After only when the store itself is unavailable', async () => {
    h = await startHarness();
    h.store.close();
    const response = await h.post(makeEvents(2));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toMatchObject({ error: 'storage_unavailable' });
  });

  it('store a 6,500-event batch completely, in slices', async () => {
    h = await startHarness({ maxBodyBytes: 20 * 1024 * 1024 });
    const events = makeEvents(6500);
    const response = await h.post(events);
    expect(response.status).toBe(200);
    expect(((await response.json()) as IngestResponse).stored).toHaveLength(6500);
    expect(h.store.count()).toBe(6500);
  });
});

describe('--require-pseudonyms', () => {
  it('refuses, per event, an actor id or case reference that is not a pseudonym', async () => {
    h = await startHarness({ requirePseudonyms: true });
    const pseudonym = `ps:${'0123456789abcdef'.repeat(2)}`;
    const [raw, good] = makeEvents(2);
    const pseudonymised = {
      ...good!,
      actor: { id: pseudonym, role: 'caseworker' },
      caseRef: `ps:${'ab'.repeat(16)}`,
    };
    const response = await h.post([raw, pseudonymised]);
    expect(response.status).toBe(207);
    const answer = (await response.json()) as IngestResponse;
    expect(answer.stored).toEqual([pseudonymised.id]);
    expect(answer.invalid).toEqual([
      {
        index: 0,
        id: raw!.id,
        kind: 'pseudonym',
        errors: [
          'actor.id: expected a pseudonym (ps: and 8–64 hex digits); this collector refuses raw identities',
          'caseRef: expected a pseudonym (ps: and 8–64 hex digits); this collector refuses raw identities',
        ],
      },
    ]);
  });
});
