import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliberateEvent } from '@deliberate/core';
import { openSqliteStore, SQLITE_SCHEMA_VERSION } from './sqlite-store.ts';
import { contentDigest } from './store.ts';
import { makeEvents } from './testing/events.ts';
import { startHarness } from './testing/harness.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'deliberate-store-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const ids = (events: Iterable<DeliberateEvent>) => [...events].map((event) => event.id);

describe('openSqliteStore', () => {
  it('runs in WAL mode with synchronous = FULL and records its schema version', () => {
    const file = path.join(dir, 'events.sqlite');
    const store = openSqliteStore(file);
    expect(store.durability()).toEqual({ journalMode: 'wal', synchronous: 2 });
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_SCHEMA_VERSION);
    db.close();
  });

  it('keeps acknowledged events across close and reopen', async () => {
    const h = await startHarness();
    const events = makeEvents(25);
    const response = await h.post(events);
    expect(response.status).toBe(200);
    const dbPath = h.dbPath;
    await h.collector.close();

    const reopened = openSqliteStore(dbPath);
    expect(reopened.count()).toBe(25);
    expect([...reopened.since(null)]).toEqual(events);
    reopened.close();
    rmSync(h.dir, { recursive: true, force: true });
  });

  it('reports stored, duplicate and conflicting ids per batch', () => {
    const store = openSqliteStore(path.join(dir, 'events.sqlite'));
    const [a, b, c] = makeEvents(3) as [DeliberateEvent, DeliberateEvent, DeliberateEvent];
    expect(store.insert([a, b])).toEqual({ stored: [a.id, b.id], duplicates: [], conflicts: [] });
    const changed = { ...b, caseRef: 'changed' };
    expect(store.insert([c, a, changed, c])).toEqual({
      stored: [c.id],
      duplicates: [a.id, c.id],
      conflicts: [{ index: 2, id: b.id, digest: contentDigest(changed), storedDigest: contentDigest(b) }],
    });
    expect(store.count()).toBe(3);
    store.close();
  });

  it('stores nothing of a batch when one insert fails', () => {
    const store = openSqliteStore(path.join(dir, 'events.sqlite'));
    const [a, b] = makeEvents(2) as [DeliberateEvent, DeliberateEvent];
    const broken = { ...b, ts: undefined } as unknown as DeliberateEvent; // NOT NULL column
    expect(() => store.insert([a, broken])).toThrow();
    expect(store.count()).toBe(0);
    store.close();
  });

  it('pages through many events with one timestamp without skipping or repeating any', () => {
    const store = openSqliteStore(path.join(dir, 'events.sqlite'));
    const events = makeEvents(1234, { stepMs: 0 });
    store.insert(events);
    expect(ids(store.since(null))).toEqual(ids(events));
    expect(ids(store.since(null, { limit: 501 }))).toEqual(ids(events.slice(0, 501)));
    expect(ids(store.since(events[0]!.ts))).toEqual([]);
    store.close();
  });

  it('uses the (chain, seq) index for the export in chain order', () => {
    const file = path.join(dir, 'events.sqlite');
    openSqliteStore(file).close();
    const db = new Database(file, { readonly: true });
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT received_seq, chain, seq, json FROM events
         WHERE (chain, seq, received_seq) > (?, ?, ?) AND ts > ? ORDER BY chain, seq, received_seq LIMIT 10`,
      )
      .all('', -1, 0, '') as { detail: string }[];
    const detail = plan.map((row) => row.detail).join('\n');
    expect(detail).toMatch(/USING INDEX events_chain/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
    db.close();
  });

  it('migrates a schema 1 database to schema 2 (checkpoints) and keeps its events', () => {
    const file = path.join(dir, 'v1.sqlite');
    const store = openSqliteStore(file);
    const events = makeEvents(3);
    store.insert(events);
    store.close();
    // Turn it back into what a schema 1 collector left behind.
    const db = new Database(file);
    db.exec('DROP TABLE checkpoints');
    db.pragma('user_version = 1');
    db.close();
    const migrated = openSqliteStore(file);
    expect(ids(migrated.since(null))).toEqual(ids(events));
    expect(migrated.changedHeads().heads).toEqual([
      { chain: events[0]!.chain, seq: 2, hash: events[2]!.hash },
    ]);
    migrated.close();
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(2);
    check.close();
  });

  it('refuses to update or delete stored events', () => {
    const file = path.join(dir, 'events.sqlite');
    const store = openSqliteStore(file);
    store.insert(makeEvents(2));
    store.close();
    const db = new Database(file);
    expect(() => db.prepare("UPDATE events SET json = '{}'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 2 });
    db.close();
  });

  it('refuses a database written by a newer schema', () => {
    const file = path.join(dir, 'events.sqlite');
    openSqliteStore(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${SQLITE_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openSqliteStore(file)).toThrow(/newer collector/);
  });

  it('refuses a database with a foreign events table', () => {
    const file = path.join(dir, 'other.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE events (x)');
    db.close();
    expect(() => openSqliteStore(file)).toThrow(/did not create/);
  });

  it('fails clearly when the directory does not exist', () => {
    expect(() => openSqliteStore(path.join(dir, 'missing', 'events.sqlite'))).toThrow(
      /unable to open database file|directory does not exist/,
    );
  });

  it('tolerates close() twice', () => {
    const store = openSqliteStore(path.join(dir, 'events.sqlite'));
    store.close();
    expect(() => store.close()).not.toThrow();
  });
});
