/**
 * Benchmark: `deliberate metrics --json` (the streaming engine, in a child process) against DuckDB
 * running sql/metrics.sql over the same simulated JSONL file, in the same run.
 *
 * Targets (issue): streaming ≤ 1.3× DuckDB's time, and peak memory ≤ 200 MB, at 1 million and at
 * 4 million events. The CLI parses with worker threads (src/parallel/); both use every core. Run alone:
 *
 *   node_modules/.bin/tsx --conditions=@deliberate/source packages/analytics/bench/metrics.ts 1000000 4000000
 *
 * Simulating the log is not timed (4 million events take ~3–5 minutes and 2.8 GB of disk).
 * Timings are wall-clock on a shared machine: compare the ratio, not the absolute figures.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSimulatedLog } from '../src/node.ts';
import { defaultWorkers } from '../src/parallel/read.ts';
import { duckdbMetrics } from '../src/testing/duckdb.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, '..');
const root = path.resolve(packageDir, '../..');

/** The figures of one run. */
export interface MetricsBenchResult {
  /** Wall time of `deliberate metrics --json` in a child process, start to exit. */
  streamingMs: number;
  /** Wall time of DuckDB: create, load (read_ndjson), run metrics.sql, read the views. */
  duckdbMs: number;
  /** streamingMs / duckdbMs; target ≤ 1.3. */
  ratio: number;
  /** Peak resident memory of the metrics process (all its threads); target ≤ 200 MB. */
  peakRssMb: number;
  /** Context: events written, file size, decisions found, how the CLI ran. */
  events: number;
  fileMb: number;
  decisions: number;
  cli: string;
}

/** Options for `metricsVsDuckdb`. */
export interface MetricsBenchOptions {
  /** Use this log instead of simulating one (it is not deleted). */
  file?: string | undefined;
}

interface ChildRun {
  ms: number;
  peakRssKb: number;
  stdout: string;
}

/**
 * How the CLI is started: as users run it, from JavaScript — a bundle of src/cli.ts made here with
 * esbuild (a workspace dev dependency), so the figures are for the current source and not for a
 * stale or half-built dist/. Without esbuild: dist/cli.js if present, else tsx (whose loader adds
 * ~40 MB and a second of start-up to the figures).
 */
async function cliCommand(dir: string): Promise<{ command: string; args: string[]; how: string }> {
  try {
    const { build } = await import('esbuild');
    // Native and database packages stay outside the bundle (DuckDB's `.node` binding cannot be
    // bundled); the bundle lives under the package's node_modules so that Node finds them there.
    const outdir = path.join(packageDir, 'node_modules', '.cache', `bench-${path.basename(dir)}`);
    const outfile = path.join(outdir, 'cli.mjs');
    await build({
      // The metrics worker (src/parallel/worker.ts) is a second entry: the bundle looks for it
      // next to itself as worker.mjs.
      entryPoints: {
        cli: path.join(packageDir, 'src', 'cli.ts'),
        worker: path.join(packageDir, 'src', 'parallel', 'worker.ts'),
      },
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      conditions: ['@deliberate/source'],
      jsx: 'automatic',
      outdir,
      external: ['@duckdb/*', 'pg', 'pg-*', 'better-sqlite3'],
      logLevel: 'warning',
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
    });
    return {
      command: process.execPath,
      args: [outfile],
      how: `esbuild bundle of src/cli.ts, ${defaultWorkers()} worker threads`,
    };
  } catch {
    const dist = path.join(packageDir, 'dist', 'cli.js');
    if (existsSync(dist)) return { command: process.execPath, args: [dist], how: 'dist/cli.js' };
    return {
      command: path.join(root, 'node_modules', '.bin', 'tsx'),
      args: ['--conditions=@deliberate/source', path.join(packageDir, 'src', 'cli.ts')],
      how: 'tsx src/cli.ts',
    };
  }
}

async function runMetrics(file: string, cli: { command: string; args: string[] }): Promise<ChildRun> {
  const { command, args } = cli;
  const useTime = existsSync('/usr/bin/time');
  const argv = [...args, 'metrics', file, '--json'];
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = useTime
      ? spawn('/usr/bin/time', ['-v', command, ...argv], {
          env: { ...process.env, DELIBERATE_REPORT_RSS: '1' },
        })
      : spawn(command, argv, { env: { ...process.env, DELIBERATE_REPORT_RSS: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      const ms = performance.now() - start;
      if (code !== 0) {
        reject(new Error(`deliberate metrics exited ${code}:\n${stderr}`));
        return;
      }
      // /usr/bin/time counts the whole process tree's largest process; the CLI's own figure is
      // the fallback (and a cross-check).
      const fromTime = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const fromCli = /maxRSS (\d+) kB/.exec(stderr);
      const peakRssKb = Math.max(Number(fromTime?.[1] ?? 0), Number(fromCli?.[1] ?? 0));
      resolve({ ms, peakRssKb, stdout });
    });
  });
}

/**
 * Simulates `events` events to a temporary file, then times the streaming CLI and DuckDB on it.
 *
 * @example
 * const { ratio, peakRssMb } = await metricsVsDuckdb(1_000_000);
 */
export async function metricsVsDuckdb(
  events: number,
  options: MetricsBenchOptions = {},
): Promise<MetricsBenchResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'deliberate-bench-'));
  const file = options.file ?? path.join(dir, 'events.jsonl');
  try {
    if (!options.file) await writeSimulatedLog(file, { events, seed: 'bench' });
    const fileMb = statSync(file).size / 1048576;
    const cli = await cliCommand(dir);
    const streaming = await runMetrics(file, cli);
    const decisions = (JSON.parse(streaming.stdout) as { decisions: number }).decisions;
    const duckStart = performance.now();
    const sql = await duckdbMetrics(file, { variant: 'columns' });
    const duckdbMs = performance.now() - duckStart;
    if (sql.summary.decisions !== decisions) {
      throw new Error(`DuckDB found ${sql.summary.decisions} decisions, the streaming engine ${decisions}.`);
    }
    return {
      streamingMs: streaming.ms,
      duckdbMs,
      ratio: streaming.ms / duckdbMs,
      peakRssMb: streaming.peakRssKb / 1024,
      events,
      fileMb,
      decisions,
      cli: cli.how,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(path.join(packageDir, 'node_modules', '.cache', `bench-${path.basename(dir)}`), {
      recursive: true,
      force: true,
    });
  }
}

const invoked =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invoked) {
  // `metrics.ts 1000000 4000000`, or `metrics.ts 4000000 --file existing.jsonl` to skip simulating.
  const fileFlag = process.argv.indexOf('--file');
  const file = fileFlag > 0 ? process.argv[fileFlag + 1] : undefined;
  const sizes = process.argv
    .slice(2)
    .filter((arg, i, all) => all[i - 1] !== '--file')
    .map(Number)
    .filter((n) => n > 0);
  for (const size of sizes.length > 0 ? sizes : [1_000_000]) {
    const result = await metricsVsDuckdb(size, { file });
    const fmt = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
    console.log(
      `${fmt(size)} events (${fmt(result.fileMb)} MB, ${fmt(result.decisions)} decisions): ` +
        `streaming ${fmt(result.streamingMs)} ms, DuckDB ${fmt(result.duckdbMs)} ms, ratio ${fmt(result.ratio)}× (target ≤ 1.3), ` +
        `peak RSS ${fmt(result.peakRssMb)} MB (target ≤ 200); CLI: ${result.cli}`,
    );
  }
}
