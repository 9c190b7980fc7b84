import { describe, expect, it } from 'vitest';
import { checkEventLimits, FREE_TEXT_MAX_LENGTH } from '../events/limits.ts';
import { DecisionEventDraftSchema } from '../events/schema.ts';
import type { DecisionEventDraft, EventDataMap, EventType } from '../events/schema.ts';
import type { FrictionPlan } from '../policy/types.ts';
import type { Recommendation } from '../recommendation/schema.ts';
import {
  SALT,
  T0,
  binaryRecommendation,
  categoricalRecommendation,
  checklist,
  makeInit,
  makePlan,
  noConfidenceRecommendation,
  numericRecommendation,
  rankedRecommendation,
  reasons,
} from './fixtures.ts';
import { judgementCommitment, verifyCommitment } from './commitment.ts';
import { decide, initDecision } from './reducer.ts';
import { allowedActions, canEditJudgement, canReveal, isTerminal, ownTimeRemainingMs } from './selectors.ts';
import type {
  DecisionAction,
  DecisionInit,
  DecisionState,
  ProtocolErrorCode,
  ProtocolResult,
} from './types.ts';
import { DECISION_ACTION_TYPES, ProtocolViolation, unwrapResult } from './types.ts';

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

const SECOND = 1000;
const ts = (ms: number) => new Date(T0 + ms).toISOString();
const display = { format: 'verbal', text: 'likely (66–90 %)' };
const reveal = { type: 'reveal', requested: false, display } as const satisfies DecisionAction;
const requestReveal = { type: 'reveal', requested: true, display } as const satisfies DecisionAction;

/** The envelope every event of the default init carries. */
function expected<T extends EventType>(
  type: T,
  atMs: number,
  data: EventDataMap[T],
  init: DecisionInit = makeInit(),
) {
  const model = init.recommendation?.model;
  return {
    schema: 'deliberate.event/1',
    type,
    ts: ts(atMs),
    decisionId: init.decisionId,
    procedure: init.procedure,
    caseRef: init.caseRef,
    actor: init.actor,
    ...(model === undefined ? {} : { model: { id: model.id, version: model.version } }),
    data,
  };
}

function expectContractEvents(events: DecisionEventDraft[]) {
  for (const event of events) {
    const parsed = DecisionEventDraftSchema.safeParse(event);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  }
}

function open(overrides: Partial<DecisionInit> = {}) {
  const opened = initDecision(makeInit(overrides), T0);
  expectContractEvents(opened.events);
  return opened.state;
}

/**
 * A commit without a salt gets the fixed test salt, as `createDecisionStore` would give it a
 * random one; the reducer's refusal of unsalted commits is tested in commitment.test.ts.
 */
function withSalt(action: DecisionAction): DecisionAction {
  return action.type === 'commit' && action.salt === undefined ? { ...action, salt: SALT } : action;
}

/** Applies `action` `atMs` after opening and expects it to succeed with contract-valid events. */
function step(state: DecisionState, action: DecisionAction, atMs = 0) {
  const result = decide(state, withSalt(action), T0 + atMs);
  if (!result.ok) throw new Error(`unexpected refusal: ${JSON.stringify(result.error)}`);
  expectContractEvents(result.events);
  return result;
}

/** Applies the actions one after another (all at `atMs`), returning the last state. */
function walk(state: DecisionState, actions: DecisionAction[], atMs = 0): DecisionState {
  return actions.reduce((current, action) => step(current, action, atMs).state, state);
}

/** Expects `action` to be refused with `code`, leaving the state untouched and emitting nothing. */
function expectRefused(state: DecisionState, action: DecisionAction, code: ProtocolErrorCode, atMs = 0) {
  const before = JSON.stringify(state);
  const result: ProtocolResult = decide(state, withSalt(action), T0 + atMs);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error.code).toBe(code);
  expect(result.error.state).toBe(state.status);
  expect(result.error.action).toBe(action.type);
  expect(result.error.message).toMatch(/\w.*\.$/);
  expect(result.state).toBe(state);
  expect(result.events).toEqual([]);
  expect(JSON.stringify(state)).toBe(before);
  return result.error;
}

const commitApprove = {
  type: 'commit',
  judgement: { label: 'approve' },
  salt: SALT,
} as const satisfies DecisionAction;
const commitReject = {
  type: 'commit',
  judgement: { label: 'reject' },
  salt: SALT,
} as const satisfies DecisionAction;

/* -------------------------------------------------------------------------------------------------
 * Opening
 * -----------------------------------------------------------------------------------------------*/

describe('opening a decision', () => {
  it('starts in `opened` and logs decision.opened with the policy, the stakes and the model', () => {
    const { state, events } = initDecision(makeInit(), T0);
    expect(state.status).toBe('opened');
    expect(state.openedAt).toBe(T0);
    expect(state.model).toEqual({ id: 'eligibility-gbm', version: '2.3.1' });
    expect(state.panelsViewed).toEqual([]);
    expect(events).toEqual([
      expected('decision.opened', 0, {
        policy: {
          id: 'test-policy',
          version: '1',
          reveal: 'after-judgement',
          justification: 'override',
          minOwnTimeMs: 0,
          arm: 'ai',
          audit: false,
          rule: 'default',
        },
        stakes: 'high',
      }),
    ]);
    expectContractEvents(events);
  });

  it('logs the UI variant when one is given', () => {
    const { state, events } = initDecision(makeInit({ uiVariant: 'judge-first-b' }), T0);
    expect(state.uiVariant).toBe('judge-first-b');
    expect(events[0]?.data).toMatchObject({ uiVariant: 'judge-first-b' });
  });

  it('logs the model without its display name', () => {
    const { events } = initDecision(makeInit(), T0);
    expect(events[0]?.model).toEqual({ id: 'eligibility-gbm', version: '2.3.1' });
  });

  it('copies only the actor id and role into events', () => {
    const actor = { id: 'a-1', role: 'caseworker', email: 'x@example.org' } as DecisionInit['actor'];
    const { events } = initDecision(makeInit({ actor }), T0);
    expect(events[0]?.actor).toEqual({ id: 'a-1', role: 'caseworker' });
  });

  describe('in the no-AI arm', () => {
    it('starts in `without-ai` and logs the arm', () => {
      const { state, events } = initDecision(makeInit({ plan: makePlan({ arm: 'no-ai' }) }), T0);
      expect(state.status).toBe('without-ai');
      expect(state.withoutAi).toEqual({ cause: 'no-ai-arm', at: T0 });
      expect(events.map((e) => e.type)).toEqual(['decision.opened']);
      expect(events[0]?.data).toMatchObject({ policy: { arm: 'no-ai' } });
    });
  });

  describe('without a valid recommendation', () => {
    const issues = [
      { path: ['options', 1, 'probability'], code: 'out_of_range' as const, message: 'must be ≤ 1' },
    ];

    it('starts in `without-ai` and logs recommendation.invalid with the issues', () => {
      const init = makeInit({ recommendation: null, recommendationIssues: issues });
      const { state, events } = initDecision(init, T0);
      expect(state.status).toBe('without-ai');
      expect(state.withoutAi).toEqual({ cause: 'invalid-recommendation', at: T0 });
      expect(state.model).toBeUndefined();
      expect(events.map((e) => e.type)).toEqual(['decision.opened', 'recommendation.invalid']);
      expect(events[1]).toEqual(expected('recommendation.invalid', 0, { issues }, init));
      expect(events[1]).not.toHaveProperty('model');
      expectContractEvents(events);
    });

    it('logs no recommendation.invalid when no issues are given', () => {
      const { events } = initDecision(makeInit({ recommendation: null }), T0);
      expect(events.map((e) => e.type)).toEqual(['decision.opened']);
    });
  });

  it('throws a ProtocolViolation for a malformed init, which is a programming error', () => {
    expect(() => initDecision(makeInit({ decisionId: '' }), T0)).toThrow(ProtocolViolation);
    expect(() => initDecision(makeInit({ actor: { id: '' } }), T0)).toThrow(/actor\.id/);
    expect(() => initDecision(makeInit({ plan: makePlan({ minOwnTimeMs: -1 }) }), T0)).toThrow(
      /minOwnTimeMs/,
    );
    expect(() => initDecision(makeInit(), Number.NaN)).toThrow(/clock/);
  });
});

/* -------------------------------------------------------------------------------------------------
 * Drafts
 * -----------------------------------------------------------------------------------------------*/

describe('drafting a judgement', () => {
  it('moves from opened to judging and keeps the draft, without logging it', () => {
    const result = step(open(), { type: 'draft', judgement: { label: 'reject' } });
    expect(result.state.status).toBe('judging');
    expect(result.state.draft).toEqual({ label: 'reject' });
    expect(result.events).toEqual([]);
  });

  it('replaces the draft while judging', () => {
    const state = walk(open(), [
      { type: 'draft', judgement: { label: 'reject' } },
      { type: 'draft', judgement: { label: 'refer', confidence: 0.4 } },
    ]);
    expect(state.status).toBe('judging');
    expect(state.draft).toEqual({ label: 'refer', confidence: 0.4 });
  });

  it('accepts an incomplete draft', () => {
    expect(step(open(), { type: 'draft', judgement: {} }).state.draft).toEqual({});
  });

  it('rejects a draft label that is not an option', () => {
    expectRefused(open(), { type: 'draft', judgement: { label: 'maybe' } }, 'invalid-judgement');
  });

  it('keeps the status when drafting in the no-AI arm', () => {
    const state = open({ plan: makePlan({ arm: 'no-ai' }) });
    expect(step(state, { type: 'draft', judgement: { label: 'approve' } }).state.status).toBe('without-ai');
  });

  it('refuses a draft after the judgement is committed', () => {
    expectRefused(
      walk(open(), [commitApprove]),
      { type: 'draft', judgement: { label: 'reject' } },
      'judgement-locked',
    );
  });

  it('refuses a draft after the reveal', () => {
    const state = walk(open({ plan: makePlan({ reveal: 'immediate' }) }), [reveal]);
    expectRefused(state, { type: 'draft', judgement: { label: 'reject' } }, 'judgement-locked');
  });
});

/* -------------------------------------------------------------------------------------------------
 * Commit
 * -----------------------------------------------------------------------------------------------*/

describe('committing the judgement', () => {
  it('moves to committed, clears the draft and logs the judgement with its commitment', () => {
    const judging = step(open(), { type: 'draft', judgement: { label: 'approve' } }).state;
    const result = step(
      judging,
      { type: 'commit', judgement: { label: 'reject', confidence: 0.7 }, rationale: 'income above limit' },
      4 * SECOND,
    );
    const commitment = judgementCommitment(
      'dec-1',
      { label: 'reject', confidence: 0.7 },
      'income above limit',
      SALT,
    );
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(result.state.status).toBe('committed');
    expect(result.state.draft).toBeUndefined();
    expect(result.state.judgement).toEqual({
      judgement: { label: 'reject', confidence: 0.7 },
      rationale: 'income above limit',
      commitment,
      salt: SALT,
      committedAt: T0 + 4 * SECOND,
    });
    expect(result.events).toEqual([
      expected('judgement.committed', 4 * SECOND, {
        judgement: { label: 'reject', confidence: 0.7 },
        rationale: 'income above limit',
        commitment,
        commitmentVersion: 2,
        salt: SALT,
      }),
    ]);
  });

  it('commits straight from opened, without a draft', () => {
    expect(step(open(), commitApprove).state.status).toBe('committed');
  });

  it('hashes the judgement so that anyone can verify it, and leaves out an absent rationale', () => {
    const [event] = step(open(), commitApprove).events;
    if (event?.type !== 'judgement.committed') throw new Error('expected judgement.committed');
    expect(event.data).not.toHaveProperty('rationale');
    expect(event.data.commitment).toBe(judgementCommitment('dec-1', { label: 'approve' }, undefined, SALT));
    expect(verifyCommitment(event)).toBe(true);
    expect(verifyCommitment({ ...event, data: { ...event.data, judgement: { label: 'reject' } } })).toBe(
      false,
    );
    expect(verifyCommitment({ ...event, decisionId: 'dec-2' })).toBe(false);
    expect(judgementCommitment('dec-1', { label: 'approve' }, '', SALT)).not.toBe(event.data.commitment);
  });

  it('drops unknown keys from the judgement before hashing and logging it', () => {
    const judgement = { label: 'approve', note: 'secret' } as { label: string };
    const result = step(open(), { type: 'commit', judgement });
    expect(result.state.judgement?.judgement).toEqual({ label: 'approve' });
    expect(result.events[0]?.data).toMatchObject({ judgement: { label: 'approve' } });
    expect(result.events[0]?.data).not.toHaveProperty('judgement.note');
  });

  it('records the judgement in the no-AI arm without leaving without-ai', () => {
    const result = step(open({ plan: makePlan({ arm: 'no-ai' }) }), commitReject);
    expect(result.state.status).toBe('without-ai');
    expect(result.state.judgement?.judgement).toEqual({ label: 'reject' });
    expect(result.events.map((e) => e.type)).toEqual(['judgement.committed']);
  });

  it('records the judgement after the AI was stopped, if it was never revealed', () => {
    const stopped = step(open(), { type: 'stopAi', scope: 'decision', reason: 'outage' }).state;
    const result = step(stopped, commitReject);
    expect(result.state.status).toBe('ai-stopped');
    expect(result.state.judgement?.judgement).toEqual({ label: 'reject' });
  });

  it('refuses a second commit: a committed judgement cannot be edited', () => {
    const error = expectRefused(walk(open(), [commitApprove]), commitReject, 'judgement-locked');
    expect(error.message).toMatch(/cannot be changed/);
  });

  it('refuses a commit after the reveal', () => {
    const state = walk(open({ plan: makePlan({ reveal: 'immediate' }) }), [reveal]);
    const error = expectRefused(state, commitApprove, 'judgement-locked');
    expect(error.message).toMatch(/has been shown/);
  });

  it('refuses a commit after the AI was stopped, when it had been revealed', () => {
    const state = walk(open({ plan: makePlan({ reveal: 'immediate' }) }), [
      reveal,
      { type: 'stopAi', scope: 'decision', reason: 'drift' },
    ]);
    expectRefused(state, commitApprove, 'judgement-locked');
  });

  describe('checks the judgement against the recommendation', () => {
    it('rejects a missing label', () => {
      expectRefused(open(), { type: 'commit', judgement: {} }, 'invalid-judgement');
    });

    it('rejects a label that is not an option, naming the options', () => {
      const error = expectRefused(
        open(),
        { type: 'commit', judgement: { label: 'maybe' } },
        'invalid-judgement',
      );
      expect(error.details).toEqual({ label: 'maybe', options: ['approve', 'reject', 'refer'] });
    });

    it('rejects a value for a categorical decision', () => {
      expectRefused(
        open(),
        { type: 'commit', judgement: { label: 'approve', value: 1 } },
        'invalid-judgement',
      );
    });

    it('rejects a confidence outside [0, 1]', () => {
      expectRefused(
        open(),
        { type: 'commit', judgement: { label: 'approve', confidence: 1.2 } },
        'invalid-judgement',
      );
    });

    it('rejects a label that is not an option of a binary decision', () => {
      const state = open({ recommendation: binaryRecommendation });
      expectRefused(state, { type: 'commit', judgement: { label: 'approve' } }, 'invalid-judgement');
      expect(step(state, { type: 'commit', judgement: { label: 'yes' } }).state.status).toBe('committed');
    });

    it('needs a finite value for a numeric decision, and no label', () => {
      const state = open({ recommendation: numericRecommendation });
      expectRefused(state, { type: 'commit', judgement: {} }, 'invalid-judgement');
      expectRefused(state, { type: 'commit', judgement: { value: Number.NaN } }, 'invalid-judgement');
      expectRefused(state, { type: 'commit', judgement: { value: Infinity } }, 'invalid-judgement');
      expectRefused(state, { type: 'commit', judgement: { label: '400' } }, 'invalid-judgement');
      expect(step(state, { type: 'commit', judgement: { value: 400 } }).state.judgement?.judgement).toEqual({
        value: 400,
      });
    });

    it('accepts a ranked judgement outside the list, whose candidates may be more than were ranked', () => {
      const state = open({ recommendation: rankedRecommendation });
      expect(step(state, { type: 'commit', judgement: { label: 'job-fair' } }).state.status).toBe(
        'committed',
      );
      expectRefused(state, { type: 'commit', judgement: {} }, 'invalid-judgement');
    });

    it('needs a label or a value when there is no recommendation', () => {
      const state = open({ recommendation: null });
      expectRefused(state, { type: 'commit', judgement: {} }, 'invalid-judgement');
      expect(step(state, { type: 'commit', judgement: { label: 'approve' } }).state.judgement).toBeDefined();
    });
  });

  describe('with a checklist', () => {
    const withChecklist = () => open({ plan: makePlan({ checklist }) });

    it('refuses to commit until every item is confirmed, naming the missing ones', () => {
      const error = expectRefused(
        withChecklist(),
        { type: 'commit', judgement: { label: 'approve' }, checklist: ['income'] },
        'checklist-incomplete',
      );
      expect(error.details).toEqual({ missing: ['rent'] });
      expectRefused(withChecklist(), commitApprove, 'checklist-incomplete');
    });

    it('logs the confirmed items in the plan order, ignoring ids the plan does not know', () => {
      const result = step(withChecklist(), {
        type: 'commit',
        judgement: { label: 'approve' },
        checklist: ['rent', 'unknown', 'income'],
      });
      expect(result.state.judgement?.checklist).toEqual(['income', 'rent']);
      expect(result.events[0]?.data).toMatchObject({ checklist: ['income', 'rent'] });
    });

    it('keeps the checklist out of the commitment', () => {
      const result = step(withChecklist(), {
        type: 'commit',
        judgement: { label: 'approve' },
        checklist: ['income', 'rent'],
      });
      expect(result.state.judgement?.commitment).toBe(
        judgementCommitment('dec-1', { label: 'approve' }, undefined, SALT),
      );
    });
  });
});

/* -------------------------------------------------------------------------------------------------
 * Reveal
 * -----------------------------------------------------------------------------------------------*/

describe('after-judgement reveal', () => {
  it('rejects a reveal before the judgement is committed', () => {
    expectRefused(open(), reveal, 'judgement-required');
    const judging = step(open(), { type: 'draft', judgement: { label: 'reject' } }).state;
    expectRefused(judging, requestReveal, 'judgement-required');
  });

  it('reveals after the commit and logs what was shown', () => {
    const committed = step(open(), commitReject, 3 * SECOND).state;
    const result = step(committed, reveal, 5 * SECOND);
    expect(result.state.status).toBe('revealed');
    expect(result.state.revealedAt).toBe(T0 + 5 * SECOND);
    expect(result.state.reveal).toEqual({
      recommendation: { label: 'approve', confidence: 0.82 },
      display,
      requested: false,
    });
    expect(result.events).toEqual([
      expected('recommendation.revealed', 5 * SECOND, {
        recommendation: { label: 'approve', confidence: 0.82 },
        display,
        requested: false,
        friction: { band: 'medium', justification: 'override' },
      }),
    ]);
  });

  it('rejects a second reveal', () => {
    const error = expectRefused(walk(open(), [commitReject, reveal]), reveal, 'already-revealed');
    expect(error.message).toBe('The AI recommendation has already been revealed.');
  });

  it('refuses to finalize before the reveal, pointing to the reveal or "decide without AI"', () => {
    const error = expectRefused(
      walk(open(), [commitReject]),
      { type: 'finalize', final: { label: 'reject' } },
      'invalid-transition',
    );
    expect(error.message).toMatch(/reveal/);
    expect(error.message).toMatch(/without the AI/);
    expectRefused(open(), { type: 'finalize', final: { label: 'reject' } }, 'invalid-transition');
  });
});

describe('immediate reveal', () => {
  const immediate = () => open({ plan: makePlan({ reveal: 'immediate' }) });

  it('reveals from opened', () => {
    const result = step(immediate(), reveal);
    expect(result.state.status).toBe('revealed');
    expect(result.events.map((e) => e.type)).toEqual(['recommendation.revealed']);
  });

  it('reveals while judging and drops the draft, which can no longer be committed', () => {
    const state = walk(immediate(), [{ type: 'draft', judgement: { label: 'reject' } }, reveal]);
    expect(state.status).toBe('revealed');
    expect(state.draft).toBeUndefined();
  });

  it('reveals after an early commit', () => {
    expect(walk(immediate(), [commitReject, reveal]).status).toBe('revealed');
  });

  it('refuses to finalize before the reveal', () => {
    const error = expectRefused(
      immediate(),
      { type: 'finalize', final: { label: 'approve' } },
      'invalid-transition',
    );
    expect(error.message).toMatch(/immediately/);
  });
});

describe('on-request reveal', () => {
  const onRequest = (overrides: Partial<FrictionPlan> = {}) =>
    open({ plan: makePlan({ reveal: 'on-request', ...overrides }) });

  it('reveals when the person asks, before or after committing', () => {
    expect(step(onRequest(), requestReveal).events[0]?.data).toMatchObject({ requested: true });
    expect(walk(onRequest(), [commitReject, requestReveal]).status).toBe('revealed');
  });

  it('rejects a reveal the person did not ask for', () => {
    expectRefused(onRequest(), reveal, 'invalid-transition');
  });

  it('finalizes a committed decision without the AI when the person never asks', () => {
    const committed = step(onRequest(), commitReject, SECOND).state;
    const result = step(committed, { type: 'finalize', final: { label: 'reject' } }, 9 * SECOND);
    expect(result.state.status).toBe('finalized');
    expect(result.events).toEqual([
      expected('decision.finalized', 9 * SECOND, {
        final: { label: 'reject' },
        outcome: 'without-ai',
        reasons: [],
        durationMs: 9 * SECOND,
        judgement: { label: 'reject' },
        withoutAi: 'not-requested',
      }),
    ]);
  });

  it('finalizes from opened without a judgement or the AI', () => {
    const result = step(onRequest(), { type: 'finalize', final: { label: 'approve' } }, 2 * SECOND);
    expect(result.events[0]?.data).toEqual({
      final: { label: 'approve' },
      outcome: 'without-ai',
      reasons: [],
      durationMs: 2 * SECOND,
      withoutAi: 'not-requested',
    });
  });
});

describe('what a reveal logs for each kind of recommendation', () => {
  const shown = (recommendation: Recommendation) =>
    step(open({ recommendation, plan: makePlan({ reveal: 'immediate' }) }), reveal).events[0]?.data;

  it('logs the recommended option of a categorical decision', () => {
    expect(shown(categoricalRecommendation)).toMatchObject({
      recommendation: { label: 'approve', confidence: 0.82 },
    });
  });

  it('logs a null confidence when the AI reported none', () => {
    expect(shown(noConfidenceRecommendation)).toMatchObject({
      recommendation: { label: 'reject', confidence: null },
    });
  });

  it('logs the recommended option of a binary decision', () => {
    expect(shown(binaryRecommendation)).toMatchObject({ recommendation: { label: 'no', confidence: 0.91 } });
  });

  it('logs the value and the interval of a numeric recommendation', () => {
    expect(shown(numericRecommendation)).toEqual({
      recommendation: { value: 412.5, confidence: 0.9, interval: { lo: 380, hi: 450, level: 0.9 } },
      display,
      requested: false,
      friction: { band: 'uncalibrated', justification: 'override' },
    });
  });

  it('logs the first item of a ranked list', () => {
    expect(shown(rankedRecommendation)).toMatchObject({
      recommendation: { label: 'course-a', confidence: 0.5 },
    });
  });
});

describe('when the AI is unavailable', () => {
  it('refuses a reveal in the no-AI arm', () => {
    const error = expectRefused(
      open({ plan: makePlan({ arm: 'no-ai', reveal: 'immediate' }) }),
      reveal,
      'ai-unavailable',
    );
    expect(error.message).toMatch(/no-AI arm/);
  });

  it('refuses a reveal without a recommendation', () => {
    expectRefused(
      open({ recommendation: null, plan: makePlan({ reveal: 'immediate' }) }),
      reveal,
      'ai-unavailable',
    );
  });

  it('refuses a reveal after the person chose to decide without the AI', () => {
    const state = walk(open(), [commitReject, { type: 'decideWithoutAi' }]);
    expectRefused(state, reveal, 'ai-unavailable');
  });

  it('refuses a reveal after the AI was stopped', () => {
    const state = walk(open(), [commitReject, { type: 'stopAi', scope: 'procedure', reason: 'drift' }]);
    const error = expectRefused(state, reveal, 'ai-unavailable');
    expect(error.message).toMatch(/stopped \(procedure\)/);
  });
});

describe('what the UI says it displayed', () => {
  it('must name a format', () => {
    const committed = walk(open(), [commitReject]);
    expectRefused(
      committed,
      { type: 'reveal', requested: false, display: { format: '', text: 'x' } },
      'invalid-input',
    );
    const missing = { type: 'reveal', requested: false } as unknown as DecisionAction;
    expectRefused(committed, missing, 'invalid-input');
  });
});

/* -------------------------------------------------------------------------------------------------
 * Explanations
 * -----------------------------------------------------------------------------------------------*/

describe('viewing explanations', () => {
  const revealed = () => walk(open(), [commitReject, reveal]);

  it('logs each view and remembers each panel once', () => {
    const first = step(
      revealed(),
      { type: 'viewExplanation', panel: 'evidence', durationMs: 5400 },
      7 * SECOND,
    );
    expect(first.events).toEqual([
      expected('explanation.viewed', 7 * SECOND, { panel: 'evidence', durationMs: 5400 }),
    ]);
    const state = walk(first.state, [
      { type: 'viewExplanation', panel: 'factors', durationMs: 0 },
      { type: 'viewExplanation', panel: 'evidence', durationMs: 100 },
    ]);
    expect(state.panelsViewed).toEqual(['evidence', 'factors']);
    expect(state.status).toBe('revealed');
  });

  it('refuses a view before the reveal', () => {
    expectRefused(
      walk(open(), [commitReject]),
      { type: 'viewExplanation', panel: 'factors', durationMs: 1 },
      'invalid-transition',
    );
  });

  it('rejects a negative or non-finite duration', () => {
    for (const durationMs of [-1, Number.NaN, Infinity]) {
      expectRefused(
        revealed(),
        { type: 'viewExplanation', panel: 'factors', durationMs },
        'invalid-duration',
      );
    }
  });

  it('rejects an unnamed panel', () => {
    expectRefused(revealed(), { type: 'viewExplanation', panel: '', durationMs: 1 }, 'invalid-input');
  });

  it('refuses a view after the AI was stopped', () => {
    const state = step(revealed(), { type: 'stopAi', scope: 'decision', reason: 'wrong case' }).state;
    expectRefused(state, { type: 'viewExplanation', panel: 'factors', durationMs: 1 }, 'ai-unavailable');
  });

  it('refuses a view after the decision is finalized', () => {
    const state = step(revealed(), { type: 'finalize', final: { label: 'approve' } }).state;
    expectRefused(state, { type: 'viewExplanation', panel: 'factors', durationMs: 1 }, 'invalid-transition');
  });
});

/* -------------------------------------------------------------------------------------------------
 * Deciding without the AI, stopping it
 * -----------------------------------------------------------------------------------------------*/

describe('deciding without the AI', () => {
  it('is possible before the reveal, from opened, judging and committed, and logs nothing yet', () => {
    for (const before of [
      open(),
      step(open(), { type: 'draft', judgement: { label: 'reject' } }).state,
      step(open(), commitReject).state,
    ]) {
      const result = step(before, { type: 'decideWithoutAi' }, SECOND);
      expect(result.state.status).toBe('without-ai');
      expect(result.state.withoutAi).toEqual({ cause: 'chosen', at: T0 + SECOND });
      expect(result.events).toEqual([]);
    }
  });

  it('is refused after the reveal: the AI was already shown, record an override instead', () => {
    const error = expectRefused(
      walk(open(), [commitReject, reveal]),
      { type: 'decideWithoutAi' },
      'already-revealed',
    );
    expect(error.message).toMatch(/override/);
  });

  it('is refused when already deciding without the AI', () => {
    expectRefused(
      walk(open(), [{ type: 'decideWithoutAi' }]),
      { type: 'decideWithoutAi' },
      'invalid-transition',
    );
  });

  it('ends in a finalized decision with outcome without-ai and the committed judgement', () => {
    const state = walk(open(), [commitReject, { type: 'decideWithoutAi' }]);
    const result = step(state, { type: 'finalize', final: { label: 'refer' } }, 12 * SECOND);
    expect(result.events).toEqual([
      expected('decision.finalized', 12 * SECOND, {
        final: { label: 'refer' },
        outcome: 'without-ai',
        reasons: [],
        durationMs: 12 * SECOND,
        judgement: { label: 'reject' },
        withoutAi: 'chosen',
      }),
    ]);
  });
});

describe('stopping the AI', () => {
  it('switches the AI off from any open state and logs ai.stopped', () => {
    const result = step(open(), { type: 'stopAi', scope: 'procedure', reason: 'suspected drift' }, SECOND);
    expect(result.state.status).toBe('ai-stopped');
    expect(result.state.stoppedBy).toEqual({
      scope: 'procedure',
      reason: 'suspected drift',
      at: T0 + SECOND,
    });
    expect(result.events).toEqual([
      expected('ai.stopped', SECOND, { scope: 'procedure', reason: 'suspected drift' }),
    ]);
  });

  it('is possible while deciding without the AI (a procedure-wide control)', () => {
    const state = walk(open(), [
      { type: 'decideWithoutAi' },
      { type: 'stopAi', scope: 'procedure', reason: '' },
    ]);
    expect(state.status).toBe('ai-stopped');
  });

  it('keeps the reveal, so a later decision is still measured against what was seen', () => {
    const state = walk(open(), [commitReject, reveal]);
    const stopped = step(
      state,
      { type: 'stopAi', scope: 'decision', reason: 'looks wrong' },
      2 * SECOND,
    ).state;
    expect(stopped.revealedAt).toBe(T0);
    const result = step(
      stopped,
      { type: 'finalize', final: { label: 'reject' }, reasons: [reasons.missingEvidence] },
      3 * SECOND,
    );
    expect(result.events[0]?.data).toMatchObject({
      outcome: 'overridden',
      recommendation: { label: 'approve', confidence: 0.82 },
      judgement: { label: 'reject' },
    });
  });

  it('finalizes without the AI when it was stopped before the reveal', () => {
    const state = walk(open(), [{ type: 'stopAi', scope: 'decision', reason: 'outage' }]);
    expect(step(state, { type: 'finalize', final: { label: 'approve' } }).state.final?.outcome).toBe(
      'without-ai',
    );
  });

  it('is refused when the AI is already stopped', () => {
    const state = walk(open(), [{ type: 'stopAi', scope: 'decision', reason: 'x' }]);
    expectRefused(state, { type: 'stopAi', scope: 'procedure', reason: 'y' }, 'invalid-transition');
  });

  it('rejects an unknown scope', () => {
    const action = { type: 'stopAi', scope: 'everything', reason: 'x' } as unknown as DecisionAction;
    expectRefused(open(), action, 'invalid-input');
  });
});

/* -------------------------------------------------------------------------------------------------
 * Finalize
 * -----------------------------------------------------------------------------------------------*/

describe('finalizing', () => {
  const revealedWith = (
    recommendation: Recommendation,
    judgement: DecisionAction & { type: 'commit' },
    plan = makePlan(),
  ) => walk(open({ recommendation, plan }), [judgement, reveal]);

  it('logs the final decision with the copies of the recommendation and the judgement', () => {
    const state = walk(open(), [commitReject], SECOND);
    const revealed = step(state, reveal, 2 * SECOND).state;
    const result = step(
      revealed,
      {
        type: 'finalize',
        final: { label: 'reject' },
        intent: 'override',
        reasons: [reasons.missingEvidence],
        comment: 'no rent contract',
      },
      30 * SECOND,
    );
    expect(result.state.status).toBe('finalized');
    expect(result.state.final).toEqual({
      final: { label: 'reject' },
      outcome: 'overridden',
      reasons: [reasons.missingEvidence],
      comment: 'no rent contract',
      intent: 'override',
      durationMs: 30 * SECOND,
      finalizedAt: T0 + 30 * SECOND,
    });
    expect(result.events).toEqual([
      expected('decision.finalized', 30 * SECOND, {
        final: { label: 'reject' },
        outcome: 'overridden',
        reasons: [reasons.missingEvidence],
        comment: 'no rent contract',
        durationMs: 30 * SECOND,
        recommendation: { label: 'approve', confidence: 0.82 },
        judgement: { label: 'reject' },
      }),
    ]);
  });

  describe('computes the outcome', () => {
    it('accepted when a categorical decision equals the recommendation, overridden otherwise', () => {
      const state = revealedWith(categoricalRecommendation, commitApprove);
      expect(step(state, { type: 'finalize', final: { label: 'approve' } }).state.final?.outcome).toBe(
        'accepted',
      );
      const overridden = step(state, {
        type: 'finalize',
        final: { label: 'refer' },
        reasons: [reasons.missingEvidence],
      });
      expect(overridden.state.final?.outcome).toBe('overridden');
    });

    it('accepted or overridden for a binary decision', () => {
      const state = revealedWith(binaryRecommendation, { type: 'commit', judgement: { label: 'yes' } });
      expect(step(state, { type: 'finalize', final: { label: 'no' } }).state.final?.outcome).toBe('accepted');
      const flagged = step(state, {
        type: 'finalize',
        final: { label: 'yes' },
        reasons: [reasons.missingEvidence],
      });
      expect(flagged.state.final?.outcome).toBe('overridden');
    });

    it('modified for another item of a ranked list, overridden for one outside it', () => {
      const state = revealedWith(rankedRecommendation, { type: 'commit', judgement: { label: 'coaching' } });
      const justify = { reasons: [reasons.missingEvidence] };
      expect(step(state, { type: 'finalize', final: { label: 'course-a' } }).state.final?.outcome).toBe(
        'accepted',
      );
      expect(
        step(state, { type: 'finalize', final: { label: 'coaching' }, ...justify }).state.final?.outcome,
      ).toBe('modified');
      expect(
        step(state, { type: 'finalize', final: { label: 'job-fair' }, ...justify }).state.final?.outcome,
      ).toBe('overridden');
    });

    it('for a numeric decision: accepted when equal, modified inside the interval, overridden outside', () => {
      const state = revealedWith(numericRecommendation, { type: 'commit', judgement: { value: 390 } });
      const outcome = (value: number) =>
        step(state, { type: 'finalize', final: { value }, reasons: [reasons.missingEvidence] }).state.final
          ?.outcome;
      expect(outcome(412.5)).toBe('accepted');
      expect(outcome(380)).toBe('modified');
      expect(outcome(450)).toBe('modified');
      expect(outcome(379.99)).toBe('overridden');
      expect(outcome(451)).toBe('overridden');
    });
  });

  describe('checks the final decision', () => {
    const revealed = () => revealedWith(categoricalRecommendation, commitReject);

    it('rejects a missing label', () => {
      expectRefused(revealed(), { type: 'finalize', final: {} }, 'invalid-final');
    });

    it('rejects a label that is not an option', () => {
      expectRefused(revealed(), { type: 'finalize', final: { label: 'later' } }, 'invalid-final');
    });

    it('rejects a non-finite numeric value', () => {
      const state = revealedWith(numericRecommendation, { type: 'commit', judgement: { value: 1 } });
      expectRefused(state, { type: 'finalize', final: { value: Number.NaN } }, 'invalid-final');
      expectRefused(state, { type: 'finalize', final: {} }, 'invalid-final');
    });
  });

  describe('checks the stated intent', () => {
    const revealed = () => revealedWith(categoricalRecommendation, commitReject);

    it('rejects "accept" with a decision that differs from the recommendation', () => {
      const error = expectRefused(
        revealed(),
        {
          type: 'finalize',
          final: { label: 'reject' },
          intent: 'accept',
          reasons: [reasons.missingEvidence],
        },
        'intent-mismatch',
      );
      expect(error.details).toEqual({ intent: 'accept', outcome: 'overridden' });
    });

    it('rejects "override" and "modify" with a decision that equals the recommendation', () => {
      expectRefused(
        revealed(),
        { type: 'finalize', final: { label: 'approve' }, intent: 'override' },
        'intent-mismatch',
      );
      expectRefused(
        revealed(),
        { type: 'finalize', final: { label: 'approve' }, intent: 'modify' },
        'intent-mismatch',
      );
    });

    it('rejects any intent when the AI was not shown', () => {
      const state = walk(open(), [commitReject, { type: 'decideWithoutAi' }]);
      expectRefused(
        state,
        { type: 'finalize', final: { label: 'reject' }, intent: 'override' },
        'intent-mismatch',
      );
    });

    it('takes "modify" and "override" alike as a deviation', () => {
      const result = step(revealed(), {
        type: 'finalize',
        final: { label: 'reject' },
        intent: 'modify',
        reasons: [reasons.missingEvidence],
      });
      expect(result.state.final).toMatchObject({ outcome: 'overridden', intent: 'modify' });
    });
  });

  describe('asks for reasons as the plan says', () => {
    const revealedUnder = (
      justification: FrictionPlan['justification'],
      recommendation: Recommendation = categoricalRecommendation,
    ) =>
      walk(open({ recommendation, plan: makePlan({ justification }) }), [
        recommendation.kind === 'numeric' ? { type: 'commit', judgement: { value: 400 } } : commitReject,
        reveal,
      ]);

    it('"override": requires a reason for an overridden decision', () => {
      const error = expectRefused(
        revealedUnder('override'),
        { type: 'finalize', final: { label: 'reject' } },
        'reason-required',
      );
      expect(error.details).toEqual({ outcome: 'overridden', justification: 'override' });
    });

    it('"override": requires a reason for a modified decision', () => {
      expectRefused(
        revealedUnder('override', numericRecommendation),
        { type: 'finalize', final: { value: 400 } },
        'reason-required',
      );
    });

    it('"override": needs no reason to accept', () => {
      expect(
        step(revealedUnder('override'), { type: 'finalize', final: { label: 'approve' } }).state.status,
      ).toBe('finalized');
    });

    it('"always": requires a reason to accept, and without the AI', () => {
      expectRefused(
        revealedUnder('always'),
        { type: 'finalize', final: { label: 'approve' } },
        'reason-required',
      );
      const withoutAi = walk(open({ plan: makePlan({ justification: 'always', arm: 'no-ai' }) }), []);
      expectRefused(withoutAi, { type: 'finalize', final: { label: 'approve' } }, 'reason-required');
    });

    it('"none": needs no reason to override', () => {
      expect(
        step(revealedUnder('none'), { type: 'finalize', final: { label: 'reject' } }).state.final?.outcome,
      ).toBe('overridden');
    });

    it('requires a comment for a reason flagged requiresComment', () => {
      const finalize = {
        type: 'finalize',
        final: { label: 'reject' },
        reasons: [reasons.needsComment],
      } as const;
      const error = expectRefused(revealedUnder('override'), finalize, 'reason-required');
      expect(error.details).toEqual({ code: 'hardship' });
      expectRefused(revealedUnder('override'), { ...finalize, comment: '   ' }, 'reason-required');
      expect(
        step(revealedUnder('override'), { ...finalize, comment: 'single parent' }).state.final?.comment,
      ).toBe('single parent');
    });

    it('treats the code "other" as needing a comment unless it says otherwise', () => {
      expectRefused(
        revealedUnder('override'),
        { type: 'finalize', final: { label: 'reject' }, reasons: [reasons.other] },
        'reason-required',
      );
      const result = step(revealedUnder('override'), {
        type: 'finalize',
        final: { label: 'reject' },
        reasons: [reasons.otherNoComment],
      });
      expect(result.state.status).toBe('finalized');
    });

    it('logs only system, code and display of each reason, and no blank comment', () => {
      const result = step(revealedUnder('override'), {
        type: 'finalize',
        final: { label: 'reject' },
        reasons: [{ ...reasons.needsComment, labels: { de: 'Härtefall' } }],
        comment: 'single parent',
      });
      expect(result.events[0]?.data).toMatchObject({
        reasons: [{ system: 'urn:deliberate:reasons', code: 'hardship', display: 'Hardship' }],
      });
      expect(JSON.stringify(result.events[0]?.data)).not.toMatch(/requiresComment|Härtefall/);
      const blank = step(revealedUnder('override'), {
        type: 'finalize',
        final: { label: 'reject' },
        reasons: [reasons.missingEvidence],
        comment: ' ',
      });
      expect(blank.events[0]?.data).not.toHaveProperty('comment');
    });

    it('rejects a reason without a code', () => {
      const broken = { system: 's', code: '', display: 'd' };
      expectRefused(
        revealedUnder('override'),
        { type: 'finalize', final: { label: 'reject' }, reasons: [broken] },
        'invalid-input',
      );
    });
  });

  describe('with a minimum own-assessment time', () => {
    const timed = () => open({ plan: makePlan({ reveal: 'on-request', minOwnTimeMs: 20 * SECOND }) });

    it('rejects finalizing too early and says how long remains', () => {
      const error = expectRefused(
        timed(),
        { type: 'finalize', final: { label: 'approve' } },
        'too-early',
        15 * SECOND,
      );
      expect(error.details).toEqual({ remainingMs: 5 * SECOND, minOwnTimeMs: 20 * SECOND });
    });

    it('allows finalizing once the time has passed', () => {
      expect(step(timed(), { type: 'finalize', final: { label: 'approve' } }, 20 * SECOND).state.status).toBe(
        'finalized',
      );
    });
  });
});

/* -------------------------------------------------------------------------------------------------
 * Abandon and the end states
 * -----------------------------------------------------------------------------------------------*/

describe('abandoning', () => {
  const states: [string, () => DecisionState][] = [
    ['opened', () => open()],
    ['judging', () => walk(open(), [{ type: 'draft', judgement: { label: 'approve' } }])],
    ['committed', () => walk(open(), [commitApprove])],
    ['revealed', () => walk(open(), [commitApprove, reveal])],
    ['without-ai', () => walk(open(), [{ type: 'decideWithoutAi' }])],
    ['ai-stopped', () => walk(open(), [{ type: 'stopAi', scope: 'decision', reason: 'x' }])],
  ];

  it.each(states)('abandons from %s and logs the stage', (stage, make) => {
    const result = step(make(), { type: 'abandon' }, 8 * SECOND);
    expect(result.state.status).toBe('abandoned');
    expect(result.state.abandoned).toEqual({ stage, at: T0 + 8 * SECOND });
    expect(result.events).toEqual([expected('decision.abandoned', 8 * SECOND, { stage })]);
  });
});

describe('after the end', () => {
  const everyAction: DecisionAction[] = [
    { type: 'draft', judgement: { label: 'approve' } },
    commitApprove,
    reveal,
    { type: 'viewExplanation', panel: 'factors', durationMs: 1 },
    { type: 'decideWithoutAi' },
    { type: 'stopAi', scope: 'decision', reason: 'x' },
    { type: 'finalize', final: { label: 'approve' } },
    { type: 'abandon' },
  ];
  const finalized = () =>
    walk(open(), [commitApprove, reveal, { type: 'finalize', final: { label: 'approve' } }]);
  const abandoned = () => walk(open(), [{ type: 'abandon' }]);

  it.each(everyAction.map((a) => [a.type, a] as const))('refuses %s after finalize', (_, action) => {
    const error = expectRefused(finalized(), action, 'invalid-transition');
    expect(error.message).toBe('The decision is finalized; no further action is possible.');
  });

  it.each(everyAction.map((a) => [a.type, a] as const))('refuses %s after abandon', (_, action) => {
    expectRefused(abandoned(), action, 'invalid-transition');
  });
});

/* -------------------------------------------------------------------------------------------------
 * Robustness
 * -----------------------------------------------------------------------------------------------*/

describe('robustness', () => {
  it('rejects an unknown action instead of ignoring it', () => {
    const result = decide(open(), { type: 'approve' } as unknown as DecisionAction, T0);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', action: 'approve' } });
  });

  it('rejects a time the event log cannot carry', () => {
    for (const now of [Number.NaN, Infinity, -1, 1e16]) {
      const result = decide(open(), { type: 'abandon' }, now);
      expect(result).toMatchObject({ ok: false, events: [], error: { code: 'invalid-input' } });
    }
  });

  it('never mutates the state it is given', () => {
    const deepFreeze = <T>(value: T): T => {
      if (typeof value === 'object' && value !== null) {
        for (const inner of Object.values(value)) deepFreeze(inner);
        Object.freeze(value);
      }
      return value;
    };
    let state = deepFreeze(open({ recommendation: structuredClone(numericRecommendation) }));
    for (const action of [
      { type: 'draft', judgement: { value: 1 } },
      { type: 'commit', judgement: { value: 390 }, rationale: 'r' },
      reveal,
      { type: 'viewExplanation', panel: 'factors', durationMs: 3 },
      { type: 'stopAi', scope: 'decision', reason: 'x' },
      { type: 'finalize', final: { value: 400 }, reasons: [reasons.missingEvidence] },
    ] satisfies DecisionAction[]) {
      state = deepFreeze(step(state, action).state);
    }
    expect(state.status).toBe('finalized');
  });

  it('keeps the state plain JSON, so it can be persisted and restored', () => {
    const state = walk(open(), [
      commitReject,
      reveal,
      { type: 'viewExplanation', panel: 'evidence', durationMs: 10 },
    ]);
    const restored = JSON.parse(JSON.stringify(state)) as DecisionState;
    expect(restored).toEqual(state);
    expect(step(restored, { type: 'finalize', final: { label: 'approve' } }).state.final?.outcome).toBe(
      'accepted',
    );
  });
});

describe('throwing, for callers who prefer it', () => {
  it('unwrapResult returns a successful step and throws a ProtocolViolation carrying the error', () => {
    expect(unwrapResult(decide(open(), commitApprove, T0)).state.status).toBe('committed');
    try {
      unwrapResult(decide(open(), reveal, T0));
      expect.unreachable();
    } catch (thrown) {
      expect(thrown).toBeInstanceOf(ProtocolViolation);
      expect(thrown).toBeInstanceOf(Error);
      const violation = thrown as ProtocolViolation;
      expect(violation.code).toBe('judgement-required');
      expect(violation.error.state).toBe('opened');
      expect(violation.name).toBe('ProtocolViolation');
      expect(violation.message).toMatch(/^judgement-required: /);
    }
  });
});

/* -------------------------------------------------------------------------------------------------
 * Selectors
 * -----------------------------------------------------------------------------------------------*/

describe('selectors', () => {
  it('canReveal follows the plan: after the commit for after-judgement, at once for the others', () => {
    expect(canReveal(open())).toBe(false);
    expect(canReveal(walk(open(), [commitApprove]))).toBe(true);
    expect(canReveal(open({ plan: makePlan({ reveal: 'on-request' }) }))).toBe(true);
    expect(canReveal(open({ plan: makePlan({ reveal: 'immediate', arm: 'no-ai' }) }))).toBe(false);
    expect(canReveal(walk(open(), [commitApprove, reveal]))).toBe(false);
  });

  it('canEditJudgement is true until the commit or the reveal', () => {
    expect(canEditJudgement(open())).toBe(true);
    expect(canEditJudgement(walk(open(), [commitApprove]))).toBe(false);
  });

  it('ownTimeRemainingMs counts down to zero', () => {
    const state = open({ plan: makePlan({ minOwnTimeMs: 10 * SECOND }) });
    expect(ownTimeRemainingMs(state, T0)).toBe(10 * SECOND);
    expect(ownTimeRemainingMs(state, T0 + 4 * SECOND)).toBe(6 * SECOND);
    expect(ownTimeRemainingMs(state, T0 + 60 * SECOND)).toBe(0);
  });

  it('isTerminal is true only for finalized and abandoned decisions', () => {
    expect(isTerminal(open())).toBe(false);
    expect(isTerminal(walk(open(), [{ type: 'abandon' }]))).toBe(true);
    expect(
      isTerminal(walk(open(), [commitApprove, reveal, { type: 'finalize', final: { label: 'approve' } }])),
    ).toBe(true);
  });

  it('allowedActions says what a fresh after-judgement decision allows, and why not the rest', () => {
    const state = open({ plan: makePlan({ minOwnTimeMs: 5 * SECOND }) });
    const allowed = allowedActions(state, T0 + SECOND);
    expect(Object.keys(allowed)).toEqual([...DECISION_ACTION_TYPES]);
    expect(allowed.draft).toEqual({ allowed: true });
    expect(allowed.commit).toEqual({ allowed: true });
    expect(allowed.reveal).toMatchObject({ allowed: false, code: 'judgement-required' });
    expect(allowed.viewExplanation).toMatchObject({ allowed: false, code: 'invalid-transition' });
    expect(allowed.decideWithoutAi).toEqual({ allowed: true });
    expect(allowed.stopAi).toEqual({ allowed: true });
    expect(allowed.finalize).toMatchObject({ allowed: false, code: 'invalid-transition' });
    expect(allowed.abandon).toEqual({ allowed: true });
  });

  it('allowedActions reports the remaining own-assessment time for finalize', () => {
    const state = walk(open({ plan: makePlan({ minOwnTimeMs: 5 * SECOND }) }), [commitApprove, reveal]);
    expect(allowedActions(state, T0 + 2 * SECOND).finalize).toEqual({
      allowed: false,
      code: 'too-early',
      message: 'The plan asks for at least 5000 ms of own assessment; 3000 ms remain.',
      details: { remainingMs: 3 * SECOND, minOwnTimeMs: 5 * SECOND },
    });
    expect(allowedActions(state, T0 + 5 * SECOND).finalize).toEqual({ allowed: true });
  });

  it('allowedActions agrees with the reducer', () => {
    const state = walk(open(), [commitApprove, reveal]);
    const allowed = allowedActions(state, T0);
    expect(allowed.commit).toMatchObject({ allowed: false, code: 'judgement-locked' });
    expect(allowed.reveal).toMatchObject({ allowed: false, code: 'already-revealed' });
    expect(allowed.decideWithoutAi).toMatchObject({ allowed: false, code: 'already-revealed' });
    expect(allowed.viewExplanation).toEqual({ allowed: true });
    expect(allowed.finalize).toEqual({ allowed: true });
    expect(
      Object.values(allowedActions(walk(state, [{ type: 'abandon' }]), T0)).every((a) => !a.allowed),
    ).toBe(true);
  });
});

describe('free text', () => {
  const long = 'x'.repeat(FREE_TEXT_MAX_LENGTH + 1);
  const max = 'x'.repeat(FREE_TEXT_MAX_LENGTH);

  it('refuses a rationale, a comment or a reason to stop longer than the limit, naming the field', () => {
    const rationale = expectRefused(
      open(),
      { type: 'commit', judgement: { label: 'reject' }, rationale: long },
      'invalid-input',
    );
    expect(rationale.message).toBe('The rationale is longer than 20000 characters.');
    expect(rationale.details).toEqual({ field: 'rationale', max: FREE_TEXT_MAX_LENGTH });
    const stop = expectRefused(open(), { type: 'stopAi', scope: 'decision', reason: long }, 'invalid-input');
    expect(stop.details).toEqual({ field: 'reason', max: FREE_TEXT_MAX_LENGTH });
    const revealed = walk(open({ plan: makePlan({ reveal: 'immediate' }) }), [reveal]);
    const comment = expectRefused(
      revealed,
      { type: 'finalize', final: { label: 'approve' }, comment: long },
      'invalid-input',
    );
    expect(comment.details).toEqual({ field: 'comment', max: FREE_TEXT_MAX_LENGTH });
  });

  it('accepts text of exactly the limit, and the event stays far below the event size limit', () => {
    const result = step(open(), { type: 'commit', judgement: { label: 'reject' }, rationale: max });
    expect(result.events[0]?.data).toMatchObject({ rationale: max });
    const worst = {
      ...result.events[0],
      data: { ...result.events[0]?.data, rationale: '€'.repeat(FREE_TEXT_MAX_LENGTH) },
    };
    expect(checkEventLimits(worst).ok).toBe(true);
  });
});
