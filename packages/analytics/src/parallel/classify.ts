import { isUtf8 } from 'node:buffer';
import * as crypto from 'node:crypto';
import { LINE_BLANK, LINE_EVENT, LINE_INVALID, LINE_NOT_JSON, isBlankLine } from '../engine.ts';
import { isDeliberateEvent } from '../validate.ts';
import type { ResultMessage } from './protocol.ts';
import { encodeSlim } from './slim.ts';

/*
 * A worker's work on one batch: cut the bytes into lines, decode, parse, check the schema, hash,
 * and keep the fields the metrics read. Exactly the steps `MetricsEngine.pushLine` takes, so the
 * main thread only folds. Kept apart from worker.ts so that it can be tested without a thread.
 */

const oneShot = (
  crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: 'buffer') => Buffer }
).hash;

/**
 * SHA-256 of a line's text, as `lineDigest` computes it. Valid UTF-8 decodes and encodes back to
 * the same bytes, so those are hashed as they are (no second encoding); a line with invalid
 * sequences is hashed as its decoded text (U+FFFD for each), exactly like the sequential reader.
 */
function sha256(bytes: Buffer, start: number, end: number, text: string): Buffer {
  const data: string | Uint8Array = isUtf8(bytes.subarray(start, end)) ? bytes.subarray(start, end) : text;
  return oneShot ? oneShot('sha256', data, 'buffer') : crypto.createHash('sha256').update(data).digest();
}

/**
 * Classifies the newline-terminated lines in `bytes`: a trailing `\r` is dropped from each (as
 * `readLogLines` does), text after the last newline is ignored.
 *
 * @example
 * const { kinds, digests, events } = classifyLines(Buffer.from('{"not":"an event"}\n\n'));
 * // kinds: [LINE_INVALID, LINE_BLANK]
 */
export function classifyLines(bytes: Buffer): Omit<ResultMessage, 'seq' | 'buffer'> {
  let kinds = new Uint8Array(Math.max(64, bytes.length >>> 9));
  let digests = new Uint32Array(Math.max(64, bytes.length >>> 8));
  const events: unknown[][] = [];
  let count = 0;
  let start = 0;
  for (;;) {
    const newline = bytes.indexOf(10, start);
    if (newline < 0) break;
    const end = newline > start && bytes[newline - 1] === 13 ? newline - 1 : newline;
    const from = start;
    const text = bytes.toString('utf8', from, end);
    start = newline + 1;
    let kind = LINE_BLANK;
    if (!isBlankLine(text)) {
      let value: unknown;
      kind = LINE_NOT_JSON;
      try {
        value = JSON.parse(text);
        kind = LINE_INVALID;
      } catch {
        // kind stays LINE_NOT_JSON
      }
      if (kind === LINE_INVALID && isDeliberateEvent(value)) {
        kind = LINE_EVENT;
        const digest = sha256(bytes, from, end, text);
        const at = events.length * 2;
        if (at + 2 > digests.length) digests = grow(digests, Uint32Array);
        digests[at] = digest.readUInt32BE(0);
        digests[at + 1] = digest.readUInt32BE(4);
        events.push(encodeSlim(value));
      }
    }
    if (count >= kinds.length) kinds = grow(kinds, Uint8Array);
    kinds[count++] = kind;
  }
  return {
    kinds: kinds.slice(0, count),
    digests: digests.slice(0, events.length * 2),
    events: JSON.stringify(events),
  };
}

function grow<T extends Uint8Array | Uint32Array>(array: T, make: new (n: number) => T): T {
  const next = new make(array.length * 2);
  next.set(array);
  return next;
}
