import { canonicalize } from '@deliberate/core';

/*
 * RFC 8785 canonical JSON for values that came from JSON (or are built like it): the same text
 * as `canonicalize` from @deliberate/core, which the log's hash is defined over, at about a fifth
 * of the cost (that one spends ~25 µs on an 800-byte event, which is minutes at 4 million events
 * for `simulate` and `verify`). RFC 8785 serialises numbers and strings exactly as ECMAScript's
 * JSON.stringify does and sorts keys by UTF-16 code units, which is `Array.prototype.sort`'s
 * default order; what is left is refusing what the reference refuses. Anything unusual (lone
 * surrogates, non-finite numbers, objects with toJSON, undefined) is handed to the reference, so
 * the two can only differ in speed. `canonical.test.ts` compares them on arbitrary JSON.
 */

const SURROGATE = /[\uD800-\uDFFF]/;

class Unusual extends Error {}

function serialize(value: unknown): string {
  switch (typeof value) {
    case 'string':
      if (SURROGATE.test(value)) throw new Unusual();
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Unusual();
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          const item: unknown = value[i];
          if (item === undefined) throw new Unusual();
          out += serialize(item);
        }
        return out + ']';
      }
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') throw new Unusual();
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const item = record[key];
        if (item === undefined) throw new Unusual();
        if (SURROGATE.test(key)) throw new Unusual();
        out += (first ? '' : ',') + JSON.stringify(key) + ':' + serialize(item);
        first = false;
      }
      return out + '}';
    }
    default:
      throw new Unusual();
  }
}

/**
 * The canonical JSON (RFC 8785) of `value`, identical to `canonicalize` from @deliberate/core.
 * Throws where that one throws.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, 'x'] }); // '{"a":[true,"x"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  try {
    return serialize(value);
  } catch (error) {
    if (error instanceof Unusual) return canonicalize(value);
    // Deep nesting overflows the stack here as in the reference; let the reference decide.
    return canonicalize(value);
  }
}

/**
 * The body an event's `hash` is computed over: the event without `hash`, canonicalised
 * (architecture.md §3.1). Pass it to any SHA-256.
 *
 * @example
 * sha256Hex(hashInput(event)) === event.hash;
 */
export function hashInput(event: object): string {
  const { hash: _hash, ...rest } = event as Record<string, unknown>;
  return canonicalJson(rest);
}
