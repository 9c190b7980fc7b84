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
  errors: string[];
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
const key = params.get('key') ?? '';
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
  errors: [],
};
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
};
(window as unknown as { __fault: typeof fault }).__fault = fault;
addEventListener('unhandledrejection', (event) => state.errors.push(`unhandled: ${String(event.reason)}`));

/** One numbered draft; raw actor ids and case references that must never leave the page. */
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
    caseRef: `case-raw-${Math.floor(n / types.length)}`,
    actorId: `actor-raw-${n % 7}`,
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
  outbox.status.subscribe((status) => {
    const previous = state.status?.state;
    if ((status.state === 'retrying' || status.state === 'offline') && previous !== status.state)
      state.failures++;
    state.status = snapshot(status);
  });
  await outbox.ready;
  state.status = snapshot(outbox.status.get());

  const segments = JSON.parse(localStorage.getItem(SEGMENTS) ?? '[]') as Segment[];
  const resumed = await outbox.resumeChain();
  const logger = createLogger({
    sinks: [outbox],
    pseudonymize: { key },
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
          const logged = (events[0]?.data as { faultNo?: number } | undefined)?.faultNo;
          if (logged !== n) state.errors.push(`log(${n}) resolved with number ${String(logged)}`);
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
