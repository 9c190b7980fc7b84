/*
 * `deliberate export --parquet`: a Parquet file a warehouse loads, written by DuckDB from a JSONL
 * log or from a collector's PostgreSQL store. The columns are those of the `columns` variant of
 * sql/metrics.sql (the event's fields, actor/model/data nested as structs), plus `chain`, `seq`
 * and `raw`, the exact event JSON.
 *
 * DuckDB (`@duckdb/node-api`, ~70 MB of native code) is an optional peer dependency, imported
 * only here and only when exporting; without it, export fails with the command to install it.
 */
import { closeSync, mkdtempSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as Duckdb from '@duckdb/node-api';
import { LogInputError } from './errors.ts';
import { readStoreEvents, type StoreConnection, type StoreProgress } from './store-source.ts';

/** The version of `@duckdb/node-api` this package is tested with. */
export const DUCKDB_VERSION = '1.5.6-r.1';

type ColumnTree = { [name: string]: string | ColumnTree };

/** The event fields the `columns` variant of sql/metrics.sql reads, as DuckDB types. */
export const EVENT_COLUMNS: ColumnTree = {
  schema: 'VARCHAR',
  id: 'VARCHAR',
  hash: 'VARCHAR',
  type: 'VARCHAR',
  ts: 'VARCHAR',
  decisionId: 'VARCHAR',
  procedure: 'VARCHAR',
  actor: { id: 'VARCHAR', role: 'VARCHAR' },
  model: { id: 'VARCHAR', version: 'VARCHAR' },
  data: {
    policy: { arm: 'VARCHAR' },
    uiVariant: 'VARCHAR',
    outcome: 'VARCHAR',
    durationMs: 'DOUBLE',
    final: { label: 'VARCHAR', value: 'DOUBLE' },
    recommendation: { label: 'VARCHAR', value: 'DOUBLE', confidence: 'DOUBLE' },
    judgement: { label: 'VARCHAR', value: 'DOUBLE' },
    truth: { label: 'VARCHAR', value: 'DOUBLE' },
  },
};

/** The exported columns: the event fields above, its chain position, then `raw`. */
export const EXPORT_COLUMNS: ColumnTree = (() => {
  const { actor, model, data, ...flat } = EVENT_COLUMNS;
  return { ...flat, chain: 'VARCHAR', seq: 'BIGINT', actor: actor!, model: model!, data: data! };
})();

function typeOf(node: string | ColumnTree): string {
  if (typeof node === 'string') return node;
  return `STRUCT(${Object.entries(node)
    .map(([name, child]) => `${name} ${typeOf(child)}`)
    .join(', ')})`;
}

/** `columns = {…}` for DuckDB's `read_ndjson`, as in the README's loader. */
export function readNdjsonColumns(tree: ColumnTree = EVENT_COLUMNS): string {
  return `{${Object.entries(tree)
    .map(([name, node]) => `${name}: '${typeOf(node)}'`)
    .join(', ')}}`;
}

/** A SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** DuckDB is not installed: says what to run. */
export class MissingDuckdbError extends LogInputError {
  override name = 'MissingDuckdbError';
}

type DuckdbModule = typeof Duckdb;

async function loadDuckdb(): Promise<DuckdbModule> {
  try {
    return await import('@duckdb/node-api');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error;
    throw new MissingDuckdbError(
      `export --parquet needs DuckDB's Node package (an optional peer dependency of @deliberate/analytics: about 70 MB of native code, so it is not installed by default). Install it next to @deliberate/analytics: npm install @duckdb/node-api@${DUCKDB_VERSION} (or: pnpm add @duckdb/node-api@${DUCKDB_VERSION}).`,
    );
  }
}

function isGzip(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** What an export wrote. */
export interface ExportResult {
  /** Events written (JSON objects with `"schema": "deliberate.event/1"`). */
  rows: number;
}

/**
 * The query that turns a JSONL file into the exported rows: JSON objects of schema
 * `deliberate.event/1` in file order; lines that are not JSON objects are skipped.
 */
export function exportQuery(file: string, gzip: boolean): string {
  const structure = JSON.stringify(EXPORT_COLUMNS);
  return `SELECT unnest(json_transform(json, ${sqlString(structure)})), CAST(json AS VARCHAR) AS raw
    FROM read_ndjson_objects(${sqlString(file)}, ignore_errors = true, compression = ${gzip ? "'gzip'" : "'uncompressed'"})
    WHERE json IS NOT NULL AND json_extract_string(json, '$.schema') = 'deliberate.event/1'`;
}

async function exportFile(file: string, out: string, label: string): Promise<ExportResult> {
  if (!statSync(file).isFile()) throw new LogInputError(`${label} is not a file.`);
  const gzip = isGzip(file);
  const { DuckDBInstance } = await loadDuckdb();
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  // Written beside the target and renamed at the end: a failed export leaves no half file.
  const partial = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.partial`);
  try {
    const result = await connection.runAndReadAll(
      `COPY (${exportQuery(file, gzip)}) TO ${sqlString(partial)} (FORMAT parquet)`,
    );
    const rows = Number(result.getRows()[0]?.[0] ?? 0);
    if (rows === 0) {
      throw new LogInputError(
        `${label} holds no Deliberate events (no JSON object with "schema": "deliberate.event/1"); nothing exported.`,
      );
    }
    renameSync(partial, out);
    return { rows };
  } catch (error) {
    if (error instanceof LogInputError) throw error;
    throw new LogInputError(`${label} could not be exported: ${(error as Error).message}`);
  } finally {
    rmSync(partial, { force: true });
    connection.closeSync();
    db.closeSync();
  }
}

/** Where an export reads from: a JSONL file (plain or gzip) or a collector's PostgreSQL store. */
export type ExportSource = { file: string } | { connection: StoreConnection };

/**
 * Writes the events of `source` to `out` as Parquet (DuckDB's writer, snappy-compressed). From a
 * store, the events are first copied in chain order to a temporary JSONL file (mode 0600, removed
 * afterwards), so that neither side holds the table in memory.
 *
 * @example
 * await exportParquet('events.parquet', { file: 'events.jsonl' });
 */
export async function exportParquet(
  out: string,
  source: ExportSource,
  options: { onProgress?: ((progress: StoreProgress) => void) | undefined } = {},
): Promise<ExportResult> {
  if ('file' in source) return exportFile(source.file, out, source.file);
  // Fail before reading the whole store when DuckDB is missing.
  await loadDuckdb();
  const dir = mkdtempSync(path.join(tmpdir(), 'deliberate-export-'));
  try {
    const file = path.join(dir, 'events.jsonl');
    const stream = createWriteStream(file, { mode: 0o600 });
    const failed = once(stream, 'error').then(([error]) => {
      throw error as Error;
    });
    failed.catch(() => {});
    await readStoreEvents(
      source.connection,
      (json) => {
        if (!stream.write(json + '\n')) return Promise.race([once(stream, 'drain'), failed]).then(() => {});
      },
      { onProgress: options.onProgress },
    );
    stream.end();
    await Promise.race([once(stream, 'finish'), failed]);
    return await exportFile(file, out, source.connection.label);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
