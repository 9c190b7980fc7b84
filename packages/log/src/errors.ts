/*
 * Errors the pipeline reports. Each has a stable `name` so that code (and a UI) can tell them
 * apart after crossing a boundary where `instanceof` no longer works.
 */

import type { EventLimitCode } from '@deliberate/core';

/**
 * The outbox refused events because it is full (`maxEvents` reached, or the browser’s storage
 * quota). The events were *not* persisted; show a blocking warning rather than carrying on.
 *
 * @example
 * logger.log(draft).catch((e) => { if (e instanceof OutboxFullError) showBlockingWarning(); });
 */
export class OutboxFullError extends Error {
  override readonly name = 'OutboxFullError';
  /** `max-events`: the configured limit; `quota`: the browser refused to store more. */
  readonly reason: 'max-events' | 'quota';
  readonly pending: number;
  readonly maxEvents: number;

  constructor(
    reason: 'max-events' | 'quota',
    pending: number,
    maxEvents: number,
    options?: { cause?: unknown },
  ) {
    super(
      reason === 'quota'
        ? `The event outbox is full: the browser’s storage quota is exhausted (${pending} events waiting). New events cannot be saved until the waiting ones are delivered.`
        : `The event outbox is full: ${pending} of at most ${maxEvents} events are waiting to be delivered. New events cannot be saved until they are.`,
      options,
    );
    this.reason = reason;
    this.pending = pending;
    this.maxEvents = maxEvents;
  }
}

/** What went wrong talking to an HTTP receiver. */
export type HttpErrorKind =
  | 'network'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'rate-limited'
  | 'server'
  | 'rejected'
  | 'incomplete';

/**
 * An HTTP receiver (collector, OTLP endpoint, CDS service) did not accept a batch. `retryable`
 * says whether sending the same batch later can succeed; `retryAfterMs` carries the server's
 * `Retry-After`.
 *
 * @example
 * if (error instanceof HttpSinkError && error.kind === 'unauthorized') askForNewToken();
 */
export class HttpSinkError extends Error {
  override readonly name = 'HttpSinkError';
  readonly kind: HttpErrorKind;
  readonly status: number | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    init: {
      kind: HttpErrorKind;
      status?: number;
      retryable: boolean;
      retryAfterMs?: number;
      cause?: unknown;
    },
  ) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.retryable = init.retryable;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** One problem with a draft: where and what, never the offending value (it may be personal). */
export interface EventIssue {
  path: string;
  message: string;
}

/**
 * `log()` was given something that is not a valid `deliberate.event/1` draft. Nothing of that
 * call was stamped or sent; the chain continues without it.
 *
 * @example
 * logger.log(draft).catch((e) => e instanceof InvalidEventError && console.error(e.issues));
 */
export class InvalidEventError extends Error {
  override readonly name: string = 'InvalidEventError';
  readonly issues: readonly EventIssue[];

  constructor(issues: readonly EventIssue[], options?: { cause?: unknown }) {
    const list = issues.map((issue) => `${issue.path || '(event)'}: ${issue.message}`).join('; ');
    super(`Invalid event draft: ${list}`, options);
    this.issues = issues;
  }
}

/**
 * A draft (or event) breaks one of the limits every event must keep (`EVENT_LIMITS` of
 * `@deliberate/core`: nested at most 32 deep, at most 256 KiB as UTF-8 JSON once stamped, no lone
 * UTF-16 surrogates, only values JSON can carry). The collector applies the same rule and would
 * refuse such an event, so it is refused where it is logged. Nothing of that `log()` call was
 * stamped; the chain continues without it.
 *
 * @example
 * logger.log(draft).catch((e) => { if (e instanceof EventLimitError) report(e.code, e.field); });
 */
export class EventLimitError extends InvalidEventError {
  override readonly name: string = 'EventLimitError';
  /** Which limit: `too-deep`, `too-large`, `invalid-string` or `not-json`. */
  readonly code: EventLimitCode;
  /** Where in the draft, as keys and array indexes (`[]` for the draft as a whole). */
  readonly path: readonly (string | number)[];
  /** The same place as a dot path (`data.note`, `data.items.3`; empty for the draft as a whole). */
  readonly field: string;
  /** Position of the draft in the `log()` call's array (0 for a single draft). */
  readonly index: number;

  constructor(
    limit: { code: EventLimitCode; path: readonly (string | number)[]; message: string },
    index: number,
    options?: { cause?: unknown },
  ) {
    const field = limit.path.map(String).join('.');
    super([{ path: field, message: `${limit.code}: ${limit.message}` }], options);
    this.message = `Event draft ${index} breaks an event limit (${limit.code}): ${limit.message}`;
    this.code = limit.code;
    this.path = [...limit.path];
    this.field = field;
    this.index = index;
  }
}

/**
 * The logger runs with `pseudonymize: { upstream: true }` (ids are pseudonymised by the
 * procedure's backend) and a draft carries an identifier that does not have the pseudonym form
 * (`ps:` and 32 hex digits by default): probably a raw id, which must not leave the page. Nothing
 * of that `log()` call was stamped or sent.
 *
 * @example
 * logger.log(draft).catch((e) => e instanceof NotPseudonymousError && alert(`Misconfigured: ${e.field}`));
 */
export class NotPseudonymousError extends InvalidEventError {
  override readonly name: string = 'NotPseudonymousError';
  /** The configured field that failed the check (`actor.id`, `caseRef`, `decisionId`, …). */
  readonly field: string;
  /** Position of the draft in the `log()` call's array (0 for a single draft). */
  readonly index: number;

  constructor(field: string, expected: string, index: number) {
    // Never the value itself: it is probably the raw identifier this check exists to keep in.
    const message = `not a pseudonym (expected ${expected}); the backend must pseudonymise it before it reaches the page`;
    super([{ path: field, message }]);
    this.message = `Event draft ${index}: ${field} is ${message}.`;
    this.field = field;
    this.index = index;
  }
}

/**
 * The logger (or outbox) was closed; it accepts nothing more.
 *
 * @example
 * await logger.close(); await logger.log(draft); // rejects with ClosedError
 */
export class ClosedError extends Error {
  override readonly name = 'ClosedError';
}
