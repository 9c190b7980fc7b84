import { checkEventLimits, type DeliberateEvent } from '@deliberate/core';
import type { ChainHead } from '@deliberate/core/events';
import { idOf, validateItem, type BatchItem, type InvalidEntry } from './batch.ts';
import type { CollectorLogger } from './log.ts';
import { StoreUnavailableError, type EventStore, type InsertResult } from './store.ts';

/*
 * From parsed items to stored events, one event's fate independent of the others': limits
 * (`checkEventLimits`, the logger's own rule), schema, the token's procedures, the pseudonym
 * guard, then the store. Work is done in slices with a turn of the event loop between them, so a
 * batch of thousands of events does not keep `/healthz` or other requests waiting.
 */

/** Events stored per transaction, one turn of the event loop each (about 10 ms on a slow disk). */
export const INGEST_SLICE = 100;

/** Checking yields to other requests after this many milliseconds of work. */
const CHECK_BUDGET_MS = 4;

/**
 * What `--require-pseudonyms` accepts in `actor.id` and `caseRef`: the output of the
 * `@deliberate/log` pseudonymiser with its default prefix, `ps:` and 8–64 lowercase hex digits
 * (32 by default).
 */
export const PSEUDONYM_PATTERN = /^ps:[0-9a-f]{8,64}$/;

/** What one request may store. */
export interface IngestPolicy {
  /** Whether the token may write events of this procedure. */
  mayWrite(procedure: string): boolean;
  /** The token's procedure patterns, for the message when it may not. */
  procedures?: readonly string[] | undefined;
  /** Refuse events whose `actor.id` or `caseRef` is not a {@link PSEUDONYM_PATTERN}. */
  requirePseudonyms: boolean;
}

/** What happened to a batch. */
export interface IngestOutcome {
  stored: string[];
  duplicates: string[];
  invalid: InvalidEntry[];
  /** Per chain, the highest accepted (stored or duplicate) event: the receipt's heads. */
  heads: ChainHead[];
}

/** The store was unavailable: answer 503, the client retries. */
export interface IngestUnavailable {
  unavailable: Error;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Candidate {
  index: number;
  line?: number;
  event: DeliberateEvent;
}

function entryFor(
  item: { index: number; line?: number },
  value: unknown,
  kind: InvalidEntry['kind'],
  errors: string[],
) {
  const entry: InvalidEntry = { index: item.index, kind, errors };
  const id = idOf(value);
  if (id !== undefined) entry.id = id;
  if (item.line !== undefined) entry.line = item.line;
  return entry;
}

/** Checks one parsed item; the candidate to store, or why not. */
function check(item: BatchItem, policy: IngestPolicy): Candidate | InvalidEntry {
  const limits = checkEventLimits(item.value);
  if (!limits.ok) {
    const entry = entryFor(item, item.value, 'limits', [limits.message]);
    entry.path = limits.path;
    return entry;
  }
  const validated = validateItem(item);
  if (!('event' in validated)) return validated;
  const { event } = validated;
  if (!policy.mayWrite(event.procedure)) {
    return entryFor(item, event, 'forbidden', [
      `procedure ${JSON.stringify(event.procedure)} is outside this token's procedures (${(policy.procedures ?? []).join(', ')})`,
    ]);
  }
  if (policy.requirePseudonyms) {
    const errors: string[] = [];
    const actorId = (event.actor as { id?: unknown } | undefined)?.id;
    if (typeof actorId !== 'string' || !PSEUDONYM_PATTERN.test(actorId))
      errors.push(
        'actor.id: expected a pseudonym (ps: and 8–64 hex digits); this collector refuses raw identities',
      );
    if (typeof event.caseRef !== 'string' || !PSEUDONYM_PATTERN.test(event.caseRef))
      errors.push(
        'caseRef: expected a pseudonym (ps: and 8–64 hex digits); this collector refuses raw identities',
      );
    if (errors.length > 0) return entryFor(item, event, 'pseudonym', errors);
  }
  return validated;
}

/**
 * Checks and stores a batch's items. Returns {@link IngestUnavailable} only when the store
 * threw {@link StoreUnavailableError}; then every slice stored before stays stored (the retry
 * reports those events as duplicates). Any other store error is isolated: the slice is retried
 * event by event and the events that still fail are reported as `store` entries.
 */
export async function ingestItems(
  items: readonly BatchItem[],
  store: EventStore,
  policy: IngestPolicy,
  log: CollectorLogger,
): Promise<IngestOutcome | IngestUnavailable> {
  const candidates: Candidate[] = [];
  const invalid: InvalidEntry[] = [];
  let turnStarted = performance.now();
  for (const item of items) {
    if (performance.now() - turnStarted > CHECK_BUDGET_MS) {
      await nextTurn();
      turnStarted = performance.now();
    }
    const result = check(item, policy);
    if ('event' in result) candidates.push(result);
    else invalid.push(result);
  }

  const stored: string[] = [];
  const duplicates: string[] = [];
  const heads = new Map<string, ChainHead>();
  for (let start = 0; start < candidates.length; start += INGEST_SLICE) {
    if (start > 0) await nextTurn();
    const slice = candidates.slice(start, start + INGEST_SLICE);
    const refused = new Set<number>();
    let result: InsertResult;
    try {
      result = await store.insert(slice.map((candidate) => candidate.event));
    } catch (error) {
      if (error instanceof StoreUnavailableError) return { unavailable: error };
      log({
        level: 'warn',
        msg: 'store refused a batch; storing its events one by one',
        error: message(error),
      });
      result = { stored: [], duplicates: [], conflicts: [] };
      for (const [k, candidate] of slice.entries()) {
        try {
          const one = await store.insert([candidate.event]);
          result.stored.push(...one.stored);
          result.duplicates.push(...one.duplicates);
          result.conflicts.push(...one.conflicts.map((conflict) => ({ ...conflict, index: k })));
        } catch (single) {
          if (single instanceof StoreUnavailableError) return { unavailable: single };
          refused.add(k);
          invalid.push(
            entryFor(candidate, candidate.event, 'store', [
              `the store refused this event: ${message(single)}; the batch's other events were stored`,
            ]),
          );
        }
      }
    }
    stored.push(...result.stored);
    duplicates.push(...result.duplicates);
    for (const conflict of result.conflicts) {
      refused.add(conflict.index);
      const source = slice[conflict.index];
      const entry: InvalidEntry = {
        index: source?.index ?? -1,
        id: conflict.id,
        kind: 'conflict',
        errors: [
          `id ${conflict.id} is already stored with different content (stored sha256 ${conflict.storedDigest}, ` +
            `received ${conflict.digest}); the stored event was kept. An event id must never be reused.`,
        ],
      };
      if (source?.line !== undefined) entry.line = source.line;
      invalid.push(entry);
    }
    for (const [k, { event }] of slice.entries()) {
      if (refused.has(k)) continue;
      const head = heads.get(event.chain);
      if (head === undefined || event.seq > head.seq)
        heads.set(event.chain, { chain: event.chain, seq: event.seq, hash: event.hash });
    }
  }
  invalid.sort((a, b) => a.index - b.index);
  return { stored, duplicates, invalid, heads: [...heads.values()] };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
