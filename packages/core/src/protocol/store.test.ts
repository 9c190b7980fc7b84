import { afterEach, describe, expect, it, vi } from 'vitest';
import { DecisionEventDraftSchema } from '../events/schema.ts';
import type { DecisionEventDraft } from '../events/schema.ts';
import { verifyCommitment } from './commitment.ts';
import { SALT, T0, makeInit, makePlan } from './fixtures.ts';
import { createDecisionStore } from './store.ts';
import type { DecisionStoreState } from './store.ts';
import { ProtocolViolation } from './types.ts';

const display = { format: 'percent', text: '82 %' };

function manualClock(start = T0) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createDecisionStore', () => {
  it('opens the decision and hands the opening events to onEvents on creation', () => {
    const onEvents = vi.fn<(events: DecisionEventDraft[]) => void>();
    const store = createDecisionStore(makeInit(), { clock: manualClock(), onEvents });
    const { decision, events, lastError } = store.getState();
    expect(decision.status).toBe('opened');
    expect(decision.openedAt).toBe(T0);
    expect(events.map((e) => e.type)).toEqual(['decision.opened']);
    expect(lastError).toBeNull();
    expect(onEvents).toHaveBeenCalledTimes(1);
    expect(onEvents).toHaveBeenCalledWith(events);
  });

  it('emits recommendation.invalid on creation when the recommendation failed validation', () => {
    const onEvents = vi.fn<(events: DecisionEventDraft[]) => void>();
    createDecisionStore(
      makeInit({
        recommendation: null,
        recommendationIssues: [{ path: ['confidence'], code: 'out_of_range', message: 'must be ≤ 1' }],
      }),
      { clock: manualClock(), onEvents },
    );
    expect(onEvents.mock.calls[0]?.[0].map((e) => e.type)).toEqual([
      'decision.opened',
      'recommendation.invalid',
    ]);
  });

  it('dispatch updates the decision and collects the events in order', () => {
    const store = createDecisionStore(makeInit(), { clock: manualClock() });
    const result = store.getState().dispatch({ type: 'commit', judgement: { label: 'reject' } });
    expect(result.ok).toBe(true);
    store.getState().dispatch({ type: 'reveal', requested: false, display });
    const { decision, events } = store.getState();
    expect(decision.status).toBe('revealed');
    expect(events.map((e) => e.type)).toEqual([
      'decision.opened',
      'judgement.committed',
      'recommendation.revealed',
    ]);
    for (const event of events) expect(DecisionEventDraftSchema.safeParse(event).success).toBe(true);
  });

  it('uses the injected clock for every step', () => {
    const clock = manualClock();
    const store = createDecisionStore(makeInit(), { clock });
    clock.advance(4000);
    store.getState().dispatch({ type: 'commit', judgement: { label: 'reject' } });
    clock.advance(1500);
    store.getState().dispatch({ type: 'reveal', requested: false, display });
    const { decision, events } = store.getState();
    expect(decision.judgement?.committedAt).toBe(T0 + 4000);
    expect(decision.revealedAt).toBe(T0 + 5500);
    expect(events.map((e) => e.ts)).toEqual([
      '2025-01-01T00:00:00.000Z',
      '2025-01-01T00:00:04.000Z',
      '2025-01-01T00:00:05.500Z',
    ]);
  });

  it('uses Date.now when no clock is given', () => {
    vi.useFakeTimers();
    vi.setSystemTime(T0 + 42);
    const store = createDecisionStore(makeInit());
    expect(store.getState().decision.openedAt).toBe(T0 + 42);
  });

  it('calls onEvents after the update, so a listener reads the new state', () => {
    const seen: { status: string; eventCount: number; types: string[] }[] = [];
    const store = createDecisionStore(makeInit(), {
      clock: manualClock(),
      onEvents: (events) => {
        // On creation the store does not exist yet in this closure; skip that call.
        if (events[0]?.type === 'decision.opened') return;
        const state = store.getState();
        seen.push({
          status: state.decision.status,
          eventCount: state.events.length,
          types: events.map((e) => e.type),
        });
      },
    });
    store.getState().dispatch({ type: 'commit', judgement: { label: 'reject' } });
    expect(seen).toEqual([{ status: 'committed', eventCount: 2, types: ['judgement.committed'] }]);
  });

  it('notifies subscribers before onEvents runs', () => {
    const order: string[] = [];
    const store = createDecisionStore(makeInit(), {
      clock: manualClock(),
      onEvents: (events) => order.push(`onEvents:${events.map((e) => e.type).join(',')}`),
    });
    store.subscribe((state) => order.push(`subscriber:${state.decision.status}`));
    store.getState().dispatch({ type: 'commit', judgement: { label: 'reject' } });
    expect(order).toEqual([
      'onEvents:decision.opened',
      'subscriber:committed',
      'onEvents:judgement.committed',
    ]);
  });

  it('does not call onEvents for steps that log nothing, such as drafts', () => {
    const onEvents = vi.fn<(events: DecisionEventDraft[]) => void>();
    const store = createDecisionStore(makeInit(), { clock: manualClock(), onEvents });
    store.getState().dispatch({ type: 'draft', judgement: { label: 'approve' } });
    expect(store.getState().decision.status).toBe('judging');
    expect(store.getState().decision.draft).toEqual({ label: 'approve' });
    expect(onEvents).toHaveBeenCalledTimes(1);
  });

  it('sets lastError for a refused action without changing the decision, and clears it on the next success', () => {
    const onEvents = vi.fn<(events: DecisionEventDraft[]) => void>();
    const store = createDecisionStore(makeInit(), { clock: manualClock(), onEvents });
    const before: DecisionStoreState = store.getState();

    const refused = store.getState().dispatch({ type: 'reveal', requested: false, display });
    expect(refused.ok).toBe(false);
    const afterRefusal = store.getState();
    expect(afterRefusal.lastError).toMatchObject({
      code: 'judgement-required',
      state: 'opened',
      action: 'reveal',
    });
    expect(afterRefusal.decision).toBe(before.decision);
    expect(afterRefusal.events).toBe(before.events);
    expect(onEvents).toHaveBeenCalledTimes(1);

    store.getState().dispatch({ type: 'commit', judgement: { label: 'reject' } });
    expect(store.getState().lastError).toBeNull();
    expect(store.getState().decision.status).toBe('committed');
  });

  it('returns the reducer result from dispatch and never throws for an illegal action', () => {
    const store = createDecisionStore(makeInit(), { clock: manualClock() });
    store.getState().dispatch({ type: 'abandon' });
    const result = store.getState().dispatch({ type: 'commit', judgement: { label: 'reject' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-transition' } });
    expect(store.getState().decision.status).toBe('abandoned');
  });

  it('lets an onEvents failure reach the caller, after the state has changed', () => {
    const store = createDecisionStore(makeInit(), {
      clock: manualClock(),
      onEvents: (events) => {
        if (events[0]?.type === 'judgement.committed') throw new Error('sink down');
      },
    });
    expect(() => store.getState().dispatch({ type: 'commit', judgement: { label: 'reject' } })).toThrow(
      'sink down',
    );
    expect(store.getState().decision.status).toBe('committed');
  });

  it('throws a ProtocolViolation for a malformed init', () => {
    expect(() => createDecisionStore(makeInit({ caseRef: '' }))).toThrow(ProtocolViolation);
  });

  it('runs a whole no-AI-arm decision', () => {
    const clock = manualClock();
    const store = createDecisionStore(makeInit({ plan: makePlan({ arm: 'no-ai', minOwnTimeMs: 3000 }) }), {
      clock,
    });
    const { dispatch } = store.getState();
    dispatch({ type: 'commit', judgement: { label: 'reject' } });
    expect(dispatch({ type: 'finalize', final: { label: 'reject' } })).toMatchObject({
      ok: false,
      error: { code: 'too-early', details: { remainingMs: 3000 } },
    });
    clock.advance(3000);
    dispatch({ type: 'finalize', final: { label: 'reject' } });
    const { decision, events } = store.getState();
    expect(decision.status).toBe('finalized');
    expect(events.map((e) => e.type)).toEqual([
      'decision.opened',
      'judgement.committed',
      'decision.finalized',
    ]);
    expect(events[2]?.data).toMatchObject({
      outcome: 'without-ai',
      durationMs: 3000,
      judgement: { label: 'reject' },
    });
  });

  describe('commitment salts', () => {
    function committed(store: ReturnType<typeof createDecisionStore>) {
      const event = store.getState().events.find((e) => e.type === 'judgement.committed');
      if (event?.type !== 'judgement.committed') throw new Error('expected judgement.committed');
      return event;
    }

    it('salts every commit dispatched without a salt, and keeps the salt in the state', () => {
      const store = createDecisionStore(makeInit(), { clock: manualClock() });
      const action = {
        type: 'commit',
        judgement: { label: 'reject' },
        rationale: 'Erika Mustermann',
      } as const;
      expect(store.getState().dispatch(action).ok).toBe(true);
      const event = committed(store);
      expect(event.data.salt).toMatch(/^[0-9a-f]{64}$/);
      expect(event.data.commitmentVersion).toBe(2);
      expect(store.getState().decision.judgement?.salt).toBe(event.data.salt);
      expect(verifyCommitment(event)).toBe(true);
      // The caller's action is left as it was.
      expect(action).not.toHaveProperty('salt');
    });

    it('gives two decisions with the same judgement and rationale different salts and commitments', () => {
      const commitments = [0, 1].map(() => {
        const store = createDecisionStore(makeInit(), { clock: manualClock() });
        store.getState().dispatch({ type: 'commit', judgement: { label: 'reject' }, rationale: 'same text' });
        return committed(store).data;
      });
      expect(commitments[0]?.salt).not.toBe(commitments[1]?.salt);
      expect(commitments[0]?.commitment).not.toBe(commitments[1]?.commitment);
    });

    it('passes a salt the caller gives on unchanged, and refuses a malformed one', () => {
      const store = createDecisionStore(makeInit(), { clock: manualClock() });
      const refused = store
        .getState()
        .dispatch({ type: 'commit', judgement: { label: 'reject' }, salt: 'abc' });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', details: { field: 'salt' } },
      });
      expect(store.getState().lastError?.details).toEqual({ field: 'salt' });
      store.getState().dispatch({ type: 'commit', judgement: { label: 'reject' }, salt: SALT });
      expect(committed(store).data.salt).toBe(SALT);
    });
  });
});
