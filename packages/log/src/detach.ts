/** Nesting depth up to which `detach` copies by itself; deeper values take the JSON route. */
const DETACH_DEPTH = 64;

class NotPlain extends Error {}

/**
 * A copy of plain JSON data exactly as `JSON.parse(JSON.stringify(value))` would make it (keys in
 * the same order, `undefined`, functions and symbols dropped from objects and `null` in arrays,
 * `-0` as `0`), without the text in between. Anything else (non-finite numbers, `toJSON`, Dates,
 * class instances, `__proto__` keys, bigints, very deep or cyclic values) throws `NotPlain`, and
 * the caller takes the JSON route, which decides.
 */
function copyPlain(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new NotPlain();
      return value === 0 ? 0 : value;
    case 'object': {
      if (value === null) return null;
      if (depth > DETACH_DEPTH) throw new NotPlain();
      const proto = Object.getPrototypeOf(value) as unknown;
      if (Array.isArray(value)) {
        if (proto !== Array.prototype || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
          throw new NotPlain();
        }
        const out: unknown[] = new Array(value.length);
        for (let i = 0; i < value.length; i++) {
          const item = value[i] as unknown;
          out[i] =
            item === undefined || typeof item === 'function' || typeof item === 'symbol'
              ? null
              : copyPlain(item, depth + 1);
        }
        return out;
      }
      if (proto !== Object.prototype && proto !== null) throw new NotPlain();
      const record = value as Record<string, unknown>;
      if (typeof record.toJSON === 'function') throw new NotPlain();
      const out: Record<string, unknown> = {};
      // for…in with an own-property test visits the keys of Object.keys, in the same order.
      for (const key in record) {
        if (!Object.hasOwn(record, key)) continue;
        const item = record[key];
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
        if (key === '__proto__') throw new NotPlain();
        out[key] = copyPlain(item, depth + 1);
      }
      return out;
    }
    default:
      throw new NotPlain();
  }
}

/**
 * `JSON.parse(JSON.stringify(value))`: a copy of `value` that shares nothing with it and holds
 * only what JSON can carry, so that what the logger hashes is exactly what every sink
 * serialises. Plain data (the usual draft) is copied directly, which is several times faster;
 * anything else takes the round trip itself. Throws where `JSON.stringify` throws (cycles,
 * bigints).
 *
 * @example
 * detach({ a: undefined, b: [undefined], c: -0 }); // { b: [null], c: 0 }
 */
export function detach(value: unknown): unknown {
  try {
    return copyPlain(value, 0);
  } catch (error) {
    if (!(error instanceof NotPlain)) throw error;
    return JSON.parse(JSON.stringify(value)) as unknown;
  }
}
