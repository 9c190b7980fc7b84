import { readFileSync } from 'node:fs';
import type { SqlMetrics } from './duckdb.ts';

/*
 * What every engine's test runner shares: the sections of sql/metrics.sql and reading its views
 * into the engine's shapes.
 */

const SQL_FILE = new URL('../../sql/metrics.sql', import.meta.url);

/** The sections of sql/metrics.sql by name (`-- @section <name>`). */
export function metricsSqlSections(): Record<string, string> {
  const text = readFileSync(SQL_FILE, 'utf8');
  const sections: Record<string, string> = {};
  let current = 'preamble';
  for (const line of text.split('\n')) {
    const match = /^-- @section ([\w-]+)/.exec(line);
    if (match) current = match[1]!;
    else sections[current] = (sections[current] ?? '') + line + '\n';
  }
  return sections;
}

/** Runs a query and returns its rows with numbers as numbers (no bigints, no numeric strings). */
export type RowQuery = (sql: string) => Promise<Record<string, unknown>[]>;

/** Reads the views of metrics.sql (already created) through `query`. */
export async function readSqlMetrics(query: RowQuery): Promise<SqlMetrics> {
  const rates = await query('SELECT * FROM deliberate_rates');
  const summary = (await query('SELECT * FROM deliberate_summary'))[0] ?? {};
  const calibrationBins = await query('SELECT * FROM deliberate_calibration_bins ORDER BY bin');
  const confidenceBins = await query('SELECT * FROM deliberate_confidence_bins ORDER BY bin');
  return {
    rates: Object.fromEntries(
      rates.map((row) => [String(row['metric']), row as SqlMetrics['rates'][string]]),
    ),
    summary: summary as SqlMetrics['summary'],
    calibrationBins: calibrationBins as SqlMetrics['calibrationBins'],
    confidenceBins: confidenceBins as SqlMetrics['confidenceBins'],
  };
}
