/*
 * Limits every event must keep, applied by the same function in the logger (an error at `log()`)
 * and in the collector (a 422 for that event alone). Without them one event could stop delivery:
 * an extension field nested a few thousand levels deep overflows the recursive canonicaliser and
 * hashes, a lone surrogate has no UTF-8 form and makes stores and hashes disagree, and a very large
 * event blocks the event loop of whoever parses it. The rule is one, so an event the logger accepts
 * is never refused by the collector for its shape, and the other way round.
 */

/** The limits of {@link checkEventLimits}. */
export const EVENT_LIMITS = {
  /** Deepest nesting of objects and arrays, the event itself being depth 1. */
  maxDepth: 32,
  /** Largest event as UTF-8 JSON, in bytes (a typical event is about 700 bytes). */
  maxBytes: 256 * 1024,
} as const;

/** Why an event breaks a limit. */
export type EventLimitCode = 'too-deep' | 'too-large' | 'invalid-string' | 'not-json';

/** The answer of {@link checkEventLimits}. */
export type EventLimitResult =
  | { ok: true; bytes: number }
  | { ok: false; code: EventLimitCode; path: (string | number)[]; message: string };

// A UTF-16 surrogate that is not half of a pair.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function pathText(path: readonly (string | number)[]): string {
  return path.length === 0
    ? '(the event)'
    : path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
        .join('')
        .replace(/^\./, '');
}

function utf8Length(text: string): number {
  // Lone surrogates are refused before this runs, so every pair is a 4-byte code point.
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Checks an event (or a draft) against {@link EVENT_LIMITS}: nesting depth, size as UTF-8 JSON,
 * and well-formed strings (no lone surrogates, in keys or values). Iterative, so it cannot
 * overflow the stack on the input it exists to refuse; stops at the first problem and names its
 * path. Values JSON cannot carry (functions, symbols, bigints, non-finite numbers) are
 * `not-json`; a cycle is `too-deep`.
 *
 * @example
 * checkEventLimits({ data: { note: '\uD800' } });
 * // { ok: false, code: 'invalid-string', path: ['data', 'note'], message: '…' }
 */
export function checkEventLimits(value: unknown): EventLimitResult {
  const fail = (code: EventLimitCode, path: (string | number)[], message: string): EventLimitResult => ({
    ok: false,
    code,
    path,
    message: `${pathText(path)}: ${message}`,
  });
  // Bytes are counted as JSON.stringify would write them: punctuation, quotes and escapes
  // approximated by the escaped length of each string (exact for ordinary text).
  let bytes = 0;
  const stack: { value: unknown; path: (string | number)[]; depth: number }[] = [
    { value, path: [], depth: 1 },
  ];
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; path: (string | number)[]; depth: number };
    const v = item.value;
    if (v === null || typeof v === 'boolean') {
      bytes += v === true ? 4 : v === false ? 5 : 4;
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return fail('not-json', item.path, 'numbers must be finite.');
      bytes += String(v).length;
    } else if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v))
        return fail(
          'invalid-string',
          item.path,
          'the text contains a lone UTF-16 surrogate, which has no UTF-8 form.',
        );
      bytes += utf8Length(JSON.stringify(v));
    } else if (typeof v === 'object') {
      if (item.depth > EVENT_LIMITS.maxDepth)
        return fail('too-deep', item.path, `nested deeper than ${EVENT_LIMITS.maxDepth} levels.`);
      if (Array.isArray(v)) {
        bytes += 2 + Math.max(0, v.length - 1);
        for (let i = v.length - 1; i >= 0; i--)
          stack.push({ value: v[i], path: [...item.path, i], depth: item.depth + 1 });
      } else {
        const keys = Object.keys(v);
        bytes += 2 + Math.max(0, keys.length - 1);
        for (let i = keys.length - 1; i >= 0; i--) {
          const key = keys[i] as string;
          const child = (v as Record<string, unknown>)[key];
          if (child === undefined) continue;
          if (LONE_SURROGATE.test(key))
            return fail('invalid-string', [...item.path, key], 'the key contains a lone UTF-16 surrogate.');
          bytes += utf8Length(JSON.stringify(key)) + 1;
          stack.push({ value: child, path: [...item.path, key], depth: item.depth + 1 });
        }
      }
    } else if (v !== undefined) {
      return fail('not-json', item.path, `a ${typeof v} has no JSON form.`);
    }
    if (bytes > EVENT_LIMITS.maxBytes)
      return fail('too-large', [], `larger than ${EVENT_LIMITS.maxBytes} bytes as JSON.`);
  }
  return { ok: true, bytes };
}
