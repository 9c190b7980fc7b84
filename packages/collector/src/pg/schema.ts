import type pg from 'pg';

/*
 * The PostgreSQL schema of the collector, as versioned migrations. Every table lives in the
 * connection's default schema (`current_schema()`, normally `public`; set `search_path` on the
 * role or with `?options=-c%20search_path%3Dname` to use another). Migrations run in one
 * transaction under a transaction-level advisory lock, so collectors started at the same moment
 * apply each migration exactly once.
 */

/** Text of the two-key advisory lock `name` for the current schema. */
export function lockKeys(name: 'migrate' | 'checkpoints'): string {
  return `hashtext('deliberate.${name}'), hashtext(current_schema())`;
}

/*
 * Timestamps are validated as `YYYY-MM-DDTHH:MM:SS.sssZ`, so text order is time order; COLLATE
 * "C" makes that order (and the chain order of the export) byte order whatever the database's
 * locale, the same as SQLite's.
 */
const V1 = `
CREATE TABLE deliberate_events (
  received_seq bigserial PRIMARY KEY,
  id           text COLLATE "C" NOT NULL UNIQUE,
  ts           text COLLATE "C" NOT NULL,
  type         text,
  decision_id  text COLLATE "C",
  procedure    text,
  chain        text COLLATE "C" NOT NULL,
  seq          bigint NOT NULL,
  hash         text,
  digest       text NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  xid          xid8 NOT NULL DEFAULT pg_current_xact_id(),
  event_json   text NOT NULL
);
CREATE INDEX deliberate_events_chain ON deliberate_events (chain, seq, received_seq);
CREATE INDEX deliberate_events_ts ON deliberate_events (ts, received_seq);
CREATE INDEX deliberate_events_decision ON deliberate_events (decision_id, ts, received_seq);
CREATE INDEX deliberate_events_xid ON deliberate_events (xid);

CREATE TABLE deliberate_checkpoints (
  id                   bigserial PRIMARY KEY,
  chain                text COLLATE "C" NOT NULL,
  seq                  bigint NOT NULL,
  hash                 text NOT NULL,
  signed_at            text NOT NULL,
  key_id               text NOT NULL,
  through_received_seq bigint NOT NULL,
  through_xid          xid8 NOT NULL,
  json                 text NOT NULL
);
CREATE INDEX deliberate_checkpoints_chain ON deliberate_checkpoints (chain, id);

-- Evidence is append-only. The only exception: DELETE of events older than six months (AI Act
-- Art. 26(6)) inside a transaction that set deliberate.retention = 'on' with SET LOCAL, which is
-- what "deliberate-collector retention --yes" does. The collector's own role has no UPDATE or
-- DELETE privilege at all; these triggers also stop the owner and hurried hands.
CREATE FUNCTION deliberate_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'deliberate_events'
     AND current_setting('deliberate.retention', true) = 'on' THEN
    IF OLD.ts < to_char((now() AT TIME ZONE 'UTC') - interval '6 months', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING HINT = 'only "deliberate-collector retention" may delete events, and only those older than six months';
END
$$;
CREATE TRIGGER deliberate_events_append_only BEFORE UPDATE OR DELETE ON deliberate_events
  FOR EACH ROW EXECUTE FUNCTION deliberate_refuse_change();
CREATE TRIGGER deliberate_events_no_truncate BEFORE TRUNCATE ON deliberate_events
  FOR EACH STATEMENT EXECUTE FUNCTION deliberate_refuse_change();
CREATE TRIGGER deliberate_checkpoints_append_only BEFORE UPDATE OR DELETE ON deliberate_checkpoints
  FOR EACH ROW EXECUTE FUNCTION deliberate_refuse_change();
CREATE TRIGGER deliberate_checkpoints_no_truncate BEFORE TRUNCATE ON deliberate_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION deliberate_refuse_change();
`;

/** The migrations, in order; version n is `MIGRATIONS[n - 1]`. Never edit a released one. */
export const MIGRATIONS: readonly string[] = [V1];

/** The schema version this code reads and writes. */
export const PG_SCHEMA_VERSION = MIGRATIONS.length;

/** The database's schema is older than this collector and it may not migrate it. */
export class SchemaBehindError extends Error {
  constructor(
    readonly version: number,
    cause?: unknown,
  ) {
    super(
      `the PostgreSQL schema is at version ${version}, this collector needs ${PG_SCHEMA_VERSION}, and this role may not change it: run deliberate-collector migrate --db <owner-url> as the schema owner`,
      { cause },
    );
    this.name = 'SchemaBehindError';
  }
}

/** The database was written by a newer collector. */
export class SchemaAheadError extends Error {
  constructor(readonly version: number) {
    super(
      `the PostgreSQL schema is at version ${version}, newer than this collector knows (${PG_SCHEMA_VERSION}); refusing to touch it: upgrade the collector`,
    );
    this.name = 'SchemaAheadError';
  }
}

type Queryable = Pick<pg.ClientBase, 'query'>;

/** The applied schema version; 0 when the migrations table does not exist. */
export async function schemaVersion(db: Queryable): Promise<number> {
  const exists = await db.query<{ t: string | null }>(
    "SELECT to_regclass('deliberate_schema_migrations')::text AS t",
  );
  if (exists.rows[0]?.t == null) return 0;
  const result = await db.query<{ v: number | null }>(
    'SELECT max(version) AS v FROM deliberate_schema_migrations',
  );
  return result.rows[0]?.v ?? 0;
}

/**
 * Applies the missing migrations in one transaction under an advisory lock; resolves with the
 * versions it applied (none when the schema was current). Throws {@link SchemaAheadError} for a
 * newer schema, and PostgreSQL's error (SQLSTATE 42501) when the role may not create tables.
 */
export async function migrate(client: pg.ClientBase): Promise<number[]> {
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_advisory_xact_lock(${lockKeys('migrate')})`);
    const version = await schemaVersion(client);
    if (version > PG_SCHEMA_VERSION) throw new SchemaAheadError(version);
    if (version === 0) {
      for (const table of ['deliberate_events', 'deliberate_checkpoints']) {
        const found = await client.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [table]);
        if (found.rows[0]?.t != null)
          throw new Error(
            `the schema has a table ${table} that no collector migration created; use another database or schema`,
          );
      }
      await client.query(`CREATE TABLE deliberate_schema_migrations (
        version    int PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    }
    const applied: number[] = [];
    for (let next = version + 1; next <= PG_SCHEMA_VERSION; next++) {
      await client.query(MIGRATIONS[next - 1] ?? '');
      await client.query('INSERT INTO deliberate_schema_migrations (version) VALUES ($1)', [next]);
      applied.push(next);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Brings the schema to {@link PG_SCHEMA_VERSION} if this role may, else checks it: resolves when
 * the schema is current, throws {@link SchemaBehindError} when it is behind and the role lacks
 * the rights to migrate, {@link SchemaAheadError} when it is newer.
 */
export async function ensureSchema(client: pg.ClientBase): Promise<void> {
  const version = await schemaVersion(client);
  if (version === PG_SCHEMA_VERSION) return;
  if (version > PG_SCHEMA_VERSION) throw new SchemaAheadError(version);
  try {
    await migrate(client);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === '42501') throw new SchemaBehindError(version, error);
    throw error;
  }
}

/**
 * Grants `role` what the collector needs and nothing more: USAGE on the schema, SELECT and INSERT
 * on the tables, USAGE on their sequences; revokes UPDATE, DELETE, TRUNCATE, REFERENCES and
 * TRIGGER in case they were granted before. Refuses the current user (the owner has every right)
 * and a superuser (privileges do not apply to it).
 */
export async function grantAppRole(client: pg.ClientBase, role: string): Promise<void> {
  const found = await client.query<{ rolsuper: boolean; me: boolean }>(
    'SELECT rolsuper, rolname = current_user AS me FROM pg_roles WHERE rolname = $1',
    [role],
  );
  const row = found.rows[0];
  if (!row)
    throw new Error(
      `role ${role} does not exist: create it first, e.g. CREATE ROLE ${client.escapeIdentifier(role)} LOGIN PASSWORD '…'`,
    );
  if (row.me)
    throw new Error(
      `--app-role ${role} is the role running the migration, which owns the tables and may change them: use a separate role for the collector`,
    );
  if (row.rolsuper)
    throw new Error(
      `--app-role ${role} is a superuser, to whom privileges do not apply: use an ordinary role`,
    );
  const r = client.escapeIdentifier(role);
  const schema = (await client.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]?.s ?? 'public';
  const tables = 'deliberate_events, deliberate_checkpoints, deliberate_schema_migrations';
  await client.query('BEGIN');
  try {
    await client.query(`GRANT USAGE ON SCHEMA ${client.escapeIdentifier(schema)} TO ${r}`);
    await client.query(`REVOKE ALL ON ${tables} FROM ${r}`);
    await client.query(`GRANT SELECT, INSERT ON ${tables} TO ${r}`);
    await client.query(
      `GRANT USAGE ON SEQUENCE deliberate_events_received_seq_seq, deliberate_checkpoints_id_seq TO ${r}`,
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
