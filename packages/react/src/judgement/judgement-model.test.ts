import {
  decide,
  initDecision,
  parseRecommendation,
  type DecisionAction,
  type DecisionInit,
  type DecisionOptions,
  type DecisionState,
  type FrictionPlan,
  type Recommendation,
} from '@deliberate/core';
import { neutralOrder } from '@deliberate/core';
import { describe, expect, it } from 'vitest';
import {
  fitsStep,
  judgementDataState,
  judgementModel,
  judgementRefusal,
  judgementShape,
  readDraft,
  refusalProblem,
} from './judgement-model.ts';

/* The judgement step's pure model: every answer comes from the protocol state. */

const T0 = Date.UTC(2026, 10, 22, 10);

function parsed(input: unknown): Recommendation {
  const result = parseRecommendation(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const options = [
  { id: 'approve', label: 'Approve', labels: { de: 'Bewilligen' } },
  { id: 'reject', label: 'Reject', labels: { de: 'Ablehnen' } },
  { id: 'request-documents', label: 'Request documents', labels: { de: 'Unterlagen anfordern' } },
];
const categorical = parsed({
  kind: 'categorical',
  options: [
    { ...options[2], probability: 0.6 },
    { ...options[0], probability: 0.3 },
    { ...options[1], probability: 0.1 },
  ],
  recommended: 'request-documents',
  model: { id: 'm', version: '1' },
});
const procedure: DecisionOptions = { kind: 'choice', options };
const amount: DecisionOptions = { kind: 'numeric', unit: 'EUR', min: 0, max: 2000, step: 0.01 };

const plan: FrictionPlan = {
  policyId: 'test',
  policyVersion: '1',
  rule: 'fixed',
  stakes: 'high',
  band: 'high',
  arm: 'ai',
  audit: false,
  reveal: 'after-judgement',
  justification: 'override',
  minOwnTimeMs: 0,
  checklist: [{ id: 'income', label: { en: 'Income checked', de: 'Einkommen geprüft' } }],
};

function open(overrides: Partial<DecisionInit> = {}, ...actions: DecisionAction[]): DecisionState {
  let { state } = initDecision(
    {
      decisionId: 'd-1',
      procedure: 'p',
      caseRef: 'c',
      actor: { id: 'a' },
      recommendation: categorical,
      plan,
      ...overrides,
    },
    T0,
  );
  for (const action of actions) {
    const result = decide(state, action, T0);
    if (!result.ok) throw new Error(result.error.message);
    state = result.state;
  }
  return state;
}

const ids = (state: DecisionState, locale = 'en') => {
  const shape = judgementShape(state, locale);
  return shape?.kind === 'choice' ? shape.options.map((o) => o.id) : shape;
};
const model = (state: DecisionState, entered = false) =>
  judgementModel(state, plan, { locale: 'en', entered });
const commit: DecisionAction = {
  type: 'commit',
  judgement: { label: 'reject' },
  checklist: ['income'],
  salt: '5eed'.repeat(16),
};

describe('judgementShape', () => {
  it('keeps the procedure’s order, whatever order the recommendation has', () => {
    expect(ids(open({ options: procedure }), 'de')).toEqual(['approve', 'reject', 'request-documents']);
  });

  it('without procedure options, orders the recommendation’s by label in the person’s language', () => {
    expect(ids(open(), 'en')).toEqual(['approve', 'reject', 'request-documents']);
    expect(ids(open(), 'de')).toEqual(['reject', 'approve', 'request-documents']);
  });

  it('gives the same order for every order of the same options (nothing of the source’s order is left)', () => {
    const orders = [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ];
    const results = orders.map((order) =>
      neutralOrder(
        order.map((index) => options[index]!),
        'de',
      ).map((o) => o.id),
    );
    for (const result of results) expect(result).toEqual(results[0]);
    // Equal labels fall back to the id.
    expect(
      neutralOrder(
        [
          { id: 'b', label: 'Same' },
          { id: 'a', label: 'Same' },
        ],
        'en',
      ).map((o) => o.id),
    ).toEqual(['a', 'b']);
  });

  it('gives an amount the procedure’s unit, range and step', () => {
    expect(
      judgementModel(open({ recommendation: null, options: amount }), plan, { locale: 'en', entered: false })
        .amount,
    ).toEqual({ unit: 'EUR', min: 0, max: 2000, step: 0.01 });
  });
});

describe('judgementModel', () => {
  it('is editable before the reveal, with the decision and every checklist item required', () => {
    const m = model(open({ options: procedure }));
    expect(m).toMatchObject({ availability: 'editable', editable: true, source: 'procedure' });
    expect(m.required).toEqual({ decision: true, checklist: ['income'] });
    expect(judgementDataState(m, false)).toBe('empty');
    expect(judgementDataState(m, true)).toBe('drafting');
  });

  it('follows the protocol: committed, locked after the reveal, ended', () => {
    expect(model(open({}, commit)).availability).toBe('committed');
    const immediate = { ...plan, reveal: 'immediate' as const };
    const revealed = open(
      { plan: immediate },
      { type: 'reveal', requested: false, display: { format: 'percent', text: '60 %' } },
    );
    expect(model(revealed).availability).toBe('locked');
    expect(model(open({}, { type: 'abandon' })).availability).toBe('ended');
  });

  it('has no options without procedure options and recommendation, and awaits them while it is pending', () => {
    expect(model(open({ recommendation: null })).availability).toBe('no-options');
    expect(model(open({ recommendation: null, recommendationPending: true })).availability).toBe(
      'awaiting-options',
    );
    expect(
      model(open({ recommendation: null, recommendationPending: true, options: procedure })).availability,
    ).toBe('editable');
  });

  it('steps aside when the person decides without the AI from the start and has entered nothing', () => {
    const chosen = open({ options: procedure }, { type: 'decideWithoutAi' });
    expect(model(chosen).availability).toBe('skipped');
    expect(model(chosen, true).availability).toBe('editable');
    // No usable recommendation from the start: the final step is the decision, asked once.
    expect(model(open({ options: procedure, recommendation: null })).availability).toBe('skipped');
    expect(
      model(
        open({
          options: procedure,
          recommendation: null,
          recommendationIssues: [{ path: ['confidence'], code: 'out_of_range', message: 'too big' }],
        }),
      ).availability,
    ).toBe('skipped');
    // The no-AI control arm judges first by its protocol; a recommendation that fails while the
    // person judges leaves the judgement step in place.
    expect(model(open({ options: procedure, plan: { ...plan, arm: 'no-ai' } })).availability).toBe(
      'editable',
    );
    const failedLater = open(
      { options: procedure, recommendation: null, recommendationPending: true },
      { type: 'recommendationFailed', cause: 'timeout' },
    );
    expect(failedLater.status).toBe('without-ai');
    expect(model(failedLater).availability).toBe('editable');
  });
});

describe('reading and checking a draft', () => {
  it('reads the decision field and names what is missing or unreadable', () => {
    expect(readDraft({ kind: 'choice', options }, {}, 'en').problem).toBe('choice-missing');
    expect(readDraft(amount, { amount: '' }, 'de').problem).toBe('amount-missing');
    expect(readDraft(amount, { amount: '412.50' }, 'de').problem).toBe('amount-invalid');
    expect(readDraft(amount, { amount: '412,50', confidence: 0.7 }, 'de')).toEqual({
      judgement: { value: 412.5, confidence: 0.7 },
      problem: null,
    });
  });

  it('asks the protocol about the range, and checks the input’s step itself', () => {
    const state = open({ recommendation: null, options: amount });
    const refusal = judgementRefusal(state, { value: 2500 }, T0);
    expect(refusal?.code).toBe('invalid-judgement');
    expect(refusal && refusalProblem(refusal)).toBe('amount-range');
    expect(judgementRefusal(state, { value: 412.5 }, T0)).toBeNull();
    expect(fitsStep(412.5, amount)).toBe(true);
    expect(fitsStep(412.505, amount)).toBe(false);
    expect(fitsStep(0.3, { step: 0.1 })).toBe(true);
    expect(fitsStep(7, null)).toBe(true);
  });

  it('asks the protocol whether a label is one of the procedure’s options', () => {
    const state = open({ options: procedure });
    expect(judgementRefusal(state, { label: 'defer' }, T0)?.code).toBe('invalid-judgement');
    expect(refusalProblem({ code: 'invalid-judgement' })).toBe('refused');
  });
});
