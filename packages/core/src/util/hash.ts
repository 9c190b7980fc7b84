import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalizeJson from 'canonicalize';

/**
 * RFC 8785 (JSON Canonicalization Scheme) serialization. Throws on values JSON cannot carry
 * (NaN, Infinity, undefined at the top level), because a hash over them would be ambiguous.
 */
export function canonicalize(value: unknown): string {
  const text = canonicalizeJson(value);
  if (text === undefined) throw new TypeError('canonicalize: value has no JSON representation');
  return text;
}

/** Hex SHA-256 of a UTF-8 string. Synchronous, so pure reducers can use it. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** Hex SHA-256 over the canonical JSON of `value`. */
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
