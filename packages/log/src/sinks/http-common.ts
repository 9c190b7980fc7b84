import { HttpSinkError } from '../errors.ts';
import { backoffDelay, parseRetryAfter, sleep, systemTimers } from '../retry.ts';
import type { RetryOptions, Timers } from '../types.ts';

/**
 * Retry policy of the HTTP-based sinks: `maxAttempts` tries in all, waiting with exponential
 * backoff and full jitter between them, or as long as the server's `Retry-After` asks. A wait
 * longer than `maxMs` is not slept inside `write` — the error carries `retryAfterMs` so that an
 * outbox can come back later without holding the page's pipeline.
 *
 * @example
 * createHttpSink({ url, token, retry: { baseMs: 250, maxMs: 10_000, maxAttempts: 3 } });
 */
export interface HttpRetryOptions extends RetryOptions {
  /** @default 4 */
  maxAttempts?: number;
}

export const DEFAULT_HTTP_RETRY: Required<HttpRetryOptions> = {
  baseMs: 500,
  maxMs: 30_000,
  jitter: 'full',
  maxAttempts: 4,
};

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface SendOptions {
  fetch: FetchLike;
  url: string;
  body: string;
  headers: Record<string, string>;
  retry: Required<HttpRetryOptions>;
  timers: Timers;
  random: () => number;
  timeoutMs: number;
  /** Which statuses are worth sending again. */
  retryable: (status: number) => boolean;
  onRetry?: (error: HttpSinkError, nextRetryAt: number) => void;
  /** What the receiver is, for messages ("the collector"). */
  receiver: string;
}

function kindOf(status: number): HttpSinkError['kind'] {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'rejected';
}

/** An error for a non-accepted HTTP answer. */
export function statusError(
  receiver: string,
  response: Response,
  retryable: boolean,
  now: number,
): HttpSinkError {
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
  const kind = kindOf(response.status);
  const hint =
    kind === 'unauthorized'
      ? ' The token was not accepted; events stay queued until a valid token is configured.'
      : kind === 'forbidden'
        ? ' The token may not write events.'
        : '';
  return new HttpSinkError(`${receiver} answered HTTP ${response.status}.${hint}`, {
    kind,
    status: response.status,
    retryable,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

async function attempt(options: SendOptions): Promise<Response | HttpSinkError> {
  const init: RequestInit = { method: 'POST', headers: options.headers, body: options.body };
  if (typeof AbortSignal !== 'undefined' && typeof AbortSignal.timeout === 'function') {
    init.signal = AbortSignal.timeout(options.timeoutMs);
  }
  try {
    return await options.fetch(options.url, init);
  } catch (cause) {
    const timeout = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
    return new HttpSinkError(
      timeout ? `${options.receiver} did not answer in time.` : `${options.receiver} could not be reached.`,
      { kind: timeout ? 'timeout' : 'network', retryable: true, cause },
    );
  }
}

/**
 * POSTs `body`, retrying network errors and `retryable` statuses. Resolves with the first
 * answer that is not retryable (the caller interprets it); rejects with `HttpSinkError` when
 * the retries run out or a retry would have to wait longer than `maxMs`.
 */
export async function sendWithRetry(options: SendOptions): Promise<Response> {
  const { retry, timers } = options;
  for (let n = 0; ; n++) {
    const outcome = await attempt(options);
    let error: HttpSinkError;
    if (outcome instanceof HttpSinkError) error = outcome;
    else if (options.retryable(outcome.status))
      error = statusError(options.receiver, outcome, true, timers.now());
    else return outcome;

    const delay = Math.max(backoffDelay(n, retry, options.random), error.retryAfterMs ?? 0);
    if (n + 1 >= retry.maxAttempts || delay > retry.maxMs) throw error;
    options.onRetry?.(error, timers.now() + delay);
    await sleep(delay, timers);
  }
}

/** Reads a JSON body; `undefined` when there is none or it is not JSON. */
export async function readJson(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    return text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

export function resolveFetch(custom: FetchLike | undefined): FetchLike {
  if (custom) return custom;
  if (typeof globalThis.fetch !== 'function')
    throw new TypeError('No fetch available: pass one in the options.');
  // Bound so that browsers do not throw "Illegal invocation" when it is called detached.
  return (input, init) => globalThis.fetch(input, init);
}

export { systemTimers };
