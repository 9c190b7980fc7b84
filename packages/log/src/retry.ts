import type { RetryOptions, Timers } from './types.ts';

/** The real clock and timers. */
export const systemTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * How long to wait before retry number `attempt` (0-based): exponential backoff capped at
 * `maxMs`, with full jitter (uniform in `[0, cap)`) unless `jitter: 'none'`.
 *
 * @example
 * backoffDelay(3, { baseMs: 500, maxMs: 30_000, jitter: 'none' }); // 4000
 */
export function backoffDelay(
  attempt: number,
  retry: RetryOptions,
  random: () => number = Math.random,
): number {
  const cap = Math.min(retry.maxMs, retry.baseMs * 2 ** Math.max(0, attempt));
  if (retry.jitter === 'none') return cap;
  return Math.floor(random() * cap);
}

/**
 * Parses an HTTP `Retry-After` value — delay-seconds or an HTTP-date (RFC 9110 §10.2.3) — into
 * milliseconds from `now`. `undefined` when absent or unreadable; never negative.
 *
 * @example
 * parseRetryAfter('120', Date.now()); // 120000
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('2015-10-21T07:27:00Z')); // 60000
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only accept something that looks like an HTTP-date; Date.parse alone takes far too much.
  if (!/^[A-Za-z]{3},? /.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Waits `ms` on the given timers. */
export function sleep(ms: number, timers: Timers): Promise<void> {
  return new Promise((resolve) => {
    timers.setTimeout(resolve, ms);
  });
}
