import { StoreUnavailableError } from '../store.ts';

/*
 * Which PostgreSQL errors mean "the store cannot store anything now" (the collector answers 503
 * and the client retries the batch) rather than "these events cannot be stored" (the collector
 * retries them one by one and reports the ones that still fail).
 */

/** Node socket errors of a connection that could not be made or was lost. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** SQLSTATEs of a transaction that lost a race and may succeed when run again. */
export const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);

/**
 * Whether `error` is an outage: a socket error, SQLSTATE class 08 (connection exception), 28 (authentication failed), 53
 * (insufficient resources: disk full, out of memory, too many connections), 57P01–57P03
 * (administrator or crash shutdown, cannot connect now), 40001/40P01 (serialization failure,
 * deadlock; the store retries these before it gives up), or the driver's own "connection
 * terminated" / "pool ended" errors.
 */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof StoreUnavailableError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return true;
    if (/^(?:08|28|53)/.test(code) || /^57P0[123]$/.test(code) || RETRYABLE_SQLSTATES.has(code)) return true;
  }
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|Cannot use a pool after calling end|Client was closed|Client has encountered a connection error/i.test(
    message,
  );
}

/** `error` as a {@link StoreUnavailableError} when it is an outage, else unchanged. */
export function classifyPgError(error: unknown): unknown {
  if (error instanceof StoreUnavailableError || !isUnavailable(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new StoreUnavailableError(`the PostgreSQL store is unavailable: ${message}`, { cause: error });
}
