import { EVENT_SCHEMA_VERSION } from '@deliberate/core';
import type { DecisionEventDraft, DeliberateEvent } from '@deliberate/core';
import { DecisionEventDraftSchema } from '@deliberate/core/events';
import { stampAt } from './chain.ts';
import { ClosedError, InvalidEventError } from './errors.ts';
import { detach } from './detach.ts';
import { uuidv7 } from './id.ts';
import type { EventIssue } from './errors.ts';
import {
  assertWithinLimits,
  createUpstreamCheck,
  limitErrorOf,
  sealRedactedJudgement,
} from './draft-guards.ts';
import {
  DEFAULT_FREE_TEXT_FIELDS,
  createPseudonymizer,
  pseudonymizedFields,
  transformAt,
} from './pseudonymize.ts';
import type { PseudonymizeOptions, UpstreamPseudonymsOptions } from './pseudonymize.ts';
import type { ChainHead, EventSink } from './types.ts';
import { compileValidator } from './validate.ts';

type Loosened<D> = D extends unknown
  ? Omit<D, 'ts' | 'schema'> & { ts?: string; schema?: typeof EVENT_SCHEMA_VERSION }
  : never;

/**
 * What `log()` takes: a `DecisionEventDraft` as the decision protocol emits it. `schema` and
 * `ts` may be left out (then `ts` is the time of the `log()` call).
 *
 * @example
 * const input: LogInput = { type: 'outcome.recorded', decisionId, procedure, caseRef, actor, data: { truth: { label: 'reject' }, source: 'appeal' } };
 */
export type LogInput = Loosened<DecisionEventDraft>;

/**
 * Options for `createLogger`.
 *
 * @example
 * createLogger({ sinks: [outbox], pseudonymize: { upstream: true }, chain: outbox.resumeChain() });
 */
export interface LoggerOptions {
  /** Where stamped events go, all of them, in chain order. */
  sinks: readonly EventSink[];
  /**
   * Required, on purpose. In a browser: `{ upstream: true }` — the procedure's backend has
   * pseudonymised `actor.id` and `caseRef` (and `decisionId`/`fields` when configured) with
   * `createPseudonymizer({ key })`; the logger checks that they have the pseudonym form and
   * refuses a draft with a raw-looking id (`NotPseudonymousError`). Server-side: `{ key }` —
   * HMAC-SHA-256 under the deployer's key (never put a key into a web page). `false` states that
   * ids are pseudonymous by construction and checks nothing. There is no default because a
   * silent choice either way is wrong: logging raw ids leaks personal data, and a built-in key
   * would be the same for every deployment and protect nothing.
   */
  pseudonymize: PseudonymizeOptions | UpstreamPseudonymsOptions | false;
  /**
   * Rewrites free text before it is hashed or leaves the page (for example to remove names).
   * Applied to `redactFields`. When it changes the rationale of a `judgement.committed` event,
   * that event's `data.salt` is removed too: the salted commitment then cannot be tested
   * against guesses, and the procedure, which keeps text and salt, proves a disclosed text with
   * `verifyCommitment(event, { rationale, salt })` from `@deliberate/core`.
   */
  redact?: (text: string, field: string) => string;
  /** @default DEFAULT_FREE_TEXT_FIELDS (`data.rationale`, `data.comment`, `data.reason`) */
  redactFields?: readonly string[];
  /**
   * Where the chain continues. Omitted: a new chain (UUID v7) for this logger. A `ChainHead`:
   * continue it. A promise (such as `outbox.resumeChain()`): logging starts at once and the
   * events are stamped as soon as it settles; `undefined` or a failure starts a new chain.
   */
  chain?: ChainHead | Promise<ChainHead | undefined>;
  /** Clock for `ts` of drafts without one. @default Date.now */
  now?: () => number;
  /**
   * Runs the deferred stamping/hashing/writing. The default, a zero-delay timeout, lets the
   * click handler that called `log()` return and the browser paint before any hashing. A long
   * backlog is stamped in slices of about 8 ms; between slices the logger yields through this
   * function when given, and otherwise through `setImmediate` (Node) or a message channel
   * (browsers), which are not clamped the way nested timeouts are.
   * @default (task) => setTimeout(task, 0)
   */
  schedule?: (task: () => void) => void;
  /** Largest batch handed to one `sink.write`. @default 500 */
  maxBatch?: number;
  /**
   * Problems nobody may be awaiting: a chain that could not be resumed, a refused draft
   * (`InvalidEventError` and its subclasses `EventLimitError`, `NotPseudonymousError`, also the
   * rejection of that `log()` call), an error thrown by a `subscribe` listener.
   * @default console.warn
   */
  onError?: (error: unknown) => void;
}

/**
 * The event logger: stamps, pseudonymises, chains and hands events to its sinks.
 *
 * @example
 * await logger.log(store.getState().events);
 */
export interface Logger {
  /**
   * Queues drafts and returns at once (it never throws); stamping, hashing and writing happen
   * in a later task. Resolves with the stored events once every sink has accepted them (the
   * outbox: persisted); rejects with the first sink's error (for example `OutboxFullError`), or
   * — for the whole call, before any of its drafts is stamped, so the chain has no hole — with
   * `InvalidEventError` (schema), `EventLimitError` (too deep, too large, lone surrogate) or
   * `NotPseudonymousError` (upstream mode). Other calls are unaffected. The promise is marked
   * handled, so `void logger.log(…)` never becomes an unhandled rejection (which would end a
   * Node process); refused drafts are reported to `onError` as well.
   * Events a sink refused stay queued for it and go out, in order, with the next write.
   */
  log(input: LogInput | readonly LogInput[]): Promise<DeliberateEvent[]>;
  /**
   * Always `true`: when `log()` rejects with a sink's error, its events were already stamped and
   * stay queued for that sink; they go out with the next `log()` (an empty call will do) or
   * `flush()`. Log them again and they are recorded twice, under new ids. A caller that retries
   * (React's `DecisionProvider`) reads this flag and only retries the delivery.
   */
  readonly retainsFailedEvents: true;
  /**
   * Calls `listener` with the events of every `log()` call as they were stamped — pseudonymised,
   * redacted, hashed, frozen, exactly what the sinks receive — in chain order, once per call,
   * before the sinks have accepted them. Refused calls produce nothing. This is what to hand to
   * anyone outside the pipeline (a UI callback, a debugger): never the drafts, which hold raw
   * identities. Returns the unsubscribe function.
   *
   * @example
   * const off = logger.subscribe((events) => props.onEvents?.(events));
   */
  subscribe(listener: (events: readonly DeliberateEvent[]) => void): () => void;
  /** Waits until everything logged so far is accepted by every sink, then flushes the sinks. */
  flush(): Promise<void>;
  /** Stops accepting events, waits until the queued ones are accepted, and closes the sinks. */
  close(): Promise<void>;
  /** Where the next event will go; `undefined` while a `chain` promise is still pending. */
  head(): ChainHead | undefined;
}

interface Call {
  inputs: readonly LogInput[];
  at: number;
  resolve: (events: DeliberateEvent[]) => void;
  reject: (error: unknown) => void;
}

const HEX64 = /^[0-9a-f]{64}$/;
/**
 * Longest stretch (ms) the logger stamps before it yields to the event loop, so that a big
 * backlog cannot freeze the page: well under a 60 Hz frame, and far below the 50 ms at which a
 * browser reports a long task. Measured in time rather than events because an event's cost
 * varies with its size and the machine.
 */
const SLICE_MS = 8;

/** zod's verdict on a draft without zod's copy of it; built on first use, shared by all loggers. */
let draftIsValid: ((draft: unknown) => boolean) | undefined;

const clock: () => number =
  typeof globalThis.performance?.now === 'function' ? () => globalThis.performance.now() : Date.now;

/**
 * Yields to the event loop without the clamping of nested `setTimeout(0)` (1 ms in Node, 4 ms in
 * browsers), which would otherwise dominate a long drain: `setImmediate` in Node, a message
 * channel in browsers (what React's scheduler uses); either lets input, rendering and I/O run.
 */
function yieldToEventLoop(resume: () => void): void {
  const immediate = (globalThis as { setImmediate?: (task: () => void) => unknown }).setImmediate;
  if (typeof immediate === 'function') {
    immediate(resume);
    return;
  }
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resume();
    };
    channel.port2.postMessage(null);
    return;
  }
  setTimeout(resume, 0);
}

function validHead(head: unknown): head is ChainHead {
  if (typeof head !== 'object' || head === null) return false;
  const { id, seq, prev } = head as Record<string, unknown>;
  if (typeof id !== 'string' || id.length === 0) return false;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return false;
  return seq === 0 ? prev === null : typeof prev === 'string' && HEX64.test(prev);
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Freezes a value made by `detach` (plain objects and arrays only) and everything in it. */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) deepFreeze(item);
  } else {
    // for…in with an own-property test: the keys of Object.keys without allocating them.
    const record = value as Record<string, unknown>;
    for (const key in record) if (Object.hasOwn(record, key)) deepFreeze(record[key]);
  }
  return value;
}

function describeIssues(
  issues: readonly { path: readonly PropertyKey[]; code?: string; expected?: unknown; values?: unknown }[],
): EventIssue[] {
  return issues.map((issue) => {
    // The schema's own words only: the offending value may be personal data.
    const expected = issue.expected === undefined ? '' : ` (expected ${String(issue.expected)})`;
    const values = Array.isArray(issue.values) ? ` (one of ${issue.values.map(String).join(', ')})` : '';
    return {
      path: issue.path.map(String).join('.'),
      message: `${issue.code ?? 'invalid'}${expected}${values}`,
    };
  });
}

/**
 * Creates the event logger. `pseudonymize` must be given explicitly (see `LoggerOptions`).
 *
 * @example
 * const outbox = createOutbox({ transport: createHttpSink({ url, token }) });
 * const logger = createLogger({ sinks: [outbox], pseudonymize: { upstream: true }, chain: outbox.resumeChain() });
 * onClick(() => void logger.log(events)); // returns at once
 */
export function createLogger(options: LoggerOptions): Logger {
  if (typeof options !== 'object' || options === null || !Array.isArray(options.sinks)) {
    throw new TypeError('createLogger needs { sinks: EventSink[], pseudonymize }.');
  }
  const mode = options.pseudonymize as unknown;
  if (mode === undefined) {
    throw new TypeError(
      'createLogger needs an explicit `pseudonymize` option: { upstream: true } in a browser whose backend already pseudonymised the ids, { key } to pseudonymise them here (server-side only), or false if they are pseudonymous by construction.',
    );
  }
  if (mode !== false && (typeof mode !== 'object' || mode === null)) {
    throw new TypeError('pseudonymize must be { upstream: true }, { key } or false.');
  }
  const upstream = mode !== false && 'upstream' in mode;
  if (upstream && ((mode as { upstream: unknown }).upstream !== true || 'key' in mode)) {
    throw new TypeError(
      'pseudonymize: { upstream: true } takes no key (the backend pseudonymises); give either { upstream: true } or { key }.',
    );
  }
  const checkUpstream = upstream ? createUpstreamCheck(mode as UpstreamPseudonymsOptions) : null;
  const keyed = mode !== false && !upstream ? (mode as PseudonymizeOptions) : null;
  const pseudonymize = keyed ? createPseudonymizer(keyed) : null;
  // Dot paths split once, not per event.
  const pseudonymPaths = keyed ? pseudonymizedFields(keyed).map((field) => field.split('.')) : [];
  const redact = options.redact;
  const redactFields = options.redactFields ?? DEFAULT_FREE_TEXT_FIELDS;
  const redactPaths = redactFields.map((field) => ({ field, segments: field.split('.') }));
  const now = options.now ?? Date.now;
  const schedule = options.schedule ?? ((task: () => void) => void setTimeout(task, 0));
  // Between time slices of one drain: the given scheduler, or by default a yield without timer
  // clamping (the first deferral above already let the caller's task finish and the page paint).
  const yieldNow = options.schedule ?? yieldToEventLoop;
  const onError = options.onError ?? ((error: unknown) => console.warn('[deliberate/log]', error));
  const maxBatch = Math.max(1, options.maxBatch ?? 500);
  const sinks = [...options.sinks];
  // Per sink, the stamped events it has not accepted yet, oldest first. A sink always receives
  // the chain in order and without holes, even after it failed for a while.
  const backlogs: DeliberateEvent[][] = sinks.map(() => []);

  let head: ChainHead | undefined;
  let pendingHead: Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> | undefined;
  const newHead = (): ChainHead => ({ id: uuidv7(), seq: 0, prev: null });
  if (options.chain === undefined) head = newHead();
  else if (isPromiseLike(options.chain)) {
    // Observe the promise now: it may reject before the first drain, and an unobserved
    // rejection would be reported as unhandled.
    pendingHead = Promise.resolve(options.chain).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
  } else if (validHead(options.chain)) head = { ...options.chain };
  else {
    throw new TypeError(
      'chain must be { id, seq, prev } with seq ≥ 0 and prev null exactly when seq is 0 (prev is the previous event’s hash).',
    );
  }

  const queue: Call[] = [];
  const listeners = new Set<(events: readonly DeliberateEvent[]) => void>();
  let scheduled = false;
  let running = false;
  let closed = false;
  let closing: Promise<void> | undefined;

  async function ensureHead(): Promise<ChainHead> {
    if (head) return head;
    const settled = await pendingHead;
    if (!settled?.ok) {
      onError(settled?.error);
      head = newHead();
    } else if (settled.value === undefined) head = newHead();
    else if (validHead(settled.value)) head = { ...settled.value };
    else {
      onError(new TypeError('The chain to resume is not a valid chain head; starting a new chain.'));
      head = newHead();
    }
    return head;
  }

  function prepare(input: LogInput, at: number, index: number, chainId: string): DecisionEventDraft {
    if (typeof input !== 'object' || input === null) {
      throw new InvalidEventError([{ path: '', message: 'expected an event draft object' }]);
    }
    let draft: Record<string, unknown>;
    try {
      // Detached from the caller's objects as a JSON round trip would, so that what is hashed is
      // exactly what every sink serialises (no undefined, no Dates, no class instances); plain
      // data is copied directly, anything else takes the round trip itself.
      draft = detach(input) as Record<string, unknown>;
    } catch (cause) {
      // A cycle or a stack-deep nesting: name the limit it breaks.
      throw (
        limitErrorOf(input, index, cause) ??
        new InvalidEventError([{ path: '', message: 'not JSON-serialisable' }], { cause })
      );
    }
    draft.schema ??= EVENT_SCHEMA_VERSION;
    draft.ts ??= new Date(at).toISOString();
    if (redact) {
      const rationaleBefore = (draft.data as { rationale?: unknown } | null | undefined)?.rationale;
      for (const { field, segments } of redactPaths) {
        transformAt(draft, segments, 0, (text) => {
          const redacted = redact(text, field);
          if (typeof redacted !== 'string')
            throw new TypeError(`redact must return a string (field ${field}).`);
          return redacted;
        });
      }
      sealRedactedJudgement(draft, rationaleBefore);
    }
    if (pseudonymize)
      for (const segments of pseudonymPaths) transformAt(draft, segments, 0, pseudonymize, true);
    checkUpstream?.(draft, index);
    // The collector's rule, on what will be sent: refused here rather than at the collector.
    assertWithinLimits(draft, chainId, index);
    // Validated once, against the core schema. The compiled check accepts exactly what zod
    // accepts; zod itself has the last word (and the words) on anything the check refuses.
    draftIsValid ??= compileValidator(DecisionEventDraftSchema).check;
    if (!draftIsValid(draft)) {
      const parsed = DecisionEventDraftSchema.safeParse(draft);
      if (!parsed.success) throw new InvalidEventError(describeIssues(parsed.error.issues));
    }
    return draft as unknown as DecisionEventDraft;
  }

  function stampCall(call: Call, from: ChainHead): { events: DeliberateEvent[]; next: ChainHead } {
    // Every draft is prepared (and validated) before any is stamped: a call is all or nothing.
    const { inputs, at } = call;
    const drafts: DecisionEventDraft[] = new Array(inputs.length);
    for (let i = 0; i < inputs.length; i++) drafts[i] = prepare(inputs[i] as LogInput, at, i, from.id);
    const events: DeliberateEvent[] = [];
    let { seq, prev } = from;
    for (const draft of drafts) {
      let event;
      try {
        event = stampAt(draft, uuidv7(), from.id, seq, prev);
      } catch (cause) {
        throw new InvalidEventError([{ path: '', message: 'cannot be hashed (a value JSON cannot carry)' }], {
          cause,
        });
      }
      events.push(deepFreeze(event));
      prev = event.hash;
      seq++;
    }
    return { events, next: { id: from.id, seq, prev } };
  }

  async function writeAll(
    sink: EventSink,
    backlog: DeliberateEvent[],
  ): Promise<{ error: unknown } | undefined> {
    // Nothing else touches this backlog while it is written (drains do not overlap), so the
    // accepted events are dropped once at the end rather than after every batch.
    let accepted = 0;
    try {
      while (accepted < backlog.length) {
        const batch = backlog.slice(accepted, accepted + maxBatch);
        try {
          await sink.write(batch);
        } catch (error) {
          return { error };
        }
        accepted += batch.length;
      }
      return undefined;
    } finally {
      backlog.splice(0, accepted);
    }
  }

  async function deliver(fresh: readonly DeliberateEvent[]): Promise<{ error: unknown } | undefined> {
    const failures = await Promise.all(
      sinks.map((sink, i) => {
        const backlog = backlogs[i] as DeliberateEvent[];
        for (const event of fresh) backlog.push(event);
        return writeAll(sink, backlog);
      }),
    );
    return failures.find((failure) => failure !== undefined);
  }

  async function drain(): Promise<void> {
    let position = await ensureHead();
    while (queue.length > 0) {
      const calls = queue.splice(0, queue.length);
      const stampedCalls: Call[] = [];
      const stampedEvents: DeliberateEvent[][] = [];
      const fresh: DeliberateEvent[] = [];
      let sliceStart = clock();
      for (const call of calls) {
        try {
          const { events, next } = stampCall(call, position);
          // Only a fully stamped call moves the head, so a rejected draft leaves no hole.
          position = next;
          head = next;
          stampedCalls.push(call);
          stampedEvents.push(events);
          for (const event of events) fresh.push(event);
          if (events.length > 0) announce(events);
        } catch (error) {
          call.reject(error);
          onError(error);
        }
        if (clock() - sliceStart >= SLICE_MS) {
          await new Promise<void>((resolve) => yieldNow(resolve));
          sliceStart = clock();
        }
      }
      const failure = await deliver(fresh);
      for (let i = 0; i < stampedCalls.length; i++) {
        const call = stampedCalls[i] as Call;
        if (failure) call.reject(failure.error);
        else call.resolve(stampedEvents[i] as DeliberateEvent[]);
      }
    }
  }

  function announce(events: readonly DeliberateEvent[]): void {
    for (const listener of listeners) {
      try {
        listener(events);
      } catch (error) {
        onError(error);
      }
    }
  }

  function pump(): void {
    if (scheduled || running) return;
    scheduled = true;
    schedule(() => {
      scheduled = false;
      running = true;
      drain()
        .catch((error: unknown) => {
          // drain() itself does not throw; if it ever does, fail the queued calls loudly.
          for (const call of queue.splice(0, queue.length)) call.reject(error);
          onError(error);
        })
        .finally(() => {
          running = false;
          if (queue.length > 0) pump();
        });
    });
  }

  function enqueue(inputs: readonly LogInput[]): Promise<DeliberateEvent[]> {
    const promise = new Promise<DeliberateEvent[]>((resolve, reject) => {
      queue.push({ inputs, at: now(), resolve, reject });
      pump();
    });
    // Handled here, so that an ignored promise (`void logger.log(…)`) cannot end a Node process
    // as an unhandled rejection; whoever awaits it still sees the rejection.
    promise.catch(() => {});
    return promise;
  }

  return {
    retainsFailedEvents: true,
    log(input) {
      if (closed) {
        const refused = Promise.reject(new ClosedError('The logger is closed.'));
        refused.catch(() => {});
        return refused;
      }
      const inputs: readonly LogInput[] = Array.isArray(input)
        ? [...(input as readonly LogInput[])]
        : [input as LogInput];
      return enqueue(inputs);
    },
    async flush() {
      // An empty call goes through a full round: it retries every sink's backlog.
      await enqueue([]);
      await Promise.all(sinks.map((sink) => sink.flush?.()));
    },
    close() {
      closing ??= (async () => {
        closed = true;
        let failure: { error: unknown } | undefined;
        try {
          await enqueue([]);
        } catch (error) {
          failure = { error };
        }
        const closedSinks = await Promise.allSettled(sinks.map((sink) => sink.close?.()));
        if (failure) throw failure.error;
        const rejected = closedSinks.find((result) => result.status === 'rejected');
        if (rejected) throw rejected.reason;
      })();
      return closing;
    },
    head: () => (head ? { ...head } : undefined),
    subscribe(listener) {
      if (typeof listener !== 'function') throw new TypeError('subscribe needs a function.');
      // Wrapped, so that subscribing the same function twice gives two independent subscriptions.
      const entry = (events: readonly DeliberateEvent[]) => listener(events);
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
  };
}
