import { checkEventLimits } from '@deliberate/core';
import type { DeliberateEvent } from '@deliberate/core';
import { HttpSinkError } from '../errors.ts';
import { createObservable } from '../observable.ts';
import { backoffDelay, sleep } from '../retry.ts';
import type { DeadLetter, EventSink, Observable, SinkWriteResult, Timers } from '../types.ts';
import {
  DEFAULT_HTTP_RETRY,
  readJson,
  resolveFetch,
  sendWithRetry,
  statusError,
  systemTimers,
} from './http-common.ts';
import type { FetchLike, HttpRetryOptions } from './http-common.ts';

/**
 * The collector's answer to `POST /v1/events` (docs/contracts.md §3.4): which ids it stored,
 * which it already had, and which events were invalid and why (`index` is the position in the
 * posted array). Sent with 200, or 207/422 when some/all were invalid.
 *
 * @example
 * const answer: CollectorResponse = { stored: ['0190…'], duplicates: [], invalid: [{ index: 1, errors: ['ts: invalid_format'] }] };
 */
export interface CollectorResponse {
  stored: string[];
  duplicates: string[];
  invalid: { id?: string; index: number; errors: string[] }[];
}

/**
 * Options for `createHttpSink`.
 *
 * @example
 * createHttpSink({ url: 'https://collector.example/v1/events', token: () => session.collectorToken });
 */
export interface HttpSinkOptions {
  /** The collector's events endpoint, for example `https://collector.example/v1/events`. */
  url: string;
  /** Bearer token, or a function asked before every request (so a refreshed token is used). */
  token: string | (() => string | Promise<string>);
  /** @default globalThis.fetch */
  fetch?: FetchLike;
  /** Events per request. @default 500 */
  batchSize?: number;
  /** @default { baseMs: 500, maxMs: 30_000, jitter: 'full', maxAttempts: 4 } */
  retry?: HttpRetryOptions;
  /** Per-request timeout. @default 30_000 */
  timeoutMs?: number;
  /** Extra request headers. */
  headers?: Record<string, string>;
  timers?: Timers;
  random?: () => number;
}

/**
 * What the HTTP sink is doing: `error` after a batch was not accepted (`lastError` says why —
 * for example HTTP 401), until the next batch goes through.
 *
 * @example
 * http.status.subscribe(({ state, lastError }) => state === 'error' && console.warn(lastError));
 */
export interface HttpSinkStatus {
  state: 'idle' | 'sending' | 'retrying' | 'error';
  lastError: Error | null;
  nextRetryAt: number | null;
}

/**
 * The HTTP batch sink. `write` resolves when the collector has stored (or already had) every
 * event, except those it called invalid: these are returned and kept in `deadLetters`.
 *
 * @example
 * const http = createHttpSink({ url, token });
 * http.deadLetters.subscribe((letters) => letters.length && showDeadLetterBanner(letters));
 */
export interface HttpSink extends EventSink {
  write(events: readonly DeliberateEvent[]): Promise<SinkWriteResult>;
  readonly deadLetters: Observable<readonly DeadLetter[]>;
  readonly status: Observable<HttpSinkStatus>;
  clearDeadLetters(): void;
}

const RECEIVER = 'The collector';

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * Reads the collector's answer, tolerating absent lists. `undefined` when the body is not that
 * shape at all.
 *
 * @example
 * parseCollectorResponse({ stored: ['a'], duplicates: [] })?.invalid; // []
 */
export function parseCollectorResponse(body: unknown): CollectorResponse | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { stored = [], duplicates = [], invalid = [] } = body as Record<string, unknown>;
  if (!('stored' in body) && !('duplicates' in body) && !('invalid' in body)) return undefined;
  if (!isStringArray(stored) || !isStringArray(duplicates) || !Array.isArray(invalid)) return undefined;
  const items: CollectorResponse['invalid'] = [];
  for (const item of invalid as unknown[]) {
    if (typeof item !== 'object' || item === null) return undefined;
    const { id, index, errors } = item as Record<string, unknown>;
    if (typeof index !== 'number' && typeof id !== 'string') return undefined;
    items.push({
      ...(typeof id === 'string' ? { id } : {}),
      index: typeof index === 'number' ? index : -1,
      errors: isStringArray(errors) ? errors : ['invalid'],
    });
  }
  return { stored, duplicates, invalid: items };
}

/**
 * Creates the HTTP batch sink for the collector's `POST /v1/events`. Requests are idempotent
 * (the collector de-duplicates by event id), so every failure may be retried: network errors,
 * timeouts, 408, 429 and 5xx are retried with backoff (honouring `Retry-After`, in seconds or
 * as an HTTP-date). 401/403 fail at once with an `HttpSinkError` and `status.state = 'error'`.
 * A 413 splits the batch; a refusal with reasons (the collector's `invalid` list, with 207 or
 * 422) moves exactly the named events to the dead letters and lets the rest through; an event
 * that breaks the event limits (`checkEventLimits`, the collector's rule) becomes a dead letter
 * without being sent. No refused event is ever sent again by the sink.
 *
 * @example
 * const outbox = createOutbox({ transport: createHttpSink({ url, token }) });
 */
export function createHttpSink(options: HttpSinkOptions): HttpSink {
  const doFetch = resolveFetch(options.fetch);
  const retry = { ...DEFAULT_HTTP_RETRY, ...options.retry };
  const timers = options.timers ?? systemTimers;
  const random = options.random ?? Math.random;
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadLetters = createObservable<readonly DeadLetter[]>([]);
  const status = createObservable<HttpSinkStatus>({ state: 'idle', lastError: null, nextRetryAt: null });

  async function headers(): Promise<Record<string, string>> {
    const token = typeof options.token === 'function' ? await options.token() : options.token;
    return {
      ...options.headers,
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    };
  }

  function letter(event: DeliberateEvent, errors: readonly string[], httpStatus?: number): DeadLetter {
    return {
      event,
      errors: [...errors],
      ...(httpStatus === undefined ? {} : { status: httpStatus }),
      at: new Date(timers.now()).toISOString(),
    };
  }

  /**
   * The events that keep the event limits; the others become dead letters without a request.
   * The collector refuses them by the same rule, and one that answered such an event with a 503
   * for the whole batch (as collectors before that rule did) would hold up every later event.
   */
  function withinLimits(events: readonly DeliberateEvent[], dead: DeadLetter[]): readonly DeliberateEvent[] {
    let kept: DeliberateEvent[] | undefined;
    events.forEach((event, i) => {
      const limits = checkEventLimits(event);
      if (limits.ok) {
        kept?.push(event);
        return;
      }
      kept ??= events.slice(0, i);
      dead.push(
        letter(event, [`Not sent: the event breaks an event limit (${limits.code}): ${limits.message}`]),
      );
    });
    return kept ?? events;
  }

  async function post(events: readonly DeliberateEvent[]): Promise<Response> {
    return sendWithRetry({
      fetch: doFetch,
      url: options.url,
      body: JSON.stringify(events),
      headers: await headers(),
      retry,
      timers,
      random,
      timeoutMs,
      retryable: (code) => code === 408 || code === 429 || code >= 500,
      onRetry: (error, nextRetryAt) => status.set({ state: 'retrying', lastError: error, nextRetryAt }),
      receiver: RECEIVER,
    });
  }

  /** Sends `events` until each is stored, a duplicate, or a dead letter; throws otherwise. */
  async function send(events: readonly DeliberateEvent[], dead: DeadLetter[]): Promise<void> {
    let remaining = events;
    for (let round = 0; ; round++) {
      const response = await post(remaining);
      const code = response.status;
      if (code === 401 || code === 403) throw statusError(RECEIVER, response, false, timers.now());

      const split = async () => {
        const middle = Math.ceil(remaining.length / 2);
        await send(remaining.slice(0, middle), dead);
        await send(remaining.slice(middle), dead);
      };
      if (code === 413) {
        if (remaining.length > 1) return split();
        const only = remaining[0] as DeliberateEvent;
        dead.push(letter(only, ['The event is larger than the collector accepts (HTTP 413).'], code));
        return;
      }
      if (!(response.ok || code === 207 || code === 400 || code === 422)) {
        throw statusError(RECEIVER, response, false, timers.now());
      }

      const answer = parseCollectorResponse(await readJson(response));
      if (!answer) {
        if (response.ok) return; // A plain 2xx: accepted, without details.
        // A refusal without reasons: halve the batch until the refused events are isolated,
        // so one bad event cannot hold back the good ones.
        if (remaining.length > 1) return split();
        dead.push(
          letter(remaining[0] as DeliberateEvent, [`Refused by the collector (HTTP ${code}).`], code),
        );
        return;
      }

      // Invalid entries are matched by position first (ids may repeat in a batch: the collector
      // reports an id reused with other content as a conflict), then by id.
      const refused = new Set<DeliberateEvent>();
      for (const item of answer.invalid) {
        const atIndex = remaining[item.index];
        const event =
          atIndex && (item.id === undefined || atIndex.id === item.id)
            ? atIndex
            : remaining.find((candidate) => candidate.id === item.id && !refused.has(candidate));
        if (!event || refused.has(event)) continue;
        refused.add(event);
        dead.push(letter(event, item.errors, code));
      }
      const delivered = new Set([...answer.stored, ...answer.duplicates]);
      const unanswered = remaining.filter((event) => !refused.has(event) && !delivered.has(event.id));
      if (unanswered.length === 0) return;
      // The collector answered without mentioning some events: send those again (harmless if
      // they were stored, they come back as duplicates), a bounded number of times.
      const error = new HttpSinkError(`${RECEIVER} did not account for ${unanswered.length} events.`, {
        kind: 'incomplete',
        retryable: true,
      });
      if (round + 1 >= retry.maxAttempts) throw error;
      const delay = backoffDelay(round, retry, random);
      status.set({ state: 'retrying', lastError: error, nextRetryAt: timers.now() + delay });
      await sleep(delay, timers);
      remaining = unanswered;
    }
  }

  function remember(dead: readonly DeadLetter[]) {
    if (dead.length === 0) return;
    // A batch that failed half-way is sent again, and its invalid events refused again: list
    // each event once.
    const known = new Set(deadLetters.get().map((entry) => entry.event.id));
    const fresh = dead.filter((entry) => !known.has(entry.event.id));
    if (fresh.length > 0) deadLetters.set([...deadLetters.get(), ...fresh]);
  }

  return {
    deadLetters,
    status,
    async write(events) {
      const dead: DeadLetter[] = [];
      status.set({ state: 'sending', lastError: status.get().lastError, nextRetryAt: null });
      try {
        const sendable = withinLimits(events, dead);
        for (let start = 0; start < sendable.length; start += batchSize) {
          await send(sendable.slice(start, start + batchSize), dead);
        }
      } catch (error) {
        remember(dead);
        const failure = error instanceof Error ? error : new Error(String(error));
        status.set({ state: 'error', lastError: failure, nextRetryAt: null });
        throw failure;
      }
      remember(dead);
      status.set({ state: 'idle', lastError: null, nextRetryAt: null });
      return dead.length > 0 ? { deadLetters: dead } : {};
    },
    clearDeadLetters() {
      deadLetters.set([]);
    },
  };
}
