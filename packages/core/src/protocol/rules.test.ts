import { describe, expect, it } from 'vitest';
import type { JustificationRule } from '../policy/types.ts';
import type { Recommendation } from '../recommendation/schema.ts';
import { openDecision, step, walk } from '../testing/protocol.ts';
import {
  T0,
  amountOptions,
  binaryRecommendation,
  categoricalRecommendation,
  eligibilityOptions,
  makePlan,
  measureOptions,
  numericRecommendation,
  rankedRecommendation,
  reasons,
} from './fixtures.ts';
import {
  FINAL_ACTION_IDS,
  classifyOutcome,
  compareJudgement,
  decisionOptions,
  deviationOptions,
  deviationOptionsFor,
  finalStep,
  intentFits,
  intentFor,
  justificationFor,
  justificationRequirement,
  neutralOrder,
  otherResolutionPossible,
  presentedOptions,
  reasonNeedsComment,
  reasonRequired,
  recommendedFinal,
  recommendedLabel,
  withoutAiCauseOf,
  type FinalActionId,
  type FinalActionView,
  type Resolution,
} from './rules.ts';
import type { DecisionOptions } from './options.ts';
import type { DecisionAction, DecisionInit, DecisionState, FinalizeIntent } from './types.ts';

/*
 * The final step's rules as pure functions of the state (docs/architecture.md §1, "Rules live in
 * core"): which outcome a final decision is, which intent and justification it needs, why the AI
 * was not used, and what the final step shows and allows.
 */

const SECOND = 1000;
const reveal = {
  type: 'reveal',
  requested: false,
  display: { format: 'verbal', text: 'likely' },
} as const satisfies DecisionAction;
const requestReveal = { ...reveal, requested: true } as const satisfies DecisionAction;
const commit = (judgement: { label?: string; value?: number }): DecisionAction => ({
  type: 'commit',
  judgement,
});
const open = (overrides: Partial<DecisionInit> = {}) => openDecision(overrides).state;

/** Judge first (reject), then the AI (approve): a disagreement. */
const disagreeing = (overrides: Partial<DecisionInit> = {}) =>
  walk(open(overrides), [commit({ label: 'reject' }), reveal]);

/** A procedure that offers two of the three options the categorical recommendation names. */
const approveOrReject: DecisionOptions = {
  kind: 'choice',
  options: [
    { id: 'approve', label: 'Approve' },
    { id: 'reject', label: 'Reject' },
  ],
};

const available: FinalActionView = { visible: true, unavailable: null };
const hidden = (code: FinalActionView['unavailable']): FinalActionView => ({
  visible: false,
  unavailable: code,
});

/** The visible actions that can be used now. */
function usable(
  state: DecisionState,
  resolution: Resolution | null = null,
  contrast = false,
): FinalActionId[] {
  const model = finalStep(state, T0, { resolution, contrast });
  return FINAL_ACTION_IDS.filter((id) => model.actions[id].visible && model.actions[id].unavailable === null);
}

/* -------------------------------------------------------------------------------------------------
 * Options and outcomes
 * -----------------------------------------------------------------------------------------------*/

describe('decisionOptions', () => {
  it('is the procedure’s options, else the recommendation’s, else null', () => {
    expect(decisionOptions(open({ options: eligibilityOptions }))).toStrictEqual(eligibilityOptions);
    expect(decisionOptions(open())).toMatchObject({
      kind: 'choice',
      options: [{ id: 'approve' }, { id: 'reject' }, { id: 'refer' }],
    });
    expect(decisionOptions(open({ recommendation: null }))).toBeNull();
  });
});

describe('recommendedLabel and recommendedFinal', () => {
  it('name the AI’s pick, the first of a ranked list without one, and the amount', () => {
    expect(recommendedLabel(categoricalRecommendation)).toBe('approve');
    expect(recommendedLabel(binaryRecommendation)).toBe('no');
    // A hand-built ranked list without `recommended` (parseRecommendation would fill it in).
    const { recommended: _recommended, ...unpicked } = rankedRecommendation;
    expect(recommendedLabel(unpicked as unknown as Recommendation)).toBe('course-a');
    expect(recommendedLabel(numericRecommendation)).toBeUndefined();
    expect(recommendedFinal(categoricalRecommendation)).toEqual({ label: 'approve' });
    expect(recommendedFinal(numericRecommendation)).toEqual({ value: 412.5 });
  });
});

describe('classifyOutcome', () => {
  it('is without-ai before the reveal, or without a recommendation', () => {
    expect(classifyOutcome(walk(open(), [commit({ label: 'approve' })]), { label: 'approve' })).toBe(
      'without-ai',
    );
    expect(classifyOutcome(open({ recommendation: null }), { label: 'approve' })).toBe('without-ai');
    const stopped = walk(open(), [{ type: 'stopAi', scope: 'decision', reason: 'x' }]);
    expect(classifyOutcome(stopped, { label: 'approve' })).toBe('without-ai');
  });

  it('accepts the pick and overrides anything else, for a choice', () => {
    const state = disagreeing();
    expect(classifyOutcome(state, { label: 'approve' })).toBe('accepted');
    expect(classifyOutcome(state, { label: 'reject' })).toBe('overridden');
    const procedure = disagreeing({ options: eligibilityOptions });
    expect(classifyOutcome(procedure, { label: 'request-documents' })).toBe('overridden');
  });

  it('modifies within a ranked list and overrides outside it', () => {
    const state = walk(open({ recommendation: rankedRecommendation, options: measureOptions }), [
      commit({ label: 'coaching' }),
      reveal,
    ]);
    expect(classifyOutcome(state, { label: 'course-a' })).toBe('accepted');
    expect(classifyOutcome(state, { label: 'coaching' })).toBe('modified');
    expect(classifyOutcome(state, { label: 'job-fair' })).toBe('overridden');
  });

  it('modifies inside the prediction interval, bounds included, and overrides outside it', () => {
    const state = walk(open({ recommendation: numericRecommendation }), [commit({ value: 400 }), reveal]);
    expect(classifyOutcome(state, { value: 412.5 })).toBe('accepted');
    for (const value of [380, 400, 450]) expect(classifyOutcome(state, { value })).toBe('modified');
    for (const value of [379.99, 450.01]) expect(classifyOutcome(state, { value })).toBe('overridden');
  });

  it('still measures against what was seen when the AI is stopped after the reveal', () => {
    const state = walk(disagreeing(), [{ type: 'stopAi', scope: 'decision', reason: 'x' }]);
    expect(classifyOutcome(state, { label: 'approve' })).toBe('accepted');
  });
});

describe('intentFits and intentFor', () => {
  it('fit accept to accepted only, modify and override to any deviation, nothing to without-ai', () => {
    const table: [FinalizeIntent, string, boolean][] = [
      ['accept', 'accepted', true],
      ['accept', 'modified', false],
      ['accept', 'overridden', false],
      ['modify', 'accepted', false],
      ['modify', 'modified', true],
      ['modify', 'overridden', true],
      ['override', 'accepted', false],
      ['override', 'modified', true],
      ['override', 'overridden', true],
      ['accept', 'without-ai', false],
      ['modify', 'without-ai', false],
      ['override', 'without-ai', false],
    ];
    for (const [intent, outcome, fits] of table) {
      expect(intentFits(intent, outcome as Parameters<typeof intentFits>[1]), `${intent}/${outcome}`).toBe(
        fits,
      );
    }
  });

  it('names the intent that matches each outcome, and none before the reveal', () => {
    expect(intentFor(disagreeing(), { label: 'approve' })).toBe('accept');
    expect(intentFor(disagreeing(), { label: 'refer' })).toBe('override');
    const numeric = walk(open({ recommendation: numericRecommendation }), [commit({ value: 400 }), reveal]);
    expect(intentFor(numeric, { value: 400 })).toBe('modify');
    expect(intentFor(numeric, { value: 1000 })).toBe('override');
    expect(intentFor(walk(open(), [commit({ label: 'reject' })]), { label: 'reject' })).toBeUndefined();
  });
});

describe('withoutAiCauseOf', () => {
  it('names every cause', () => {
    const pending = (overrides: Partial<DecisionInit> = {}) =>
      open({ recommendation: null, recommendationPending: true, ...overrides });
    const cases: [DecisionState, string][] = [
      [walk(open(), [{ type: 'decideWithoutAi' }]), 'chosen'],
      [open({ plan: makePlan({ arm: 'no-ai' }) }), 'no-ai-arm'],
      [open({ recommendation: null }), 'no-recommendation'],
      [open({ options: approveOrReject }), 'invalid-recommendation'],
      [walk(pending(), [{ type: 'recommendationFailed', cause: 'rejected' }]), 'recommendation-failed'],
      [walk(pending(), [{ type: 'recommendationFailed', cause: 'timeout' }]), 'recommendation-timeout'],
      [walk(open(), [{ type: 'stopAi', scope: 'procedure', reason: 'drift' }]), 'ai-stopped'],
      [open({ plan: makePlan({ reveal: 'on-request' }) }), 'not-requested'],
      [pending({ plan: makePlan({ reveal: 'on-request' }) }), 'not-requested'],
    ];
    for (const [state, cause] of cases) expect(withoutAiCauseOf(state), cause).toBe(cause);
  });

  it('is undefined once the AI was seen, even when it is stopped afterwards', () => {
    expect(withoutAiCauseOf(disagreeing())).toBeUndefined();
    const stopped = walk(disagreeing(), [{ type: 'stopAi', scope: 'decision', reason: 'x' }]);
    expect(withoutAiCauseOf(stopped)).toBeUndefined();
  });

  it('keeps the first cause: stopping the AI after deciding without it stays "chosen"', () => {
    const state = walk(open(), [
      { type: 'decideWithoutAi' },
      { type: 'stopAi', scope: 'decision', reason: 'x' },
    ]);
    expect(withoutAiCauseOf(state)).toBe('chosen');
  });
});

/* -------------------------------------------------------------------------------------------------
 * Judgement, justification, reasons
 * -----------------------------------------------------------------------------------------------*/

describe('compareJudgement', () => {
  it('is unavailable before the reveal or without a judgement', () => {
    expect(compareJudgement(walk(open(), [commit({ label: 'reject' })]))).toEqual({ status: 'unavailable' });
    expect(compareJudgement(walk(open({ plan: makePlan({ reveal: 'immediate' }) }), [reveal]))).toEqual({
      status: 'unavailable',
    });
  });

  it('agrees on the same option or the same amount, and disagrees otherwise', () => {
    expect(compareJudgement(disagreeing())).toEqual({
      status: 'disagree',
      mine: { label: 'reject' },
      ai: { label: 'approve', confidence: 0.82 },
    });
    expect(compareJudgement(walk(open(), [commit({ label: 'approve' }), reveal])).status).toBe('agree');
    const amount = (value: number) =>
      compareJudgement(walk(open({ recommendation: numericRecommendation }), [commit({ value }), reveal]))
        .status;
    expect(amount(412.5)).toBe('agree');
    expect(amount(412.51)).toBe('disagree');
  });
});

describe('justificationFor and justificationRequirement', () => {
  it('follows the table of rule, reveal and resolution', () => {
    const resolutions: (Resolution | null)[] = [null, 'follow-ai', 'keep-mine', 'other'];
    const expected: Record<JustificationRule, [string, string]> = {
      // [AI not shown, AI shown] for null / follow-ai / keep-mine / other
      always: ['required required required required', 'required required required required'],
      none: ['optional optional optional optional', 'optional optional optional optional'],
      override: ['optional optional optional optional', 'if-deviating optional required required'],
    };
    for (const rule of ['always', 'none', 'override'] as const) {
      const [hiddenRow, shownRow] = expected[rule];
      expect(resolutions.map((r) => justificationFor(rule, false, r)).join(' '), `${rule}, hidden`).toBe(
        hiddenRow,
      );
      expect(resolutions.map((r) => justificationFor(rule, true, r)).join(' '), `${rule}, shown`).toBe(
        shownRow,
      );
    }
  });

  it('reads the rule and the reveal from the state', () => {
    expect(justificationRequirement(walk(open(), [commit({ label: 'reject' })]))).toBe('optional');
    expect(justificationRequirement(disagreeing())).toBe('if-deviating');
    expect(justificationRequirement(disagreeing(), 'keep-mine')).toBe('required');
    expect(justificationRequirement(disagreeing({ plan: makePlan({ justification: 'always' }) }))).toBe(
      'required',
    );
  });
});

describe('reasonNeedsComment and reasonRequired', () => {
  it('needs a comment for `other` unless it says otherwise, and whenever a reason asks for one', () => {
    expect(reasonNeedsComment(reasons.other)).toBe(true);
    expect(reasonNeedsComment(reasons.otherNoComment)).toBe(false);
    expect(reasonNeedsComment(reasons.needsComment)).toBe(true);
    expect(reasonNeedsComment(reasons.missingEvidence)).toBe(false);
  });

  it('requires a reason for deviations under `override`, for everything under `always`', () => {
    const override = disagreeing();
    expect(reasonRequired(override, { label: 'approve' })).toBe(false);
    expect(reasonRequired(override, { label: 'reject' })).toBe(true);
    expect(reasonRequired(walk(open(), [commit({ label: 'reject' })]), { label: 'reject' })).toBe(false);
    const always = disagreeing({ plan: makePlan({ justification: 'always' }) });
    expect(reasonRequired(always, { label: 'approve' })).toBe(true);
    const none = disagreeing({ plan: makePlan({ justification: 'none' }) });
    expect(reasonRequired(none, { label: 'reject' })).toBe(false);
  });
});

/* -------------------------------------------------------------------------------------------------
 * finalStep
 * -----------------------------------------------------------------------------------------------*/

describe('finalStep', () => {
  it('lists the final actions in the order a screen shows them', () => {
    expect(FINAL_ACTION_IDS).toEqual(['accept', 'modify', 'override', 'record', 'withoutAi']);
  });

  it('waits for the reveal an after-judgement plan asks for', () => {
    for (const state of [open(), walk(open(), [commit({ label: 'reject' })])]) {
      const model = finalStep(state, T0);
      expect(model.mode).toBe('pending');
      expect(model.status).toBe('pending');
      expect(model.note).toBe('pending');
      expect(model.resolution).toBeNull();
      expect(model.actions).toEqual({
        accept: hidden({ code: 'pending' }),
        modify: hidden({ code: 'pending' }),
        override: hidden({ code: 'pending' }),
        record: hidden({ code: 'pending' }),
        withoutAi: available,
      });
    }
  });

  it('is too early while the own-assessment time runs, with the protocol’s code and details', () => {
    const state = disagreeing({ plan: makePlan({ minOwnTimeMs: 30 * SECOND }) });
    const model = finalStep(state, T0 + 10 * SECOND);
    expect(model.mode).toBe('ai');
    expect(model.status).toBe('too-early');
    expect(model.remainingMs).toBe(20 * SECOND);
    const tooEarly = { code: 'too-early', details: { remainingMs: 20 * SECOND, minOwnTimeMs: 30 * SECOND } };
    expect(model.actions.accept).toEqual({ visible: true, unavailable: tooEarly });
    expect(model.actions.override).toEqual({ visible: true, unavailable: tooEarly });
    expect(model.actions.modify.visible).toBe(false);
    expect(finalStep(state, T0 + 30 * SECOND).status).toBe('ready');
  });

  it('asks for a resolution when the screen shows the contrast of a disagreement', () => {
    const state = disagreeing();
    const model = finalStep(state, T0, { contrast: true });
    expect(model.status).toBe('unresolved');
    expect(model.resolutionRequired).toBe(true);
    expect(model.note).toBe('resolution-required');
    expect(model.comparison.status).toBe('disagree');
    expect(model.actions.accept).toEqual({ visible: true, unavailable: { code: 'resolution-required' } });
    expect(model.actions.override).toEqual({ visible: true, unavailable: { code: 'resolution-required' } });
    expect(model.actions.withoutAi).toEqual({ visible: true, unavailable: { code: 'already-revealed' } });

    const plain = finalStep(state, T0, { contrast: false, resolution: 'keep-mine' });
    expect(plain.status).toBe('ready');
    expect(plain.resolution).toBeNull();
    expect(plain.note).toBeNull();
    expect(plain.justification).toBe('if-deviating');
    expect(usable(state)).toEqual(['accept', 'override']);
  });

  it('asks for no resolution when the person agrees with the AI', () => {
    const agreeing = walk(open(), [commit({ label: 'approve' }), reveal]);
    const model = finalStep(agreeing, T0, { contrast: true, resolution: 'keep-mine' });
    expect(model.resolutionRequired).toBe(false);
    expect(model.resolution).toBeNull();
    expect(model.status).toBe('ready');
  });

  describe('each resolution leaves its actions', () => {
    it('keep-mine: only the action that records my judgement, with a reason', () => {
      const model = finalStep(disagreeing(), T0, { contrast: true, resolution: 'keep-mine' });
      expect(model.matchingDeviation).toBe('override');
      expect(model.justification).toBe('required');
      expect(model.actions.accept.unavailable).toEqual({ code: 'resolution-keep-mine' });
      expect(model.actions.override).toEqual(available);
      expect(model.status).toBe('ready');
      expect(model.note).toBeNull();
    });

    it('keep-mine in a ranked list modifies when mine is listed, overrides when it is not', () => {
      const ranked = (label: string) =>
        finalStep(
          walk(open({ recommendation: rankedRecommendation, options: measureOptions }), [
            commit({ label }),
            reveal,
          ]),
          T0,
          { contrast: true, resolution: 'keep-mine' },
        );
      expect(ranked('coaching').matchingDeviation).toBe('modify');
      expect(ranked('coaching').actions.override.unavailable).toEqual({ code: 'resolution-keep-mine' });
      expect(ranked('job-fair').matchingDeviation).toBe('override');
      expect(ranked('job-fair').actions.modify.unavailable).toEqual({ code: 'resolution-keep-mine' });
    });

    it('keep-mine with an amount modifies', () => {
      const state = walk(open({ recommendation: numericRecommendation, options: amountOptions }), [
        commit({ value: 1200 }),
        reveal,
      ]);
      const model = finalStep(state, T0, { contrast: true, resolution: 'keep-mine' });
      expect(model.matchingDeviation).toBe('modify');
      expect(model.actions.modify).toEqual(available);
      expect(model.actions.override.visible).toBe(false);
      expect(model.actions.accept.unavailable).toEqual({ code: 'resolution-keep-mine' });
    });

    it('follow-ai: only accept, no reason needed', () => {
      const model = finalStep(disagreeing(), T0, { contrast: true, resolution: 'follow-ai' });
      expect(model.justification).toBe('optional');
      expect(model.matchingDeviation).toBeNull();
      expect(model.actions.accept).toEqual(available);
      expect(model.actions.override.unavailable).toEqual({ code: 'resolution-follow-ai' });
    });

    it('other: any deviation, not accept, with a reason', () => {
      const model = finalStep(disagreeing(), T0, { contrast: true, resolution: 'other' });
      expect(model.justification).toBe('required');
      expect(model.actions.accept.unavailable).toEqual({ code: 'resolution-other' });
      expect(model.actions.override).toEqual(available);
    });
  });

  it('shows the actions each kind of recommendation offers', () => {
    const kinds: [DecisionInit['recommendation'], FinalActionId[]][] = [
      [categoricalRecommendation, ['accept', 'override']],
      [binaryRecommendation, ['accept', 'override']],
      [rankedRecommendation, ['accept', 'modify', 'override']],
      [numericRecommendation, ['accept', 'modify']],
    ];
    for (const [recommendation, actions] of kinds) {
      const state = walk(open({ recommendation, plan: makePlan({ reveal: 'immediate' }) }), [reveal]);
      expect(usable(state), recommendation?.kind).toEqual(actions);
      expect(finalStep(state, T0).actions.record.visible).toBe(false);
    }
  });

  it('decides without the AI: record only, and the note says why', () => {
    const chosen = walk(open(), [commit({ label: 'reject' }), { type: 'decideWithoutAi' }]);
    const model = finalStep(chosen, T0, { contrast: true, resolution: 'keep-mine' });
    expect(model.mode).toBe('own');
    expect(model.status).toBe('ready');
    expect(model.note).toBe('chosen');
    expect(model.comparison).toEqual({ status: 'unavailable' });
    expect(model.resolution).toBeNull();
    expect(model.actions).toEqual({
      accept: { visible: false, unavailable: null },
      modify: { visible: false, unavailable: null },
      override: { visible: false, unavailable: null },
      record: available,
      withoutAi: hidden({ code: 'invalid-transition' }),
    });
    expect(finalStep(open({ plan: makePlan({ arm: 'no-ai' }) }), T0).note).toBe('no-ai-arm');
    expect(finalStep(open({ recommendation: null }), T0).note).toBe('no-recommendation');
    expect(finalStep(open({ recommendation: null }), T0).actions.withoutAi.visible).toBe(false);
  });

  it('after the AI was stopped before the reveal: record, note ai-stopped; after the reveal: the AI’s actions', () => {
    const before = walk(open(), [{ type: 'stopAi', scope: 'procedure', reason: 'drift' }]);
    const model = finalStep(before, T0);
    expect(model.mode).toBe('own');
    expect(model.note).toBe('ai-stopped');
    expect(usable(before)).toEqual(['record']);
    expect(model.actions.withoutAi.visible).toBe(false);

    const after = walk(disagreeing(), [{ type: 'stopAi', scope: 'decision', reason: 'x' }]);
    expect(finalStep(after, T0).mode).toBe('ai');
    expect(finalStep(after, T0).note).toBeNull();
    expect(usable(after)).toEqual(['accept', 'override']);
  });

  it('under on-request, records without the AI until the person asks, with no note', () => {
    const state = open({ plan: makePlan({ reveal: 'on-request' }) });
    const model = finalStep(state, T0);
    expect(model.mode).toBe('own');
    expect(model.note).toBeNull();
    expect(usable(state)).toEqual(['record', 'withoutAi']);
    expect(usable(walk(state, [requestReveal]))).toEqual(['accept', 'override']);
  });

  it('says the AI is awaited while the recommendation is pending', () => {
    const state = open({ recommendation: null, recommendationPending: true, options: eligibilityOptions });
    const model = finalStep(state, T0);
    expect(model.mode).toBe('pending');
    expect(model.note).toBe('awaiting-ai');
    expect(model.actions.withoutAi).toEqual(available);
    expect(model.options).toStrictEqual(eligibilityOptions);
  });

  it('ends when finalized or abandoned: nothing visible, no note, no time left', () => {
    const plan = makePlan({ minOwnTimeMs: 60 * SECOND });
    const finalized = step(
      disagreeing({ plan }),
      { type: 'finalize', final: { label: 'approve' }, intent: 'accept' },
      60 * SECOND,
    ).state;
    const abandoned = walk(open({ plan }), [{ type: 'abandon' }]);
    for (const [state, status] of [
      [finalized, 'finalized'],
      [abandoned, 'ended'],
    ] as const) {
      const model = finalStep(state, T0, { contrast: true });
      expect(model.status).toBe(status);
      expect(model.note).toBeNull();
      expect(model.remainingMs).toBe(0);
      expect(model.resolutionRequired).toBe(false);
      for (const id of FINAL_ACTION_IDS) {
        expect(model.actions[id]).toEqual(hidden({ code: 'invalid-transition' }));
      }
    }
  });

  it('offers the decision space: the procedure’s options, or the recommendation’s', () => {
    expect(finalStep(disagreeing({ options: eligibilityOptions }), T0).options).toStrictEqual(
      eligibilityOptions,
    );
    expect(
      finalStep(walk(open({ recommendation: numericRecommendation }), [commit({ value: 1 })]), T0).options,
    ).toEqual({
      kind: 'numeric',
      unit: 'EUR',
    });
  });
});

/* -------------------------------------------------------------------------------------------------
 * deviationOptions
 * -----------------------------------------------------------------------------------------------*/

describe('deviationOptions', () => {
  const ids = (state: DecisionState, resolution: Resolution | null = null) =>
    deviationOptions(state, resolution).map((option) => option.id);

  it('keeps the procedure’s order, without the AI’s pick', () => {
    const ranked = walk(open({ recommendation: rankedRecommendation, options: measureOptions }), [
      commit({ label: 'course-b' }),
      reveal,
    ]);
    // The AI ranks course-a, course-b, coaching; the procedure lists them alphabetically.
    expect(ids(ranked)).toEqual(['coaching', 'course-b', 'job-fair']);
    expect(ids(ranked, 'other')).toEqual(['coaching', 'job-fair']);
    expect(ids(disagreeing({ options: eligibilityOptions }))).toEqual([
      'reject',
      'refer',
      'request-documents',
    ]);
  });

  it('without the procedure’s options, keeps the recommendation’s order', () => {
    expect(ids(disagreeing())).toEqual(['reject', 'refer']);
    expect(ids(disagreeing(), 'other')).toEqual(['refer']);
    expect(ids(disagreeing(), 'keep-mine')).toEqual(['reject', 'refer']);
  });

  it('keeps every option when there is no recommendation, and none for amounts', () => {
    expect(ids(open({ recommendation: null, options: eligibilityOptions }))).toEqual([
      'approve',
      'reject',
      'refer',
      'request-documents',
    ]);
    expect(ids(open({ recommendation: null }))).toEqual([]);
    expect(ids(open({ recommendation: numericRecommendation, options: amountOptions }))).toEqual([]);
  });
});

describe('actions with nothing to choose from', () => {
  it('blocks "something else" on a yes/no decision the person and the AI split (no-other-option)', () => {
    const state = walk(
      open({ recommendation: binaryRecommendation, plan: makePlan({ reveal: 'after-judgement' }) }),
      [commit({ label: 'yes' }), reveal],
    );
    const other = finalStep(state, T0, { contrast: true, resolution: 'other' });
    expect(other.actions.override).toEqual({ visible: true, unavailable: { code: 'no-other-option' } });
    expect(deviationOptionsFor(state, 'override', 'other')).toEqual([]);
    expect(otherResolutionPossible(state)).toBe(false);
    const threeWay = walk(open({ options: eligibilityOptions }), [commit({ label: 'reject' }), reveal]);
    expect(otherResolutionPossible(threeWay)).toBe(true);
    // Keeping their own judgement is still possible: the target is fixed.
    const keep = finalStep(state, T0, { contrast: true, resolution: 'keep-mine' });
    expect(keep.actions.override).toEqual({ visible: true, unavailable: null });
  });

  it('blocks recording without the AI when neither the procedure nor a recommendation gives options (no-options)', () => {
    const state = open({ recommendation: null });
    expect(finalStep(state, T0).actions.record).toEqual({
      visible: true,
      unavailable: { code: 'no-options' },
    });
    const withOptions = open({ recommendation: null, options: eligibilityOptions });
    expect(finalStep(withOptions, T0).actions.record).toEqual({ visible: true, unavailable: null });
  });

  it('splits a ranked list into modify (on the list) and override (not on it) by intent', () => {
    const state = walk(
      open({
        recommendation: rankedRecommendation,
        options: measureOptions,
        plan: makePlan({ reveal: 'immediate' }),
      }),
      [reveal],
    );
    const onList = deviationOptionsFor(state, 'modify').map((o) => o.id);
    const offList = deviationOptionsFor(state, 'override').map((o) => o.id);
    expect(onList.every((id) => rankedRecommendation.options.some((o) => o.id === id))).toBe(true);
    expect(offList.some((id) => rankedRecommendation.options.some((o) => o.id === id))).toBe(false);
    expect([...onList, ...offList].sort()).toEqual(
      deviationOptions(state)
        .map((o) => o.id)
        .sort(),
    );
  });
});

describe('options a person sees before the reveal', () => {
  it('keeps the procedure’s order, and puts the recommendation’s in label order (never the AI’s)', () => {
    const procedure = open({ options: eligibilityOptions });
    expect(presentedOptions(procedure, 'de')).toEqual(eligibilityOptions);
    const fallback = open();
    const ids = (presentedOptions(fallback, 'en') as { options: { id: string }[] }).options.map((o) => o.id);
    // categoricalRecommendation lists approve (the pick), reject, refer.
    expect(ids).toEqual(['approve', 'refer', 'reject']);
    const german = neutralOrder(
      [
        { id: 'approve', label: 'Approve', labels: { de: 'Bewilligen' } },
        { id: 'reject', label: 'Reject', labels: { de: 'Ablehnen' } },
      ],
      'de',
    ).map((o) => o.id);
    expect(german).toEqual(['reject', 'approve']);
    expect(presentedOptions(open({ recommendation: numericRecommendation }), 'de')).toEqual({
      kind: 'numeric',
      unit: 'EUR',
    });
  });
});
