import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalizeJson from 'canonicalize';

/**
 * The reference RFC 8785 serialization (the `canonicalize` package). Throws on values JSON cannot
 * carry. `canonicalize` below gives the same text faster.
 */
export function referenceCanonicalize(value: unknown): string {
  const text = canonicalizeJson(value);
  if (text === undefined) throw new TypeError('canonicalize: value has no JSON representation');
  return text;
}

/*
 * Canonical JSON and SHA-256 at log speed, for the event hash (docs/contracts.md §3.1) and the
 * judgement commitment. The reference canonicaliser (the `canonicalize` package) defines the
 * text; this module produces the same text faster. Stamping 100 000 events spent about a fifth of
 * its time in the reference and another fifth in the portable SHA-256 (bench/logger.bench.ts).
 *
 * Canonical JSON: RFC 8785 serialises strings and numbers exactly as ECMAScript's JSON.stringify
 * does and sorts object keys by UTF-16 code units (`Array.prototype.sort`'s default), so a copy of
 * the value with every object's keys inserted in sorted order, stringified natively, is canonical.
 * Where JSON.stringify and the reference part ways, the reference decides: non-finite numbers,
 * lone surrogates (JSON.stringify escapes them as `\udXXX`, which the check below spots), keys
 * that are array indices (JavaScript enumerates those first, whatever the insertion order),
 * `__proto__`, `toJSON`, undefined and values JSON has no form for. So the two can differ only in
 * speed; hash.test.ts holds them equal on arbitrary values.
 *
 * SHA-256: node:crypto where the runtime offers it synchronously (Node ≥ 20.16, Deno, Bun, via
 * `process.getBuiltinModule`, which bundlers leave alone), @noble/hashes everywhere else (browsers
 * have only the asynchronous `crypto.subtle.digest`, and a chain needs each hash before the next
 * event can be stamped).
 */

const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;
/** A `\udXXX` escape in JSON.stringify output: a lone surrogate (or text that looks like one). */
const SURROGATE_ESCAPE = /\\ud[89a-f]/i;

class Unusual extends Error {}

/** Keys up to this many are sorted in place by insertion; `Array.prototype.sort` beyond. */
const INSERTION_SORT_MAX = 24;

/**
 * Sorts the first `count` keys by UTF-16 code units, in place, as `Array.prototype.sort` without
 * a comparator does (`<` on strings compares code units; keys are unique, so stability is moot).
 * Objects have few keys: an insertion sort allocates nothing, where the built-in sort copies its
 * input, which was most of what hashing left for the garbage collector.
 */
function sortKeys(keys: string[], count = keys.length): string[] {
  if (count > INSERTION_SORT_MAX) {
    if (count === keys.length) return keys.sort();
    const sorted = keys.slice(0, count).sort();
    for (let i = 0; i < count; i++) keys[i] = sorted[i] as string;
    return keys;
  }
  for (let i = 1; i < count; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    while (j >= 0 && (keys[j] as string) > key) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

/** Whether a key may be an array index (the regex runs only for keys starting with a digit). */
function mayBeIndex(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && ARRAY_INDEX.test(key);
}

function sortedCopy(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new Unusual();
      return value;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        const out: unknown[] = new Array(value.length);
        for (let i = 0; i < value.length; i++) out[i] = sortedCopy(value[i]);
        return out;
      }
      const record = value as Record<string, unknown>;
      if (typeof record.toJSON === 'function') throw new Unusual();
      const keys = sortKeys(Object.keys(record));
      const out: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string;
        if (key === '__proto__' || mayBeIndex(key)) throw new Unusual();
        out[key] = sortedCopy(record[key]);
      }
      return out;
    }
    default:
      throw new Unusual();
  }
}

/**
 * RFC 8785 (JSON Canonicalization Scheme) serialization: the same text as the reference
 * implementation, and it throws where that one throws (NaN, Infinity, lone surrogates, values
 * JSON cannot carry), because a hash over them would be ambiguous.
 *
 * @example
 * canonicalize({ b: 1, a: [true, 'x'] }); // '{"a":[true,"x"],"b":1}'
 */
export function canonicalize(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(sortedCopy(value));
  } catch {
    // Something unusual (or a cycle, which overflows the stack here): the reference decides,
    // and throws its own error where it refuses.
    return referenceCanonicalize(value);
  }
  return SURROGATE_ESCAPE.test(text) ? referenceCanonicalize(value) : text;
}

interface NodeCrypto {
  createHash(algorithm: 'sha256'): {
    update(data: string | Uint8Array, encoding?: 'utf8'): { digest(encoding: 'hex'): string };
  };
  /** One-shot digest (Node ≥ 20.12), about twice as fast as createHash for an event's bytes. */
  hash?: (algorithm: 'sha256', data: string | Uint8Array, encoding: 'hex') => string;
}

/** Hex SHA-256 of the UTF-8 bytes of `text`, in portable JavaScript. */
export function sha256HexPortable(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

function findNativeCrypto(): NodeCrypto | undefined {
  try {
    const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const crypto = runtime?.getBuiltinModule?.('node:crypto') as Partial<NodeCrypto> | undefined;
    if (typeof crypto?.createHash !== 'function') return undefined;
    const native = crypto as NodeCrypto;
    // Trust it only if it agrees with the portable one (a polyfilled `process` could lie), on
    // text and on bytes.
    const probe = 'deliberate ✓ \u{1F9FE}';
    const expected = sha256HexPortable(probe);
    if (native.createHash('sha256').update(probe, 'utf8').digest('hex') !== expected) return undefined;
    if (native.createHash('sha256').update(utf8ToBytes(probe)).digest('hex') !== expected) return undefined;
    // The one-shot digest only if it is there and agrees too.
    if (typeof native.hash === 'function' && native.hash('sha256', utf8ToBytes(probe), 'hex') !== expected) {
      return { createHash: native.createHash.bind(native) };
    }
    return native;
  } catch {
    return undefined;
  }
}

const nativeCrypto = findNativeCrypto();

/** The runtime's synchronous native SHA-256, when there is one (Node, Deno, Bun); else undefined. */
export const sha256HexNative: ((text: string) => string) | undefined = nativeCrypto
  ? (text: string) => nativeCrypto.createHash('sha256').update(text, 'utf8').digest('hex')
  : undefined;

/** Hex SHA-256 of `bytes`: native where available, portable otherwise. */
const sha256BytesHex: (bytes: Uint8Array) => string = nativeCrypto
  ? typeof nativeCrypto.hash === 'function'
    ? (bytes) => (nativeCrypto.hash as NonNullable<NodeCrypto['hash']>)('sha256', bytes, 'hex')
    : (bytes) => nativeCrypto.createHash('sha256').update(bytes).digest('hex')
  : (bytes) => bytesToHex(sha256(bytes));

/** Hex SHA-256 of the UTF-8 bytes of `text`: native where available, portable otherwise. */
export const sha256Hex: (text: string) => string = sha256HexNative ?? sha256HexPortable;

/**
 * Hex SHA-256 over the canonical JSON of `value`.
 *
 * @example
 * hashCanonical({ b: 2, a: 1 }) === hashCanonical({ a: 1, b: 2 }); // true
 */
export function hashCanonical(value: unknown): string {
  if (!writing) {
    writing = true;
    try {
      out = 0;
      writeValue(value);
      return sha256BytesHex(buffer.subarray(0, out));
    } catch {
      // Something unusual (see `canonicalize`): the text decides, or throws.
    } finally {
      writing = false;
    }
  }
  return sha256Hex(canonicalize(value));
}

/*
 * The canonical text written straight into UTF-8 bytes for hashing: no sorted copy, no string of
 * the whole event, no second pass to encode it (most of what hashing left to the garbage
 * collector). It writes exactly the bytes of `canonicalize(value)` in UTF-8 and gives up (throws)
 * on anything where `sortedCopy` would: fast-hash.test.ts holds the hashes equal on arbitrary
 * values. Keys need no special care here (array indices, `__proto__`), since they are sorted and
 * written as read.
 */

/** Reused between calls; grows as needed. `writing` guards against re-entry from a getter. */
let buffer = new Uint8Array(4096);
let out = 0;
let writing = false;
const HEX_DIGITS = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];
/** JSON's short escapes, by code unit: `\b \t \n \f \r " \\` (0 where there is none). */
const SHORT_ESCAPE = new Uint8Array(93);
SHORT_ESCAPE[8] = 98;
SHORT_ESCAPE[9] = 116;
SHORT_ESCAPE[10] = 110;
SHORT_ESCAPE[12] = 102;
SHORT_ESCAPE[13] = 114;
SHORT_ESCAPE[34] = 34;
SHORT_ESCAPE[92] = 92;

function reserve(bytes: number): Uint8Array {
  if (out + bytes > buffer.length) {
    const grown = new Uint8Array(Math.max(buffer.length * 2, out + bytes));
    grown.set(buffer.subarray(0, out));
    buffer = grown;
  }
  return buffer;
}

function writeAscii(text: string): void {
  const bytes = reserve(text.length);
  for (let i = 0; i < text.length; i++) bytes[out++] = text.charCodeAt(i);
}

function writeByte(byte: number): void {
  reserve(1)[out++] = byte;
}

/** A JSON string as JSON.stringify writes it, in UTF-8; throws on a lone surrogate. */
function writeString(text: string): void {
  const length = text.length;
  const bytes = reserve(length * 6 + 2);
  let at = out;
  bytes[at++] = 34;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code >= 0x20 && code !== 34 && code !== 92) {
        bytes[at++] = code;
        continue;
      }
      bytes[at++] = 92;
      const short = SHORT_ESCAPE[code] as number;
      if (short !== 0) {
        bytes[at++] = short;
      } else {
        bytes[at++] = 117; // u00XX, lower-case hex as JSON.stringify
        bytes[at++] = 48;
        bytes[at++] = 48;
        bytes[at++] = HEX_DIGITS[code >> 4] as number;
        bytes[at++] = HEX_DIGITS[code & 15] as number;
      }
    } else if (code < 0x800) {
      bytes[at++] = 0xc0 | (code >> 6);
      bytes[at++] = 0x80 | (code & 63);
    } else if (code >= 0xd800 && code <= 0xdfff) {
      const low = code <= 0xdbff && i + 1 < length ? text.charCodeAt(i + 1) : 0;
      if (low < 0xdc00 || low > 0xdfff) throw new Unusual();
      const point = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
      i++;
      bytes[at++] = 0xf0 | (point >> 18);
      bytes[at++] = 0x80 | ((point >> 12) & 63);
      bytes[at++] = 0x80 | ((point >> 6) & 63);
      bytes[at++] = 0x80 | (point & 63);
    } else {
      bytes[at++] = 0xe0 | (code >> 12);
      bytes[at++] = 0x80 | ((code >> 6) & 63);
      bytes[at++] = 0x80 | (code & 63);
    }
  }
  bytes[at++] = 34;
  out = at;
}

/**
 * Scratch arrays for the keys of the object being written at each depth, reused so that writing
 * allocates nothing per object; only the first `count` entries of one are current.
 */
const keyScratch: string[][] = [];

/** Collects the own enumerable string keys of `record` (those of `Object.keys`), sorted; returns how many. */
function sortedKeysAt(record: Record<string, unknown>, keys: string[]): number {
  let count = 0;
  for (const key in record) if (Object.hasOwn(record, key)) keys[count++] = key;
  sortKeys(keys, count);
  return count;
}

function writeValue(value: unknown, depth = 0): void {
  switch (typeof value) {
    case 'string':
      writeString(value);
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new Unusual();
      // ECMAScript's Number::toString, as JSON.stringify and RFC 8785 write numbers (-0 as 0).
      writeAscii(String(value));
      return;
    case 'boolean':
      writeAscii(value ? 'true' : 'false');
      return;
    case 'object': {
      if (value === null) {
        writeAscii('null');
        return;
      }
      if (Array.isArray(value)) {
        writeByte(91);
        for (let i = 0; i < value.length; i++) {
          if (i > 0) writeByte(44);
          const item = value[i] as unknown;
          if (item === undefined || typeof item === 'function' || typeof item === 'symbol')
            throw new Unusual();
          writeValue(item, depth + 1);
        }
        writeByte(93);
        return;
      }
      const record = value as Record<string, unknown>;
      if (typeof record.toJSON === 'function') throw new Unusual();
      const keys = (keyScratch[depth] ??= []);
      const count = sortedKeysAt(record, keys);
      writeByte(123);
      let first = true;
      for (let i = 0; i < count; i++) {
        const key = keys[i] as string;
        const item = record[key];
        if (item === undefined) continue;
        if (typeof item === 'function' || typeof item === 'symbol') throw new Unusual();
        if (!first) writeByte(44);
        first = false;
        writeString(key);
        writeByte(58);
        writeValue(item, depth + 1);
      }
      writeByte(125);
      return;
    }
    default:
      throw new Unusual();
  }
}

/**
 * A deterministic draw in [0, 1) from a seed and a key: the same inputs always give the same
 * number, and different keys give independent, uniformly distributed numbers. Uses the first
 * 48 bits of SHA-256, so the draw is exact in a double.
 */
export function deterministicDraw(seed: string, key: string): number {
  const hex = sha256Hex(`${seed}\u0000${key}`).slice(0, 12);
  return Number.parseInt(hex, 16) / 2 ** 48;
}
