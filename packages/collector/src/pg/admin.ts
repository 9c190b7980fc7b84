import { parseArgs } from 'node:util';
import pg from 'pg';
import { ConfigError } from '../config.ts';
import { DatabaseUrlError, isPostgresUrl, postgresConnection, redactUrl } from './url.ts';
import { RetentionError, parseRetentionAge, runRetention } from './retention.ts';
import { migrate, grantAppRole, PG_SCHEMA_VERSION, SchemaAheadError } from './schema.ts';

/*
 * The operator commands `deliberate-collector migrate` and `deliberate-collector retention`, run
 * with the schema owner's URL. Both print one line per result on standard output; errors throw
 * ConfigError (exit 2 for a refused or malformed request, 1 when the database cannot be reached).
 */

export const MIGRATE_USAGE = `Usage: deliberate-collector migrate --db postgres://OWNER@HOST:PORT/DB [--app-role <role>]

Creates or upgrades the collector's tables (deliberate_events, deliberate_checkpoints,
deliberate_schema_migrations) in the connection's default schema, under an advisory lock, so
concurrent runs are safe. With --app-role, grants that role only SELECT and INSERT on the tables
and USAGE on their sequences, and revokes everything else (no UPDATE, DELETE or TRUNCATE): run the
collector as that role. The password comes from DELIBERATE_DB_PASSWORD (or PGPASSWORD), never
from the URL.
`;

export const RETENTION_USAGE = `Usage: deliberate-collector retention --db postgres://OWNER@HOST:PORT/DB --older-than <N>d|<N>mo [--yes]

Deletes the events whose ts is older than the cut-off (nothing else: checkpoints stay). Refuses a
cut-off under six months (AI Act Art. 26(6)). Without --yes, only prints how many events of how
many chains would be deleted. Never runs on its own: schedule it explicitly if you want it.
`;

const count = new Intl.NumberFormat('en-US');

function parse(
  argv: readonly string[],
  extra: Record<string, { type: 'string' | 'boolean' }>,
  usage: string,
) {
  try {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: { db: { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...extra },
    }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}\n${usage}`);
  }
}

async function connect(db: string | undefined, env: NodeJS.ProcessEnv, fromCommandLine: boolean) {
  if (db === undefined || !isPostgresUrl(db))
    throw new ConfigError(
      '--db postgres://USER@HOST:PORT/DATABASE is required (these commands are for PostgreSQL)',
    );
  let connection;
  try {
    connection = postgresConnection(db, env, fromCommandLine);
  } catch (error) {
    if (error instanceof DatabaseUrlError) throw new ConfigError(error.message);
    throw error;
  }
  const client = new pg.Client({
    connectionString: connection.url,
    ...(connection.password === undefined ? {} : { password: connection.password }),
    application_name: 'deliberate-collector-admin',
  });
  try {
    await client.connect();
  } catch (error) {
    throw new ConfigError(`cannot connect to ${redactUrl(connection.url)}: ${(error as Error).message}`, 1);
  }
  return client;
}

/** `deliberate-collector migrate …`; resolves with the text to print. */
export async function migrateCommand(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  const values = parse(argv, { 'app-role': { type: 'string' } }, MIGRATE_USAGE);
  if (values['help']) return MIGRATE_USAGE;
  const db = (values['db'] as string | undefined) ?? env['DELIBERATE_DB'];
  const client = await connect(db, env, values['db'] !== undefined);
  try {
    const lines: string[] = [];
    const applied = await migrate(client).catch((error: unknown) => {
      if (error instanceof SchemaAheadError) throw new ConfigError(error.message);
      const code = (error as { code?: unknown }).code;
      if (code === '42501')
        throw new ConfigError(`this role may not create or change the tables: ${(error as Error).message}`);
      throw error;
    });
    lines.push(
      applied.length === 0
        ? `schema already at version ${PG_SCHEMA_VERSION}; nothing to migrate`
        : `applied migration${applied.length === 1 ? '' : 's'} ${applied.join(', ')}; schema is at version ${PG_SCHEMA_VERSION}`,
    );
    const role = values['app-role'];
    if (typeof role === 'string') {
      try {
        await grantAppRole(client, role);
      } catch (error) {
        if ((error as { code?: unknown }).code === undefined) throw new ConfigError((error as Error).message);
        throw error;
      }
      lines.push(
        `granted ${role} SELECT and INSERT on the collector's tables and USAGE on their sequences; no UPDATE, DELETE or TRUNCATE`,
      );
    }
    return `${lines.join('\n')}\n`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** `deliberate-collector retention …`; resolves with the text to print. */
export async function retentionCommand(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  const values = parse(argv, { 'older-than': { type: 'string' }, yes: { type: 'boolean' } }, RETENTION_USAGE);
  if (values['help']) return RETENTION_USAGE;
  const olderThan = values['older-than'];
  if (typeof olderThan !== 'string')
    throw new ConfigError(`--older-than <N>d|<N>mo is required\n${RETENTION_USAGE}`);
  let age;
  try {
    age = parseRetentionAge(olderThan);
  } catch (error) {
    if (error instanceof RetentionError) throw new ConfigError(error.message);
    throw error;
  }
  const db = (values['db'] as string | undefined) ?? env['DELIBERATE_DB'];
  const client = await connect(db, env, values['db'] !== undefined);
  try {
    const apply = values['yes'] === true;
    const report = await runRetention(client, age, apply).catch((error: unknown) => {
      if (error instanceof RetentionError) throw new ConfigError(error.message);
      throw error;
    });
    const what = `${count.format(report.events)} event${report.events === 1 ? '' : 's'} of ${count.format(report.chains)} chain${report.chains === 1 ? '' : 's'} older than ${report.cutoff}`;
    return report.deleted
      ? `deleted ${what}\n`
      : `would delete ${what}; nothing was deleted (run again with --yes to delete them)\n`;
  } finally {
    await client.end().catch(() => undefined);
  }
}
