import type { DeliberateEvent, EventDataMap, EventType } from '@deliberate/core';

/*
 * Hand-built events for the metrics fixtures. They pass the event schema but are not hash-chained
 * (metrics never check hashes; `verify` tests use the simulator, whose chains are real).
 */

let counter = 0;

/** Resets the id counter so fixtures get the same ids in every test. */
export function resetIds(): void {
  counter = 0;
}

const ZERO_HASH = '0'.repeat(64);

/** Envelope overrides for `event`. */
export interface EnvelopeOptions {
  ts?: string;
  id?: string;
  procedure?: string;
  role?: string;
  actor?: string;
  model?: { id: string; version: string } | null;
}

/**
 * A valid `deliberate.event/1` event of `type` for `decisionId`.
 *
 * @example
 * event('decision.finalized', 'd1', { final: { label: 'approve' }, outcome: 'accepted', reasons: [], durationMs: 1000 });
 */
export function event<T extends EventType>(
  type: T,
  decisionId: string,
  data: EventDataMap[T],
  options: EnvelopeOptions = {},
): DeliberateEvent<T> {
  counter++;
  const model = options.model === undefined ? { id: 'm', version: '1' } : options.model;
  return {
    schema: 'deliberate.event/1',
    id: options.id ?? `evt-${String(counter).padStart(6, '0')}`,
    type,
    ts: options.ts ?? '2025-03-03T10:00:00.000Z',
    decisionId,
    procedure: options.procedure ?? 'benefit.eligibility',
    caseRef: `case-${decisionId}`,
    actor: { id: options.actor ?? 'actor-1', ...(options.role === undefined ? {} : { role: options.role }) },
    ...(model === null ? {} : { model }),
    chain: 'chain-1',
    seq: counter,
    prev: ZERO_HASH,
    hash: ZERO_HASH,
    data,
  } as DeliberateEvent<T>;
}

/** A minimal `decision.opened` payload. */
export function opened(arm: 'ai' | 'no-ai' = 'ai', uiVariant?: string): EventDataMap['decision.opened'] {
  return {
    policy: {
      id: 'p',
      version: '1',
      reveal: 'after-judgement',
      justification: 'override',
      minOwnTimeMs: 0,
      arm,
      audit: false,
    },
    stakes: 'medium',
    ...(uiVariant === undefined ? {} : { uiVariant }),
  };
}

/** A `decision.finalized` payload. */
export function finalized(
  final: { label?: string; value?: number },
  options: {
    outcome?: 'accepted' | 'modified' | 'overridden' | 'without-ai';
    durationMs?: number;
    recommendation?: { label?: string; value?: number; confidence: number | null };
    judgement?: { label?: string; value?: number };
    reasons?: { system: string; code: string; display: string }[];
  } = {},
): EventDataMap['decision.finalized'] {
  return {
    final,
    outcome: options.outcome ?? 'accepted',
    reasons: options.reasons ?? [],
    durationMs: options.durationMs ?? 1000,
    ...(options.recommendation === undefined ? {} : { recommendation: options.recommendation }),
    ...(options.judgement === undefined ? {} : { judgement: options.judgement }),
  };
}

/** A `recommendation.revealed` payload. */
export function revealed(recommendation: {
  label?: string;
  value?: number;
  confidence: number | null;
}): EventDataMap['recommendation.revealed'] {
  return { recommendation, display: { format: 'percent', text: 'x' }, requested: false };
}

/** A `judgement.committed` payload. */
export function committed(judgement: {
  label?: string;
  value?: number;
}): EventDataMap['judgement.committed'] {
  return { judgement, commitment: 'a'.repeat(64) };
}

/** An `outcome.recorded` payload. */
export function truth(
  value: { label?: string; value?: number },
  source = 'audit',
): EventDataMap['outcome.recorded'] {
  return { truth: value, source };
}

/**
 * The events of one categorical decision, judge-first: opened, judgement (if h0), revealed (if a),
 * finalized, and the truth (if y).
 *
 * @example
 * decision('d1', { a: 'approve', c: 0.8, h0: 'reject', h: 'approve', y: 'approve' });
 */
export function decision(
  id: string,
  values: {
    a?: string;
    c?: number | null;
    h0?: string;
    h: string;
    y?: string;
    arm?: 'ai' | 'no-ai';
    outcome?: 'accepted' | 'modified' | 'overridden' | 'without-ai';
    durationMs?: number;
    procedure?: string;
    role?: string;
    ts?: string;
  },
): DeliberateEvent[] {
  const envelope: EnvelopeOptions = {
    ...(values.procedure === undefined ? {} : { procedure: values.procedure }),
    ...(values.role === undefined ? {} : { role: values.role }),
    ...(values.ts === undefined ? {} : { ts: values.ts }),
  };
  const out: DeliberateEvent[] = [event('decision.opened', id, opened(values.arm ?? 'ai'), envelope)];
  if (values.h0 !== undefined)
    out.push(event('judgement.committed', id, committed({ label: values.h0 }), envelope));
  if (values.a !== undefined) {
    out.push(
      event(
        'recommendation.revealed',
        id,
        revealed({ label: values.a, confidence: values.c ?? null }),
        envelope,
      ),
    );
  }
  const outcome =
    values.outcome ??
    (values.a === undefined ? 'without-ai' : values.h === values.a ? 'accepted' : 'overridden');
  out.push(
    event(
      'decision.finalized',
      id,
      finalized({ label: values.h }, { outcome, durationMs: values.durationMs ?? 1000 }),
      envelope,
    ),
  );
  if (values.y !== undefined) out.push(event('outcome.recorded', id, truth({ label: values.y }), envelope));
  return out;
}
