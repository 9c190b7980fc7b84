/*
 * The page of the browser fault test (fault.browser.test.ts): logs events numbered 0…total-1
 * through the real pipeline — createLogger → IndexedDB outbox → HTTP sink → collector — as far as
 * the test allows (`window.__fault.allow(n)`), and reports its progress in `window.__fault`.
 *
 * Exactly once per number, across reloads. An event is *accepted* once the outbox persisted it
 * (`log()` resolves then). A reload can strike after the outbox persisted an event but before
 * this page learned so, so the page cannot rely on its own bookkeeping of resolved `log()` calls.
 * It derives what was accepted from the outbox's durable state instead: before logging, it records
 * (in localStorage, synchronously) a *segment* — "number n0 goes to seq s0 of chain c, and the
 * numbers after it to the seqs after it". The outbox stores each chain's head in the same
 * transaction as the chain's events, so after a reload `outbox.heads()` says exactly how far every
 * segment got, and the page continues with the first number that was not persisted.
 *
 * No key in the page: as in a real browser deployment, the ids arrive already pseudonymised (the
 * test plays the procedure's backend and hands the page a table of pseudonyms before any script
 * runs), and the logger runs with `pseudonymize: { upstream: true }`, which refuses raw ids.
 *
 * The poison event (`window.__fault.poison(n)`): a copy of the already delivered event number `n`
 * with other content under the same id, written straight into the outbox between logged events.
 * The logger cannot produce one (it refuses every shape the collector refuses for its form); a
 * buggy or hostile client can, and the collector refuses it for that event alone as a conflict.
 */
import type { DecisionEventDraft, DeliberateEvent } from '@deliberate/core';
import {
  createHttpSink,
  createLogger,
  createOutbox,
  type ChainHead,
  type OutboxStatus,
} from '@deliberate/log';
import { makeDraft } from '../src/testing/drafts.ts';

export interface FaultPageState {
  ready: boolean;
  /** Page loads so far, this one included. */
  loads: number;
  /** Numbers persisted by earlier loads (derived from the outbox heads at start-up). */
  resumedAt: number;
  /** Numbers accepted so far, over all loads: resumedAt + acknowledged `log()` calls of this load. */
  accepted: number;
  /** The chain this load writes, and whether it continues an earlier load's chain. */
  chain: string;
  resumedChain: boolean;
  status: PageStatus | null;
  /** Delivery failures this load saw (transitions into `retrying`/`offline`). */
  failures: number;
  /** Every number accepted and delivered, nothing pending. */
  done: boolean;
  heads: ChainHead[];
  /** The outbox's dead letters (persisted, so they survive reloads). */
  deadLetters: { id: string; errors: string[]; status: number | null; faultNo: unknown }[];
  errors: string[];
}

/** What the test, as the procedure's backend, hands the page: pseudonyms of the raw ids. */
export interface FaultPseudonyms {
  actors: string[];
  cases: string[];
}

/** The outbox status, with the error as text (it crosses into the test as JSON). */
export type PageStatus = Omit<OutboxStatus, 'lastError'> & { lastError: string | null };

function snapshot(status: OutboxStatus): PageStatus {
  return { ...status, lastError: status.lastError?.message ?? null };
}

interface Segment {
  chain: string;
  seq0: number;
  n0: number;
}

const params = new URLSearchParams(location.search);
const url = params.get('collector') ?? '';
const token = params.get('token') ?? '';
const total = Number(params.get('total') ?? '0');
const DB = 'deliberate-fault-test';
const SEGMENTS = 'fault-test-segments';
const LOADS = 'fault-test-loads';
const CHUNK = 25;

const state: FaultPageState = {
  ready: false,
  loads: Number(localStorage.getItem(LOADS) ?? '0') + 1,
  resumedAt: 0,
  accepted: 0,
  chain: '',
  resumedChain: false,
  status: null,
  failures: 0,
  done: false,
  heads: [],
  deadLetters: [],
  errors: [],
};
const pseudonyms = (window as unknown as { __pseudonyms?: FaultPseudonyms }).__pseudonyms;
/** Events this load logged, by number, for `poison(n)`. */
const logged = new Map<number, DeliberateEvent>();
let injectPoison: (n: number) => Promise<string> = () => Promise.reject(new Error('not ready'));
localStorage.setItem(LOADS, String(state.loads));

let allowed = 0;
let wake: () => void = () => {};
const fault = {
  state,
  /** Lets the page log numbers below `n`. */
  allow(n: number) {
    allowed = Math.min(total, Math.max(allowed, n));
    wake();
  },
  /** Writes a conflicting copy of the event numbered `n` into the outbox; resolves with its id. */
  poison(n: number): Promise<string> {
    return injectPoison(n);
  },
};
(window as unknown as { __fault: typeof fault }).__fault = fault;
addEventListener('unhandledrejection', (event) => state.errors.push(`unhandled: ${String(event.reason)}`));

/** One numbered draft, with the pseudonyms the backend computed for its actor and case. */
function draft(n: number): DecisionEventDraft {
  const types = [
    'decision.opened',
    'judgement.committed',
    'recommendation.revealed',
    'explanation.viewed',
    'decision.finalized',
  ] as const;
  const type = types[n % types.length] ?? 'decision.opened';
  const event = makeDraft(type, {
    decisionId: `fault-decision-${Math.floor(n / types.length)}`,
    caseRef: pseudonyms?.cases[Math.floor(n / types.length)] ?? `case-raw-${Math.floor(n / types.length)}`,
    actorId: pseudonyms?.actors[n % 7] ?? `actor-raw-${n % 7}`,
  });
  // The logger stamps the time of the log() call.
  const { ts: _ts, ...rest } = event;
  return { ...rest, data: { ...event.data, faultNo: n } } as unknown as DecisionEventDraft;
}

/** The first number not persisted yet, from the recorded segments and the outbox's heads. */
function firstUnpersisted(segments: readonly Segment[], heads: readonly ChainHead[]): number {
  const headSeq = new Map(heads.map((head) => [head.id, head.seq]));
  let next = 0;
  segments.forEach((segment, i) => {
    const later = segments.slice(i + 1).find((other) => other.chain === segment.chain);
    const end = Math.min(headSeq.get(segment.chain) ?? segment.seq0, later?.seq0 ?? Infinity);
    const persisted = Math.max(0, end - segment.seq0);
    if (segment.n0 !== next && persisted > 0) {
      state.errors.push(`segment ${i} starts at ${segment.n0}, but ${next} numbers were persisted before it`);
    }
    if (persisted > 0 || segment.n0 === next) next = segment.n0 + persisted;
  });
  return next;
}

async function main() {
  const outbox = createOutbox({
    dbName: DB,
    transport: createHttpSink({
      url,
      token,
      // Short waits, so that a test of many faults stays short; the policy is the same.
      retry: { baseMs: 50, maxMs: 1_000, jitter: 'full', maxAttempts: 3 },
      timeoutMs: 10_000,
    }),
    batchSize: 100,
    retry: { baseMs: 100, maxMs: 1_000, jitter: 'full' },
  });
  outbox.deadLetters.subscribe((letters) => {
    state.deadLetters = letters.map((letter) => ({
      id: letter.event.id,
      errors: [...letter.errors],
      status: letter.status ?? null,
      faultNo: (letter.event.data as { faultNo?: unknown }).faultNo,
    }));
  });
  outbox.status.subscribe((status) => {
    const previous = state.status?.state;
    if ((status.state === 'retrying' || status.state === 'offline') && previous !== status.state)
      state.failures++;
    state.status = snapshot(status);
  });
  await outbox.ready;
  state.status = snapshot(outbox.status.get());
  injectPoison = async (n) => {
    const original = logged.get(n);
    if (!original) throw new Error(`event ${n} was not logged by this page load`);
    const copy = { ...original, data: { ...original.data, faultNo: -n, poison: true } } as DeliberateEvent;
    await outbox.write([copy]);
    return copy.id;
  };

  const segments = JSON.parse(localStorage.getItem(SEGMENTS) ?? '[]') as Segment[];
  const resumed = await outbox.resumeChain();
  const logger = createLogger({
    sinks: [outbox],
    // The ids arrive pseudonymised; a raw one would be refused, never sent.
    pseudonymize: { upstream: true },
    ...(resumed ? { chain: resumed } : {}),
    onError: (error) => state.errors.push(`logger: ${String(error)}`),
  });
  const head = logger.head() as ChainHead;
  state.chain = head.id;
  state.resumedChain = resumed !== undefined;
  // Every chain this page could have written to is in `segments`, so the heads of the others
  // (none here) do not matter.
  let next = firstUnpersisted(segments, await outbox.heads());
  state.resumedAt = next;
  state.accepted = next;
  // Recorded before the first log() of this load, so a reload at any later point finds it.
  segments.push({ chain: head.id, seq0: head.seq, n0: next });
  localStorage.setItem(SEGMENTS, JSON.stringify(segments));
  state.ready = true;

  for (;;) {
    if (next >= total) break;
    if (next >= allowed) {
      await new Promise<void>((resolve) => (wake = resolve));
      continue;
    }
    const numbers = Array.from({ length: Math.min(CHUNK, allowed - next) }, (_, i) => next + i);
    next += numbers.length;
    const results = await Promise.allSettled(
      numbers.map((n) =>
        logger.log(draft(n)).then((events: DeliberateEvent[]) => {
          const number = (events[0]?.data as { faultNo?: number } | undefined)?.faultNo;
          if (number !== n) state.errors.push(`log(${n}) resolved with number ${String(number)}`);
          if (events[0]) logged.set(n, events[0]);
          state.accepted++;
        }),
      ),
    );
    for (const result of results) {
      if (result.status === 'rejected') state.errors.push(`log() rejected: ${String(result.reason)}`);
    }
  }

  // Everything is accepted; wait until the outbox has delivered it all.
  for (;;) {
    const { pending, state: phase } = outbox.status.get();
    if (pending === 0 && phase === 'idle') break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  state.heads = await outbox.heads();
  state.done = true;
}

main().catch((error: unknown) => {
  state.errors.push(`main: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
});
