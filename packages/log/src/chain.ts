import type { DecisionEventDraft, DeliberateEvent } from '@deliberate/core';
import { hashCanonical } from '@deliberate/core/events';
import type { ChainHead } from './types.ts';

/* -------------------------------------------------------------------------------------------------
 * Hashing and stamping
 * -----------------------------------------------------------------------------------------------*/

/**
 * The event's hash as the contract defines it (docs/contracts.md §3.1): hex SHA-256 over the
 * RFC 8785 canonical JSON of the event without its `hash` field. Throws for values JSON cannot
 * carry (NaN, lone surrogates, cycles).
 *
 * @example
 * hashEvent(event) === event.hash; // true for an untouched event
 */
export function hashEvent(event: object): string {
  const { hash: _hash, ...rest } = event as Record<string, unknown>;
  return hashCanonical(rest);
}

/** Envelope keys `stampEvent` lays out itself; any other key of a draft is an extension. */
const DRAFT_FIELDS = new Set([
  'schema',
  'type',
  'ts',
  'decisionId',
  'procedure',
  'caseRef',
  'actor',
  'model',
  'data',
]);
/** Keys only the chain sets: a draft can never choose its own chain position. */
const CHAIN_FIELDS = new Set(['id', 'chain', 'seq', 'prev', 'hash']);

/**
 * Turns a (normalised, pseudonymised) draft into a stored event at `head`, and returns the next
 * head. Keys are laid out in the contract's order so that JSONL lines read well; the hash does
 * not depend on the order. The draft itself is not changed (the event shares its nested objects).
 *
 * @example
 * const { event, next } = stampEvent(draft, uuid(), { id: chainId, seq: 0, prev: null });
 */
export function stampEvent(
  draft: DecisionEventDraft,
  id: string,
  head: ChainHead,
): { event: DeliberateEvent; next: ChainHead } {
  const event = stampAt(draft, id, head.id, head.seq, head.prev);
  return { event, next: { id: head.id, seq: head.seq + 1, prev: event.hash } };
}

/**
 * `stampEvent` without the head objects, for the logger's loop: the next `prev` is `event.hash`.
 * The one place a draft becomes a chained event: the logger, the simulator of
 * @deliberate/analytics and the collector's test events all stamp here. `hash` computes the hash
 * of the event without it; the default is the contract's (`hashCanonical`, docs/contracts.md
 * §3.1), and only a caller that supplies its own SHA-256 (the simulator's `sha256` option) or
 * wants a deliberately wrong one passes another.
 *
 * @example
 * const first = stampAt(draft, 'event-1', chainId, 0, null);
 * const second = stampAt(nextDraft, 'event-2', chainId, 1, first.hash);
 */
export function stampAt(
  draft: DecisionEventDraft,
  id: string,
  chain: string,
  seq: number,
  prev: string | null,
  hash: (unhashed: object) => string = hashCanonical,
): DeliberateEvent {
  const source = draft as unknown as Record<string, unknown>;
  const event: Record<string, unknown> = {
    schema: source.schema,
    id,
    type: source.type,
    ts: source.ts,
    decisionId: source.decisionId,
    procedure: source.procedure,
    caseRef: source.caseRef,
    actor: source.actor,
  };
  if (source.model !== undefined) event.model = source.model;
  // Extra envelope keys survive (the contract may grow), in the draft's order.
  for (const key in source) {
    if (!DRAFT_FIELDS.has(key) && !CHAIN_FIELDS.has(key) && Object.hasOwn(source, key))
      event[key] = source[key];
  }
  event.chain = chain;
  event.seq = seq;
  event.prev = prev;
  event.data = source.data;
  // Added last, so it is the last key, and after hashing, so the hash is over the event without it.
  event.hash = hash(event);
  return event as unknown as DeliberateEvent;
}

/* -------------------------------------------------------------------------------------------------
 * Verification
 * -----------------------------------------------------------------------------------------------*/

/**
 * How a chain is broken:
 * - `changed`: an event's content no longer matches its hash, or an event was edited and
 *   re-hashed so that its successor's `prev` no longer points at it;
 * - `missing`: a gap in `seq` (an event was deleted), also reported when `heads` shows that the
 *   end of a chain was cut off;
 * - `inserted`: an extra event whose `seq`/`prev` does not fit (including two events claiming
 *   the same position);
 * - `reordered`: events are in the wrong order (`seq` goes backwards, swapped neighbours);
 * - `wrong-genesis`: the chain's first event has `seq ≠ 0` or `prev ≠ null`;
 * - `malformed`: not an event at all (no `chain`/`seq`/`prev`/`hash`, or unhashable content).
 */
export type ChainBreakKind = 'changed' | 'missing' | 'inserted' | 'reordered' | 'wrong-genesis' | 'malformed';

/**
 * Where a chain breaks. `seq` is the chain position of the break (the changed event, the first
 * missing `seq`, the position an inserted event claims, the first position holding the wrong
 * event); `index` is the 0-based position in the input of the event that is wrong.
 *
 * @example
 * const { firstBreak } = verifyChain(events);
 * if (firstBreak) console.error(`${firstBreak.kind} in chain ${firstBreak.chain} at seq ${firstBreak.seq}`);
 */
export interface ChainBreak {
  kind: ChainBreakKind;
  chain: string;
  seq: number | null;
  index: number;
  message: string;
}

/**
 * One chain as the verifier saw it. `head` is where the chain would continue (feed it back as
 * `heads` next time to detect a cut-off end); `null` when the chain had no valid event.
 */
export interface ChainSummary {
  chain: string;
  events: number;
  head: ChainHead | null;
  broken: boolean;
  /** The first seq verified when the chain starts after genesis at an anchor (a slice); else 0. */
  from?: number;
}

/**
 * The verdict over a log. `breaks` holds the first break of each broken chain, earliest input
 * position first; `firstBreak` is `breaks[0]`.
 *
 * @example
 * if (!verifyChain(events).ok) process.exitCode = 1;
 */
export interface ChainVerification {
  ok: boolean;
  /** Events pushed, including duplicates and malformed ones. */
  events: number;
  /** Exact repeats of the event just before them (at-least-once delivery); not a break. */
  duplicates: number;
  malformed: number;
  chains: ChainSummary[];
  breaks: ChainBreak[];
  firstBreak: ChainBreak | null;
  /** Present when `checkpoints` were given. */
  checkpoints?: CheckpointVerification;
}

/**
 * Options for `verifyChain` and `createChainVerifier`.
 *
 * @example
 * verifyChain(events, { requireGenesis: false }); // a log exported "since" some date
 */
export interface ChainVerifierOptions {
  /**
   * Whether each chain must start at `seq 0` with `prev null`. Turn off for partial logs (for
   * example `GET /v1/events?since=…`), where chains may start in the middle.
   * @default true
   */
  requireGenesis?: boolean;
  /**
   * Known chain heads (for example stored by the outbox, or from an earlier verification). A
   * chain that ends before its known head was cut off: reported as `missing`; a chain that
   * reaches it with another event there was changed and re-hashed: `changed`. A known head also
   * anchors a slice that continues after it. Without an anchor like this, deleting the *last*
   * events of a chain cannot be detected by any hash chain.
   */
  heads?: readonly ChainHead[] | undefined;
  /**
   * Computes an event's hash. Defaults to `hashEvent`; tests that verify thousands of variants
   * of one chain pass a memoised version so unchanged events are hashed once.
   * @default hashEvent
   */
  hashEvent?: (event: object) => string;
  /**
   * Known events of chains (`{ chain, seq, hash }`: the event before a slice, or a checkpointed
   * event), so that a slice verifies: a chain whose first event is a known event, or links to one
   * (`prev` = its hash, `seq` = its seq + 1), is accepted although it does not start at genesis.
   * Checkpoints and `heads` anchor the same way. Without an anchor such a chain is `wrong-genesis`.
   */
  anchors?: readonly ChainAnchor[] | undefined;
  /**
   * Checkpoints whose signature the caller has verified. Each is checked against the chain: the
   * chain must reach its `seq` (else `truncated`), hold an event with its `hash` there (else
   * `changed-at-checkpoint`), exist at all (else `missing-chain`), and not go on past the newest
   * checkpoint of the chain (else `unanchored-tail`; a chain without any checkpoint is unanchored
   * from its first event). Reported in `checkpoints.violations`.
   */
  checkpoints?: readonly CheckpointClaim[] | undefined;
  /**
   * Whether events past the newest checkpoint of their chain (and chains without a checkpoint)
   * still let the verdict be ok. They are reported either way.
   * @default false
   */
  allowUnanchoredTail?: boolean | undefined;
}

/** A known event of a chain: its position and hash (the core's `ChainHead` shape). */
export interface ChainAnchor {
  chain: string;
  seq: number;
  hash: string;
}

/** A verified checkpoint as the chain verifier needs it; `signedAt` is only reported back. */
export interface CheckpointClaim extends ChainAnchor {
  signedAt?: string | undefined;
}

/**
 * How a log contradicts a checkpoint:
 * - `truncated`: the chain ends before the checkpoint's seq (its tail was cut);
 * - `changed-at-checkpoint`: the event at the checkpoint's seq has another hash (the chain was
 *   re-hashed from some event on, or replaced by another one under the same id);
 * - `missing-chain`: a checkpointed chain is absent (deleted, or replaced under another id);
 * - `unanchored-tail`: events after the newest checkpoint of their chain, or a chain no
 *   checkpoint covers: nothing signed vouches for them (appended after the checkpoint).
 */
export type CheckpointViolationKind =
  'truncated' | 'changed-at-checkpoint' | 'missing-chain' | 'unanchored-tail';

/**
 * One violated checkpoint. `seq`/`index` are the first event position concerned (the first
 * missing seq, the event at the checkpoint's seq, the first unanchored event); `index` is the
 * number of events pushed when the position lies past the end of the input.
 */
export interface CheckpointViolation {
  kind: CheckpointViolationKind;
  chain: string;
  seq: number | null;
  index: number;
  /** The violated checkpoint; `null` for a chain no checkpoint covers. */
  checkpoint: CheckpointClaim | null;
  message: string;
}

/** The checkpoint part of a verdict (present when checkpoints were given). */
export interface CheckpointVerification {
  /** Checkpoints given. */
  given: number;
  /** Checkpoints the log held and matched. */
  held: number;
  /** Checkpoints before the start of a slice: nothing in the log to compare them with. */
  beforeSlice: number;
  violations: CheckpointViolation[];
}

/**
 * A streaming verifier for logs too big to hold in memory: `push` events in log order,
 * `result()` at any time (it does not end the stream). Memory grows with the number of chains,
 * not events.
 *
 * @example
 * const verifier = createChainVerifier();
 * for await (const line of lines) verifier.push(JSON.parse(line));
 * const { ok, firstBreak } = verifier.result();
 */
export interface ChainVerifier {
  /** Checks one event; returns a break if this event completed the proof of one. */
  push(event: unknown): ChainBreak | undefined;
  result(): ChainVerification;
}

interface Link {
  seq: number;
  hash: string | null;
  index: number;
}

interface Entry {
  seq: number;
  prev: string | null;
  hash: string;
  index: number;
}

/**
 * An event whose place cannot be judged alone; the next event of its chain decides. `gap`: its
 * `seq` jumps ahead (deleted predecessor, or swapped with the next one, or a stray insertion);
 * `link`: its `seq` fits but its `prev` does not (inserted, or its predecessor was re-hashed);
 * `fork`: a second event claims the position just accepted (one of the two is inserted).
 */
interface Pending {
  kind: 'gap' | 'link' | 'fork';
  entry: Entry;
}

interface ChainState {
  chain: string;
  /** The last accepted event; the virtual `seq -1` before genesis when none yet. */
  last: Link;
  /** How many events were accepted into the chain. */
  accepted: number;
  started: boolean;
  pending: Pending | null;
  broken: ChainBreak | null;
  /** First seq accepted after an anchor (a slice), or 0. */
  from: number;
  /** Hashes (and input positions) seen at watched positions: checkpoints and known heads. */
  seen: Map<number, { hash: string; index: number }> | null;
  /** Input position of the first accepted event. */
  firstIndex: number;
}

const GENESIS: Link = { seq: -1, hash: null, index: -1 };

function isHashLike(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function fits(entry: Pick<Entry, 'seq' | 'prev'>, after: Pick<Link, 'seq' | 'hash'>): boolean {
  return entry.seq === after.seq + 1 && entry.prev === after.hash;
}

/**
 * Creates a streaming hash-chain verifier. Chains may be interleaved in one log (grouped by
 * `chain`); each chain's first break is reported and the rest of that chain is skipped, while
 * the other chains go on being checked.
 *
 * @example
 * const verifier = createChainVerifier({ heads: outboxHeads });
 * events.forEach((event) => verifier.push(event));
 * verifier.result().firstBreak; // null when every chain is intact
 */
export function createChainVerifier(options: ChainVerifierOptions = {}): ChainVerifier {
  const requireGenesis = options.requireGenesis ?? true;
  const hashOf = options.hashEvent ?? hashEvent;
  const chains = new Map<string, ChainState>();
  const unattributed: ChainBreak[] = [];
  // Known events per chain (anchors, checkpoints, heads): chain → seq → hashes.
  const known = new Map<string, Map<number, Set<string>>>();
  // Positions whose hash the result needs (checkpoints, heads, the event after the newest
  // checkpoint): chain → seqs.
  const watched = new Map<string, Set<number>>();
  const newest = new Map<string, CheckpointClaim>();
  const knowEvent = (chain: string, seq: number, hash: string) => {
    let bySeq = known.get(chain);
    if (!bySeq) known.set(chain, (bySeq = new Map()));
    let hashes = bySeq.get(seq);
    if (!hashes) bySeq.set(seq, (hashes = new Set()));
    hashes.add(hash);
  };
  const watch = (chain: string, seq: number) => {
    let seqs = watched.get(chain);
    if (!seqs) watched.set(chain, (seqs = new Set()));
    seqs.add(seq);
  };
  for (const anchor of options.anchors ?? []) knowEvent(anchor.chain, anchor.seq, anchor.hash);
  for (const checkpoint of options.checkpoints ?? []) {
    knowEvent(checkpoint.chain, checkpoint.seq, checkpoint.hash);
    watch(checkpoint.chain, checkpoint.seq);
    const before = newest.get(checkpoint.chain);
    if (!before || before.seq < checkpoint.seq) newest.set(checkpoint.chain, checkpoint);
  }
  for (const checkpoint of newest.values()) watch(checkpoint.chain, checkpoint.seq + 1);
  for (const head of options.heads ?? []) {
    if (head.seq <= 0 || head.prev === null) continue;
    knowEvent(head.id, head.seq - 1, head.prev);
    watch(head.id, head.seq - 1);
  }
  let index = 0;
  let duplicates = 0;
  let malformed = 0;

  function breakAt(state: ChainState, kind: ChainBreakKind, seq: number | null, at: number, message: string) {
    const found: ChainBreak = { kind, chain: state.chain, seq, index: at, message };
    state.broken = found;
    state.pending = null;
    return found;
  }

  function accept(state: ChainState, entry: Entry) {
    if (!state.started) state.firstIndex = entry.index;
    if (state.seen && watched.get(state.chain)?.has(entry.seq)) {
      state.seen.set(entry.seq, { hash: entry.hash, index: entry.index });
    }
    state.last = { seq: entry.seq, hash: entry.hash, index: entry.index };
    state.accepted++;
    state.started = true;
  }

  /** The verdict on a pending event when nothing (more) follows it in its chain. */
  function endVerdict(state: ChainState, pending: Pending): Omit<ChainBreak, 'chain'> {
    const { entry } = pending;
    const { last } = state;
    if (last.seq === -1) {
      return {
        kind: 'wrong-genesis',
        seq: entry.seq,
        index: entry.index,
        message: `The chain starts at seq ${entry.seq} with prev ${entry.prev === null ? 'null' : 'set'}; a chain starts at seq 0 with prev null.`,
      };
    }
    if (pending.kind === 'gap') {
      return {
        kind: 'missing',
        seq: last.seq + 1,
        index: entry.index,
        message: `Events seq ${last.seq + 1}…${entry.seq - 1} are missing.`,
      };
    }
    if (pending.kind === 'fork') {
      return {
        kind: 'inserted',
        seq: entry.seq,
        index: entry.index,
        message: `Two different events claim seq ${entry.seq} (inputs ${last.index} and ${entry.index}).`,
      };
    }
    // 'link' with nothing after it to decide: an edited and re-hashed predecessor is the
    // likelier story than an appended forgery with a wrong prev (a forger would set prev).
    return {
      kind: 'changed',
      seq: last.seq,
      index: last.index,
      message: `seq ${entry.seq} does not link to seq ${last.seq}: one of them was changed and re-hashed.`,
    };
  }

  /** Decides a pending event now that `next` (a correctly hashed event of its chain) arrived. */
  function resolve(state: ChainState, pending: Pending, next: Entry): ChainBreak | undefined {
    const { entry } = pending;
    const { last } = state;
    if (next.seq === entry.seq && next.hash === entry.hash) {
      duplicates++;
      return undefined;
    }
    const verdict = (kind: ChainBreakKind, seq: number | null, at: number, message: string) =>
      breakAt(state, kind, seq, at, message);

    if (pending.kind === 'gap') {
      if (fits(next, last)) {
        if (fits(entry, next)) {
          return verdict(
            'reordered',
            last.seq + 1,
            entry.index,
            `Events seq ${next.seq} and ${entry.seq} are in the wrong order (inputs ${next.index} and ${entry.index}).`,
          );
        }
        return verdict(
          'inserted',
          entry.seq,
          entry.index,
          `An event claiming seq ${entry.seq} sits between seq ${last.seq} and seq ${next.seq}, where it does not belong.`,
        );
      }
      if (fits(next, entry) || next.seq >= entry.seq) {
        const end = endVerdict(state, pending);
        return verdict(end.kind, end.seq, end.index, end.message);
      }
      return verdict(
        'reordered',
        last.seq + 1,
        entry.index,
        `seq goes backwards from ${entry.seq} to ${next.seq} (input ${next.index}).`,
      );
    }

    if (pending.kind === 'fork') {
      if (fits(next, entry)) {
        // The successor vouches for the second claimant: the one accepted earlier was extra.
        return verdict(
          'inserted',
          entry.seq,
          last.index,
          `Two different events claim seq ${entry.seq}; the one at input ${last.index} is not linked to by seq ${next.seq}.`,
        );
      }
      const end = endVerdict(state, pending);
      return verdict(end.kind, end.seq, end.index, end.message);
    }

    // 'link': seq fits, prev does not.
    if (fits(next, last)) {
      return verdict(
        'inserted',
        entry.seq,
        entry.index,
        `An extra event claiming seq ${entry.seq} does not link to seq ${last.seq}.`,
      );
    }
    if (fits(next, entry)) {
      if (last.seq === -1) {
        return verdict(
          'wrong-genesis',
          entry.seq,
          entry.index,
          'The chain’s first event has a prev; it must be null.',
        );
      }
      // The successor vouches for this event, so the link before it was broken by re-hashing
      // an edited predecessor.
      return verdict(
        'changed',
        last.seq,
        last.index,
        `The event at seq ${last.seq} was changed and re-hashed: seq ${entry.seq} no longer links to it.`,
      );
    }
    const end = endVerdict(state, pending);
    return verdict(end.kind, end.seq, end.index, end.message);
  }

  function check(state: ChainState, entry: Entry): ChainBreak | undefined {
    // Every outcome of `resolve` is a verdict, except a repeat of the pending event itself.
    if (state.pending) return resolve(state, state.pending, entry);
    const { last } = state;
    if (fits(entry, last)) {
      accept(state, entry);
      return undefined;
    }
    if (!state.started) {
      // A slice: the chain starts at a known event, or right after one.
      const bySeq = known.get(state.chain);
      const anchored =
        bySeq !== undefined &&
        (bySeq.get(entry.seq)?.has(entry.hash) === true ||
          (entry.prev !== null && bySeq.get(entry.seq - 1)?.has(entry.prev) === true));
      if (anchored || !requireGenesis) {
        state.from = entry.seq;
        accept(state, entry);
        return undefined;
      }
    }
    if (entry.seq === last.seq && entry.hash === last.hash) {
      duplicates++;
      return undefined;
    }
    if (entry.seq === last.seq + 1) state.pending = { kind: 'link', entry };
    else if (entry.seq > last.seq + 1) state.pending = { kind: 'gap', entry };
    else if (entry.seq === last.seq) state.pending = { kind: 'fork', entry };
    else {
      return breakAt(
        state,
        'reordered',
        entry.seq,
        entry.index,
        `seq goes backwards: seq ${entry.seq} comes after seq ${last.seq}.`,
      );
    }
    return undefined;
  }

  /** Breaks the chain at an event that cannot be placed; a pending event before it goes first. */
  function fail(state: ChainState, kind: ChainBreakKind, seq: number | null, at: number, message: string) {
    if (state.pending) {
      const end = endVerdict(state, state.pending);
      return breakAt(state, end.kind, end.seq, end.index, end.message);
    }
    return breakAt(state, kind, seq, at, message);
  }

  function push(raw: unknown): ChainBreak | undefined {
    const at = index++;
    const event = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const chain = typeof event.chain === 'string' ? event.chain : '';
    if (chain === '') {
      malformed++;
      const found: ChainBreak = {
        kind: 'malformed',
        chain,
        seq: null,
        index: at,
        message: 'Not an event with a chain id.',
      };
      // Unattributable junk is reported once; which chain it broke cannot be known.
      if (unattributed.length === 0) unattributed.push(found);
      return found;
    }
    let state = chains.get(chain);
    if (!state) {
      state = {
        chain,
        last: GENESIS,
        accepted: 0,
        started: false,
        pending: null,
        broken: null,
        from: 0,
        seen: watched.has(chain) ? new Map() : null,
        firstIndex: -1,
      };
      chains.set(chain, state);
    }
    if (state.broken) return undefined;

    const { seq, prev, hash } = event;
    const validSeq = typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0;
    if (!validSeq || !isHashLike(hash) || (prev !== null && !isHashLike(prev))) {
      malformed++;
      return fail(state, 'malformed', null, at, 'The event lacks a valid seq, prev or hash.');
    }
    let actual: string;
    try {
      actual = hashOf(event);
    } catch {
      malformed++;
      return fail(
        state,
        'malformed',
        seq,
        at,
        'The event cannot be hashed (it holds values JSON cannot carry).',
      );
    }
    if (actual !== hash) {
      return fail(
        state,
        'changed',
        seq,
        at,
        `The content of the event at seq ${seq} does not match its hash.`,
      );
    }
    return check(state, { seq, prev: prev as string | null, hash, index: at });
  }

  function result(): ChainVerification {
    const breaks: ChainBreak[] = [...unattributed];
    const summaries: ChainSummary[] = [];
    const brokenChains = new Set<string>();
    const anchors = new Map((options.heads ?? []).map((head) => [head.id, head]));
    for (const state of chains.values()) {
      let broken = state.broken;
      if (!broken && state.pending) {
        const end = endVerdict(state, state.pending);
        broken = { ...end, chain: state.chain };
      }
      const anchor = anchors.get(state.chain);
      if (!broken && anchor) {
        const next = state.last.seq + 1;
        if (next < anchor.seq) {
          broken = {
            kind: 'missing',
            chain: state.chain,
            seq: next,
            index: index,
            message: `The chain ends at seq ${state.last.seq}, but its known head is at seq ${anchor.seq}: events seq ${next}…${anchor.seq - 1} are missing.`,
          };
        } else if (anchor.prev !== null) {
          // The chain reaches the known head: the event there must be the one it points to
          // (re-hashed from some event on, the chain would link up again after it).
          const there = state.seen?.get(anchor.seq - 1);
          if (there && there.hash !== anchor.prev) {
            broken = {
              kind: 'changed',
              chain: state.chain,
              seq: anchor.seq - 1,
              index: there.index,
              message: `The event at seq ${anchor.seq - 1} is not the one the known head points to.`,
            };
          }
        }
      }
      if (broken) breaks.push(broken);
      const summary: ChainSummary = {
        chain: state.chain,
        events: state.accepted,
        head: state.started ? { id: state.chain, seq: state.last.seq + 1, prev: state.last.hash } : null,
        broken: broken !== null,
      };
      if (state.from > 0) summary.from = state.from;
      summaries.push(summary);
      if (broken) brokenChains.add(state.chain);
    }
    for (const anchor of anchors.values()) {
      if (chains.has(anchor.id) || anchor.seq === 0) continue;
      breaks.push({
        kind: 'missing',
        chain: anchor.id,
        seq: 0,
        index,
        message: `The chain is absent, but its known head is at seq ${anchor.seq}.`,
      });
    }
    breaks.sort((a, b) => a.index - b.index);
    const verdict: ChainVerification = {
      ok: breaks.length === 0,
      events: index,
      duplicates,
      malformed,
      chains: summaries,
      breaks,
      firstBreak: breaks[0] ?? null,
    };
    if (options.checkpoints) {
      const checked = checkCheckpoints(options.checkpoints, brokenChains);
      verdict.checkpoints = checked;
      const allowTail = options.allowUnanchoredTail === true;
      if (checked.violations.some((found) => !allowTail || found.kind !== 'unanchored-tail')) {
        verdict.ok = false;
      }
    }
    return verdict;
  }

  /** Holds every checkpoint against the chains as read (after `result()` judged the breaks). */
  function checkCheckpoints(
    checkpoints: readonly CheckpointClaim[],
    brokenChains: ReadonlySet<string>,
  ): CheckpointVerification {
    const violations: CheckpointViolation[] = [];
    let held = 0;
    let beforeSlice = 0;
    const name = (checkpoint: CheckpointClaim) =>
      `checkpoint seq ${checkpoint.seq}${checkpoint.signedAt ? ` signed ${checkpoint.signedAt}` : ''}`;
    for (const checkpoint of checkpoints) {
      const state = chains.get(checkpoint.chain);
      const base = { chain: checkpoint.chain, checkpoint };
      if (!state?.started) {
        if (state && brokenChains.has(state.chain)) continue;
        violations.push({
          ...base,
          kind: 'missing-chain',
          seq: null,
          index,
          message: `The chain is absent, but ${name(checkpoint)} covers it up to seq ${checkpoint.seq}.`,
        });
        continue;
      }
      const there = state.seen?.get(checkpoint.seq);
      if (there) {
        if (there.hash === checkpoint.hash) {
          held++;
        } else {
          violations.push({
            ...base,
            kind: 'changed-at-checkpoint',
            seq: checkpoint.seq,
            index: there.index,
            message: `The event at seq ${checkpoint.seq} is not the one ${name(checkpoint)} signed: the chain was re-hashed or replaced.`,
          });
        }
        continue;
      }
      if (state.from > checkpoint.seq) {
        beforeSlice++;
        continue;
      }
      // A broken chain stops being read at its break; the break is the finding.
      if (brokenChains.has(state.chain)) continue;
      violations.push({
        ...base,
        kind: 'truncated',
        seq: state.last.seq + 1,
        index,
        message: `The chain ends at seq ${state.last.seq}, but ${name(checkpoint)} covers it up to seq ${checkpoint.seq}: its tail was cut off.`,
      });
    }
    for (const state of chains.values()) {
      if (!state.started || brokenChains.has(state.chain)) continue;
      const last = newest.get(state.chain);
      if (!last) {
        violations.push({
          kind: 'unanchored-tail',
          chain: state.chain,
          seq: state.from,
          index: state.firstIndex,
          checkpoint: null,
          message: `No checkpoint covers this chain: nothing signed vouches for its ${state.accepted} events.`,
        });
      } else if (state.last.seq > last.seq) {
        const first = state.seen?.get(last.seq + 1);
        const seq = first ? last.seq + 1 : state.from;
        violations.push({
          kind: 'unanchored-tail',
          chain: state.chain,
          seq,
          index: first ? first.index : state.firstIndex,
          checkpoint: last,
          message: `Events seq ${seq}…${state.last.seq} come after the newest ${name(last)}: nothing signed vouches for them.`,
        });
      }
    }
    violations.sort((a, b) => a.index - b.index);
    return { given: checkpoints.length, held, beforeSlice, violations };
  }

  return { push, result };
}

/**
 * Verifies every hash chain in a log (chains may be interleaved) and reports the first break
 * and its kind. For logs that do not fit in memory, use `createChainVerifier`.
 *
 * @example
 * const result = verifyChain(parseJsonl(text).events);
 * result.ok; // false
 * result.firstBreak; // { kind: 'missing', chain: '0190…', seq: 17, index: 17, message: '…' }
 */
export function verifyChain(
  events: Iterable<unknown>,
  options: ChainVerifierOptions = {},
): ChainVerification {
  const verifier = createChainVerifier(options);
  for (const event of events) verifier.push(event);
  return verifier.result();
}
