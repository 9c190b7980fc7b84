/*
 * Messages between the parallel reader (main thread) and its workers.
 */

/** Main → worker: newline-terminated lines in `buffer[0, length)` (transferred, not copied). */
export interface BatchMessage {
  seq: number;
  buffer: ArrayBuffer;
  length: number;
}

/** Worker → main: one kind per line (`LINE_*` of engine.ts), and per event line its digest and fields. */
export interface ResultMessage {
  seq: number;
  /** The batch's buffer, handed back for reuse. */
  buffer: ArrayBuffer;
  /** `LINE_BLANK`, `LINE_NOT_JSON`, `LINE_INVALID` or `LINE_EVENT` per line, in order. */
  kinds: Uint8Array<ArrayBuffer>;
  /** Per event line: the first 64 bits of the SHA-256 of its text, as big-endian hi, lo. */
  digests: Uint32Array<ArrayBuffer>;
  /** The event lines' fields the metrics read: a JSON array of `encodeSlim` arrays. */
  events: string;
}

/** Worker → main when a batch could not be processed at all. */
export interface FailureMessage {
  seq: number;
  error: string;
}
