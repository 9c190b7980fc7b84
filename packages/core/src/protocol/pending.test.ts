import { describe, expect, it } from 'vitest';
import type { DecisionEventDraft } from '../events/schema.ts';
import { expectContractEvents, expectRefused, openDecision, step, walk } from '../testing/protocol.ts';
import { verifyCommitment } from './commitment.ts';
import {
  T0,
  amountOptions,
  categoricalRecommendation,
  eligibilityOptions,
  makeInit,
  makePlan,
  numericRecommendation,
  rankedRecommendation,
  reasons,
} from './fixtures.ts';
import { initDecision } from './reducer.ts';
import { finalStep } from './rules.ts';
import { allowedActions, canReveal } from './selectors.ts';
import type { DecisionAction, DecisionInit, DecisionState } from './types.ts';
import { ProtocolViolation } from './types.ts';

/*
 * A recommendation that is still being computed when the decision opens (docs/contracts.md §3.2,
 * `recommendationPending` and `recommendation.unavailable`): the person can judge first, the
 * recommendation settles the decision later, and nothing already committed changes.
 */

const SECOND = 1000;
const reveal = {
  type: 'reveal',
  requested: false,
  display: { format: 'verbal', text: 'likely' },
} as const satisfies DecisionAction;
const commitReject = { type: 'commit', judgement: { label: 'reject' } } as const satisfies DecisionAction;
const received = {
  type: 'recommendationReceived',
  recommendation: categoricalRecommendation,
} as const satisfies DecisionAction;

function openPending(overrides: Partial<DecisionInit> = {}) {
  return openDecision({ recommendation: null, recommendationPending: true, ...overrides });
}

/** The decision.finalized event of a successful finalize. */
function finalized(state: DecisionState, action: DecisionAction, atMs = 0): DecisionEventDraft {
  const { events } = step(state, action, atMs);
  expect(events.map((e) => e.type)).toEqual(['decision.finalized']);
  return events[0] as DecisionEventDraft;
}

describe('opening with a pending recommendation', () => {
  it('opens, waits for the recommendation and logs recommendationPending on decision.opened', () => {
    const { state, events } = openPending({ options: eligibilityOptions });
    expect(state.status).toBe('opened');
    expect(state.recommendation).toBeNull();
    expect(state.awaiting).toEqual({ since: T0 });
    expect(state.withoutAi).toBeUndefined();
    expect(state.model).toBeUndefined();
    expect(events.map((e) => e.type)).toEqual(['decision.opened']);
    expect(events[0]?.data).toMatchObject({ recommendationPending: true });
    expect(events[0]).not.toHaveProperty('model');
    expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
  });

  it('logs no recommendationPending when the recommendation is there', () => {
    const { events } = openDecision({ recommendationPending: false });
    expect(events[0]?.data).not.toHaveProperty('recommendationPending');
  });

  it('waits for nothing in the no-AI arm', () => {
    const { state, events } = openPending({ plan: makePlan({ arm: 'no-ai' }) });
    expect(state.status).toBe('without-ai');
    expect(state.withoutAi).toEqual({ cause: 'no-ai-arm', at: T0 });
    expect(state.awaiting).toBeUndefined();
    expect(events[0]?.data).not.toHaveProperty('recommendationPending');
  });

  it('throws when a recommendation is passed as pending, or the flag is no boolean', () => {
    expect(() => initDecision(makeInit({ recommendationPending: true }), T0)).toThrow(ProtocolViolation);
    expect(() => initDecision(makeInit({ recommendationPending: true }), T0)).toThrow(
      /recommendation must be null while init\.recommendationPending/,
    );
    const flag = 'yes' as unknown as boolean;
    expect(() => initDecision(makeInit({ recommendation: null, recommendationPending: flag }), T0)).toThrow(
      /recommendationPending must be a boolean/,
    );
  });
});

describe('while the recommendation is pending', () => {
  it('lets the person draft and commit their judgement', () => {
    const opened = openPending({ options: eligibilityOptions }).state;
    const judging = step(opened, { type: 'draft', judgement: { label: 'refer' } }).state;
    expect(judging.status).toBe('judging');
    const committed = step(judging, commitReject, 4 * SECOND);
    expect(committed.state.status).toBe('committed');
    expect(committed.state.awaiting).toEqual({ since: T0 });
    expect(committed.events.map((e) => e.type)).toEqual(['judgement.committed']);
  });

  it('checks the judgement against the procedure’s options', () => {
    const opened = openPending({ options: eligibilityOptions }).state;
    expectRefused(opened, { type: 'commit', judgement: { label: 'grant' } }, 'invalid-judgement');
  });

  it('refuses the reveal with ai-pending, and allowedActions says so', () => {
    for (const plan of [makePlan({ reveal: 'immediate' }), makePlan({ reveal: 'on-request' })]) {
      const opened = openPending({ plan }).state;
      expectRefused(opened, { ...reveal, requested: true }, 'ai-pending');
    }
    const committed = walk(openPending().state, [commitReject]);
    const error = expectRefused(committed, reveal, 'ai-pending');
    expect(error.message).toMatch(/still being computed/);
    expect(allowedActions(committed, T0).reveal).toMatchObject({ allowed: false, code: 'ai-pending' });
    expect(canReveal(committed)).toBe(false);
  });

  it('refuses explanations: there is nothing revealed to explain', () => {
    expectRefused(
      openPending().state,
      { type: 'viewExplanation', panel: 'factors', durationMs: 1 },
      'invalid-transition',
    );
  });

  it('lets the person decide without the AI, and nothing arrives afterwards', () => {
    const state = step(openPending().state, { type: 'decideWithoutAi' }, 2 * SECOND).state;
    expect(state.status).toBe('without-ai');
    expect(state.awaiting).toBeUndefined();
    expect(state.withoutAi).toEqual({ cause: 'chosen', at: T0 + 2 * SECOND });
    expectRefused(state, received, 'invalid-transition');
    expectRefused(state, { type: 'recommendationFailed', cause: 'timeout' }, 'invalid-transition');
    const event = finalized(state, { type: 'finalize', final: { label: 'refer' } }, 3 * SECOND);
    expect(event.data).toMatchObject({ outcome: 'without-ai', withoutAi: 'chosen' });
  });

  it('lets the person stop the AI, and nothing arrives afterwards', () => {
    const state = step(openPending().state, { type: 'stopAi', scope: 'procedure', reason: 'drift' }).state;
    expect(state.status).toBe('ai-stopped');
    expect(state.awaiting).toBeUndefined();
    const error = expectRefused(state, received, 'invalid-transition');
    expect(error.message).toMatch(/No recommendation is awaited/);
    const event = finalized(state, { type: 'finalize', final: { label: 'reject' } });
    expect(event.data).toMatchObject({ outcome: 'without-ai', withoutAi: 'ai-stopped' });
  });

  it('can be abandoned, and the waiting ends with it', () => {
    const { state, events } = step(openPending().state, { type: 'abandon' });
    expect(state.status).toBe('abandoned');
    expect(state.awaiting).toBeUndefined();
    expect(events[0]?.data).toEqual({ stage: 'opened' });
  });

  it('lets an on-request plan finalize before the recommendation arrives: not requested', () => {
    const state = openPending({
      plan: makePlan({ reveal: 'on-request' }),
      options: eligibilityOptions,
    }).state;
    const step_ = finalStep(state, T0);
    expect(step_.note).toBe('awaiting-ai');
    expect(step_.actions.record).toEqual({ visible: true, unavailable: null });
    const event = finalized(state, { type: 'finalize', final: { label: 'approve' } });
    expect(event.data).toMatchObject({ outcome: 'without-ai', withoutAi: 'not-requested' });
  });

  it('shows the final step as waiting for the AI, with "decide without AI" available', () => {
    const model = finalStep(walk(openPending().state, [commitReject]), T0);
    expect(model.mode).toBe('pending');
    expect(model.status).toBe('pending');
    expect(model.note).toBe('awaiting-ai');
    expect(model.actions.withoutAi).toEqual({ visible: true, unavailable: null });
    expect(model.actions.accept).toEqual({ visible: false, unavailable: { code: 'pending' } });
  });
});

describe('when the recommendation arrives', () => {
  it('takes a fitting recommendation without changing the status, and logs nothing yet', () => {
    const committed = walk(openPending({ options: eligibilityOptions }).state, [commitReject], SECOND);
    const result = step(committed, received, 6 * SECOND);
    expect(result.events).toEqual([]);
    expect(result.state.status).toBe('committed');
    expect(result.state.awaiting).toBeUndefined();
    expect(result.state.recommendation).toBe(categoricalRecommendation);
    expect(result.state.model).toEqual({ id: 'eligibility-gbm', version: '2.3.1' });
    expect(result.state.withoutAi).toBeUndefined();
    const shown = step(result.state, reveal, 7 * SECOND);
    expect(shown.events[0]).toMatchObject({
      type: 'recommendation.revealed',
      model: { id: 'eligibility-gbm', version: '2.3.1' },
      data: { recommendation: { label: 'approve', confidence: 0.82 } },
    });
  });

  it('keeps the committed judgement byte for byte, so its commitment still proves it', () => {
    const opened = openPending({ options: eligibilityOptions }).state;
    const commit = step(opened, { ...commitReject, rationale: 'income above limit' }, SECOND);
    const before = JSON.stringify(commit.state.judgement);
    const after = step(commit.state, received, 9 * SECOND).state;
    expect(JSON.stringify(after.judgement)).toBe(before);
    const committedEvent = commit.events[0];
    if (committedEvent?.type !== 'judgement.committed') throw new Error('no judgement.committed');
    expect(verifyCommitment(committedEvent)).toBe(true);

    const revealed = step(after, reveal, 10 * SECOND).state;
    const event = finalized(
      revealed,
      { type: 'finalize', final: { label: 'approve' }, intent: 'accept' },
      11 * SECOND,
    );
    expect(event.data).toMatchObject({
      outcome: 'accepted',
      judgement: { label: 'reject' },
      recommendation: { label: 'approve' },
    });
    expect(event.data).not.toHaveProperty('withoutAi');
  });

  it('also arrives while the person is still drafting, keeping the draft', () => {
    const judging = step(openPending().state, { type: 'draft', judgement: { label: 'refer' } }).state;
    const state = step(judging, received).state;
    expect(state.status).toBe('judging');
    expect(state.draft).toEqual({ label: 'refer' });
  });

  it('sets an invalid recommendation aside: without-ai, logged with its issues', () => {
    const issues = [{ path: ['confidence'], code: 'out_of_range' as const, message: 'Above 1.' }];
    const committed = walk(openPending().state, [commitReject]);
    const result = step(
      committed,
      { type: 'recommendationReceived', recommendation: null, issues },
      5 * SECOND,
    );
    expect(result.state.status).toBe('without-ai');
    expect(result.state.awaiting).toBeUndefined();
    expect(result.state.withoutAi).toEqual({ cause: 'invalid-recommendation', at: T0 + 5 * SECOND });
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({
      type: 'recommendation.invalid',
      ts: new Date(T0 + 5 * SECOND).toISOString(),
      data: { issues },
    });
    expect(result.events[0]).not.toHaveProperty('model');
    expect(result.state.judgement?.judgement).toEqual({ label: 'reject' });
    expectRefused(result.state, reveal, 'ai-unavailable');

    const event = finalized(result.state, { type: 'finalize', final: { label: 'reject' } }, 6 * SECOND);
    expect(event.data).toEqual({
      final: { label: 'reject' },
      outcome: 'without-ai',
      reasons: [],
      durationMs: 6 * SECOND,
      judgement: { label: 'reject' },
      withoutAi: 'invalid-recommendation',
    });
  });

  it('sets a recommendation aside that does not fit the procedure’s options', () => {
    const opened = openPending({ options: amountOptions }).state;
    const tooHigh = { ...numericRecommendation, value: 2500, interval: { lo: 2400, hi: 2600, level: 0.9 } };
    const result = step(opened, { type: 'recommendationReceived', recommendation: tooHigh });
    expect(result.state.status).toBe('without-ai');
    expect(result.state.recommendation).toBeNull();
    expect(result.state.model).toBeUndefined();
    expect(result.state.withoutAi?.cause).toBe('invalid-recommendation');
    expect(result.events[0]).toMatchObject({
      type: 'recommendation.invalid',
      data: { issues: [{ path: ['value'], code: 'out_of_range' }] },
    });
  });

  describe('without the procedure’s options, where the recommendation defines the decision space', () => {
    it('takes a recommendation whose options hold the judgement committed while it was pending', () => {
      const committed = walk(openPending().state, [commitReject]);
      const state = step(committed, received).state;
      expect(state.recommendation).toBe(categoricalRecommendation);
      expect(state.status).toBe('committed');
    });

    it('sets a recommendation aside whose options do not hold the committed judgement', () => {
      const committed = walk(openPending().state, [{ type: 'commit', judgement: { label: 'defer' } }]);
      const result = step(committed, received, 3 * SECOND);
      expect(result.state.status).toBe('without-ai');
      expect(result.state.recommendation).toBeNull();
      expect(result.state.withoutAi).toEqual({ cause: 'invalid-recommendation', at: T0 + 3 * SECOND });
      expect(result.state.judgement?.judgement).toEqual({ label: 'defer' });
      expect(result.events).toEqual([
        expect.objectContaining({
          type: 'recommendation.invalid',
          data: {
            issues: [
              {
                path: ['options'],
                code: 'unknown_option',
                message: expect.stringMatching(/judgement committed before it arrived.*"defer"/),
              },
            ],
          },
        }),
      ]);
      // The person can still record their own judgement.
      const event = finalized(result.state, { type: 'finalize', final: { label: 'defer' } });
      expect(event.data).toMatchObject({ outcome: 'without-ai', withoutAi: 'invalid-recommendation' });
    });

    it('sets a recommendation of another kind aside', () => {
      const committed = walk(openPending().state, [{ type: 'commit', judgement: { value: 400 } }]);
      const result = step(committed, received);
      expect(result.state.withoutAi?.cause).toBe('invalid-recommendation');
      expect(result.events[0]?.data).toMatchObject({ issues: [{ path: ['kind'], code: 'invalid_type' }] });
      const amount = walk(openPending().state, [{ type: 'commit', judgement: { label: 'approve' } }]);
      const numeric = step(amount, { type: 'recommendationReceived', recommendation: numericRecommendation });
      expect(numeric.events[0]?.data).toMatchObject({ issues: [{ path: ['kind'], code: 'invalid_type' }] });
    });

    it('keeps a ranked list open to a judgement it does not list, as without a pending recommendation', () => {
      const committed = walk(openPending().state, [
        { type: 'commit', judgement: { label: 'apprenticeship' } },
      ]);
      const state = step(committed, {
        type: 'recommendationReceived',
        recommendation: rankedRecommendation,
      }).state;
      expect(state.recommendation).toBe(rankedRecommendation);
      expect(state.status).toBe('committed');
    });
  });

  it('goes on without the AI when no recommendation comes and no issues say why', () => {
    const result = step(openPending().state, { type: 'recommendationReceived', recommendation: null });
    expect(result.state.status).toBe('without-ai');
    expect(result.state.withoutAi?.cause).toBe('no-recommendation');
    expect(result.events).toEqual([]);
    const event = finalized(result.state, { type: 'finalize', final: { label: 'x' } });
    expect(event.data).toMatchObject({ withoutAi: 'no-recommendation' });
  });

  it('is refused when nothing is awaited: twice, after a failure, or without a pending recommendation', () => {
    const arrived = step(openPending().state, received).state;
    expectRefused(arrived, received, 'invalid-transition');
    expectRefused(arrived, { type: 'recommendationFailed', cause: 'timeout' }, 'invalid-transition');
    const failed = step(openPending().state, { type: 'recommendationFailed', cause: 'rejected' }).state;
    expectRefused(failed, received, 'invalid-transition');
    expectRefused(openDecision().state, received, 'invalid-transition');
    expectRefused(
      openDecision().state,
      { type: 'recommendationFailed', cause: 'rejected' },
      'invalid-transition',
    );
  });

  it('refuses a payload that is not a validated recommendation or a list of issues', () => {
    const opened = openPending().state;
    const malformed = { type: 'recommendationReceived', recommendation: { kind: 'guess' } };
    expectRefused(opened, malformed as unknown as DecisionAction, 'invalid-input');
    const badIssues = { type: 'recommendationReceived', recommendation: null, issues: 'broken' };
    expectRefused(opened, badIssues as unknown as DecisionAction, 'invalid-input');
  });
});

describe('when the recommendation fails', () => {
  it('goes on without the AI after a rejection and logs recommendation.unavailable', () => {
    const committed = walk(openPending().state, [commitReject]);
    const result = step(
      committed,
      { type: 'recommendationFailed', cause: 'rejected', message: 'HTTP 503 from the model service' },
      8 * SECOND,
    );
    expect(result.state.status).toBe('without-ai');
    expect(result.state.awaiting).toBeUndefined();
    expect(result.state.withoutAi).toEqual({ cause: 'recommendation-failed', at: T0 + 8 * SECOND });
    expect(result.state.judgement?.judgement).toEqual({ label: 'reject' });
    expect(result.events).toEqual([
      {
        schema: 'deliberate.event/1',
        type: 'recommendation.unavailable',
        ts: new Date(T0 + 8 * SECOND).toISOString(),
        decisionId: 'dec-1',
        procedure: 'housing-benefit.eligibility',
        caseRef: 'case-7f3a',
        actor: { id: 'actor-17', role: 'caseworker' },
        data: { cause: 'rejected', message: 'HTTP 503 from the model service' },
      },
    ]);
    const event = finalized(result.state, { type: 'finalize', final: { label: 'refer' } }, 9 * SECOND);
    expect(event.data).toMatchObject({ outcome: 'without-ai', withoutAi: 'recommendation-failed' });
  });

  it('goes on without the AI after a timeout, and logs no message when none is given', () => {
    const result = step(openPending().state, { type: 'recommendationFailed', cause: 'timeout' });
    expect(result.state.withoutAi?.cause).toBe('recommendation-timeout');
    expect(result.events[0]?.data).toEqual({ cause: 'timeout' });
    expect(finalStep(result.state, T0).note).toBe('recommendation-timeout');
    const event = finalized(result.state, {
      type: 'finalize',
      final: { label: 'approve' },
    });
    expect(event.data).toMatchObject({ outcome: 'without-ai', withoutAi: 'recommendation-timeout' });
  });

  it('caps the message at 500 characters', () => {
    const long = 'x'.repeat(2000);
    const capped = step(openPending().state, {
      type: 'recommendationFailed',
      cause: 'rejected',
      message: long,
    });
    const message = (capped.events[0]?.data as { message: string }).message;
    expect(message).toHaveLength(500);
    expect(message).toBe(`${'x'.repeat(499)}…`);
    const exact = 'y'.repeat(500);
    const kept = step(openPending().state, {
      type: 'recommendationFailed',
      cause: 'rejected',
      message: exact,
    });
    expect(kept.events[0]?.data).toEqual({ cause: 'rejected', message: exact });
  });

  it('refuses an unknown cause or a message that is no text', () => {
    const opened = openPending().state;
    const unknownCause = { type: 'recommendationFailed', cause: 'crashed' };
    expectRefused(opened, unknownCause as unknown as DecisionAction, 'invalid-input');
    const badMessage = { type: 'recommendationFailed', cause: 'timeout', message: 42 };
    expectRefused(opened, badMessage as unknown as DecisionAction, 'invalid-input');
  });

  it('keeps every event of a pending decision within the contract', () => {
    const opened = openPending({ options: eligibilityOptions });
    const committed = step(opened.state, commitReject);
    const failed = step(committed.state, { type: 'recommendationFailed', cause: 'rejected', message: '' });
    const done = step(failed.state, {
      type: 'finalize',
      final: { label: 'reject' },
      reasons: [reasons.missingEvidence],
    });
    expectContractEvents([...opened.events, ...committed.events, ...failed.events, ...done.events]);
  });
});
