import Database from 'better-sqlite3';
import type { DeliberateEvent } from '@deliberate/core';
import { CHECKPOINT_SCHEMA_SQL, sqliteCheckpoints } from './sqlite-checkpoints.ts';
import {
  contentDigest,
  serializeEvent,
  StoreUnavailableError,
  type CheckpointStore,
  type EventStore,
  type InsertConflict,
  type InsertResult,
  type SinceOptions,
  type CheckpointQuery,
} from './store.ts';
import type { ChainCheckpoint, ChainHead } from '@deliberate/core/events';

/**
 * The schema version this code writes, kept in SQLite's `user_version`. 1: events; 2: adds the
 * append-only `checkpoints` table (a version 1 file is migrated on open).
 */
export const SQLITE_SCHEMA_VERSION = 2;

/*
 * `received_seq` is an explicit INTEGER PRIMARY KEY (an alias of the rowid) rather than the
 * implicit rowid: VACUUM may renumber implicit rowids, and the received order is part of what the
 * export promises. AUTOINCREMENT keeps it from ever being reused. `id` is the idempotency key.
 * `json` is the event as received; the other columns are copies of its fields, for filtering.
 * Triggers make the table append-only, so that no code path (ours or a hurried operator's) edits
 * evidence by accident; deleting after a retention period means dropping the trigger on purpose.
 */
const SCHEMA = `
CREATE TABLE events (
  received_seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id           TEXT    NOT NULL UNIQUE,
  ts           TEXT    NOT NULL,
  type         TEXT    NOT NULL,
  decision_id  TEXT    NOT NULL,
  chain        TEXT    NOT NULL,
  seq          INTEGER NOT NULL,
  received_at  TEXT    NOT NULL,
  json         TEXT    NOT NULL
);
CREATE INDEX events_ts ON events (ts, received_seq);
CREATE INDEX events_decision ON events (decision_id, ts, received_seq);
CREATE INDEX events_chain ON events (chain, seq);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'deliberate events are append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'deliberate events are append-only; drop this trigger deliberately to apply a retention policy'); END;
`;

/** Rows per page of {@link SqliteEventStore.since}; large enough to amortise the query. */
const PAGE_SIZE = 500;

/** The SQLite store: {@link EventStore} and {@link CheckpointStore} with synchronous answers. */
export interface SqliteEventStore extends EventStore, CheckpointStore {
  insert(events: readonly DeliberateEvent[]): InsertResult;
  since(ts: string | null, options?: SinceOptions): Iterable<DeliberateEvent>;
  changedHeads(): { heads: ChainHead[]; mark: number };
  appendCheckpoints(checkpoints: readonly ChainCheckpoint[], mark: number): void;
  checkpoints(query?: CheckpointQuery): Iterable<ChainCheckpoint>;
  count(): number;
  close(): void;
  /** The database file. */
  readonly path: string;
  /**
   * The settings that make an acknowledgement mean "on disk", as SQLite reports them for this
   * connection: `journalMode` `'wal'` and `synchronous` 2 (FULL).
   */
  durability(): { journalMode: string; synchronous: number };
}

interface SinceRow {
  received_seq: number;
  chain: string;
  seq: number;
  json: string;
}

/*
 * SQLite result codes that mean "the store cannot store anything now" rather than "this event
 * cannot be stored": full disk, I/O errors, locks, a read-only or missing file, corruption.
 */
const UNAVAILABLE =
  /^SQLITE_(?:FULL|IOERR|BUSY|LOCKED|READONLY|CANTOPEN|NOMEM|CORRUPT|NOTADB|PROTOCOL|INTERRUPT|PERM|AUTH|NOLFS)/;

/** `error` as a {@link StoreUnavailableError} when it is an outage, else unchanged. */
function classify(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const closed = error instanceof TypeError && /database connection is not open/.test(error.message);
  if ((typeof code === 'string' && UNAVAILABLE.test(code)) || closed) {
    return new StoreUnavailableError(`the SQLite store is unavailable: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return error;
}

/**
 * Opens (and on first use creates) a SQLite event store. The database runs in WAL mode with
 * `synchronous = FULL`, so when {@link SqliteEventStore.insert} returns, the transaction is on
 * disk: an acknowledged event survives a crash or power loss. Throws a readable error if the file
 * cannot be opened or was written by a newer schema.
 *
 * @example
 * const store = openSqliteStore('./deliberate.sqlite');
 * const { stored, duplicates, conflicts } = store.insert(events);
 * for (const event of store.since('2026-11-22T00:00:00.000Z')) console.log(event.id);
 * store.close();
 */
export function openSqliteStore(path: string): SqliteEventStore {
  const db = new Database(path);
  try {
    // WAL lets exports read while a batch is written; FULL fsyncs the WAL on every commit (NORMAL
    // would only fsync at checkpoints and can lose the last acknowledged batches on power loss).
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (path !== ':memory:' && mode !== 'wal')
      throw new Error(`could not switch ${path} to WAL mode (got ${String(mode)})`);
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }

  const insertStatement = db.prepare<[string, string, string, string, string, number, string, string]>(
    `INSERT INTO events (id, ts, type, decision_id, chain, seq, received_at, json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );
  const jsonStatement = db.prepare<[string], { json: string }>('SELECT json FROM events WHERE id = ?');
  const countStatement = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM events');

  // One transaction per batch: one fsync instead of one per event, and all-or-nothing.
  const insertBatch = db.transaction((events: readonly DeliberateEvent[]): InsertResult => {
    const receivedAt = new Date().toISOString();
    const result: InsertResult = { stored: [], duplicates: [], conflicts: [] };
    events.forEach((event, index) => {
      const json = serializeEvent(event);
      const info = insertStatement.run(
        event.id,
        event.ts,
        event.type,
        event.decisionId,
        event.chain,
        event.seq,
        receivedAt,
        json,
      );
      if (info.changes === 1) {
        result.stored.push(event.id);
        return;
      }
      // The id is taken. Canonical comparison only here, on the rare retry path: a retry usually
      // carries the very same text, and canonicalising every event up front would cost about a
      // fifth of the ingest time.
      const stored = jsonStatement.get(event.id)?.json ?? 'null';
      if (stored === json) {
        result.duplicates.push(event.id);
        return;
      }
      const digest = contentDigest(event);
      const storedDigest = contentDigest(JSON.parse(stored) as DeliberateEvent);
      if (digest === storedDigest) result.duplicates.push(event.id);
      else {
        const conflict: InsertConflict = { index, id: event.id, digest, storedDigest };
        result.conflicts.push(conflict);
      }
    });
    return result;
  });

  // Keyset pagination over (chain, seq, received_seq), the chain order `deliberate verify` reads:
  // each page is read completely before anything is yielded, so no SQLite cursor stays open while
  // the HTTP client is slow. (better-sqlite3 refuses other statements on a connection with an
  // open iterator, which would block ingest.)
  const pageStatements = new Map<string, Database.Statement<Record<string, string | number>, SinceRow>>();
  function pageStatement(
    options: SinceOptions,
  ): Database.Statement<Record<string, string | number>, SinceRow> {
    const key = `${options.decisionId === undefined ? '' : 'd'}${options.chain === undefined ? '' : 'c'}`;
    let statement = pageStatements.get(key);
    if (!statement) {
      const filters = [
        options.decisionId === undefined ? '' : 'AND decision_id = @decisionId',
        options.chain === undefined ? '' : 'AND chain = @chain',
      ].join(' ');
      statement = db.prepare<Record<string, string | number>, SinceRow>(
        `SELECT received_seq, chain, seq, json FROM events
         WHERE (chain, seq, received_seq) > (@afterChain, @afterSeq, @afterReceived) AND ts > @ts ${filters}
         ORDER BY chain, seq, received_seq LIMIT @limit`,
      );
      pageStatements.set(key, statement);
    }
    return statement;
  }

  function* since(ts: string | null, options: SinceOptions = {}): Generator<DeliberateEvent> {
    // Chains are non-empty strings, so ('', -1, 0) is before every row; '' sorts before every ts.
    let cursor = { chain: '', seq: -1, received: 0 };
    let remaining = options.limit ?? Number.POSITIVE_INFINITY;
    const statement = pageStatement(options);
    while (remaining > 0) {
      const limit = Math.min(PAGE_SIZE, remaining);
      const params: Record<string, string | number> = {
        afterChain: cursor.chain,
        afterSeq: cursor.seq,
        afterReceived: cursor.received,
        ts: ts ?? '',
        limit,
      };
      if (options.decisionId !== undefined) params['decisionId'] = options.decisionId;
      if (options.chain !== undefined) params['chain'] = options.chain;
      const rows = statement.all(params);
      for (const row of rows) yield JSON.parse(row.json) as DeliberateEvent;
      const last = rows.at(-1);
      if (!last || rows.length < limit) return;
      cursor = { chain: last.chain, seq: last.seq, received: last.received_seq };
      remaining -= rows.length;
    }
  }

  const checkpointMethods = sqliteCheckpoints(db);

  return {
    path,
    durability: () => ({
      journalMode: String(db.pragma('journal_mode', { simple: true })),
      synchronous: Number(db.pragma('synchronous', { simple: true })),
    }),
    insert: (events) => {
      try {
        return insertBatch.immediate(events);
      } catch (error) {
        throw classify(error);
      }
    },
    since,
    changedHeads: () => {
      try {
        return checkpointMethods.changedHeads();
      } catch (error) {
        throw classify(error);
      }
    },
    appendCheckpoints: (checkpoints, mark) => checkpointMethods.appendCheckpoints(checkpoints, mark),
    checkpoints: (query) => checkpointMethods.checkpoints(query),
    count: () => countStatement.get()?.n ?? 0,
    close: () => {
      if (db.open) db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === SQLITE_SCHEMA_VERSION) return;
  if (version > SQLITE_SCHEMA_VERSION) {
    throw new Error(
      `the database was written by a newer collector (schema ${version}, this one knows ${SQLITE_SCHEMA_VERSION}); refusing to touch it`,
    );
  }
  if (version === 0) {
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all();
    if (tables.some((table) => table.name === 'events' || table.name === 'checkpoints')) {
      throw new Error(
        'the database has an "events" or "checkpoints" table that this collector did not create; use a separate file',
      );
    }
  }
  db.transaction(() => {
    if (version < 1) db.exec(SCHEMA);
    if (version < 2) db.exec(CHECKPOINT_SCHEMA_SQL);
    db.pragma(`user_version = ${SQLITE_SCHEMA_VERSION}`);
  }).immediate();
}
