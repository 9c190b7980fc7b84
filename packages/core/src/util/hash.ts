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
 * Canonical JSON and SHA-256 at log speed, for the event hash (architecture.md §3.1) and the
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
      const keys = Object.keys(record).sort();
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        if (key === '__proto__' || ARRAY_INDEX.test(key)) throw new Unusual();
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
    update(data: string, encoding: 'utf8'): { digest(encoding: 'hex'): string };
  };
}

/** Hex SHA-256 of the UTF-8 bytes of `text`, in portable JavaScript. */
export function sha256HexPortable(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

function findNativeSha256(): ((text: string) => string) | undefined {
  try {
    const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const crypto = runtime?.getBuiltinModule?.('node:crypto') as Partial<NodeCrypto> | undefined;
    if (typeof crypto?.createHash !== 'function') return undefined;
    const native = (text: string) =>
      (crypto as NodeCrypto).createHash('sha256').update(text, 'utf8').digest('hex');
    // Trust it only if it agrees with the portable one (a polyfilled `process` could lie).
    const probe = 'deliberate ✓ \u{1F9FE}';
    return native(probe) === sha256HexPortable(probe) ? native : undefined;
  } catch {
    return undefined;
  }
}

/** The runtime's synchronous native SHA-256, when there is one (Node, Deno, Bun); else undefined. */
export const sha256HexNative: ((text: string) => string) | undefined = findNativeSha256();

/** Hex SHA-256 of the UTF-8 bytes of `text`: native where available, portable otherwise. */
export const sha256Hex: (text: string) => string = sha256HexNative ?? sha256HexPortable;

/**
 * Hex SHA-256 over the canonical JSON of `value`.
 *
 * @example
 * hashCanonical({ b: 2, a: 1 }) === hashCanonical({ a: 1, b: 2 }); // true
 */
export function hashCanonical(value: unknown): string {
  return sha256Hex(canonicalize(value));
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
