import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Binning } from '../types.ts';

/*
 * Runs sql/metrics.sql on embedded DuckDB over a JSONL file: for the tests that hold the SQL and
 * the streaming engine equal, and for the benchmark. DuckDB is a dev dependency, so this lives in
 * src/testing (not published).
 */

/** How the log reaches DuckDB: one JSON column (`events(raw)`) or typed nested columns. */
export type SqlVariant = 'raw' | 'columns';

const SQL_FILE = new URL('../../sql/metrics.sql', import.meta.url);

/** The sections of sql/metrics.sql by name (`-- @section <name>`). */
export function metricsSqlSections(): Record<string, string> {
  const text = readFileSync(SQL_FILE, 'utf8');
  const sections: Record<string, string> = {};
  let current = 'preamble';
  for (const line of text.split('\n')) {
    const match = /^-- @section (\w+)/.exec(line);
    if (match) current = match[1]!;
    else sections[current] = (sections[current] ?? '') + line + '\n';
  }
  return sections;
}

/** The DuckDB loading step for each variant (documented in README.md). */
export function duckdbLoader(file: string, variant: SqlVariant): string {
  const path = file.replace(/'/g, "''");
  if (variant === 'raw') {
    return `CREATE OR REPLACE VIEW events AS SELECT json AS raw FROM read_ndjson_objects('${path}', ignore_errors = true);`;
  }
  return `CREATE OR REPLACE VIEW events AS SELECT * FROM read_ndjson('${path}', ignore_errors = true, columns = {
    schema: 'VARCHAR', id: 'VARCHAR', hash: 'VARCHAR', type: 'VARCHAR', ts: 'VARCHAR', decisionId: 'VARCHAR', procedure: 'VARCHAR',
    actor: 'STRUCT(id VARCHAR, role VARCHAR)', model: 'STRUCT(id VARCHAR, version VARCHAR)',
    data: 'STRUCT(policy STRUCT(arm VARCHAR), uiVariant VARCHAR, outcome VARCHAR, durationMs DOUBLE,
      final STRUCT(label VARCHAR, value DOUBLE), recommendation STRUCT(label VARCHAR, value DOUBLE, confidence DOUBLE),
      judgement STRUCT(label VARCHAR, value DOUBLE), truth STRUCT(label VARCHAR, value DOUBLE))'
  });`;
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
  options: { variant?: SqlVariant; bins?: number; binning?: Binning } = {},
): Promise<SqlMetrics> {
  const variant = options.variant ?? 'columns';
  const sections = metricsSqlSections();
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  try {
    await connection.run(
      `CREATE TABLE deliberate_params AS SELECT ${options.bins ?? 10} AS bins, '${options.binning ?? 'width'}' AS binning, CAST(1.959964 AS DOUBLE) AS z;`,
    );
    await connection.run(duckdbLoader(file, variant));
    // The per-decision join is read by every metric view: materialise it once (a table instead
    // of the view, same name, as metrics.sql recommends), then the small views on top.
    const metrics = (sections['metrics'] ?? '').replace(
      'CREATE OR REPLACE VIEW deliberate_decisions AS',
      'CREATE OR REPLACE TABLE deliberate_decisions AS',
    );
    await connection.run(`${sections['common'] ?? ''}\n${sections[variant] ?? ''}\n${metrics}`);
    const rates = rows(await connection.runAndReadAll('SELECT * FROM deliberate_rates'));
    const summary = rows(await connection.runAndReadAll('SELECT * FROM deliberate_summary'))[0] ?? {};
    const calibrationBins = rows(
      await connection.runAndReadAll('SELECT * FROM deliberate_calibration_bins ORDER BY bin'),
    );
    const confidenceBins = rows(
      await connection.runAndReadAll('SELECT * FROM deliberate_confidence_bins ORDER BY bin'),
    );
    return {
      rates: Object.fromEntries(
        rates.map((row) => [String(row['metric']), row as SqlMetrics['rates'][string]]),
      ),
      summary: summary as SqlMetrics['summary'],
      calibrationBins: calibrationBins as SqlMetrics['calibrationBins'],
      confidenceBins: confidenceBins as SqlMetrics['confidenceBins'],
    };
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}
