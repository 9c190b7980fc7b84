import { utf8ToBytes } from '@noble/hashes/utils.js';
import { createHmacSha256Hex } from './hmac.ts';

/**
 * The fields that are always pseudonymised: the actor's id and the case reference.
 *
 * @example
 * DEFAULT_PSEUDONYMIZED_FIELDS; // ['actor.id', 'caseRef']
 */
export const DEFAULT_PSEUDONYMIZED_FIELDS: readonly string[] = ['actor.id', 'caseRef'];

/**
 * The free-text fields the `redact` hook is applied to by default: the rationale written
 * before the reveal, the final comment, the reason given for switching the AI off, and the
 * message of a `ui.error` event.
 *
 * @example
 * createLogger({ …, redact: scrubNames, redactFields: [...DEFAULT_FREE_TEXT_FIELDS, 'data.note'] });
 */
export const DEFAULT_FREE_TEXT_FIELDS: readonly string[] = [
  'data.rationale',
  'data.comment',
  'data.reason',
  'data.message',
];

/** Shortest key accepted: 128 bits. A shorter key makes pseudonyms guessable by brute force. */
export const MIN_KEY_BYTES = 16;

/** What both pseudonymisation modes share: which fields, and the pseudonym's form. */
interface PseudonymFormOptions {
  /**
   * More dot paths to pseudonymise (`data.reviewer.id`, `data.items.*.owner`), on top of
   * `actor.id` and `caseRef`, which always are.
   */
  fields?: readonly string[];
  /**
   * Pseudonymise `decisionId` too. Pseudonyms are deterministic, so the events of one decision
   * still share one `decisionId` and `outcome.recorded` still joins when the backend computes it
   * with the same key. To prove a judgement commitment later, the procedure then supplies the
   * raw `decisionId` it keeps, since the commitment binds the raw one.
   * @default false
   */
  decisionId?: boolean;
  /** @default 'ps:' */
  prefix?: string;
  /** Hex digits kept (8–64). 32 digits = 128 bits, ample against collisions. @default 32 */
  length?: number;
}

/**
 * How identifiers are pseudonymised: HMAC-SHA-256 under a key the deployer supplies, as hex,
 * truncated to `length` characters and prefixed. The same key and value always give the same
 * pseudonym, so analytics can group by actor and join by case; without the key the raw value
 * cannot be recovered or confirmed. **Server-side only**: a key in a web page can be read by
 * anyone who opens it, and with it a small id space is reversed by trying every id.
 *
 * @example
 * const options: PseudonymizeOptions = { key: process.env.DELIBERATE_PSEUDONYM_KEY! }; // ≥ 16 bytes
 */
export interface PseudonymizeOptions extends PseudonymFormOptions {
  /** The HMAC key: bytes, or a string taken as UTF-8 (for example 64 hex digits). At least 16 bytes. */
  key: Uint8Array | string;
}

/**
 * The browser mode: the procedure's backend has already pseudonymised the ids (with
 * `createPseudonymizer({ key })`, where the key is safe), and the logger only checks that every
 * configured field (`actor.id`, `caseRef`, `fields`, `decisionId` when set) has the pseudonym
 * form — `prefix` followed by `length` lowercase hex digits — and refuses a draft that does not
 * with `NotPseudonymousError`, so a misconfigured page cannot send a raw id. No key in the page.
 *
 * @example
 * createLogger({ sinks: [outbox], pseudonymize: { upstream: true }, chain: outbox.resumeChain() });
 */
export interface UpstreamPseudonymsOptions extends PseudonymFormOptions {
  upstream: true;
}

/**
 * The pseudonym form for `prefix` and `length` as a pattern (`/^ps:[0-9a-f]{32}$/` by default):
 * what `createPseudonymizer` produces and `{ upstream: true }` demands.
 *
 * @example
 * pseudonymPattern().test(createPseudonymizer({ key })('case-1')); // true
 */
export function pseudonymPattern(options: { prefix?: string; length?: number } = {}): RegExp {
  const length = checkedLength(options.length);
  const prefix = (options.prefix ?? 'ps:').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${prefix}[0-9a-f]{${length}}$`);
}

function checkedLength(length = 32): number {
  if (!Number.isInteger(length) || length < 8 || length > 64) {
    throw new RangeError('pseudonymize.length must be an integer from 8 to 64.');
  }
  return length;
}

/**
 * The dot paths a pseudonymisation option covers: `actor.id`, `caseRef`, `decisionId` when
 * asked, and `fields`.
 */
export function pseudonymizedFields(options: PseudonymFormOptions): string[] {
  return [
    ...DEFAULT_PSEUDONYMIZED_FIELDS,
    ...(options.decisionId === true ? ['decisionId'] : []),
    ...(options.fields ?? []),
  ];
}

/** How many recent pseudonyms one pseudonymiser remembers. */
export const PSEUDONYM_CACHE_SIZE = 1024;

/**
 * `compute` with its last `size` results remembered: at most `size` entries, the oldest
 * forgotten first. The memory is private to the returned function (nothing else can read the
 * values it was called with) and is dropped with it.
 */
export function memoizeBounded(compute: (value: string) => string, size: number): (value: string) => string {
  const cache = new Map<string, string>();
  return (value: string) => {
    const known = cache.get(value);
    if (known !== undefined) return known;
    const result = compute(value);
    if (cache.size >= size) cache.delete(cache.keys().next().value as string);
    cache.set(value, result);
    return result;
  };
}

/**
 * A function mapping a raw identifier to its pseudonym; deterministic for one key. Use it
 * server-side to compute the pseudonym of a case for `outcome.recorded` events or for a lookup.
 *
 * @example
 * const pseudonym = createPseudonymizer({ key });
 * pseudonym('case-2024-0117'); // 'ps:' followed by 32 hex digits, the same every time
 */
export function createPseudonymizer(options: PseudonymizeOptions): (value: string) => string {
  const key = typeof options.key === 'string' ? utf8ToBytes(options.key) : options.key;
  if (!(key instanceof Uint8Array) || key.length < MIN_KEY_BYTES) {
    throw new TypeError(
      `pseudonymize.key must be at least ${MIN_KEY_BYTES} bytes (got ${key instanceof Uint8Array ? key.length : typeof key}). Generate one with crypto.getRandomValues(new Uint8Array(32)).`,
    );
  }
  const length = checkedLength(options.length);
  const prefix = options.prefix ?? 'ps:';
  // Copy the key so a caller who reuses (or zeroes) their buffer does not change pseudonyms.
  const mac = createHmacSha256Hex(new Uint8Array(key));
  // Actor ids and case references repeat across a session's events: remember recent results.
  return memoizeBounded((value: string) => prefix + mac(value).slice(0, length), PSEUDONYM_CACHE_SIZE);
}

/**
 * Applies `transform` to every string (and, when `numbers`, number) at the dot path `path` in
 * `target`, in place. `*` matches every element of an array or every property of an object.
 */
export function transformPath(
  target: unknown,
  path: string,
  transform: (value: string) => string,
  numbers = false,
): void {
  transformAt(target, path.split('.'), 0, transform, numbers);
}

/**
 * `transformPath` with the path already split at its dots (`path.split('.')`), for callers that
 * apply the same paths to many values.
 */
export function transformAt(
  node: unknown,
  segments: readonly string[],
  depth: number,
  transform: (value: string) => string,
  numbers = false,
): void {
  if (typeof node !== 'object' || node === null) return;
  const container = node as Record<string, unknown>;
  const segment = segments[depth];
  if (segment === undefined) return;
  if (segment === '*') {
    for (const key of Object.keys(container))
      transformKey(container, key, segments, depth, transform, numbers);
  } else if (Object.hasOwn(container, segment)) {
    transformKey(container, segment, segments, depth, transform, numbers);
  }
}

function transformKey(
  container: Record<string, unknown>,
  key: string,
  segments: readonly string[],
  depth: number,
  transform: (value: string) => string,
  numbers: boolean,
): void {
  if (depth < segments.length - 1) {
    transformAt(container[key], segments, depth + 1, transform, numbers);
    return;
  }
  const value = container[key];
  if (typeof value === 'string') container[key] = transform(value);
  else if (numbers && typeof value === 'number') container[key] = transform(String(value));
}
