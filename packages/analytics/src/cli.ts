#!/usr/bin/env node
/*
 * `deliberate`: metrics, report, verify, simulate and export over Deliberate event logs
 * (docs/contracts.md §3.3), or straight from a collector's PostgreSQL store (`--db`). Exit codes:
 * 0 success, 1 a broken hash chain or violated checkpoint (`verify`), 2 a usage or input error
 * (unknown flag, bad value, missing or unreadable file, no events, a truncated final line), 3
 * conflicting copies of an event (`metrics`, `report`; not with `--accept-conflicts`). Progress goes
 * to standard error when it is a terminal (never in CI or when piped).
 */
import { realpathSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { GROUP_FIELDS, MetricsOptionError, createMetricsEngine, type MetricsEngine } from './engine.ts';
import { readCheckpoints, readHeads } from './checkpoints.ts';
import { formatConflicts, formatVerification } from './cli-format.ts';
import {
  LogInputError,
  lineDigest,
  readMetricsEngine,
  readReasonLabels,
  verifyLog,
  writeReport,
  writeSimulatedLog,
  type ReadProgress,
} from './node.ts';
import { readStoreEvents, storeConnection, type StoreConnection } from './store-source.ts';
import { formatGrouped, formatMetrics } from './text.ts';
import type { Binning, GroupField } from './types.ts';

const USAGE = `Usage:
  deliberate metrics (<log.jsonl|log.jsonl.gz|-> | --db postgres://USER@HOST/DB) [--json] [--by <field>] [--bins N]
                     [--binning width|mass] [--k N] [--allow-individual-actors] [--accept-conflicts]
  deliberate report <log> -o report.html [--lang en|de] [--bins N] [--binning width|mass]
                    [--reason-labels labels.json] [--accept-conflicts]
  deliberate verify <log> [--json] [--checkpoints FILE --public-key FILE…] [--heads FILE]
                    [--allow-unanchored-tail]
  deliberate export --parquet OUT.parquet (<log.jsonl|log.jsonl.gz> | --db postgres://USER@HOST/DB)
  deliberate simulate [--decisions N | --events N] [--seed S] [-o file[.gz]] [--days N] [--start YYYY-MM-DD]
                      [--no-duplicates]

  <field> for --by: ${GROUP_FIELDS.join(', ')} (actor only with --allow-individual-actors)
  "-" reads standard input; gzip input is detected by its content.
  --checkpoints: signed checkpoints (NDJSON, GET /v1/checkpoints); --public-key: the collector's
  Ed25519 public key (PEM), repeated for every key in use since the checkpoints began (rotation);
  --heads: known heads (JSON) from an earlier verify --json or an outbox.
  --db: a collector's PostgreSQL store (table deliberate_events); the password comes from
  DELIBERATE_DB_PASSWORD or PGPASSWORD, never from the URL. export needs @duckdb/node-api.
  Exit codes: 0 ok, 1 broken hash chain or violated checkpoint (verify), 2 usage or input error
  (also: no events, an unparseable final line), 3 conflicting copies of an event (metrics, report;
  --accept-conflicts: reported and excluded, exit 0).
`;

/** A usage error: exit code 2 with the message and a hint. */
class UsageError extends Error {
  override name = 'UsageError';
}

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

function parse<const O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function integer(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--${name} must be a whole number ≥ ${min}, not "${value}".`);
  }
  return Number(value);
}

function oneLog(positionals: string[], command: string): string {
  if (positionals.length === 0)
    throw new UsageError(`${command} needs a log file (or - for standard input).`);
  if (positionals.length > 1)
    throw new UsageError(`${command} reads one log; got ${positionals.length}: ${positionals.join(' ')}.`);
  return positionals[0]!;
}

function binningOf(value: string | undefined): Binning | undefined {
  if (value === undefined) return undefined;
  if (value !== 'width' && value !== 'mass')
    throw new UsageError(`--binning must be "width" or "mass", not "${value}".`);
  return value;
}

/** Exit code for conflicting copies of an event (same id, different content). */
export const EXIT_CONFLICTS = 3;

/**
 * Refuses input that holds no event, or whose final line is not JSON (a truncated write): a
 * result over it would look like a valid, empty or shortened one.
 */
function requireEvents(
  label: string,
  events: number,
  lines: number,
  unparseableFinalLine: number | null,
): void {
  if (events === 0) {
    throw new LogInputError(
      lines === 0
        ? `${label} holds no events (it is empty).`
        : `${label} holds no valid events (${lines} non-blank lines, none of them a Deliberate event).`,
    );
  }
  if (unparseableFinalLine !== null) {
    throw new LogInputError(
      `${label}: the last line (${unparseableFinalLine}) is not JSON — the log looks truncated (an interrupted write). Repair or remove that line and run again.`,
    );
  }
}

function checkEngineInput(engine: MetricsEngine, file: string): void {
  const input = engine.input();
  requireEvents(
    file === '-' ? 'standard input' : file,
    input.events,
    input.lines,
    input.unparseableFinalLine,
  );
}

/** Reports conflicts on standard error; returns the exit code they call for. */
function conflictsExit(engine: MetricsEngine, io: Io, accept: boolean): number {
  const { conflicts } = engine.input();
  if (conflicts.count === 0) return 0;
  io.stderr.write(formatConflicts(conflicts, accept));
  return accept ? 0 : EXIT_CONFLICTS;
}

/** A one-line progress bar on a terminal's standard error; a no-op elsewhere. */
function progressBar(io: Io, label: string): { update: (progress: ReadProgress) => void; done: () => void } {
  const enabled = io.stderr.isTTY === true && !io.env['CI'] && io.env['DELIBERATE_NO_PROGRESS'] === undefined;
  if (!enabled) return { update: () => {}, done: () => {} };
  let last = 0;
  let shown = false;
  return {
    update({ bytes, total, lines }) {
      const now = Date.now();
      if (now - last < 150) return;
      last = now;
      shown = true;
      const mb = (bytes / 1048576).toFixed(1);
      let bar = '';
      if (total) {
        const share = Math.min(1, bytes / total);
        const filled = Math.round(share * 24);
        bar = `${'█'.repeat(filled)}${'░'.repeat(24 - filled)} ${Math.round(share * 100)
          .toString()
          .padStart(3)}% `;
      }
      io.stderr.write(`\r${label} ${bar}${mb} MB · ${lines.toLocaleString('en-GB')} lines\u001b[K`);
    },
    done() {
      if (shown) io.stderr.write('\r\u001b[K');
    },
  };
}

async function metricsCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    json: { type: 'boolean' },
    by: { type: 'string' },
    bins: { type: 'string' },
    binning: { type: 'string' },
    k: { type: 'string' },
    'allow-individual-actors': { type: 'boolean' },
    'accept-conflicts': { type: 'boolean' },
    db: { type: 'string' },
  });
  const store = dbSource(values.db, positionals, 'metrics', io);
  const file = store ? store.label : oneLog(positionals, 'metrics');
  const bins = integer('bins', values.bins, 1);
  const k = integer('k', values.k, 1);
  const binning = binningOf(values.binning);
  const by = values.by;
  if (by !== undefined && !GROUP_FIELDS.includes(by as GroupField)) {
    throw new UsageError(`--by must be one of ${GROUP_FIELDS.join(', ')}, not "${by}".`);
  }
  const allowActors = values['allow-individual-actors'] === true;
  if (by === 'actor') {
    if (!allowActors) {
      throw new UsageError(
        '--by actor rates individual employees and is off by default. It needs the staff council’s consent; if you have it, add --allow-individual-actors.',
      );
    }
    io.stderr.write(
      'Warning: metrics per individual actor. Rating individual employees needs the consent of the staff council (Personalrat/Betriebsrat); keep these results confidential.\n',
    );
  }
  const progress = progressBar(io, 'reading');
  const engine = store
    ? await readStoreEngine(store, progress.update)
    : await readMetricsEngine(file, { stdin: io.stdin, onProgress: progress.update });
  progress.done();
  checkEngineInput(engine, file);
  const options = { bins, binning, k, allowIndividualActors: allowActors };
  if (by !== undefined) {
    const result = engine.grouped(by as GroupField, options);
    io.stdout.write(values.json ? JSON.stringify(result) + '\n' : formatGrouped(result));
  } else {
    const result = engine.metrics(options);
    io.stdout.write(values.json ? JSON.stringify(result) + '\n' : formatMetrics(result));
  }
  return conflictsExit(engine, io, values['accept-conflicts'] === true);
}

/** `--db URL`: the store to read instead of a log file (which must then be absent). */
function dbSource(
  url: string | undefined,
  positionals: string[],
  command: string,
  io: Io,
): StoreConnection | undefined {
  if (url === undefined) return undefined;
  if (positionals.length > 0) {
    throw new UsageError(
      `${command} reads a log file or --db, not both; got ${positionals.join(' ')} and --db.`,
    );
  }
  return storeConnection(url, io.env);
}

/**
 * The events of a collector's store, in chain order, through the same engine and digest as a
 * log file: `deliberate metrics --db` equals `deliberate metrics` on an export of the table.
 */
async function readStoreEngine(
  store: StoreConnection,
  onProgress: (progress: ReadProgress) => void,
): Promise<MetricsEngine> {
  let engine: MetricsEngine | undefined;
  const make = (expectedEvents?: number) => createMetricsEngine({ expectedEvents, digest: lineDigest });
  await readStoreEvents(store, (json) => (engine ??= make()).pushLine(json), {
    onProgress,
    onEstimate: (rows) => {
      engine = make(rows > 0 ? rows : undefined);
    },
  });
  return engine ?? make();
}

async function exportCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    parquet: { type: 'string' },
    db: { type: 'string' },
  });
  if (values.parquet === undefined) {
    throw new UsageError('export needs an output file: --parquet OUT.parquet (the only format so far).');
  }
  const store = dbSource(values.db, positionals, 'export', io);
  const file = store ? undefined : oneLog(positionals, 'export');
  if (file === '-') throw new UsageError('export reads a file or --db, not standard input.');
  const progress = progressBar(io, 'exporting');
  // Imported here: DuckDB is an optional peer dependency, needed by nothing else.
  const { exportParquet } = await import('./warehouse.ts');
  const result = await exportParquet(values.parquet, store ? { connection: store } : { file: file! }, {
    onProgress: progress.update,
  });
  progress.done();
  io.stderr.write(
    `${new Intl.NumberFormat('en-GB').format(result.rows)} events written to ${values.parquet}\n`,
  );
  return 0;
}

async function reportCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    output: { type: 'string', short: 'o' },
    lang: { type: 'string' },
    bins: { type: 'string' },
    binning: { type: 'string' },
    'reason-labels': { type: 'string' },
    'accept-conflicts': { type: 'boolean' },
  });
  const file = oneLog(positionals, 'report');
  if (!values.output) throw new UsageError('report needs an output file: -o report.html');
  const lang = values.lang ?? 'en';
  if (lang !== 'en' && lang !== 'de') throw new UsageError(`--lang must be "en" or "de", not "${lang}".`);
  const bins = integer('bins', values.bins, 1);
  const binning = binningOf(values.binning);
  // Read before the log, which may take minutes, so that a bad labels file fails at once.
  const labelsFile = values['reason-labels'];
  const reasonLabels = labelsFile === undefined ? undefined : readReasonLabels(labelsFile);
  const progress = progressBar(io, 'reading');
  const engine = await readMetricsEngine(file, { stdin: io.stdin, onProgress: progress.update });
  progress.done();
  checkEngineInput(engine, file);
  await writeReport(values.output, engine.metrics({ bins, binning }), {
    lang,
    reasonLabels,
    source: file === '-' ? (lang === 'de' ? 'Standardeingabe' : 'standard input') : file,
  });
  io.stderr.write(`report written to ${values.output}\n`);
  return conflictsExit(engine, io, values['accept-conflicts'] === true);
}

async function verifyCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    json: { type: 'boolean' },
    checkpoints: { type: 'string' },
    'public-key': { type: 'string', multiple: true },
    heads: { type: 'string' },
    'allow-unanchored-tail': { type: 'boolean' },
  });
  const file = oneLog(positionals, 'verify');
  if ((values.checkpoints === undefined) !== (values['public-key'] === undefined)) {
    throw new UsageError(
      '--checkpoints and --public-key go together: checkpoints are only evidence with the key that signed them.',
    );
  }
  if (values['allow-unanchored-tail'] && values.checkpoints === undefined) {
    throw new UsageError('--allow-unanchored-tail needs --checkpoints (and --public-key).');
  }
  // Read the small files first, so that a bad key or checkpoint file fails before a long read.
  const checkpointFile =
    values.checkpoints === undefined ? undefined : readCheckpoints(values.checkpoints, values['public-key']!);
  const keyIds = checkpointFile?.keyIds ?? [];
  const known = values.heads === undefined ? undefined : readHeads(values.heads);
  const progress = progressBar(io, 'verifying');
  const result = await verifyLog(file, {
    stdin: io.stdin,
    onProgress: progress.update,
    checkpoints: checkpointFile?.valid,
    heads: known?.heads,
    anchors: known?.anchors,
    allowUnanchoredTail: values['allow-unanchored-tail'] === true,
  });
  progress.done();
  requireEvents(
    file === '-' ? 'standard input' : file,
    result.validEvents,
    result.lines,
    result.unparseableFinalLine,
  );
  const problems = checkpointFile?.problems ?? [];
  if (values.json) {
    const out = checkpointFile
      ? {
          ...result,
          ok: result.ok && problems.length === 0,
          checkpointProblems: problems,
          keyId: keyIds[0],
          keyIds,
        }
      : result;
    io.stdout.write(JSON.stringify(out) + '\n');
  } else {
    io.stdout.write(formatVerification(result, problems, values.checkpoints));
  }
  return result.ok && problems.length === 0 ? 0 : 1;
}

async function simulateCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    decisions: { type: 'string' },
    events: { type: 'string' },
    seed: { type: 'string' },
    output: { type: 'string', short: 'o' },
    days: { type: 'string' },
    start: { type: 'string' },
    'no-duplicates': { type: 'boolean' },
  });
  if (positionals.length > 0)
    throw new UsageError(`simulate takes no positional arguments; got ${positionals.join(' ')}.`);
  const decisions = integer('decisions', values.decisions, 0);
  const events = integer('events', values.events, 0);
  const days = integer('days', values.days, 1);
  if (values.start !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.start)) {
    throw new UsageError(`--start must be a date YYYY-MM-DD, not "${values.start}".`);
  }
  const target: string | Writable = values.output ?? (io.stdout as Writable);
  const count = await writeSimulatedLog(target, {
    decisions,
    events,
    seed: values.seed ?? 1,
    days,
    start: values.start,
    duplicates: values['no-duplicates'] !== true,
  });
  if (values.output) io.stderr.write(`${count} events written to ${values.output}\n`);
  return 0;
}

/**
 * Runs the CLI with `argv` (without node and script) and returns the exit code. Errors are
 * printed to `io.stderr`, never thrown.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2));
 */
export async function main(argv: string[], io: Io = process): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'metrics':
        return await metricsCommand(rest, io);
      case 'report':
        return await reportCommand(rest, io);
      case 'verify':
        return await verifyCommand(rest, io);
      case 'simulate':
        return await simulateCommand(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        (command === undefined ? io.stderr : io.stdout).write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof MetricsOptionError || error instanceof RangeError) {
      io.stderr.write(`deliberate: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof LogInputError) {
      io.stderr.write(`deliberate: ${error.message}\n`);
      return 2;
    }
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return 0;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      io.stderr.write(`deliberate: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}

/** Peak memory for benchmarks: `DELIBERATE_REPORT_RSS=1` prints the maximum RSS at exit. */
function reportRss(): void {
  if (process.env['DELIBERATE_REPORT_RSS']) {
    const { heapTotal, arrayBuffers } = process.memoryUsage();
    const mb = (bytes: number) => Math.round(bytes / 1048576);
    process.stderr.write(
      `deliberate: maxRSS ${process.resourceUsage().maxRSS} kB (at exit: JS heap ${mb(heapTotal)} MB, typed arrays ${mb(arrayBuffers)} MB)\n`,
    );
  }
}

const invokedDirectly = (() => {
  const script = process.argv[1];
  if (!script) return false;
  try {
    // Through npm's bin symlink argv[1] is the link; compare real paths.
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();

if (invokedDirectly) {
  // `deliberate metrics log.jsonl | head`: a closed pipe ends the run quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      reportRss();
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`deliberate: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
