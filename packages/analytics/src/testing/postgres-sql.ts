import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { postgresBinDir } from '../../../../scripts/postgres-cluster.ts';
import type { Binning } from '../types.ts';
import type { SqlMetrics } from './duckdb.ts';
import { metricsSqlSections, readSqlMetrics } from './sql-metrics.ts';

/*
 * Runs sql/metrics.sql on a real PostgreSQL server (a throw-away cluster of
 * scripts/postgres-cluster.ts) over a JSONL file: loaded with psql exactly as README.md shows,
 * then the sections "common", "raw-postgres" and "metrics". Each run gets its own schema.
 */

/**
 * The psql script of README.md that loads a JSONL file into `events(raw jsonb)`: every line as
 * text (CSV with quote and delimiter characters that never occur in JSON text), then cast, lines
 * that are not JSON becoming NULL.
 */
export function postgresLoadScript(file: string): string {
  const quoted = `'${file.replace(/'/g, "''")}'`;
  return `CREATE TABLE event_lines (line text);
\\copy event_lines (line) FROM ${quoted} WITH (FORMAT csv, QUOTE e'\\x01', DELIMITER e'\\x02')
CREATE FUNCTION deliberate_jsonb(line text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE STRICT AS
  $$ BEGIN RETURN line::jsonb; EXCEPTION WHEN others THEN RETURN NULL; END $$;
CREATE TABLE events AS SELECT deliberate_jsonb(line) AS raw FROM event_lines;
`;
}

let schemas = 0;

/** Runs a psql script (file `script`) against `url` with `search_path` set to `schema`. */
function psql(url: string, schema: string, script: string, dir: string): void {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql).');
  const file = path.join(dir, `${schema}.sql`);
  writeFileSync(file, `SET search_path = ${schema};\n${script}`);
  const result = spawnSync(
    path.join(bin, 'psql'),
    ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-f', file],
    {
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`psql failed (${result.status}): ${result.stderr}`);
}

/** int8 and numeric come back from pg as strings; the comparisons want numbers. */
function numeric(result: pg.QueryResult): Record<string, unknown>[] {
  const numbers = new Set(
    result.fields.filter((f) => f.dataTypeID === 20 || f.dataTypeID === 1700).map((f) => f.name),
  );
  return result.rows.map((row: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [
        key,
        numbers.has(key) && value !== null ? Number(value) : value,
      ]),
    ),
  );
}

/**
 * Loads `file` into a new schema of the server at `url` and reads metrics.sql's views.
 *
 * @example
 * const sql = await postgresMetrics(cluster.url, 'log.jsonl', { bins: 10, binning: 'width' }, tmp);
 */
export async function postgresMetrics(
  url: string,
  file: string,
  options: { bins?: number; binning?: Binning },
  dir: string,
): Promise<SqlMetrics> {
  const schema = `metrics_${process.pid}_${++schemas}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
    psql(url, schema, postgresLoadScript(file), dir);
    await client.query(`SET search_path = ${schema}`);
    await client.query(
      `CREATE TABLE deliberate_params AS SELECT ${options.bins ?? 10} AS bins, '${options.binning ?? 'width'}' AS binning, CAST(1.959964 AS DOUBLE PRECISION) AS z`,
    );
    const sections = metricsSqlSections();
    // Materialise the per-decision join once, as metrics.sql recommends (PostgreSQL has no
    // CREATE OR REPLACE TABLE; the schema is new).
    const metrics = (sections['metrics'] ?? '').replace(
      'CREATE OR REPLACE VIEW deliberate_decisions AS',
      'CREATE TABLE deliberate_decisions AS',
    );
    await client.query(`${sections['common'] ?? ''}\n${sections['raw-postgres'] ?? ''}\n${metrics}`);
    return await readSqlMetrics(async (sql) => numeric(await client.query(sql)));
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
    await client.end();
  }
}
