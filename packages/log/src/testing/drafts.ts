import type { DecisionEventDraft, DeliberateEvent, EventType } from '@deliberate/core';
import { stampEvent } from '../chain.ts';
import type { ChainHead } from '../types.ts';

/*
 * Valid drafts of every event type, for tests. Raw ids are deliberately recognisable
 * (`actor-…`, `case-…`) so privacy tests can search sink output for them.
 */

/** 2025-01-01T00:00:00.000Z */
export const T0 = Date.UTC(2025, 0, 1);

export interface DraftOverrides {
  decisionId?: string;
  caseRef?: string;
  actorId?: string;
  ts?: string;
  data?: Record<string, unknown>;
}

const dataByType: { [K in EventType]: () => Record<string, unknown> } = {
  'decision.opened': () => ({
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
  }),
  'judgement.committed': () => ({
    judgement: { label: 'approve', confidence: 0.7 },
    rationale: 'Income documents are complete.',
    commitment: 'a'.repeat(64),
  }),
  'recommendation.revealed': () => ({
    recommendation: { label: 'reject', confidence: 0.82 },
    display: { format: 'percent', text: '82 %' },
    requested: false,
  }),
  'recommendation.unavailable': () => ({ cause: 'rejected', message: 'model service answered 503' }),
  'recommendation.invalid': () => ({
    issues: [{ path: ['confidence'], code: 'out_of_range', message: 'too big' }],
  }),
  'explanation.viewed': () => ({ panel: 'factors', durationMs: 1200 }),
  'decision.finalized': () => ({
    final: { label: 'approve' },
    outcome: 'overridden',
    reasons: [{ system: 'urn:deliberate:reasons', code: 'missing-evidence', display: 'Evidence missing' }],
    comment: 'The model did not see the new payslip.',
    durationMs: 64000,
    recommendation: { label: 'reject', confidence: 0.82 },
    judgement: { label: 'approve', confidence: 0.7 },
  }),
  'decision.abandoned': () => ({ stage: 'judging' }),
  'ai.stopped': () => ({ scope: 'procedure', reason: 'Model drift reported by the supervisor.' }),
  'outcome.recorded': () => ({ truth: { label: 'approve' }, source: 'appeal' }),
  'ui.error': () => ({ component: 'ConfidenceDisplay', message: 'render failed' }),
};

/** A valid draft of `type`. */
export function makeDraft<T extends EventType>(
  type: T,
  overrides: DraftOverrides = {},
): DecisionEventDraft<T> {
  return {
    schema: 'deliberate.event/1',
    type,
    ts: overrides.ts ?? new Date(T0).toISOString(),
    decisionId: overrides.decisionId ?? 'decision-1',
    procedure: 'housing-benefit.eligibility',
    caseRef: overrides.caseRef ?? 'case-2024-0117',
    actor: { id: overrides.actorId ?? 'actor-jane.doe', role: 'caseworker' },
    model: { id: 'eligibility-gbm', version: '2.3.1' },
    data: { ...dataByType[type](), ...overrides.data },
  } as unknown as DecisionEventDraft<T>;
}

const CYCLE: EventType[] = [
  'decision.opened',
  'judgement.committed',
  'recommendation.revealed',
  'explanation.viewed',
  'decision.finalized',
];

/** `n` drafts cycling through a decision's usual events, one decision per five events. */
export function makeDrafts(n: number, overrides: DraftOverrides = {}): DecisionEventDraft[] {
  return Array.from({ length: n }, (_, i) =>
    makeDraft(CYCLE[i % CYCLE.length] as EventType, {
      decisionId: `decision-${Math.floor(i / CYCLE.length)}`,
      ts: new Date(T0 + i * 1000).toISOString(),
      ...overrides,
    }),
  );
}

/** A correctly chained log of `n` events (stamped directly, no logger, no pseudonymisation). */
export function makeChain(
  n: number,
  chain = 'chain-a',
  from: ChainHead = { id: chain, seq: 0, prev: null },
): DeliberateEvent[] {
  let head = from;
  return makeDrafts(n).map((draft, i) => {
    const { event, next } = stampEvent(draft, `${chain}-event-${head.seq}-${i}`, head);
    head = next;
    return event;
  });
}
