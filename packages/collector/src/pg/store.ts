import pg from 'pg';
import type { DeliberateEvent } from '@deliberate/core';
import type { ChainCheckpoint, ChainHead } from '@deliberate/core/events';
import {
  contentDigest,
  serializeEvent,
  StoreUnavailableError,
  type CheckpointQuery,
  type CheckpointStore,
  type EventStore,
  type InsertResult,
  type SinceOptions,
} from '../store.ts';
import { pgCheckpoints } from './checkpoints.ts';
import { classifyPgError, RETRYABLE_SQLSTATES } from './errors.ts';
import {
  ensureSchema,
  PG_SCHEMA_VERSION,
  SchemaAheadError,
  SchemaBehindError,
  schemaVersion,
} from './schema.ts';

/** Options of {@link openPostgresStore}. */
export interface PostgresStoreOptions {
  /**
   * The password, when the URL has none (the CLI takes it from `DELIBERATE_DB_PASSWORD`, else
   * `PGPASSWORD`). Never logged.
   */
  password?: string;
  /** Connections in the pool. @default 10 */
  poolSize?: number;
  /**
   * `'auto'` (default): migrate the schema when this role may, else check it and throw
   * {@link SchemaBehindError} when it is behind. `'check'`: never migrate.
   */
  migrate?: 'auto' | 'check';
  /** Called with errors of idle pooled connections (e.g. the server restarted). */
  onError?: (error: Error) => void;
}

/** The PostgreSQL store: {@link EventStore} and {@link CheckpointStore}, asynchronous. */
export interface PostgresEventStore extends EventStore, CheckpointStore {
  insert(events: readonly DeliberateEvent[]): Promise<InsertResult>;
  since(ts: string | null, options?: SinceOptions): AsyncIterable<DeliberateEvent>;
  changedHeads(): Promise<{ heads: ChainHead[]; mark: number }>;
  appendCheckpoints(checkpoints: readonly ChainCheckpoint[], mark: number): Promise<void>;
  checkpoints(query?: CheckpointQuery): AsyncIterable<ChainCheckpoint>;
  count(): Promise<number>;
  close(): Promise<void>;
  /** The pool, for administrative queries in tests and tools. */
  readonly pool: pg.Pool;
}

/** Rows per page of {@link PostgresEventStore.since}. */
const PAGE_SIZE = 1000;
/** Attempts of a batch that lost a serialization or deadlock race before it counts as an outage. */
const ATTEMPTS = 5;

/** `url` with `password` set, for the driver only (never printed). */
function withPassword(url: string, password: string | undefined): string {
  if (password === undefined || password === '') return url;
  const parsed = new URL(url);
  if (parsed.password !== '') return url;
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

const INSERT = `
INSERT INTO deliberate_events (id, ts, type, decision_id, procedure, chain, seq, hash, digest, event_json)
SELECT id, ts, type, decision_id, procedure, chain, seq, hash, digest, event_json
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[],
            $8::text[], $9::text[], $10::text[])
     WITH ORDINALITY AS t(id, ts, type, decision_id, procedure, chain, seq, hash, digest, event_json, n)
ORDER BY n
ON CONFLICT (id) DO NOTHING
RETURNING id`;
/** Names of the prepared statements (per connection; the version keeps them apart across schemas). */
const INSERT_STATEMENT = `deliberate_insert_v${PG_SCHEMA_VERSION}`;
const DIGESTS_STATEMENT = `deliberate_digests_v${PG_SCHEMA_VERSION}`;

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : value === undefined || value === null ? null : String(value);
}

/**
 * Opens a PostgreSQL store over a connection pool, and brings the schema up to date (or checks
 * it; see {@link PostgresStoreOptions.migrate}). An insert is one transaction: when it resolves,
 * PostgreSQL has committed it (with the server's `synchronous_commit`, `on` by default: on disk,
 * and on synchronous standbys if configured).
 *
 * @example
 * const store = await openPostgresStore('postgres://deliberate_collector@db:5432/deliberate', {
 *   password: process.env.DELIBERATE_DB_PASSWORD,
 * });
 * await store.insert(events);
 * for await (const event of store.since(null)) console.log(event.id);
 * await store.close();
 */
export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<PostgresEventStore> {
  const pool = new pg.Pool({
    connectionString: withPassword(url, options.password),
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
    application_name: 'deliberate-collector',
  });
  pool.on('error', (error) => options.onError?.(error));
  // A connection that dies while checked out also emits 'error' on its client; the query that
  // was running rejects anyway, so this listener only keeps the process from crashing.
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    const client = await pool.connect();
    try {
      if (options.migrate === 'check') {
        const version = await schemaVersion(client);
        if (version < PG_SCHEMA_VERSION) throw new SchemaBehindError(version);
        if (version > PG_SCHEMA_VERSION) throw new SchemaAheadError(version);
      } else await ensureSchema(client);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }

  let closed = false;
  const checkpointMethods = pgCheckpoints(pool);

  /**
   * One batch in one round trip: the INSERT is a single statement, so it is its own transaction
   * (atomic, and durable when it returns: PostgreSQL answers after the commit record is flushed,
   * with `synchronous_commit` on). No BEGIN/COMMIT round trips; a named statement is parsed and
   * planned once per connection. Only when some ids were not inserted does a second query read
   * their stored digests: those rows are committed (ON CONFLICT waits for a concurrent insert of
   * the same id to finish) and never change, so a fresh read after the commit sees them.
   */
  async function insertOnce(events: readonly DeliberateEvent[], digests: string[]): Promise<InsertResult> {
    const n = events.length;
    const columns = {
      id: new Array<string | null>(n),
      ts: new Array<string | null>(n),
      type: new Array<string | null>(n),
      decisionId: new Array<string | null>(n),
      procedure: new Array<string | null>(n),
      chain: new Array<string | null>(n),
      seq: new Array<unknown>(n),
      hash: new Array<string | null>(n),
      json: new Array<string>(n),
    };
    for (let i = 0; i < n; i++) {
      const event = events[i] as DeliberateEvent;
      columns.id[i] = str(event.id);
      columns.ts[i] = str(event.ts);
      columns.type[i] = str(event.type);
      columns.decisionId[i] = str(event.decisionId);
      columns.procedure[i] = str(event.procedure);
      columns.chain[i] = str(event.chain);
      columns.seq[i] = event.seq;
      columns.hash[i] = str(event.hash);
      columns.json[i] = serializeEvent(event);
    }
    const inserted = await pool.query<{ id: string }>({
      name: INSERT_STATEMENT,
      text: INSERT,
      values: [
        columns.id,
        columns.ts,
        columns.type,
        columns.decisionId,
        columns.procedure,
        columns.chain,
        columns.seq,
        columns.hash,
        digests,
        columns.json,
      ],
    });
    const fresh = new Set(inserted.rows.map((row) => row.id));
    const result: InsertResult = { stored: [], duplicates: [], conflicts: [] };
    const taken: number[] = [];
    for (let index = 0; index < n; index++) {
      const id = (events[index] as DeliberateEvent).id;
      if (fresh.delete(id)) result.stored.push(id);
      else taken.push(index);
    }
    if (taken.length === 0) return result;
    const takenIds = taken.map((index) => (events[index] as DeliberateEvent).id);
    const byId = await storedDigests([...new Set(takenIds)]);
    for (const [k, index] of taken.entries()) {
      const id = takenIds[k] as string;
      const digest = digests[index] ?? '';
      const storedDigest = byId.get(id);
      if (storedDigest === undefined) throw new Error(`event ${id} was neither stored nor found`);
      if (storedDigest === digest) result.duplicates.push(id);
      else result.conflicts.push({ index, id, digest, storedDigest });
    }
    return result;
  }

  /**
   * The stored digests of `ids`. Runs after the INSERT committed, so a failure here would make the
   * caller answer 503 for a batch whose new events are stored (the resend reports them as
   * duplicates, nothing is lost or doubled); a read is retried a few times before that.
   */
  async function storedDigests(ids: string[]): Promise<Map<string, string>> {
    for (let attempt = 1; ; attempt++) {
      try {
        const { rows } = await pool.query<{ id: string; digest: string }>({
          name: DIGESTS_STATEMENT,
          text: 'SELECT id, digest FROM deliberate_events WHERE id = ANY($1::text[])',
          values: [ids],
        });
        return new Map(rows.map((row) => [row.id, row.digest]));
      } catch (error) {
        if (attempt >= ATTEMPTS || closed) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
      }
    }
  }

  async function insert(events: readonly DeliberateEvent[]): Promise<InsertResult> {
    if (closed) throw new StoreUnavailableError('the PostgreSQL store is closed');
    if (events.length === 0) return { stored: [], duplicates: [], conflicts: [] };
    const digests = events.map((event) => contentDigest(event));
    for (let attempt = 1; ; attempt++) {
      try {
        return await insertOnce(events, digests);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (attempt < ATTEMPTS && typeof code === 'string' && RETRYABLE_SQLSTATES.has(code)) {
          await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20 * attempt));
          continue;
        }
        throw classifyPgError(error);
      }
    }
  }

  async function* since(ts: string | null, options: SinceOptions = {}): AsyncGenerator<DeliberateEvent> {
    const filters: string[] = [];
    const extra: string[] = [];
    if (options.decisionId !== undefined) {
      extra.push(options.decisionId);
      filters.push(`AND decision_id = $${5 + extra.length}`);
    }
    if (options.chain !== undefined) {
      extra.push(options.chain);
      filters.push(`AND chain = $${5 + extra.length}`);
    }
    const text = `SELECT received_seq, chain, seq, event_json FROM deliberate_events
      WHERE (chain, seq, received_seq) > ($1, $2, $3) AND ts > $4 ${filters.join(' ')}
      ORDER BY chain, seq, received_seq LIMIT $5`;
    // Chains are non-empty, so ('', -1, 0) is before every row; '' is before every ts.
    let cursor: [string, string, string] = ['', '-1', '0'];
    let remaining = options.limit ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const limit = Math.min(PAGE_SIZE, remaining);
      let rows;
      try {
        ({ rows } = await pool.query<{
          received_seq: string;
          chain: string;
          seq: string;
          event_json: string;
        }>(text, [...cursor, ts ?? '', limit, ...extra]));
      } catch (error) {
        throw classifyPgError(error);
      }
      for (const row of rows) yield JSON.parse(row.event_json) as DeliberateEvent;
      const last = rows.at(-1);
      if (!last || rows.length < limit) return;
      cursor = [last.chain, last.seq, last.received_seq];
      remaining -= rows.length;
    }
  }

  return {
    pool,
    insert,
    since,
    async count() {
      try {
        const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM deliberate_events');
        return Number(rows[0]?.n ?? 0);
      } catch (error) {
        throw classifyPgError(error);
      }
    },
    changedHeads: () => checkpointMethods.changedHeads(),
    appendCheckpoints: (list, mark) => checkpointMethods.appendCheckpoints(list, mark),
    checkpoints: (query) => checkpointMethods.checkpoints(query),
    async close() {
      if (closed) return;
      closed = true;
      await checkpointMethods.release();
      await pool.end();
    },
  };
}
