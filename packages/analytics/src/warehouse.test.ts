import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresCluster } from '../../../scripts/postgres-cluster.ts';
import { main } from './cli.ts';
import { readMetricsEngine, writeSimulatedLog } from './node.ts';
import { readStoreEvents, storeConnection } from './store-source.ts';
import { runCli } from './testing/cli.ts';
import { duckdbMetrics } from './testing/duckdb.ts';
import { exportStoreTable, fillStoreTable } from './testing/store-table.ts';

/*
 * Analytics where the data is: `deliberate metrics --db` against a real PostgreSQL server holding
 * the collector's own events table, written by its PostgreSQL store (testing/store-table.ts), and
 * `deliberate export --parquet` read back by DuckDB and run through sql/metrics.sql's columns
 * variant.
 */

let dir: string;
let postgres: PostgresCluster;
let storeUrl: string;
let log: string;
let lines: string[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'deliberate-warehouse-'));
  postgres = await startPostgres();
  log = path.join(dir, 'log.jsonl');
  await writeSimulatedLog(log, { decisions: 2500, seed: 'warehouse', duplicates: false });
  lines = readFileSync(log, 'utf8').trimEnd().split('\n');
  // Arrival order is not chain order: insert in a scrambled (deterministic) order.
  const scrambled = lines
    .map((line, i) => ({ line, key: (i * 7919) % lines.length }))
    .sort((a, b) => a.key - b.key);
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query('CREATE DATABASE store');
  await admin.query('CREATE DATABASE empty');
  await admin.end();
  storeUrl = postgres.urlFor({ database: 'store' });
  await fillStoreTable(
    storeUrl,
    scrambled.map((entry) => entry.line),
  );
}, 120_000);
afterAll(async () => {
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The CLI in this process, with its own environment. */
async function inProcess(argv: string[], env: NodeJS.ProcessEnv) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const code = await main(argv, { stdout, stderr, stdin: Readable.from([]), env });
  return { code, stdout: out, stderr: err };
}

describe('deliberate metrics --db', { timeout: 120_000 }, () => {
  it('equals deliberate metrics on an export of the same table, number for number', async () => {
    const exported = path.join(dir, 'export.jsonl');
    writeFileSync(exported, await exportStoreTable(storeUrl));
    const [fromDb, fromFile, byDb, byFile] = await Promise.all([
      runCli(['metrics', '--db', storeUrl, '--json', '--bins', '12', '--binning', 'mass'], dir),
      runCli(['metrics', exported, '--json', '--bins', '12', '--binning', 'mass'], dir),
      runCli(['metrics', '--db', storeUrl, '--json', '--by', 'procedure', '--k', '5'], dir),
      runCli(['metrics', exported, '--json', '--by', 'procedure', '--k', '5'], dir),
    ]);
    for (const run of [fromDb, fromFile, byDb, byFile]) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
    const db = JSON.parse(fromDb.stdout) as { decisions: number; input: { lines: number; events: number } };
    expect(db.input.events).toBe(lines.length);
    expect(db.decisions).toBeGreaterThan(2000);
    expect(db).toEqual(JSON.parse(fromFile.stdout));
    expect(JSON.parse(byDb.stdout)).toEqual(JSON.parse(byFile.stdout));
    // The original log, in its own (time) order: the same counts; sums over floating point may
    // differ in the last place, as the order of addition differs.
    const original = (await readMetricsEngine(log)).metrics({ bins: 12, binning: 'mass' });
    expect(db.decisions).toBe(original.decisions);
    expect((db as unknown as typeof original).override).toEqual(original.override);
  });

  it('reads every row once, in chain order, a page at a time', async () => {
    const seen: string[] = [];
    const pages: number[] = [];
    const count = await readStoreEvents(storeConnection(storeUrl, {}), (json) => void seen.push(json), {
      pageRows: 997,
      onProgress: ({ lines: rows }) => pages.push(rows),
    });
    expect(count).toBe(lines.length);
    expect(pages).toHaveLength(Math.floor(lines.length / 997) + 1);
    expect(new Set(seen).size).toBe(lines.length);
    const keys = seen.map((json) => {
      const event = JSON.parse(json) as { chain: string; seq: number };
      return [event.chain, event.seq] as const;
    });
    const sorted = [...keys].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x - y));
    expect(keys).toEqual(sorted);
  });

  it('refuses a password in the URL (exit 2) without printing it', async () => {
    const url = postgres.urlFor({ database: 'store', password: 'hunter2-secret' });
    const run = await runCli(['metrics', '--db', url, '--json'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('DELIBERATE_DB_PASSWORD');
    expect(run.stderr).not.toContain('hunter2');
    expect(run.stdout).toBe('');
    const query = await runCli(['metrics', '--db', `${storeUrl}?password=hunter2`], dir);
    expect(query.code).toBe(2);
    expect(query.stderr).not.toContain('hunter2');
  });

  it('says what is wrong: no such table, no server, not a PostgreSQL URL, a file and --db', async () => {
    const env = { DELIBERATE_DB_PASSWORD: 'unused-with-trust' };
    const empty = await inProcess(['metrics', '--db', postgres.urlFor({ database: 'empty' })], env);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(
      /has no table deliberate_events: is it the database of a Deliberate collector/,
    );
    const down = await inProcess(['metrics', '--db', 'postgres://analyst@127.0.0.1:1/deliberate'], env);
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/cannot connect to postgres:\/\/analyst@127\.0\.0\.1:1\/deliberate/);
    const mysql = await inProcess(['metrics', '--db', 'mysql://analyst@db/deliberate'], env);
    expect(mysql.code).toBe(2);
    expect(mysql.stderr).toMatch(/--db takes a PostgreSQL URL/);
    const both = await inProcess(['metrics', log, '--db', storeUrl], env);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/metrics reads a log file or --db, not both/);
  });
});

describe('pg and DuckDB stay out of the engine, the dashboard and @deliberate/analytics/node', () => {
  it('are imported only dynamically, by the CLI path', () => {
    const source = (file: string) => readFileSync(path.join(import.meta.dirname, file), 'utf8');
    const staticImport = /^\s*import\s(?!type\s)[^;]*?from\s+'(pg|@duckdb\/node-api)'/m;
    for (const file of [
      'store-source.ts',
      'warehouse.ts',
      'cli.ts',
      'node.ts',
      'index.ts',
      'dashboard/index.ts',
    ]) {
      expect(source(file), file).not.toMatch(staticImport);
    }
    expect(source('store-source.ts')).toContain("await import('pg')");
    expect(source('warehouse.ts')).toContain("await import('@duckdb/node-api')");
    // The CLI loads the exporter (and with it DuckDB) only for `export`.
    expect(source('cli.ts')).not.toMatch(/from '\.\/warehouse\.ts'/);
  });
});

async function parquetRows(file: string): Promise<{ raw: string; seq: number; chain: string }[]> {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  try {
    const sql = `SELECT raw, seq, chain FROM read_parquet('${file.replace(/'/g, "''")}')`;
    return (await connection.runAndReadAll(sql))
      .getRowObjects()
      .map((row) => ({ raw: String(row['raw']), seq: Number(row['seq']), chain: String(row['chain']) }));
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}

describe('deliberate export --parquet', { timeout: 120_000 }, () => {
  it('from a log: DuckDB reads it back, metrics.sql (columns) equals the streaming engine', async () => {
    const withNoise = path.join(dir, 'noisy.jsonl');
    // A repeated event and a line that is not JSON: the export keeps the repeat (metrics drop
    // it by id, as from the log) and skips the garbage.
    writeFileSync(withNoise, [...lines, lines[3], 'not json', '{"schema":"other"}'].join('\n') + '\n');
    const out = path.join(dir, 'log.parquet');
    const run = await runCli(['export', '--parquet', out, withNoise], dir);
    expect(run.stderr).toBe(
      `${new Intl.NumberFormat('en-GB').format(lines.length + 1)} events written to ${out}\n`,
    );
    expect(run.code).toBe(0);
    const rows = await parquetRows(out);
    expect(rows.map((row) => row.raw)).toEqual([...lines, lines[3]]);
    const first = JSON.parse(lines[0]!) as { chain: string; seq: number };
    expect(rows[0]).toMatchObject({ chain: first.chain, seq: first.seq });
    for (const [bins, binning] of [
      [10, 'width'],
      [7, 'mass'],
    ] as const) {
      const streaming = (await readMetricsEngine(withNoise)).metrics({ bins, binning });
      const sql = await duckdbMetrics(out, { variant: 'parquet', bins, binning });
      expect(sql.summary.decisions).toBe(streaming.decisions);
      expect(sql.rates['override']).toMatchObject({ k: streaming.override!.k, n: streaming.override!.n });
      expect(Math.abs(sql.summary.ece! - streaming.calibration.ece!)).toBeLessThan(1e-9);
      expect(Math.abs(sql.summary.brier! - streaming.calibration.brier!)).toBeLessThan(1e-9);
      expect(sql.summary.p90).toBe(streaming.decisionTimeMs.p90);
      for (const name of ['agreement', 'switch', 'overReliance', 'underReliance', 'rair', 'rsr'] as const) {
        const rate = streaming[name];
        expect(sql.rates[name], name).toMatchObject({ k: rate?.k, n: rate?.n, rate: rate?.rate });
      }
    }
  });

  it('from the store: every event once, in chain order, the same metrics', async () => {
    const out = path.join(dir, 'store.parquet');
    const run = await runCli(['export', '--parquet', out, '--db', storeUrl], dir);
    expect(run.code).toBe(0);
    const rows = await parquetRows(out);
    expect(rows.map((row) => row.raw).join('\n') + '\n').toBe(await exportStoreTable(storeUrl));
    const streaming = (await readMetricsEngine(log)).metrics({ bins: 10, binning: 'width' });
    const sql = await duckdbMetrics(out, { variant: 'parquet', bins: 10, binning: 'width' });
    expect(sql.summary.decisions).toBe(streaming.decisions);
    expect(sql.rates['agreement']).toMatchObject({ k: streaming.agreement!.k, n: streaming.agreement!.n });
    expect(Math.abs(sql.summary.mce! - streaming.calibration.mce!)).toBeLessThan(1e-9);
  });

  it('leaves no file behind when there is nothing to export, and refuses standard input', async () => {
    const garbage = path.join(dir, 'garbage.jsonl');
    writeFileSync(garbage, 'hello\nworld\n');
    const out = path.join(dir, 'nothing.parquet');
    const run = await runCli(['export', '--parquet', out, garbage], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/holds no Deliberate events .* nothing exported/);
    expect(existsSync(out)).toBe(false);
    const stdin = await runCli(['export', '--parquet', out, '-'], dir);
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toMatch(/export reads a file or --db, not standard input/);
    const noOut = await runCli(['export', log], dir);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/export needs an output file: --parquet OUT\.parquet/);
  });
});
