import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecisionEventDraftSchema } from '../events/schema.ts';
import type { DecisionEventDraft } from '../events/schema.ts';
import type { FrictionPlan } from '../policy/types.ts';
import type { Recommendation } from '../recommendation/schema.ts';
import { arbitraryCommitmentSalt, arbitraryInvalidCommitmentSalt } from '../testing/arbitraries.ts';
import { verifyCommitment } from './commitment.ts';
import { T0, checklist, makeInit, makePlan, reasons, recommendations } from './fixtures.ts';
import { decide, initDecision } from './reducer.ts';
import { allowedActions } from './selectors.ts';
import type { DecisionAction, DecisionState, JudgementInput } from './types.ts';
import { DECISION_ACTION_TYPES } from './types.ts';

/*
 * Random action sequences over a few plans and every kind of recommendation, with a clock that
 * only moves forward. Most actions are nonsense for the state they meet; that is the point: the
 * protocol must refuse them cleanly and never reach a state or a log that tells a false story.
 */

/* -------------------------------------------------------------------------------------------------
 * Generators
 * -----------------------------------------------------------------------------------------------*/

const recommendationArb: fc.Arbitrary<Recommendation | null> = fc.constantFrom(
  ...Object.values(recommendations),
  null,
);

const planArb: fc.Arbitrary<FrictionPlan> = fc
  .record({
    reveal: fc.constantFrom('immediate', 'on-request', 'after-judgement'),
    justification: fc.constantFrom('none', 'override', 'always'),
    minOwnTimeMs: fc.constantFrom(0, 0, 3000),
    checklist: fc.constantFrom([], checklist),
    arm: fc.constantFrom('ai', 'ai', 'ai', 'no-ai'),
    audit: fc.boolean(),
  })
  .map((settings) => makePlan(settings as Partial<FrictionPlan>));

// Valid option ids of every fixture, plus ids that fit none, and the empty string.
const labelArb = fc.constantFrom(
  'approve',
  'reject',
  'refer',
  'yes',
  'no',
  'course-a',
  'course-b',
  'coaching',
  'job-fair',
  '',
  'bogus',
);
const valueArb = fc.oneof(
  fc.constantFrom(412.5, 380, 450, 379, 451, 0, -0, Number.NaN, Infinity),
  fc.double({ min: 300, max: 520, noNaN: true }),
);
const SALT = /^[0-9a-f]{32,128}$/;
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

const judgementArb = fc
  .record({
    label: maybe(labelArb),
    value: maybe(valueArb),
    confidence: maybe(
      fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(-0.1, 1.5, Number.NaN)),
    ),
  })
  .map((j) => j as JudgementInput);

const finalArb = fc
  .record({ label: maybe(labelArb), value: maybe(valueArb) })
  .map((f) => f as { label?: string; value?: number });

const actionArb: fc.Arbitrary<DecisionAction> = fc.oneof(
  { weight: 2, arbitrary: judgementArb.map((judgement) => ({ type: 'draft', judgement }) as DecisionAction) },
  {
    weight: 4,
    arbitrary: fc
      .record({
        judgement: judgementArb,
        rationale: maybe(fc.constantFrom('', 'income above limit', 'ünïcode ✓')),
        checklist: maybe(fc.subarray(['income', 'rent', 'unknown'])),
        // Mostly valid; sometimes missing or malformed, which the reducer must refuse.
        salt: fc.oneof(
          { weight: 6, arbitrary: arbitraryCommitmentSalt() },
          { weight: 1, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: arbitraryInvalidCommitmentSalt() },
        ),
      })
      .map((a) => ({ type: 'commit', ...a }) as DecisionAction),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({
        requested: fc.boolean(),
        display: fc.record({
          format: fc.constantFrom('verbal', 'percent', 'icon-array', ''),
          text: fc.string({ maxLength: 12 }),
        }),
      })
      .map((a) => ({ type: 'reveal', ...a }) as DecisionAction),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        panel: fc.constantFrom('factors', 'counterfactuals', 'evidence', ''),
        durationMs: fc.oneof(fc.nat(60_000), fc.constantFrom(-1, Number.NaN, Infinity)),
      })
      .map((a) => ({ type: 'viewExplanation', ...a }) as DecisionAction),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'decideWithoutAi' } as DecisionAction) },
  {
    weight: 1,
    arbitrary: fc
      .record({
        scope: fc.constantFrom('decision', 'procedure', 'everything'),
        reason: fc.string({ maxLength: 8 }),
      })
      .map((a) => ({ type: 'stopAi', ...a }) as DecisionAction),
  },
  {
    weight: 5,
    arbitrary: fc
      .record({
        final: finalArb,
        intent: maybe(fc.constantFrom('accept', 'modify', 'override')),
        reasons: maybe(fc.subarray(Object.values(reasons))),
        comment: maybe(fc.constantFrom('', '  ', 'documents checked')),
      })
      .map((a) => ({ type: 'finalize', ...a }) as DecisionAction),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'abandon' } as DecisionAction) },
  { weight: 1, arbitrary: fc.constant({ type: 'approve-everything' } as unknown as DecisionAction) },
);

/**
 * Actions that fit the recommendation and the plan (valid labels and values, the full
 * checklist, a reason), so that sequences often get far enough to finalize after a reveal.
 */
function plausibleActionArb(
  recommendation: Recommendation | null,
  plan: FrictionPlan,
): fc.Arbitrary<DecisionAction> {
  const fitting: fc.Arbitrary<{ label?: string; value?: number }> =
    recommendation === null
      ? fc.constantFrom({ label: 'approve' }, { value: 10 })
      : recommendation.kind === 'numeric'
        ? fc
            .constantFrom(
              recommendation.value,
              recommendation.interval.lo,
              recommendation.interval.hi,
              recommendation.interval.hi + 10,
            )
            .map((value) => ({ value }))
        : fc.constantFrom(...recommendation.options.map((o) => o.id), 'job-fair').map((label) => ({ label }));
  const everyItem = plan.checklist.map((item) => item.id);
  return fc.oneof(
    { weight: 1, arbitrary: fitting.map((judgement) => ({ type: 'draft', judgement }) as DecisionAction) },
    {
      weight: 3,
      arbitrary: fc
        .record({
          judgement: fitting,
          confidence: maybe(fc.double({ min: 0, max: 1, noNaN: true })),
          rationale: maybe(fc.constant('r')),
          salt: arbitraryCommitmentSalt(),
        })
        .map(
          ({ judgement, confidence, rationale, salt }) =>
            ({
              type: 'commit',
              judgement: confidence === undefined ? judgement : { ...judgement, confidence },
              checklist: everyItem,
              ...(rationale === undefined ? {} : { rationale }),
              salt,
            }) as DecisionAction,
        ),
    },
    {
      weight: 3,
      arbitrary: fc.constant({
        type: 'reveal',
        requested: plan.reveal !== 'immediate',
        display: { format: 'verbal', text: 'likely (66–90 %)' },
      } as DecisionAction),
    },
    {
      weight: 1,
      arbitrary: fc.constant({
        type: 'viewExplanation',
        panel: 'evidence',
        durationMs: 1200,
      } as DecisionAction),
    },
    {
      weight: 4,
      arbitrary: fc
        .record({
          final: fitting,
          reason: fc.boolean(),
          intent: maybe(fc.constantFrom('accept', 'modify', 'override' as const)),
        })
        .map(
          ({ final, reason, intent }) =>
            ({
              type: 'finalize',
              final,
              reasons: reason ? [reasons.missingEvidence] : [],
              ...(intent === undefined ? {} : { intent }),
            }) as DecisionAction,
        ),
    },
  );
}

interface Scenario {
  recommendation: Recommendation | null;
  plan: FrictionPlan;
  steps: { dt: number; action: DecisionAction }[];
}

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .tuple(recommendationArb, planArb)
  .chain(([recommendation, plan]) =>
    fc.record({
      recommendation: fc.constant(recommendation),
      plan: fc.constant(plan),
      steps: fc.array(
        fc.record({
          dt: fc.nat(2500),
          action: fc.oneof(
            { weight: 2, arbitrary: plausibleActionArb(recommendation, plan) },
            { weight: 1, arbitrary: actionArb },
          ),
        }),
        { minLength: 2, maxLength: 30, size: 'medium' },
      ),
    }),
  );

/* -------------------------------------------------------------------------------------------------
 * Checks
 * -----------------------------------------------------------------------------------------------*/

function expectConsistent(state: DecisionState) {
  const revealed = state.revealedAt !== undefined;
  expect(revealed).toBe(state.reveal !== undefined);
  switch (state.status) {
    case 'opened':
    case 'judging':
      expect(state.judgement).toBeUndefined();
      expect(revealed).toBe(false);
      break;
    case 'committed':
      expect(state.judgement).toBeDefined();
      expect(revealed).toBe(false);
      break;
    case 'revealed':
      expect(revealed).toBe(true);
      break;
    case 'without-ai':
      expect(revealed).toBe(false);
      expect(state.withoutAi).toBeDefined();
      break;
    case 'ai-stopped':
      expect(state.stoppedBy).toBeDefined();
      break;
    case 'finalized':
      expect(state.final).toBeDefined();
      expect(state.final?.outcome === 'without-ai').toBe(!revealed);
      break;
    case 'abandoned':
      expect(state.abandoned).toBeDefined();
      break;
  }
  if (state.status !== 'finalized') expect(state.final).toBeUndefined();
  if (state.status !== 'abandoned') expect(state.abandoned).toBeUndefined();
  if (state.plan.arm === 'no-ai' || state.recommendation === null) expect(revealed).toBe(false);
  if (state.draft !== undefined) {
    expect(state.judgement).toBeUndefined();
    expect(revealed).toBe(false);
  }
  if (state.plan.reveal === 'after-judgement' && revealed) {
    expect(state.judgement?.committedAt).toBeLessThanOrEqual(state.revealedAt ?? -1);
  }
  // Plain JSON: what is persisted comes back equal.
  expect(JSON.parse(JSON.stringify(state))).toEqual(state);
}

function expectValidLog(log: DecisionEventDraft[], plan: FrictionPlan) {
  const types = log.map((e) => e.type);
  expect(types[0]).toBe('decision.opened');
  expect(types.filter((t) => t === 'decision.opened')).toHaveLength(1);
  for (const once of [
    'judgement.committed',
    'recommendation.revealed',
    'decision.finalized',
    'decision.abandoned',
    'ai.stopped',
  ] as const) {
    expect(types.filter((t) => t === once).length).toBeLessThanOrEqual(1);
  }
  const end = types.findIndex((t) => t === 'decision.finalized' || t === 'decision.abandoned');
  if (end !== -1) expect(end).toBe(types.length - 1);

  const committed = types.indexOf('judgement.committed');
  const revealed = types.indexOf('recommendation.revealed');
  const stopped = types.indexOf('ai.stopped');
  if (plan.reveal === 'after-judgement' && revealed !== -1) {
    expect(committed).not.toBe(-1);
    expect(committed).toBeLessThan(revealed);
  }
  if (revealed !== -1) {
    if (committed !== -1) expect(committed).toBeLessThan(revealed); // never committed after seeing the AI
    if (stopped !== -1) expect(stopped).toBeGreaterThan(revealed); // never revealed after a stop
    expect(plan.arm).toBe('ai');
  }
  types.forEach((t, i) => {
    if (t === 'explanation.viewed') expect(revealed !== -1 && revealed < i).toBe(true);
  });

  let lastTs = '';
  for (const event of log) {
    const parsed = DecisionEventDraftSchema.safeParse(event);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(event.ts >= lastTs).toBe(true);
    lastTs = event.ts;
    if (event.type === 'judgement.committed') {
      expect(event.data.commitmentVersion).toBe(2);
      expect(verifyCommitment(event)).toBe(true);
    }
  }

  const finalized = log.find((e) => e.type === 'decision.finalized');
  if (finalized?.type === 'decision.finalized') {
    expect(finalized.data.outcome === 'without-ai').toBe(revealed === -1);
    const commit = log.find((e) => e.type === 'judgement.committed');
    expect(finalized.data.judgement).toEqual(
      commit?.type === 'judgement.committed' ? commit.data.judgement : undefined,
    );
    const shown = log.find((e) => e.type === 'recommendation.revealed');
    expect(finalized.data.recommendation).toEqual(
      shown?.type === 'recommendation.revealed' ? shown.data.recommendation : undefined,
    );
    if (plan.justification === 'always') expect(finalized.data.reasons.length).toBeGreaterThan(0);
    if (plan.justification === 'override' && ['modified', 'overridden'].includes(finalized.data.outcome)) {
      expect(finalized.data.reasons.length).toBeGreaterThan(0);
    }
    expect(finalized.data.durationMs).toBeGreaterThanOrEqual(plan.minOwnTimeMs);
  }
}

/**
 * The salt and commitment the state keeps are the logged ones, so the procedure can store the salt
 * with the unredacted rationale and later prove the event.
 */
function expectSaltKept(state: DecisionState, log: DecisionEventDraft[]) {
  const committed = log.find((e) => e.type === 'judgement.committed');
  if (committed?.type !== 'judgement.committed') {
    expect(state.judgement).toBeUndefined();
    return;
  }
  expect(state.judgement?.salt).toBe(committed.data.salt);
  expect(state.judgement?.commitment).toBe(committed.data.commitment);
  const { rationale, salt } = state.judgement ?? {};
  const { rationale: _r, salt: _s, ...redacted } = committed.data;
  expect(verifyCommitment({ ...committed, data: redacted }, { rationale, salt })).toBe(true);
}

/** Counts what the runs met, so that a property cannot pass without exercising it. */
const seen = { saltRefusals: 0 };

/** Runs a scenario, checking every step; returns the state and the log. */
function run({ recommendation, plan, steps }: Scenario) {
  const opened = initDecision(makeInit({ recommendation, plan }), T0);
  let state = opened.state;
  const log: DecisionEventDraft[] = [...opened.events];
  let now = T0;
  expectConsistent(state);

  for (const { dt, action } of steps) {
    now += dt;
    const before = structuredClone(state);
    const allowed = allowedActions(state, now);
    const result = decide(state, action, now);
    // The reducer is a function of its inputs alone.
    expect(decide(state, action, now)).toEqual(result);
    // It never mutates its input, whether it accepts or refuses.
    expect(state).toEqual(before);

    const availability = DECISION_ACTION_TYPES.includes(action.type) ? allowed[action.type] : undefined;
    // No commitment without a proper salt: a missing or malformed one is always refused.
    if (action.type === 'commit' && !(typeof action.salt === 'string' && SALT.test(action.salt))) {
      expect(result.ok).toBe(false);
    }
    if (result.ok) {
      expect(availability).toEqual({ allowed: true });
      for (const event of result.events) expect(DecisionEventDraftSchema.safeParse(event).success).toBe(true);
      log.push(...result.events);
      state = result.state;
      expectConsistent(state);
    } else {
      expect(result.state).toBe(state);
      expect(result.events).toEqual([]);
      expect(result.error.state).toBe(state.status);
      expect(result.error.action).toBe(action.type);
      expect(result.error.message.length).toBeGreaterThan(0);
      // A button a UI disabled fails for the reason the UI showed.
      if (availability !== undefined && !availability.allowed)
        expect(result.error.code).toBe(availability.code);
      if (result.error.details?.field === 'salt') seen.saltRefusals++;
    }
  }
  expectValidLog(log, plan);
  expectSaltKept(state, log);
  return { state, log };
}

/* -------------------------------------------------------------------------------------------------
 * Properties
 * -----------------------------------------------------------------------------------------------*/

describe('the protocol under random action sequences', () => {
  it('keeps every state consistent, every log in a valid order, and refuses cleanly', () => {
    const reached = { finalizedAfterReveal: 0, finalizedWithoutAi: 0, abandoned: 0 };
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { state } = run(scenario);
        if (state.status === 'finalized') {
          if (state.revealedAt !== undefined) reached.finalizedAfterReveal++;
          else reached.finalizedWithoutAi++;
        }
        if (state.status === 'abandoned') reached.abandoned++;
      }),
      { numRuns: 600 },
    );
    // Guard against a vacuous property: the generators must reach the interesting end states.
    expect(reached.finalizedAfterReveal).toBeGreaterThan(0);
    expect(reached.finalizedWithoutAi).toBeGreaterThan(0);
    expect(reached.abandoned).toBeGreaterThan(0);
    expect(seen.saltRefusals).toBeGreaterThan(0);
  });

  it('under after-judgement, a finalized decision that saw the AI committed its judgement first', () => {
    let finalizedAfterReveal = 0;
    fc.assert(
      fc.property(
        scenarioArb.map((s) => ({
          ...s,
          plan: { ...s.plan, reveal: 'after-judgement' as const, arm: 'ai' as const },
        })),
        (scenario) => {
          const { log } = run(scenario);
          const types = log.map((e) => e.type);
          if (types.includes('decision.finalized') && types.includes('recommendation.revealed')) {
            finalizedAfterReveal++;
            expect(types.indexOf('judgement.committed')).toBeGreaterThan(-1);
            expect(types.indexOf('judgement.committed')).toBeLessThan(
              types.indexOf('recommendation.revealed'),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(finalizedAfterReveal).toBeGreaterThan(0);
  });

  it('refuses every action once the decision has ended', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(actionArb, { minLength: 1, maxLength: 5 }), (scenario, more) => {
        const { state } = run(scenario);
        const ended =
          state.status === 'finalized' || state.status === 'abandoned'
            ? state
            : decide(state, { type: 'abandon' }, T0 + 1e8).state;
        for (const action of more) {
          const result = decide(ended, action, T0 + 1e9);
          expect(result.ok).toBe(false);
          if (!result.ok && DECISION_ACTION_TYPES.includes(action.type))
            expect(result.error.code).toBe('invalid-transition');
        }
      }),
      { numRuns: 200 },
    );
  });
});
