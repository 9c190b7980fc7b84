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

/**
 * Longest free text a person may enter (rationale, comment, reason to stop the AI), in UTF-16 code
 * units as the `maxlength` of a text field counts them. 20,000 characters is about eight pages;
 * even in 3-byte characters it keeps an event far below {@link EVENT_LIMITS}' size, so a long
 * text can never make the log refuse a step. The decision protocol refuses longer text and the
 * React parts set it as `maxLength`.
 */
export const FREE_TEXT_MAX_LENGTH = 20_000;

/** Why an event breaks a limit. */
export type EventLimitCode = 'too-deep' | 'too-large' | 'invalid-string' | 'not-json';

/** The answer of {@link checkEventLimits}. */
export type EventLimitResult =
  | { ok: true; bytes: number }
  | { ok: false; code: EventLimitCode; path: (string | number)[]; message: string };

function pathText(path: readonly (string | number)[]): string {
  return path.length === 0
    ? '(the event)'
    : path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
        .join('')
        .replace(/^\./, '');
}

/**
 * Bytes of `text` as a JSON string literal in UTF-8 (quotes and escapes included, as
 * JSON.stringify writes it), or -1 when it holds a lone surrogate. One pass over the code units:
 * checking a typical event costs a few microseconds, which matters at log rate.
 */
function jsonStringBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0x22 || c === 0x5c || c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d)
        bytes += 2;
      else bytes += c < 0x20 ? 6 : 1;
    } else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return -1;
      bytes += 4;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return -1;
    else bytes += 3;
  }
  return bytes;
}

/** Thrown inside the walk to stop at the first problem; the path grows as it unwinds. */
class LimitBreach {
  readonly path: (string | number)[] = [];
  constructor(
    readonly code: EventLimitCode,
    readonly reason: string,
  ) {}
}

const TOO_LARGE = new LimitBreach('too-large', `larger than ${EVENT_LIMITS.maxBytes} bytes as JSON.`);

/**
 * Bytes of `value` as JSON. Recursive, but never deeper than `maxDepth` + 1 frames: an object
 * below the limit is refused before it is entered, so input built to overflow the stack cannot.
 */
function measure(value: unknown, depth: number, budget: number): number {
  if (value === null) return 4;
  switch (typeof value) {
    case 'boolean':
      return value ? 4 : 5;
    case 'number':
      if (!Number.isFinite(value)) throw new LimitBreach('not-json', 'numbers must be finite.');
      return String(value).length;
    case 'string': {
      const size = jsonStringBytes(value);
      if (size < 0)
        throw new LimitBreach(
          'invalid-string',
          'the text contains a lone UTF-16 surrogate, which has no UTF-8 form.',
        );
      return size;
    }
    case 'object':
      break;
    default:
      throw new LimitBreach('not-json', `a ${typeof value} has no JSON form.`);
  }
  if (depth > EVENT_LIMITS.maxDepth)
    throw new LimitBreach('too-deep', `nested deeper than ${EVENT_LIMITS.maxDepth} levels.`);
  let bytes = 2;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      try {
        bytes +=
          (i > 0 ? 1 : 0) + measure(value[i] === undefined ? null : value[i], depth + 1, budget - bytes);
      } catch (breach) {
        if (breach instanceof LimitBreach && breach !== TOO_LARGE) breach.path.unshift(i);
        throw breach;
      }
      if (bytes > budget) throw TOO_LARGE;
    }
    return bytes;
  }
  let first = true;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const child = (value as Record<string, unknown>)[key];
    if (child === undefined) continue;
    const keySize = jsonStringBytes(key);
    if (keySize < 0) {
      const breach = new LimitBreach('invalid-string', 'the key contains a lone UTF-16 surrogate.');
      breach.path.push(key);
      throw breach;
    }
    bytes += (first ? 0 : 1) + keySize + 1;
    first = false;
    try {
      bytes += measure(child, depth + 1, budget - bytes);
    } catch (breach) {
      if (breach instanceof LimitBreach && breach !== TOO_LARGE) breach.path.unshift(key);
      throw breach;
    }
    if (bytes > budget) throw TOO_LARGE;
  }
  return bytes;
}

/**
 * Checks an event (or a draft) against {@link EVENT_LIMITS}: nesting depth, size as UTF-8 JSON,
 * and well-formed strings (no lone surrogates, in keys or values). Stops at the first problem and
 * names its path; never overflows the stack on the input it exists to refuse. Values JSON cannot
 * carry (functions, symbols, bigints, non-finite numbers) are `not-json`; a cycle is `too-deep`.
 * Bytes are counted as JSON.stringify writes the value (`undefined` properties left out).
 *
 * @example
 * checkEventLimits({ data: { note: '\uD800' } });
 * // { ok: false, code: 'invalid-string', path: ['data', 'note'], message: '…' }
 */
export function checkEventLimits(value: unknown): EventLimitResult {
  try {
    const bytes = measure(value, 1, EVENT_LIMITS.maxBytes);
    if (bytes > EVENT_LIMITS.maxBytes) throw TOO_LARGE;
    return { ok: true, bytes };
  } catch (breach) {
    if (!(breach instanceof LimitBreach)) throw breach;
    const path = breach === TOO_LARGE ? [] : breach.path;
    return { ok: false, code: breach.code, path, message: `${pathText(path)}: ${breach.reason}` };
  }
}
