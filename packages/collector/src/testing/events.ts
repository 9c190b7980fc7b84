import { randomUUID } from 'node:crypto';
import {
  EVENT_SCHEMA_VERSION,
  type DecisionEventDraft,
  type DeliberateEvent,
  type EventDataMap,
  type EventType,
} from '@deliberate/core';
import { stampAt } from '@deliberate/log';

/*
 * Valid `deliberate.event/1` events for tests and the ingest benchmark. Test-only (this folder is
 * excluded from the build and from the published files, so @deliberate/log is only a dev
 * dependency). The events form a real hash chain, stamped by the logger's own `stampAt`, although
 * the collector does not check it, so that the same fixtures stay valid if a test ever runs
 * `deliberate verify`.
 */

const HEX = 'ab'.repeat(32);

/** Minimal valid `data` for each event type the factory cycles through. */
const DATA: { [K in EventType]?: EventDataMap[K] } = {
  'decision.opened': {
    policy: {
      id: 'default',
      version: '1',
      reveal: 'after-judgement',
      justification: 'override',
      minOwnTimeMs: 5000,
      arm: 'ai',
      audit: false,
    },
    stakes: 'high',
  },
  'judgement.committed': { judgement: { label: 'eligible', confidence: 0.7 }, commitment: HEX },
  'recommendation.revealed': {
    recommendation: { label: 'eligible', confidence: 0.82 },
    display: { format: 'percent', text: '82 %' },
    requested: false,
  },
  'decision.finalized': {
    final: { label: 'eligible' },
    outcome: 'accepted',
    reasons: [{ system: 'urn:example:reasons', code: 'agree', display: 'Agrees with own assessment' }],
    durationMs: 41_000,
  },
};
const CYCLE = [
  'decision.opened',
  'judgement.committed',
  'recommendation.revealed',
  'decision.finalized',
] as const;

/** Options of {@link createEventFactory}. */
export interface EventFactoryOptions {
  /** Chain id. @default a random UUID */
  chain?: string;
  /** Timestamp of the first event. @default '2026-11-22T10:00:00.000Z' */
  start?: string;
  /** Milliseconds between consecutive events. @default 1000 */
  stepMs?: number;
  /** Events per decision (a new decision id after this many). @default 4 */
  perDecision?: number;
}

/**
 * A generator of chained events: each call to `next()` returns the next event of one chain, with
 * `seq`, `prev` and `hash` set as the logger sets them. `next(overrides)` changes envelope fields
 * (or adds keys) before hashing, and can put the event at another `id`, `chain`, `seq` or `prev`;
 * an overridden `hash` replaces the computed one. The chain goes on after the returned event.
 *
 * @example
 * const factory = createEventFactory({ start: '2026-11-22T10:00:00.000Z' });
 * const [a, b] = [factory.next(), factory.next()];
 */
export function createEventFactory(options: EventFactoryOptions = {}): {
  next(overrides?: Partial<DeliberateEvent>): DeliberateEvent;
} {
  const chain = options.chain ?? randomUUID();
  const stepMs = options.stepMs ?? 1000;
  const perDecision = options.perDecision ?? 4;
  let time = Date.parse(options.start ?? '2026-11-22T10:00:00.000Z');
  let seq = 0;
  let prev: string | null = null;
  let decisionId = randomUUID();
  return {
    next(overrides = {}) {
      if (seq > 0 && seq % perDecision === 0) decisionId = randomUUID();
      const type = CYCLE[seq % CYCLE.length] ?? 'decision.opened';
      const {
        id = randomUUID(),
        chain: chainId = chain,
        seq: position = seq,
        prev: previous = prev,
        hash,
        ...envelope
      } = overrides;
      const draft = {
        schema: EVENT_SCHEMA_VERSION,
        type,
        ts: new Date(time).toISOString(),
        decisionId,
        procedure: 'housing-benefit.eligibility',
        caseRef: `case-${decisionId.slice(0, 8)}`,
        actor: { id: 'actor-7f3a', role: 'caseworker' },
        model: { id: 'eligibility-model', version: '2.1.0' },
        data: DATA[type],
        ...envelope,
      } as DecisionEventDraft;
      const stamped = stampAt(draft, id, chainId, position, previous);
      const event = hash === undefined ? stamped : { ...stamped, hash };
      prev = event.hash;
      seq++;
      time += stepMs;
      return event;
    },
  };
}

/** `n` chained events of one chain. */
export function makeEvents(n: number, options: EventFactoryOptions = {}): DeliberateEvent[] {
  const factory = createEventFactory(options);
  return Array.from({ length: n }, () => factory.next());
}
