import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliberateEvent } from '@deliberate/core';
import { generateSigningKey } from './keys.ts';
import { migrateCommand } from './pg/admin.ts';
import { PG_SCHEMA_VERSION } from './pg/schema.ts';
import { openPostgresStore, type PostgresEventStore } from './pg/store.ts';
import { contentDigest, serializeEvent, StoreUnavailableError } from './store.ts';
import { makeEvents } from './testing/events.ts';
import { useTestPostgres } from './testing/pg.ts';

/*
 * What only the PostgreSQL store has to show: append-only enforced by the database (triggers for
 * the owner, privileges for the collector's role), one signer among several instances, chains
 * committed late, and outages reported as outages.
 */

const postgres = useTestPostgres();

const opened: PostgresEventStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});
async function open(url: string): Promise<PostgresEventStore> {
  const store = await openPostgresStore(url);
  opened.push(store);
  return store;
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let roles = 0;
/** A fresh database migrated by the superuser, and an app role granted by `migrate --app-role`. */
async function withAppRole() {
  const { url, name } = await postgres.freshDatabase();
  const role = `collector_${process.pid}_${++roles}`;
  await postgres.sql(`CREATE ROLE ${role} LOGIN`);
  const output = await migrateCommand(['--db', url, '--app-role', role], {});
  return { url, name, role, output, appUrl: postgres.cluster.urlFor({ database: name, user: role }) };
}

describe('migrations', () => {
  it('create the schema in an empty database, record version 1, and do nothing when run again', async () => {
    const { url } = await postgres.freshDatabase();
    expect(await migrateCommand(['--db', url], {})).toBe(
      `applied migration 1; schema is at version ${PG_SCHEMA_VERSION}\n`,
    );
    expect(await migrateCommand(['--db', url], {})).toBe(
      `schema already at version ${PG_SCHEMA_VERSION}; nothing to migrate\n`,
    );
    const rows = await withClient(url, async (client) => {
      const versions = await client.query('SELECT version FROM deliberate_schema_migrations');
      const columns = await client.query<{ column_name: string; data_type: string }>(
        `SELECT column_name, data_type FROM information_schema.columns
         WHERE table_name = 'deliberate_events' ORDER BY ordinal_position`,
      );
      return { versions: versions.rows, columns: columns.rows };
    });
    expect(rows.versions).toEqual([{ version: 1 }]);
    expect(rows.columns).toEqual(
      expect.arrayContaining([
        { column_name: 'received_seq', data_type: 'bigint' },
        { column_name: 'id', data_type: 'text' },
        { column_name: 'seq', data_type: 'bigint' },
        { column_name: 'digest', data_type: 'text' },
        { column_name: 'event_json', data_type: 'text' },
      ]),
    );
  });

  it('refuse a database whose tables no migration created', async () => {
    const { url } = await postgres.freshDatabase();
    await withClient(url, (client) => client.query('CREATE TABLE deliberate_events (x int)'));
    await expect(migrateCommand(['--db', url], {})).rejects.toThrow(/no collector migration created/);
  });

  it('store the event text exactly as serializeEvent writes it, with its digest', async () => {
    const { url } = await postgres.freshDatabase();
    const store = await open(url);
    const [event] = makeEvents(1) as [DeliberateEvent];
    await store.insert([event]);
    const [row] = await withClient(
      url,
      async (client) =>
        (await client.query('SELECT id, chain, seq, digest, event_json, procedure FROM deliberate_events'))
          .rows,
    );
    expect(row).toEqual({
      id: event.id,
      chain: event.chain,
      seq: String(event.seq),
      digest: contentDigest(event),
      event_json: serializeEvent(event),
      procedure: event.procedure,
    });
  });
});

describe('append-only in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE to the owner by trigger', async () => {
    const { url } = await postgres.freshDatabase();
    const store = await open(url);
    await store.insert(makeEvents(2));
    const signer = generateSigningKey().signer;
    const { heads, mark } = await store.changedHeads();
    await store.appendCheckpoints(
      heads.map((head) => signer.checkpoint(head)),
      mark,
    );
    await withClient(url, async (client) => {
      await expect(client.query("UPDATE deliberate_events SET event_json = '{}'")).rejects.toThrow(
        /deliberate_events is append-only: UPDATE refused/,
      );
      await expect(client.query('DELETE FROM deliberate_events')).rejects.toThrow(
        /append-only: DELETE refused/,
      );
      await expect(client.query('TRUNCATE deliberate_events')).rejects.toThrow(
        /append-only: TRUNCATE refused/,
      );
      await expect(client.query('UPDATE deliberate_checkpoints SET seq = 9')).rejects.toThrow(
        /deliberate_checkpoints is append-only/,
      );
      await expect(client.query('DELETE FROM deliberate_checkpoints')).rejects.toThrow(/append-only/);
      // The retention switch does not open recent events, nor checkpoints.
      await client.query('BEGIN');
      await client.query("SET LOCAL deliberate.retention = 'on'");
      await expect(client.query('DELETE FROM deliberate_events')).rejects.toThrow(
        /append-only: DELETE refused/,
      );
      await client.query('ROLLBACK');
      const counts = await client.query(
        'SELECT (SELECT count(*) FROM deliberate_events)::int AS e, (SELECT count(*) FROM deliberate_checkpoints)::int AS c',
      );
      expect(counts.rows).toEqual([{ e: 2, c: 1 }]);
    });
  });

  it('gives the app role SELECT and INSERT only: UPDATE and DELETE are permission denied', async () => {
    const { appUrl, role, output } = await withAppRole();
    expect(output).toContain(`granted ${role} SELECT and INSERT`);
    const store = await open(appUrl);
    const events = makeEvents(3);
    expect((await store.insert(events)).stored).toHaveLength(3);
    await withClient(appUrl, async (client) => {
      for (const statement of [
        "UPDATE deliberate_events SET event_json = '{}'",
        'DELETE FROM deliberate_events',
        'TRUNCATE deliberate_events',
        'DELETE FROM deliberate_checkpoints',
        'DELETE FROM deliberate_schema_migrations',
      ]) {
        await expect(client.query(statement), statement).rejects.toMatchObject({
          code: '42501',
          message: expect.stringMatching(/permission denied/),
        });
      }
    });
    expect(await store.count()).toBe(3);
  });

  it('refuses to grant to the owner itself or to a role that does not exist', async () => {
    const { url } = await postgres.freshDatabase();
    await expect(migrateCommand(['--db', url, '--app-role', 'postgres'], {})).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/is the role running the migration/),
    });
    await expect(migrateCommand(['--db', url, '--app-role', 'nobody_here'], {})).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/role nobody_here does not exist: create it first/),
    });
  });

  it('lets an app role open a current schema, and stops it with "run deliberate-collector migrate" when behind', async () => {
    const { appUrl } = await withAppRole();
    const store = await openPostgresStore(appUrl);
    await store.close();
    // An app role on a database nobody migrated yet: it may not create tables.
    const { name } = await postgres.freshDatabase();
    const role = `collector_${process.pid}_${++roles}`;
    await postgres.sql(`CREATE ROLE ${role} LOGIN`);
    await expect(openPostgresStore(postgres.cluster.urlFor({ database: name, user: role }))).rejects.toThrow(
      /schema is at version 0, this collector needs 1, and this role may not change it: run deliberate-collector migrate/,
    );
    expect(await postgres.sql("SELECT to_regclass('deliberate_events') AS t", [], name)).toEqual([
      { t: null },
    ]);
  });
});

describe('checkpoints with several instances', () => {
  it('let one instance sign at a time: the other skips the round, then finds nothing left', async () => {
    const { url } = await postgres.freshDatabase();
    const [a, b] = [await open(url), await open(url)];
    const signer = generateSigningKey().signer;
    await a.insert(makeEvents(3, { chain: 'shared' }));
    const roundA = await a.changedHeads();
    expect(roundA.heads.map((head) => head.seq)).toEqual([2]);
    // b asks while a holds the lock.
    const roundB = await b.changedHeads();
    expect(roundB.heads).toEqual([]);
    await b.appendCheckpoints([], roundB.mark);
    await a.appendCheckpoints(
      roundA.heads.map((head) => signer.checkpoint(head)),
      roundA.mark,
    );
    const again = await b.changedHeads();
    expect(again.heads).toEqual([]);
    await b.appendCheckpoints([], again.mark);
    const all: unknown[] = [];
    for await (const checkpoint of b.checkpoints({ all: true })) all.push(checkpoint);
    expect(all).toHaveLength(1);
  });

  it('cover a chain whose transaction committed after a later one was examined', async () => {
    const { url } = await postgres.freshDatabase();
    const store = await open(url);
    const signer = generateSigningKey().signer;
    const round = async () => {
      const { heads, mark } = await store.changedHeads();
      await store.appendCheckpoints(
        heads.map((head) => signer.checkpoint(head)),
        mark,
      );
      return heads.map(({ chain, seq }) => [chain, seq]);
    };
    const [slow] = makeEvents(1, { chain: 'slow' }) as [DeliberateEvent];
    // Another collector's transaction draws its received_seq first and commits last.
    const late = new pg.Client({ connectionString: url });
    await late.connect();
    await late.query('BEGIN');
    await late.query(
      `INSERT INTO deliberate_events (id, ts, type, decision_id, procedure, chain, seq, hash, digest, event_json)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        slow.id,
        slow.ts,
        slow.type,
        slow.decisionId,
        slow.procedure,
        slow.chain,
        slow.seq,
        slow.hash,
        contentDigest(slow),
        serializeEvent(slow),
      ],
    );
    await store.insert(makeEvents(2, { chain: 'fast' }));
    expect(await round()).toEqual([['fast', 1]]);
    await late.query('COMMIT');
    await late.end();
    expect(await round()).toEqual([['slow', 0]]);
  });
});

describe('outages', () => {
  it('are StoreUnavailableError while the server is down, and the pool recovers when it is back', async () => {
    const { url } = await postgres.freshDatabase();
    const store = await open(url);
    const acknowledged: string[] = [];
    const attempt = async () => {
      const events = makeEvents(1);
      try {
        acknowledged.push(...(await store.insert(events)).stored);
        return 'stored';
      } catch (error) {
        return error instanceof StoreUnavailableError &&
          /^the PostgreSQL store is unavailable: /.test(error.message)
          ? 'unavailable'
          : String(error);
      }
    };
    expect(await attempt()).toBe('stored');
    postgres.cluster.crash();
    // Backends notice the dead postmaster within moments; until then they may still answer.
    await expect.poll(attempt, { timeout: 10_000, interval: 100 }).toBe('unavailable');
    postgres.cluster.start();
    await expect.poll(attempt, { timeout: 15_000, interval: 200 }).toBe('stored');
    const stored: string[] = [];
    for await (const event of store.since(null)) stored.push(event.id);
    expect(stored.sort()).toEqual([...acknowledged].sort());
  }, 40_000);
});
