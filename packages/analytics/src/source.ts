/*
 * Opening a log for reading: a file, a gzip file or standard input, shared by the sequential line
 * reader (node.ts) and the parallel one (parallel/read.ts), so both see the same bytes in the same
 * chunks.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { LogInputError } from './errors.ts';

/** A line longer than this is malformed; reading skips to the next newline instead of buffering it. */
export const MAX_LINE_BYTES = 1024 * 1024;
/** What a line over `MAX_LINE_BYTES` is read as: not JSON, so it counts as malformed. */
export const OVERSIZED_LINE = '\u0000 line too long';
/** Bytes per read (and per gunzip output chunk); line-length checks happen at these boundaries. */
export const READ_CHUNK = 1 << 16;

/** Progress of a read, for a progress bar. */
export interface ReadProgress {
  /** Bytes read from the file or stdin (compressed bytes for gzip). */
  bytes: number;
  /** Total bytes, when known (a regular file). */
  total: number | undefined;
  lines: number;
}

/** Options for `readLogLines`. */
export interface ReadOptions {
  /** Called about every megabyte read. */
  onProgress?: ((progress: ReadProgress) => void) | undefined;
  /** Standard input, for `-` (tests pass their own). @default process.stdin */
  stdin?: NodeJS.ReadableStream | undefined;
}

/** The source's chunks, gunzipped when it starts with gzip's magic bytes. */
export async function* gunzipIfNeeded(
  source: AsyncIterable<Buffer>,
  label: string,
  counter: { bytes: number },
): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head: Buffer = first.value;
  counter.bytes += head.length;
  async function* rest(): AsyncGenerator<Buffer> {
    yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      counter.bytes += next.value.length;
      yield next.value;
    }
  }
  // Gzip by its magic bytes rather than the name: `cat log.jsonl.gz | deliberate metrics -` works.
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    const gunzip = createGunzip({ chunkSize: READ_CHUNK });
    const feeding = pipeline(Readable.from(rest()), gunzip).catch((error: unknown) => {
      gunzip.destroy(error as Error);
    });
    try {
      for await (const chunk of gunzip) yield chunk as Buffer;
    } catch (error) {
      throw new LogInputError(`${label} is not a readable gzip file: ${(error as Error).message}`);
    }
    await feeding;
    return;
  }
  yield* rest();
}

/** Opens a log file, or standard input for `-`; throws `LogInputError` for what cannot be a log. */
export function openSource(
  file: string,
  options: ReadOptions,
): { stream: AsyncIterable<Buffer>; total: number | undefined; label: string } {
  if (file === '-') {
    return {
      stream: (options.stdin ?? process.stdin) as AsyncIterable<Buffer>,
      total: undefined,
      label: 'standard input',
    };
  }
  if (!existsSync(file)) throw new LogInputError(`${file}: no such file.`);
  const stat = statSync(file);
  if (stat.isDirectory()) throw new LogInputError(`${file} is a directory, not a log file.`);
  return { stream: createReadStream(file, { highWaterMark: READ_CHUNK }), total: stat.size, label: file };
}

/** Turns a read error into a `LogInputError` that names the source. */
export function readError(error: unknown, label: string): LogInputError {
  if (error instanceof LogInputError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES') return new LogInputError(`${label}: permission denied.`);
  if (code === 'EISDIR') return new LogInputError(`${label} is a directory, not a log file.`);
  return new LogInputError(`${label} could not be read: ${(error as Error).message}`);
}
