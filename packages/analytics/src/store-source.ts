/*
 * Reading events straight from a collector's PostgreSQL store (`deliberate metrics --db`,
 * `deliberate export --db`): table `deliberate_events`, column `event_json` (the exact event JSON
 * the collector accepted), read in chain order (chain, seq) with keyset pagination inside one
 * REPEATABLE READ READ ONLY transaction — a consistent snapshot, never the whole table in memory.
 *
 * `pg` is imported dynamically here and only here, so that the engine and the dashboard (which
 * run in browsers) never pull it in.
 */
import type { ClientConfig } from 'pg';
import { LogInputError } from './errors.ts';

/** A bad `--db` value (the CLI turns it into exit code 2 with the usage). */
export class StoreOptionError extends RangeError {
  override name = 'StoreOptionError';
}

/** Where the events are and how to log in; `label` is the URL without any secret, for messages. */
export interface StoreConnection {
  url: string;
  password: string | undefined;
  label: string;
}

/** The collector's events table and its columns (packages/collector's PostgreSQL store). */
export const STORE_TABLE = 'deliberate_events';

/** Rows per page of the keyset pagination. */
export const STORE_PAGE_ROWS = 5000;

/**
 * Checks a `--db` URL and takes the password from the environment: `DELIBERATE_DB_PASSWORD`,
 * else `PGPASSWORD` (else `~/.pgpass`, read by `pg`). A password in the URL is refused: command
 * lines are visible to every user of the machine (`ps`) and end up in shell histories.
 *
 * @example
 * const connection = storeConnection('postgres://analyst@db.example/deliberate', process.env);
 */
export function storeConnection(url: string, env: NodeJS.ProcessEnv): StoreConnection {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StoreOptionError(`--db must be a URL postgres://USER@HOST[:PORT]/DATABASE, not "${url}".`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new StoreOptionError(
      `--db takes a PostgreSQL URL (postgres://USER@HOST[:PORT]/DATABASE), not "${parsed.protocol}//…". For a log file, pass the file instead of --db.`,
    );
  }
  if (parsed.password !== '' || parsed.searchParams.has('password')) {
    throw new StoreOptionError(
      'The database password must not be on the command line (other users see it in `ps`, shells keep it in their history). Remove it from the --db URL and set DELIBERATE_DB_PASSWORD (or PGPASSWORD) in the environment.',
    );
  }
  if (parsed.hostname === '' || parsed.pathname.length <= 1) {
    throw new StoreOptionError(
      `--db needs a host and a database: postgres://USER@HOST[:PORT]/DATABASE, not "${url}".`,
    );
  }
  const password = env['DELIBERATE_DB_PASSWORD'] ?? env['PGPASSWORD'];
  return { url, password: password === '' ? undefined : password, label: parsed.toString() };
}

interface PgError extends Error {
  code?: string;
}

/** A store error as a message that says what to do. */
function storeError(error: PgError, label: string): LogInputError {
  const code = error.code;
  const user = (() => {
    try {
      return decodeURIComponent(new URL(label).username) || 'the current user';
    } catch {
      return 'the current user';
    }
  })();
  if (code === '42P01') {
    return new LogInputError(
      `${label} has no table ${STORE_TABLE}: is it the database of a Deliberate collector (deliberate-collector --db postgres://…)? Check the database name and the schema (search_path).`,
    );
  }
  if (code === '42501') {
    return new LogInputError(
      `${label}: ${user} may not read ${STORE_TABLE} (${error.message}). Use the collector's read-only role or GRANT SELECT ON ${STORE_TABLE} TO ${user}.`,
    );
  }
  if (code === '28P01' || code === '28000') {
    return new LogInputError(
      `${label}: login refused for ${user} (${error.message}). Set the password in DELIBERATE_DB_PASSWORD (or PGPASSWORD).`,
    );
  }
  if (code === '3D000') return new LogInputError(`${label}: ${error.message}.`);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH') {
    return new LogInputError(`cannot connect to ${label}: ${error.message}.`);
  }
  return new LogInputError(`${label}: ${error.message}`);
}

/** Progress of a store read, in the shape of a file read's (`bytes`: event JSON read so far). */
export interface StoreProgress {
  bytes: number;
  total: undefined;
  lines: number;
}

/** Options of `readStoreEvents`. */
export interface StoreReadOptions {
  /** @default STORE_PAGE_ROWS */
  pageRows?: number | undefined;
  /** Called after each page. */
  onProgress?: ((progress: StoreProgress) => void) | undefined;
  /** Called once, before the first row, with the planner's estimate of the rows (0 when unknown). */
  onEstimate?: ((rows: number) => void) | undefined;
}

/**
 * Calls `onEvent` with the exact JSON text of every event of the store, in chain order (chain,
 * then seq), and returns how many there were. Reads pages of `pageRows` by keyset
 * (`(chain, seq) > last`), so memory stays at one page, inside one read-only snapshot.
 *
 * @example
 * await readStoreEvents(storeConnection(url, process.env), (json) => engine.pushLine(json));
 */
export async function readStoreEvents(
  connection: StoreConnection,
  onEvent: (json: string) => void | Promise<void>,
  options: StoreReadOptions = {},
): Promise<number> {
  const pageRows = options.pageRows ?? STORE_PAGE_ROWS;
  const { default: pg } = await import('pg');
  const config: ClientConfig = { connectionString: connection.url, application_name: 'deliberate-analytics' };
  const client = new pg.Client(config);
  // pg takes the password from the connection string when it parses one; set it afterwards.
  if (connection.password !== undefined) {
    (client as unknown as { password: string }).password = connection.password;
  }
  let rows = 0;
  let bytes = 0;
  try {
    await client.connect();
  } catch (error) {
    throw storeError(error as PgError, connection.label);
  }
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const estimate = await client.query<{ n: string | null }>(
      `SELECT reltuples::bigint AS n FROM pg_class WHERE oid = to_regclass($1)`,
      [STORE_TABLE],
    );
    options.onEstimate?.(Math.max(0, Number(estimate.rows[0]?.n ?? 0)));
    // seq goes back as text (a bigint may exceed 2^53); the output name differs from the column,
    // so that ORDER BY seq sorts the number, not its text.
    let last: [string, string] | null = null;
    for (;;) {
      const page: { rows: { chain: string; seq_text: string; event_json: string }[] } =
        last === null
          ? await client.query(
              `SELECT chain, seq::text AS seq_text, event_json FROM ${STORE_TABLE} ORDER BY chain, seq LIMIT $1`,
              [pageRows],
            )
          : await client.query(
              `SELECT chain, seq::text AS seq_text, event_json FROM ${STORE_TABLE}
               WHERE (chain, seq) > ($1, $2::bigint) ORDER BY chain, seq LIMIT $3`,
              [last[0], last[1], pageRows],
            );
      for (const row of page.rows) {
        rows++;
        bytes += row.event_json.length;
        const pending = onEvent(row.event_json);
        if (pending) await pending;
      }
      options.onProgress?.({ bytes, total: undefined, lines: rows });
      if (page.rows.length < pageRows) break;
      const end = page.rows[page.rows.length - 1]!;
      last = [end.chain, end.seq_text];
    }
    await client.query('COMMIT');
  } catch (error) {
    if (error instanceof LogInputError) throw error;
    throw storeError(error as PgError, connection.label);
  } finally {
    await client.end().catch(() => {});
  }
  return rows;
}
