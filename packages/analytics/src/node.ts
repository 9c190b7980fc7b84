/*
 * `@deliberate/analytics/node`: reading logs from files, gzip files and standard input as a
 * stream, writing simulated logs and reports. Everything that needs Node lives here, so the
 * engine in `index.ts` stays usable in a browser.
 */
import * as crypto from 'node:crypto';
import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import {
  createChainVerifier,
  type ChainAnchor,
  type ChainBreak,
  type ChainHead,
  type CheckpointClaim,
  type CheckpointViolation,
} from '@deliberate/log';
import { hashInput } from './canonical.ts';
import {
  MAX_LINE_BYTES,
  OVERSIZED_LINE,
  gunzipIfNeeded,
  openSource,
  readError,
  type ReadOptions,
} from './source.ts';
import { LogInputError } from './errors.ts';
import { resolveFirstCopies } from './conflicts.ts';
import { createMetricsEngine, type MetricsEngine } from './engine.ts';
import { readParallel, type ParallelStats } from './parallel/read.ts';
import { simulateEvents, type SimulationOptions } from './simulate.ts';
import type { ReportOptions } from './report/report.tsx';
import type { MetricsReport } from './types.ts';
import { isDeliberateEvent } from './validate.ts';

export { hashInput } from './canonical.ts';

export { LogInputError } from './errors.ts';

export { MAX_LINE_BYTES, type ReadOptions, type ReadProgress } from './source.ts';

export type { ParallelStats } from './parallel/read.ts';

/** SHA-256 as lowercase hex with node:crypto (about 20× faster than the portable one). */
export function nodeSha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** `crypto.hash` (Node ≥ 20.12): one call, about twice as fast as `createHash` for a line. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

/**
 * SHA-256 of an event's line, for telling repeats from conflicting copies in the metrics engine.
 *
 * @example
 * createMetricsEngine({ digest: lineDigest });
 */
export function lineDigest(text: string): string {
  return oneShot ? oneShot('sha256', text, 'hex') : nodeSha256(text);
}

/**
 * Streams the lines of a JSONL log — a file, a gzip file, or standard input (`-`) — to `onLine`,
 * without holding more than one chunk and one line. `\r\n` endings are accepted; a final line
 * without a newline is delivered too. Resolves with the number of lines.
 *
 * Lines are cut in the bytes (a newline byte never occurs inside a UTF-8 character) and each is
 * decoded on its own: that is about 40 % faster than decoding whole chunks and slicing strings,
 * and hands JSON.parse flat strings that do not pin a chunk in memory.
 *
 * @example
 * await readLogLines('events.jsonl.gz', (line) => engine.pushLine(line));
 */
export async function readLogLines(
  file: string,
  onLine: (line: string) => void,
  options: ReadOptions = {},
): Promise<number> {
  const { stream, total, label } = openSource(file, options);
  const counter = { bytes: 0 };
  let rest: Buffer | null = null;
  let skipping = false;
  let lines = 0;
  const emit = (buffer: Buffer, start: number, end: number) => {
    lines++;
    // A UTF-8 byte order mark (some Windows editors write one) is not part of the first line.
    if (
      lines === 1 &&
      end - start >= 3 &&
      buffer[start] === 0xef &&
      buffer[start + 1] === 0xbb &&
      buffer[start + 2] === 0xbf
    ) {
      start += 3;
    }
    if (skipping) {
      skipping = false;
      onLine(OVERSIZED_LINE);
      return;
    }
    onLine(buffer.toString('utf8', start, end > start && buffer[end - 1] === 13 ? end - 1 : end));
  };
  try {
    for await (const raw of gunzipIfNeeded(stream, label, counter)) {
      let chunk: Buffer = typeof raw === 'string' ? Buffer.from(raw) : raw;
      if (rest !== null) {
        chunk = Buffer.concat([rest, chunk]);
        rest = null;
      }
      let start = 0;
      for (;;) {
        const newline = chunk.indexOf(10, start);
        if (newline < 0) break;
        emit(chunk, start, newline);
        start = newline + 1;
      }
      if (start < chunk.length) {
        if (skipping || chunk.length - start > MAX_LINE_BYTES) {
          // A line this long is not an event: skip to its end instead of buffering it.
          skipping = true;
        } else {
          rest = Buffer.from(chunk.subarray(start));
        }
      }
      options.onProgress?.({ bytes: counter.bytes, total, lines });
    }
  } catch (error) {
    throw readError(error, label);
  }
  if (skipping) {
    lines++;
    onLine(OVERSIZED_LINE);
  } else if (rest !== null && rest.length > 0) {
    emit(rest, 0, rest.length);
  }
  return lines;
}

/** Options for `readMetricsEngine`. */
export interface MetricsReadOptions extends ReadOptions {
  /**
   * Parse with worker threads (same results, faster on big logs). `'auto'`: for files of at least
   * `PARALLEL_MIN_BYTES` (compressed size for gzip), not for standard input; `true`: always when
   * the worker's code is available; `false`: never.
   * @default 'auto'
   */
  parallel?: boolean | 'auto' | undefined;
  /**
   * Worker threads for the parallel read; `0` reads on the main thread.
   * @default `DELIBERATE_WORKERS`, else os.availableParallelism(), at least 2
   */
  workers?: number | undefined;
  /** Bytes per batch handed to a worker (tests). @default 128 KiB */
  batchBytes?: number | undefined;
}

/** Files smaller than this are read on the main thread: starting workers would cost more. */
export const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;

/** A metrics engine filled from a log, and how it was read. */
export interface MetricsRead {
  engine: MetricsEngine;
  /** The workers' share, or `null` when the log was read on the main thread. */
  parallel: ParallelStats | null;
}

/**
 * `DELIBERATE_WORKERS`: worker threads for reading logs; `0` reads on the main thread. Unset: one
 * per core.
 */
function workersFromEnvironment(): number | undefined {
  const value = process.env['DELIBERATE_WORKERS'];
  if (value === undefined || value.trim() === '') return undefined;
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 0 || workers > 256) {
    throw new LogInputError(`DELIBERATE_WORKERS must be a whole number from 0 to 256, not "${value}".`);
  }
  return workers;
}

function wantsParallel(file: string, option: MetricsReadOptions['parallel']): boolean {
  if (option === true) return true;
  if (option === false || file === '-') return false;
  if (option !== undefined && option !== 'auto') {
    throw new RangeError(`parallel must be true, false or "auto", not ${JSON.stringify(option)}.`);
  }
  try {
    return statSync(file).size >= PARALLEL_MIN_BYTES;
  } catch {
    return false;
  }
}

/**
 * Reads a log into a metrics engine, in parallel where that pays (see `MetricsReadOptions`), and
 * tells how it was read.
 *
 * @example
 * const { engine, parallel } = await readMetrics('events.jsonl');
 * parallel?.workers; // 2
 */
export async function readMetrics(file: string, options: MetricsReadOptions = {}): Promise<MetricsRead> {
  // A file can be read twice, so the engine need not keep where every id's first copy was
  // (conflicts.ts); standard input cannot.
  const engine = createMetricsEngine({
    expectedEvents: expectedEvents(file),
    digest: lineDigest,
    firstCopies: file === '-' ? 'kept' : 'reread',
  });
  const workers = options.workers ?? workersFromEnvironment();
  let parallel: ParallelStats | null = null;
  if (workers !== 0 && wantsParallel(file, options.parallel)) {
    parallel = await readParallel(file, engine, { ...options, workers });
  }
  if (parallel === null) await readLogLines(file, (line) => engine.pushLine(line), options);
  await resolveFirstCopies(file, engine, readLogLines, options);
  return { engine, parallel };
}

/**
 * Reads a log into a metrics engine; ask it for `metrics()` or `grouped()` afterwards. Big files
 * are parsed by worker threads with the same result (`MetricsReadOptions.parallel`).
 *
 * @example
 * const engine = await readMetricsEngine('events.jsonl');
 * console.log(engine.metrics({ bins: 15 }).calibration.ece);
 */
export async function readMetricsEngine(
  file: string,
  options: MetricsReadOptions = {},
): Promise<MetricsEngine> {
  return (await readMetrics(file, options)).engine;
}

/** Typical bytes per event line of a Deliberate log (simulated logs: ~690). */
const BYTES_PER_EVENT = 700;

/**
 * A guess at the number of events in a plain file, from its size, so the engine's tables start at
 * the right size. None for stdin and gzip: an overestimate would cost memory, an underestimate
 * only a growth.
 */
function expectedEvents(file: string): number | undefined {
  if (file === '-' || file.endsWith('.gz')) return undefined;
  try {
    return Math.floor(statSync(file).size / BYTES_PER_EVENT);
  } catch {
    return undefined;
  }
}

/* -------------------------------------------------------------------------------------------------
 * Verify
 * -----------------------------------------------------------------------------------------------*/

/** A checkpoint violation with the log line of its first event (`null`: past the end of the log). */
export type LogCheckpointViolation = CheckpointViolation & {
  line: number | null;
  /** Line of the violated checkpoint in the checkpoint file, when it came from one. */
  checkpointLine?: number | undefined;
};

/** The verdict of `verifyLog`. */
export interface LogVerification {
  ok: boolean;
  /** Non-blank lines. */
  lines: number;
  /** Lines that parsed as JSON and went to the chain verifier. */
  events: number;
  /** Of those, the ones that pass the event schema. */
  validEvents: number;
  chains: number;
  /** Exact repeats of the event just before them in their chain (at-least-once delivery). */
  duplicates: number;
  /** Lines that are not JSON, or JSON that fails the event schema. */
  malformed: { count: number; lines: number[] };
  /** The first break, with the line it was found at. */
  firstBreak: (ChainBreak & { line: number }) | null;
  /** How many chains are broken. */
  brokenChains: number;
  /** Chains that start after genesis at an anchor (a checkpoint, a known head): a slice. */
  slicedChains: number;
  /** Where each chain would continue: feed back as known heads (`--heads`) next time. */
  heads: ChainHead[];
  /** The last non-blank line, when it is not JSON: a truncated write. */
  unparseableFinalLine: number | null;
  /** Present when checkpoints were given. */
  checkpoints?: {
    given: number;
    held: number;
    beforeSlice: number;
    violations: LogCheckpointViolation[];
  };
}

/** Options for `verifyLog`. */
export interface VerifyOptions extends ReadOptions {
  /** Checkpoints whose signatures were verified (`readCheckpoints`); `line` is reported back. */
  checkpoints?: readonly (CheckpointClaim & { line?: number })[] | undefined;
  /** Known heads (outbox heads, or `heads` of an earlier verification). */
  heads?: readonly ChainHead[] | undefined;
  /** Known events a slice may start at or after. */
  anchors?: readonly ChainAnchor[] | undefined;
  /** Events after the newest checkpoint of their chain do not fail the verdict (still reported). */
  allowUnanchoredTail?: boolean | undefined;
}

/**
 * Verifies every hash chain in a log, streaming. Lines that are not JSON cannot be placed in a
 * chain and are reported as malformed (a deleted or garbled event then shows as a `missing` or
 * `changed` break of its chain). Events that fail the schema are still checked against their
 * hash, so a tampered value is reported as a break rather than only as malformed. With
 * `checkpoints`, every checkpoint is held against its chain (see `ChainVerifierOptions`).
 *
 * @example
 * const { ok, firstBreak } = await verifyLog('events.jsonl');
 */
export async function verifyLog(file: string, options: VerifyOptions = {}): Promise<LogVerification> {
  const verifier = createChainVerifier({
    hashEvent: (event) => nodeSha256(hashInput(event)),
    checkpoints: options.checkpoints,
    heads: options.heads,
    anchors: options.anchors,
    allowUnanchoredTail: options.allowUnanchoredTail,
  });
  let line = 0;
  let lines = 0;
  let malformed = 0;
  let lastMalformed = false;
  let lastLine = 0;
  let validEvents = 0;
  const malformedLines: number[] = [];
  // Line numbers of events pushed to the verifier, in push order: breaks are reported by index.
  let lineOf = new Int32Array(1 << 16);
  let pushed = 0;
  await readLogLines(
    file,
    (text) => {
      line++;
      if (text.trim().length === 0) return;
      lines++;
      lastLine = line;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        malformed++;
        lastMalformed = true;
        if (malformedLines.length < 20) malformedLines.push(line);
        return;
      }
      lastMalformed = false;
      if (isDeliberateEvent(value)) {
        validEvents++;
      } else {
        malformed++;
        if (malformedLines.length < 20) malformedLines.push(line);
      }
      if (pushed >= lineOf.length) {
        const next = new Int32Array(lineOf.length * 2);
        next.set(lineOf);
        lineOf = next;
      }
      lineOf[pushed++] = line;
      verifier.push(value);
    },
    options,
  );
  const result = verifier.result();
  const first = result.firstBreak;
  const lineAt = (index: number): number | null => (index >= 0 && index < pushed ? lineOf[index]! : null);
  const checkpointLines = new Map<object, number>();
  for (const checkpoint of options.checkpoints ?? []) {
    if (checkpoint.line !== undefined) checkpointLines.set(checkpoint, checkpoint.line);
  }
  const verdict: LogVerification = {
    ok: result.ok,
    lines,
    events: result.events,
    validEvents,
    chains: result.chains.length,
    duplicates: result.duplicates,
    malformed: { count: malformed, lines: malformedLines },
    firstBreak: first ? { ...first, line: lineAt(first.index) ?? line + 1 } : null,
    brokenChains: result.breaks.length,
    slicedChains: result.chains.filter((chain) => (chain.from ?? 0) > 0).length,
    heads: result.chains.flatMap((chain) => (chain.head ? [chain.head] : [])),
    unparseableFinalLine: lastMalformed ? lastLine : null,
  };
  if (result.checkpoints) {
    verdict.checkpoints = {
      ...result.checkpoints,
      violations: result.checkpoints.violations.map((violation) => ({
        ...violation,
        line: lineAt(violation.index),
        checkpointLine: violation.checkpoint ? checkpointLines.get(violation.checkpoint) : undefined,
      })),
    };
  }
  return verdict;
}

/* -------------------------------------------------------------------------------------------------
 * Simulate
 * -----------------------------------------------------------------------------------------------*/

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

/**
 * Writes a simulated log as JSONL to `file` (gzip when it ends in `.gz`) or to a stream, with
 * backpressure, so millions of events need no more memory than a few. Resolves with the number of
 * events written.
 *
 * @example
 * await writeSimulatedLog('demo.jsonl', { decisions: 2000, seed: 7 });
 */
export async function writeSimulatedLog(
  target: string | Writable,
  options: SimulationOptions = {},
): Promise<number> {
  const events = simulateEvents({ sha256: nodeSha256, ...options });
  const toFile = typeof target === 'string';
  const file = toFile ? createWriteStream(target) : null;
  const gzip = toFile && target.endsWith('.gz') ? createGzip() : null;
  const out: Writable = gzip ?? file ?? (target as Writable);
  const done = gzip && file ? pipeline(gzip, file) : null;
  let count = 0;
  let batch = '';
  for (const event of events) {
    batch += JSON.stringify(event) + '\n';
    count++;
    // Batching lines into ~256 KB writes: one write per event is the slowest part otherwise.
    if (batch.length > 262_144) {
      await write(out, batch);
      batch = '';
    }
  }
  if (batch.length > 0) await write(out, batch);
  if (toFile) {
    if (done) {
      gzip?.end();
      await done;
    } else {
      await new Promise<void>((resolve, reject) =>
        file?.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
    }
  }
  return count;
}

/* -------------------------------------------------------------------------------------------------
 * Report
 * -----------------------------------------------------------------------------------------------*/

/**
 * The stylesheet of @deliberate/charts, read at run time from the installed package: `src/` in
 * the workspace (tsx, tests), `dist/` when published. Empty when neither is found.
 */
export function loadChartsCss(): string {
  const require = createRequire(import.meta.url);
  let dir: string;
  try {
    dir = path.dirname(require.resolve('@deliberate/charts/package.json'));
  } catch {
    return '';
  }
  for (const candidate of ['src/charts.css', 'dist/charts.css', 'charts.css']) {
    const file = path.join(dir, candidate);
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  return '';
}

/** The dashboard's stylesheet, read next to this module (src/ under tsx, dist/ when built). */
export function loadDashboardCss(): string {
  const file = new URL('./dashboard/dashboard.css', import.meta.url);
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/**
 * Reads reason texts for the report from a JSON file: one object from a reason code, or from
 * `system|code`, to the text to show (as `reasonLabels` of the dashboard). Throws a
 * `LogInputError` that names the file and the first problem.
 *
 * @example
 * // reasons.de.json: { "missing-evidence": "Nachweis fehlt", "urn:agency:reasons|other": "Sonstiges" }
 * const reasonLabels = readReasonLabels('reasons.de.json');
 */
export function readReasonLabels(file: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new LogInputError(`cannot read reason labels from ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new LogInputError(`reason labels in ${file} are not JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new LogInputError(
      `reason labels in ${file} must be one JSON object from reason code (or system|code) to text, e.g. {"missing-evidence": "Nachweis fehlt"}.`,
    );
  }
  const labels: Record<string, string> = {};
  for (const [code, label] of Object.entries(parsed)) {
    if (typeof label !== 'string' || label.trim() === '') {
      throw new LogInputError(
        `reason labels in ${file}: "${code}" must map to a non-empty text, not ${JSON.stringify(label)}.`,
      );
    }
    labels[code] = label;
  }
  return labels;
}

/** Options for `writeReport`. */
export interface WriteReportOptions {
  /** @default 'en' */
  lang?: 'de' | 'en' | undefined;
  /**
   * Reason texts by code or `system|code`, shown instead of the texts logged with the codes (for a
   * report in another language than the procedure logged in).
   */
  reasonLabels?: ReportOptions['reasonLabels'];
  /** Shown as the data source. @default the file name */
  source?: string | undefined;
  /** Fixed in tests. @default now */
  generatedAt?: Date | undefined;
}

/**
 * Renders the self-contained HTML report and writes it to `file`. React and the charts are loaded
 * only here, so `deliberate metrics` does not pay for them.
 *
 * @example
 * await writeReport('report.html', engine.metrics(), { lang: 'de', source: 'events.jsonl' });
 */
export async function writeReport(
  file: string,
  result: MetricsReport,
  options: WriteReportOptions = {},
): Promise<void> {
  const { renderReportHtml } = await import('./report/report.tsx');
  const html = renderReportHtml(result, {
    lang: options.lang,
    reasonLabels: options.reasonLabels,
    css: `${loadChartsCss()}\n${loadDashboardCss()}`,
    source: options.source,
    generatedAt: options.generatedAt,
  });
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('error', reject);
    out.end(html, () => resolve());
  });
}

export type { ReportLocale, ReportOptions } from './report/report.tsx';
