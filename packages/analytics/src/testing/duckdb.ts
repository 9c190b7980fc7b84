import { DuckDBInstance } from '@duckdb/node-api';
import type { Binning } from '../types.ts';
import { readNdjsonColumns, sqlString } from '../warehouse.ts';
import { metricsSqlSections, readSqlMetrics } from './sql-metrics.ts';

export { metricsSqlSections } from './sql-metrics.ts';

/*
 * Runs sql/metrics.sql on embedded DuckDB over a JSONL file: for the tests that hold the SQL and
 * the streaming engine equal, and for the benchmark. DuckDB is a dev dependency, so this lives in
 * src/testing (not published).
 */

/** How the log reaches DuckDB: one JSON column (`events(raw)`) or typed nested columns. */
export type SqlVariant = 'raw' | 'columns';

/** The DuckDB loading step for each variant (documented in README.md). */
export function duckdbLoader(file: string, variant: SqlVariant): string {
  if (variant === 'raw') {
    return `CREATE OR REPLACE VIEW events AS SELECT json AS raw FROM read_ndjson_objects(${sqlString(file)}, ignore_errors = true);`;
  }
  return `CREATE OR REPLACE VIEW events AS SELECT * FROM read_ndjson(${sqlString(file)}, ignore_errors = true, columns = ${readNdjsonColumns()});`;
}

/** A Parquet file written by `deliberate export --parquet`, as the `columns` variant's `events`. */
export function parquetLoader(file: string): string {
  return `CREATE OR REPLACE VIEW events AS SELECT * FROM read_parquet(${sqlString(file)});`;
}

/** What the SQL views return, in the engine's shapes where they overlap. */
export interface SqlMetrics {
  rates: Record<string, { k: number; n: number; rate: number; lo: number; hi: number }>;
  summary: {
    decisions: number;
    complementarity: number | null;
    ece: number | null;
    mce: number | null;
    brier: number | null;
    calibration_n: number;
    p50: number | null;
    p90: number | null;
    mean_ms: number | null;
    woa_mean: number | null;
    woa_n: number;
  };
  calibrationBins: { bin: number; lo: number; hi: number; n: number; confidence: number; accuracy: number }[];
  confidenceBins: { bin: number; k: number; n: number }[];
}

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value !== null && typeof value === 'object' && 'toDouble' in value) {
    return (value as { toDouble(): number }).toDouble();
  }
  return value;
}

function rows(result: { getRowObjects(): Record<string, unknown>[] }): Record<string, unknown>[] {
  return result
    .getRowObjects()
    .map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, plain(value)])));
}

/**
 * Runs metrics.sql on `file` and reads its views.
 *
 * @example
 * const sql = await duckdbMetrics('log.jsonl', { variant: 'columns', bins: 10, binning: 'width' });
 */
export async function duckdbMetrics(
  file: string,
  options: { variant?: SqlVariant | 'parquet'; bins?: number; binning?: Binning } = {},
): Promise<SqlMetrics> {
  const variant = options.variant ?? 'columns';
  const sections = metricsSqlSections();
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  try {
    await connection.run(
      `CREATE TABLE deliberate_params AS SELECT ${options.bins ?? 10} AS bins, '${options.binning ?? 'width'}' AS binning, CAST(1.959964 AS DOUBLE PRECISION) AS z;`,
    );
    await connection.run(variant === 'parquet' ? parquetLoader(file) : duckdbLoader(file, variant));
    // The per-decision join is read by every metric view: materialise it once (a table instead
    // of the view, same name, as metrics.sql recommends), then the small views on top.
    const metrics = (sections['metrics'] ?? '').replace(
      'CREATE OR REPLACE VIEW deliberate_decisions AS',
      'CREATE OR REPLACE TABLE deliberate_decisions AS',
    );
    const flat = sections[variant === 'parquet' ? 'columns' : variant] ?? '';
    await connection.run(`${sections['common'] ?? ''}\n${flat}\n${metrics}`);
    return await readSqlMetrics(async (sql) => rows(await connection.runAndReadAll(sql)));
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}
