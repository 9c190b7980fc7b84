/*
 * The parallel metrics reader. The main thread reads the log in the same chunks as `readLogLines`
 * (same gzip detection, byte order mark and over-long-line handling), copies whole runs of
 * complete lines into 128 KiB batches and hands them to worker threads (transferred, not copied).
 * Workers decode, parse, check the schema and hash each line (parallel/classify.ts) and send back
 * a kind per line and the few fields the metrics read; the main thread folds the results in batch
 * order, so every line gets the same number and the engine sees the same sequence as when it
 * reads alone: identical results, including malformed lines, conflicts and their line numbers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { LINE_EVENT, type MetricsEngine } from '../engine.ts';
import { LogInputError } from '../errors.ts';
import {
  MAX_LINE_BYTES,
  OVERSIZED_LINE,
  gunzipIfNeeded,
  openSource,
  readError,
  type ReadOptions,
} from '../source.ts';
import { decodeSlim } from './slim.ts';
import type { BatchMessage, FailureMessage, ResultMessage } from './protocol.ts';

/**
 * Bytes per batch handed to a worker (a batch may be larger when one run of lines is). Measured
 * on 1 million events (bench/metrics.ts, 2 cores): 128 KiB with two batches in flight per worker
 * gave the lowest peak memory and CPU time; 1 MiB with three cost ~55 MB more and ~10 % more CPU.
 */
export const BATCH_BYTES = 128 * 1024;
/** Batches handed out but not yet folded, per worker: enough to keep every worker busy. */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * A worker holds one batch and its results at a time: a small young generation keeps each
 * worker's heap, and so the process's peak memory, small (V8's default grows to 16–32 MB per
 * thread).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 32 };

/** What the parallel reader did, for tests and benchmarks. */
export interface ParallelStats {
  /** Worker threads started. */
  workers: number;
  /** Batches each worker processed. */
  batchesPerWorker: number[];
}

/** Options for `readParallel`. */
export interface ParallelReadOptions extends ReadOptions {
  /** Worker threads. @default os.availableParallelism(), at least 2 */
  workers?: number | undefined;
  /** Bytes per batch (tests use small ones to cut lines at many places). @default BATCH_BYTES */
  batchBytes?: number | undefined;
}

interface WorkerEntry {
  target: URL | string;
  options: WorkerOptions;
}

/** tsx's ES module API (`tsx/esm/api`, import condition), from the workspace's dev dependencies. */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, unknown> })
    .exports;
  const entry = (exports['./esm/api'] as { import: { default: string } }).import.default;
  return pathToFileURL(path.join(path.dirname(manifest), entry)).href;
}

/** Where the worker's code is: next to this module (source or dist), or next to a bundle. */
function workerEntry(): WorkerEntry | null {
  for (const name of ['./worker.js', './worker.mjs', './worker.ts', './parallel/worker.js']) {
    const url = new URL(name, import.meta.url);
    if (url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) continue;
    if (!name.endsWith('.ts')) return { target: url, options: {} };
    // TypeScript source (tests, tsx): Node 20 does not apply loaders to a worker's entry file, so
    // a small script registers tsx in the worker first and then imports the source.
    try {
      const tsx = tsxEsmApi();
      const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
      return { target: code, options: { eval: true, execArgv: ['--conditions=@deliberate/source'] } };
    } catch {
      return null;
    }
  }
  return null;
}

/** Whether worker threads can be started here (their code was found). */
export function parallelAvailable(): boolean {
  return workerEntry() !== null;
}

/** How many workers to start by default: one per core, at least two. */
export function defaultWorkers(): number {
  return Math.max(2, availableParallelism());
}

class WorkerPool {
  readonly workers: Worker[] = [];
  readonly batchesPerWorker: number[];
  private readonly results = new Map<number, ResultMessage>();
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private readonly spare: ArrayBuffer[] = [];
  /** Next batch number to hand out, and to fold. */
  private sent = 0;
  private folded = 0;
  linesFolded = 0;

  constructor(
    count: number,
    entry: WorkerEntry,
    private readonly engine: MetricsEngine,
    private readonly batchBytes: number,
  ) {
    this.batchesPerWorker = new Array<number>(count).fill(0);
    for (let i = 0; i < count; i++) {
      const worker = new Worker(entry.target, { ...entry.options, resourceLimits: WORKER_LIMITS });
      worker.on('message', (message: ResultMessage | FailureMessage) => this.receive(message));
      worker.on('error', (error) => this.fail(new Error(`A metrics worker failed: ${error.message}`)));
      worker.on('exit', (code) => {
        if (this.failure === null && code !== 0)
          this.fail(new Error(`A metrics worker exited with code ${code}.`));
      });
      this.workers.push(worker);
    }
  }

  /** A buffer for the next batch, at least `bytes` long. */
  buffer(bytes: number): ArrayBuffer {
    if (bytes > this.batchBytes) return new ArrayBuffer(bytes);
    return this.spare.pop() ?? new ArrayBuffer(this.batchBytes);
  }

  async send(buffer: ArrayBuffer, length: number): Promise<void> {
    while (this.sent - this.folded >= this.workers.length * IN_FLIGHT_PER_WORKER) await this.next();
    const seq = this.sent++;
    const index = seq % this.workers.length;
    this.batchesPerWorker[index]!++;
    const message: BatchMessage = { seq, buffer, length };
    this.workers[index]!.postMessage(message, [buffer]);
  }

  /** Waits until everything sent has been folded. */
  async drain(): Promise<void> {
    while (this.folded < this.sent) await this.next();
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    this.failure ??= new Error('closed');
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private next(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve) => (this.wake = resolve));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private receive(message: ResultMessage | FailureMessage): void {
    if ('error' in message) {
      this.fail(new Error(`A metrics worker could not process a batch: ${message.error}`));
      return;
    }
    this.results.set(message.seq, message);
    for (let result = this.results.get(this.folded); result; result = this.results.get(this.folded)) {
      this.results.delete(this.folded);
      this.folded++;
      try {
        this.fold(result);
      } catch (error) {
        this.fail(error as Error);
        return;
      }
    }
    this.notify();
  }

  private fold(result: ResultMessage): void {
    const { kinds, digests } = result;
    const events = JSON.parse(result.events) as unknown[][];
    const engine = this.engine;
    let event = 0;
    for (let i = 0; i < kinds.length; i++) {
      const kind = kinds[i]!;
      if (kind === LINE_EVENT) {
        engine.pushClassified(kind, decodeSlim(events[event]!), digests[event * 2]!, digests[event * 2 + 1]!);
        event++;
      } else {
        engine.pushClassified(kind, null, 0, 0);
      }
    }
    this.linesFolded += kinds.length;
    if (result.buffer.byteLength === this.batchBytes) this.spare.push(result.buffer);
  }
}

/**
 * Reads a log into `engine` with worker threads. Returns `null` (having read nothing) when the
 * worker's code cannot be found; the caller then reads sequentially.
 *
 * @example
 * const stats = await readParallel('big.jsonl', createMetricsEngine({ digest: lineDigest }));
 */
export async function readParallel(
  file: string,
  engine: MetricsEngine,
  options: ParallelReadOptions = {},
): Promise<ParallelStats | null> {
  const entry = workerEntry();
  if (entry === null) return null;
  const workers = options.workers ?? defaultWorkers();
  if (!Number.isInteger(workers) || workers < 1 || workers > 256) {
    throw new RangeError(`workers must be a whole number from 1 to 256, not ${String(workers)}.`);
  }
  const batchBytes = options.batchBytes ?? BATCH_BYTES;
  const { stream, total, label } = openSource(file, options);
  const pool = new WorkerPool(workers, entry, engine, batchBytes);
  const counter = { bytes: 0 };
  let batch = pool.buffer(batchBytes);
  let view = new Uint8Array(batch);
  let used = 0;
  let emitted = false;
  const flush = async (): Promise<void> => {
    if (used === 0) return;
    await pool.send(batch, used);
    batch = pool.buffer(batchBytes);
    view = new Uint8Array(batch);
    used = 0;
  };
  /** Appends `bytes[start, end)` — whole lines with their newlines — to the batch. */
  const append = async (bytes: Buffer, start: number, end: number): Promise<void> => {
    if (
      !emitted &&
      end - start >= 3 &&
      bytes[start] === 0xef &&
      bytes[start + 1] === 0xbb &&
      bytes[start + 2] === 0xbf
    ) {
      // A UTF-8 byte order mark is not part of the first line.
      start += 3;
    }
    emitted = true;
    if (used + (end - start) > view.length) {
      await flush();
      if (end - start > view.length) {
        batch = pool.buffer(end - start);
        view = new Uint8Array(batch);
      }
    }
    bytes.copy(view, used, start, end);
    used += end - start;
  };
  const oversized = Buffer.from(`${OVERSIZED_LINE}\n`);
  let rest: Buffer | null = null;
  let skipping = false;
  try {
    for await (const raw of gunzipIfNeeded(stream, label, counter)) {
      let chunk: Buffer = typeof raw === 'string' ? Buffer.from(raw) : raw;
      if (rest !== null) {
        chunk = Buffer.concat([rest, chunk]);
        rest = null;
      }
      let start = 0;
      if (skipping) {
        const newline = chunk.indexOf(10);
        if (newline >= 0) {
          // The end of a line too long to buffer: it is read as one malformed line.
          skipping = false;
          emitted = true;
          await append(oversized, 0, oversized.length);
          start = newline + 1;
        }
      }
      if (!skipping) {
        const last = chunk.lastIndexOf(10);
        if (last >= start) {
          await append(chunk, start, last + 1);
          start = last + 1;
        }
      }
      if (start < chunk.length) {
        if (skipping || chunk.length - start > MAX_LINE_BYTES) skipping = true;
        else rest = Buffer.from(chunk.subarray(start));
      }
      options.onProgress?.({ bytes: counter.bytes, total, lines: pool.linesFolded });
    }
    if (skipping) {
      await append(oversized, 0, oversized.length);
    } else if (rest !== null && rest.length > 0) {
      await append(Buffer.concat([rest, Buffer.from('\n')]), 0, rest.length + 1);
    }
    await flush();
    await pool.drain();
  } catch (error) {
    throw error instanceof LogInputError || !(error instanceof Error) || !/metrics worker/.test(error.message)
      ? readError(error, label)
      : error;
  } finally {
    await pool.close();
  }
  return { workers, batchesPerWorker: pool.batchesPerWorker };
}
