import { validateStoredEvent, type DeliberateEvent } from '@deliberate/core/events';

/*
 * Turning a request body into events: parsing (a JSON array, or NDJSON with one event per line)
 * and schema validation, with messages a developer can act on. Nothing here touches storage.
 */

/** How the body is framed. */
export type BatchFormat = 'json' | 'ndjson';

/**
 * One event of a batch that was not stored, and why. Part of the `POST /v1/events` answer.
 * `kind` and `line` extend the minimal `{ index, id?, errors }` shape of the issue.
 */
export interface InvalidEntry {
  /** 0-based position in the batch (array element, or non-empty NDJSON line). */
  index: number;
  /** The event's id, when it had a usable one. */
  id?: string;
  /**
   * `json`: the NDJSON line did not parse; `limits`: too deep, too large or a lone surrogate
   * (`checkEventLimits` of `@deliberate/core`, with `path`); `schema`: not a valid stored event;
   * `forbidden`: the token may not write this event's procedure; `pseudonym`: `actor.id` or
   * `caseRef` is not a pseudonym (`--require-pseudonyms`); `conflict`: the id is stored with
   * different content; `store`: the store refused this event (the others were stored).
   */
  kind: 'json' | 'limits' | 'schema' | 'forbidden' | 'pseudonym' | 'conflict' | 'store';
  /** 1-based line number in an NDJSON body. */
  line?: number;
  /** For `limits`: where in the event the problem is. */
  path?: (string | number)[];
  errors: string[];
}

/** A JSON body that does not parse, located for the client. */
export class MalformedJsonError extends Error {
  constructor(
    message: string,
    /** 0-based character offset of the error. */
    readonly position: number,
    /** 1-based line. */
    readonly line: number,
    /** 1-based column. */
    readonly column: number,
  ) {
    super(message);
    this.name = 'MalformedJsonError';
  }
}

/** A parsed item of the batch, before validation. */
export interface BatchItem {
  index: number;
  /** 1-based line in an NDJSON body. */
  line?: number;
  value: unknown;
}

/** The result of {@link parseBatch}: parsed items and the NDJSON lines that did not parse. */
export interface ParsedBatch {
  items: BatchItem[];
  invalid: InvalidEntry[];
}

/**
 * Guesses the framing of a body sent without a usable Content-Type: a JSON array starts with
 * `[`; anything else is read as NDJSON (one object per line, which is also what a single JSON
 * object on one line is).
 */
export function detectFormat(text: string): BatchFormat {
  const first = /\S/.exec(text);
  return first?.[0] === '[' ? 'json' : 'ndjson';
}

/**
 * Parses a body. A JSON body must be an array of events (a single object is taken as a batch of
 * one); if it does not parse, nothing in it can be trusted and {@link MalformedJsonError} is
 * thrown. NDJSON lines are independent records, so a line that does not parse is reported as an
 * invalid entry and its neighbours are still stored. Empty lines are skipped.
 */
export function parseBatch(text: string, format: BatchFormat): ParsedBatch {
  // A UTF-8 BOM is legal at the start of a text file but not inside JSON.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (format === 'json') return parseJsonArray(body);

  const items: BatchItem[] = [];
  const invalid: InvalidEntry[] = [];
  const lines = body.split('\n');
  let index = 0;
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    try {
      items.push({ index, line: i + 1, value: JSON.parse(line) });
    } catch (error) {
      const { reason, position } = describeJsonError(error, line);
      invalid.push({
        index,
        kind: 'json',
        line: i + 1,
        errors: [`line ${i + 1}, column ${position + 1}: ${reason}`],
      });
    }
    index++;
  });
  return { items, invalid };
}

function parseJsonArray(body: string): ParsedBatch {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const { reason, position } = describeJsonError(error, body);
    const before = body.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    const hint =
      /^\s*\{/.test(body) && /\}\s*\r?\n\s*\{/.test(body)
        ? ' (this looks like NDJSON: send it with Content-Type: application/x-ndjson)'
        : '';
    throw new MalformedJsonError(
      `malformed JSON at line ${line}, column ${column} (offset ${position}): ${reason}${hint}`,
      position,
      line,
      column,
    );
  }
  if (Array.isArray(value))
    return { items: value.map((item: unknown, index) => ({ index, value: item })), invalid: [] };
  if (value !== null && typeof value === 'object') return { items: [{ index: 0, value }], invalid: [] };
  throw new MalformedJsonError(`expected a JSON array of events, got ${describeValue(value)}`, 0, 1, 1);
}

/**
 * V8's reason without the echo of the input (which can be long, and is the client's own data),
 * and the exact offset of the error. V8 states the offset for some errors only ("Unexpected
 * token" has none), so the offset comes from {@link locateJsonError}.
 */
function describeJsonError(error: unknown, text: string): { reason: string; position: number } {
  const message = error instanceof Error ? error.message : String(error);
  const stated = /\bat position (\d+)/.exec(message);
  const located = locateJsonError(text);
  const position = located >= 0 ? located : stated ? Number(stated[1]) : text.length;
  const reason =
    message
      .replace(/,? (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, '')
      .replace(/\s*in JSON at position \d+.*$/s, '')
      .replace(/\s*after JSON at position \d+.*$/s, ' after the JSON value')
      .replace(/\s*\(line \d+ column \d+\)$/, '')
      .trim() || 'invalid JSON';
  return { reason, position };
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * The offset of the first JSON syntax error in `text`, or -1 if there is none. Only runs after
 * `JSON.parse` failed. Iterative, with an explicit stack, so deeply nested garbage cannot
 * overflow the call stack.
 */
export function locateJsonError(text: string): number {
  const stack: ('[' | '{')[] = [];
  let expect: 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end' =
    'value';
  let i = 0;
  const afterValue = () => (stack.length === 0 ? 'end' : 'comma-or-close');
  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i] as string)) i++;
    if (i >= text.length) return expect === 'end' ? -1 : i;
    const c = text[i];
    switch (expect) {
      case 'end':
        return i;
      case 'colon':
        if (c !== ':') return i;
        i++;
        expect = 'value';
        break;
      case 'comma-or-close': {
        const open = stack.at(-1);
        if (c === ',') {
          i++;
          expect = open === '[' ? 'value' : 'key';
        } else if ((open === '[' && c === ']') || (open === '{' && c === '}')) {
          i++;
          stack.pop();
          expect = afterValue();
        } else return i;
        break;
      }
      case 'key':
      case 'key-or-close': {
        if (expect === 'key-or-close' && c === '}') {
          i++;
          stack.pop();
          expect = afterValue();
          break;
        }
        if (c !== '"') return i;
        const end = scanString(text, i);
        if (end < 0) return -end - 1;
        i = end;
        expect = 'colon';
        break;
      }
      case 'value':
      case 'value-or-close': {
        if (expect === 'value-or-close' && c === ']') {
          i++;
          stack.pop();
          expect = afterValue();
          break;
        }
        if (c === '[' || c === '{') {
          stack.push(c);
          i++;
          expect = c === '[' ? 'value-or-close' : 'key-or-close';
          break;
        }
        const end = scanScalar(text, i);
        if (end < 0) return -end - 1;
        i = end;
        expect = afterValue();
        break;
      }
    }
  }
}

/** End offset of the string starting at `start`, or -(error offset) - 1. */
function scanString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -i - 1;
    if (c === 0x5c) {
      const next = text[i + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -i - 1;
        i += 6;
      } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
      else return -i - 1;
    } else i++;
  }
  return -text.length - 1;
}

/** End offset of the string, number or literal starting at `start`, or -(error offset) - 1. */
function scanScalar(text: string, start: number): number {
  if (text[start] === '"') return scanString(text, start);
  NUMBER.lastIndex = start;
  const number = NUMBER.exec(text);
  if (number) return start + number[0].length;
  for (const literal of ['true', 'false', 'null']) {
    if (text[start] !== literal[0]) continue;
    for (let k = 1; k < literal.length; k++) if (text[start + k] !== literal[k]) return -(start + k) - 1;
    return start + literal.length;
  }
  return -start - 1;
}

/** The outcome of {@link validateItems}. */
export interface ValidatedBatch {
  /** Valid events with their positions in the batch (and NDJSON lines). */
  valid: { index: number; line?: number; event: DeliberateEvent }[];
  invalid: InvalidEntry[];
}

/** Validates each item against the stored-event schema of `@deliberate/core` (`validateStoredEvent`). */
export function validateItems(items: readonly BatchItem[]): ValidatedBatch {
  const valid: ValidatedBatch['valid'] = [];
  const invalid: InvalidEntry[] = [];
  for (const item of items) {
    const result = validateItem(item);
    if ('event' in result) valid.push(result);
    else invalid.push(result);
  }
  return { valid, invalid };
}

/** Validates one item: the valid event with its position, or the invalid entry. */
export function validateItem(item: BatchItem): ValidatedBatch['valid'][number] | InvalidEntry {
  // Unknown (newer) event types are checked by their envelope only, so a client ahead of this
  // collector never has valid events refused; they are stored as evidence.
  const result = validateStoredEvent(item.value);
  if (result.success) {
    // Keep the value as sent, not the parser's copy: the copy may order keys differently, and
    // the stored text should read like what the client logged.
    const entry: ValidatedBatch['valid'][number] = {
      index: item.index,
      event: item.value as DeliberateEvent,
    };
    if (item.line !== undefined) entry.line = item.line;
    return entry;
  }
  const entry: InvalidEntry = {
    index: item.index,
    kind: 'schema',
    errors: formatIssues(result.error.issues, item.value),
  };
  const id = idOf(item.value);
  if (id !== undefined) entry.id = id;
  if (item.line !== undefined) entry.line = item.line;
  return entry;
}

/** The `id` of something that looks like an event, if it is a non-empty string. */
export function idOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/* -------------------------------------------------------------------------------------------------
 * Issue messages
 * -----------------------------------------------------------------------------------------------*/

/** The parts of a zod issue the messages use; zod/mini's own messages are all "Invalid input". */
interface IssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: unknown;
  readonly values?: readonly unknown[];
  readonly format?: unknown;
  readonly pattern?: unknown;
  readonly origin?: unknown;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly inclusive?: unknown;
  readonly note?: unknown;
  readonly options?: readonly unknown[];
  readonly keys?: readonly string[];
}

/** At most this many messages per event: enough to fix it, bounded for a garbage batch. */
const MAX_ERRORS_PER_EVENT = 20;

/** Readable messages for zod issues, each starting with the path, e.g. `data.policy.arm: …`. */
export function formatIssues(issues: readonly IssueLike[], input: unknown): string[] {
  const messages = issues.slice(0, MAX_ERRORS_PER_EVENT).map((issue) => formatIssue(issue, input));
  if (issues.length > MAX_ERRORS_PER_EVENT)
    messages.push(`… and ${issues.length - MAX_ERRORS_PER_EVENT} more`);
  return messages;
}

function formatIssue(issue: IssueLike, input: unknown): string {
  const where = issue.path.length === 0 ? 'event' : formatPath(issue.path);
  const actual = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return actual === undefined
        ? `${where}: required (${String(issue.expected)})`
        : `${where}: expected ${String(issue.expected)}, got ${describeValue(actual)}`;
    case 'invalid_value':
      return `${where}: expected ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(actual)}`;
    case 'invalid_format':
      return `${where}: expected ${describeFormat(issue)}, got ${describeValue(actual)}`;
    case 'too_small':
      return `${where}: ${describeBound(issue, 'min')}`;
    case 'too_big':
      return `${where}: ${describeBound(issue, 'max')}`;
    case 'invalid_union':
      if (issue.note === 'No matching discriminator') {
        return `${where}: expected one of ${(issue.options ?? []).map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(actual)}`;
      }
      return `${where}: matches none of the allowed shapes`;
    case 'unrecognized_keys':
      return `${where}: unknown keys ${(issue.keys ?? []).join(', ')}`;
    default:
      return `${where}: ${issue.message} (${issue.code})`;
  }
}

function describeFormat(issue: IssueLike): string {
  const pattern = String(issue.pattern ?? '');
  if (pattern.includes('[0-9a-f]{64}')) return '64 lowercase hex characters (a SHA-256)';
  if (pattern.includes('\\d{4}-\\d{2}-\\d{2}T'))
    return 'an RFC 3339 UTC timestamp with milliseconds, e.g. 2026-11-22T10:00:00.000Z';
  return issue.format === 'regex' ? `a string matching ${pattern}` : `a valid ${String(issue.format)}`;
}

function describeBound(issue: IssueLike, side: 'min' | 'max'): string {
  const bound = side === 'min' ? issue.minimum : issue.maximum;
  const inclusive = issue.inclusive !== false;
  if (issue.origin === 'string' && side === 'min' && Number(bound) === 1) return 'must not be empty';
  if (issue.origin === 'string' || issue.origin === 'array') {
    return `${side === 'min' ? 'at least' : 'at most'} ${String(bound)} ${issue.origin === 'string' ? 'characters' : 'items'}`;
  }
  const op = side === 'min' ? (inclusive ? '≥' : '>') : inclusive ? '≤' : '<';
  return `must be ${op} ${String(bound)}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A short description of a value for an error message; strings are cut so echoes stay short. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
