import fc from 'fast-check';
import type { ResolvePolicyInput } from '../policy/types.ts';
import { describe, expect, it } from 'vitest';
import { DecisionEventDraftSchema } from '../events/schema.ts';
import type { DecisionEventDraft } from '../events/schema.ts';
import { defaultPolicy, definePolicy, resolvePolicy } from '../policy/policy.ts';
import type { FrictionPlan } from '../policy/types.ts';
import { parseRecommendation } from '../recommendation/parse.ts';
import type { Recommendation, RecommendationInput } from '../recommendation/schema.ts';
import { STAKES } from '../stakes.ts';
import {
  arbitraryNonEmptyString,
  arbitraryProbabilities,
  arbitraryRecommendation,
} from '../testing/arbitraries.ts';
import { SALT, T0, categoricalRecommendation, makeInit, reasons } from './fixtures.ts';
import { optionsFromRecommendation, parseDecisionOptions } from './options.ts';
import { decide, initDecision } from './reducer.ts';
import { finalStep } from './rules.ts';
import { allowedActions } from './selectors.ts';
import type { DecisionAction, DecisionState, ProtocolResult } from './types.ts';

/*
 * Blind until committed (docs/architecture.md §1): before the reveal, nothing the person can
 * perceive or a script can read may depend on the AI's output. In core that means the friction
 * plan, the pre-reveal events and the protocol state apart from the recommendation itself (and
 * the model identity copied from it). After the reveal the AI's output may raise the friction
 * (the policy's `afterReveal` rules), and the reveal logs what it did.
 */

const SECOND = 1_000;

/* -------------------------------------------------------------------------------------------------
 * Pairs of recommendations that differ only in their output
 * -----------------------------------------------------------------------------------------------*/

/**
 * The AI's output for a recommendation of a given shape: which option it recommends (for a
 * ranked list, the order), the probabilities, the confidence, the calibration flag, and for a
 * number its value and interval, plus the one-line summary that states it.
 */
function arbitraryOutput(base: RecommendationInput): fc.Arbitrary<RecommendationInput> {
  const calibrated = fc.option(fc.boolean(), { nil: undefined });
  const summary = fc.option(fc.string({ maxLength: 20 }), { nil: undefined });
  const withCommon = (rec: RecommendationInput, flag: boolean | undefined, text: string | undefined) => {
    const next: RecommendationInput = { ...rec };
    delete next.calibration;
    delete next.summary;
    if (flag !== undefined) next.calibration = { ...(base.calibration ?? {}), calibrated: flag };
    if (text !== undefined) next.summary = text;
    return next;
  };
  if (base.kind === 'numeric') {
    const finite = fc.double({ min: -1e5, max: 1e5, noNaN: true, noDefaultInfinity: true });
    return fc
      .tuple(
        fc.tuple(finite, finite, finite).map((xs) => xs.sort((a, b) => a - b)),
        fc.double({ min: 0, max: 1, minExcluded: true, maxExcluded: true, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        calibrated,
        summary,
      )
      .map(([[lo = 0, value = 0, hi = 0], level, confidence, flag, text]) => {
        const rec: RecommendationInput = { ...base, value, interval: { lo, hi, level } };
        delete rec.confidence;
        if (confidence !== undefined) rec.confidence = confidence;
        return withCommon(rec, flag, text);
      });
  }
  interface Option {
    id: string;
    label: string;
    labels?: Record<string, string>;
    probability?: number;
  }
  const options: Option[] = base.options.map(({ id, label, labels }) =>
    labels === undefined ? { id, label } : { id, label, labels },
  );
  const n = options.length;
  return fc
    .tuple(
      fc.nat({ max: n - 1 }),
      fc.shuffledSubarray(
        options.map((_, i) => i),
        { minLength: n, maxLength: n },
      ),
      fc.option(arbitraryProbabilities(n), { nil: undefined }),
      fc.boolean(),
      fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
      calibrated,
      summary,
    )
    .map(([pick, order, probabilities, statesConfidence, freeConfidence, flag, text]) => {
      const withProbabilities = options.map((option, i): Option =>
        probabilities === undefined ? option : { ...option, probability: probabilities[i] ?? 0 },
      );
      const rec: RecommendationInput = { ...base };
      delete rec.confidence;
      if (base.kind === 'ranked') {
        // A ranked list's order is its output; the first item is the recommendation.
        const ranked = order.map((i) => withProbabilities[i]!);
        Object.assign(rec, { options: ranked });
        const first = ranked[0];
        const confidence =
          first?.probability !== undefined
            ? statesConfidence
              ? first.probability
              : undefined
            : freeConfidence;
        if (confidence !== undefined) rec.confidence = confidence;
      } else {
        const recommended = options[pick]!.id;
        Object.assign(rec, { options: withProbabilities, recommended });
        const chosen = withProbabilities[pick]?.probability;
        const confidence = chosen !== undefined ? (statesConfidence ? chosen : undefined) : freeConfidence;
        if (confidence !== undefined) rec.confidence = confidence;
      }
      return withCommon(rec, flag, text);
    });
}

function parsed(input: RecommendationInput): Recommendation {
  const result = parseRecommendation(input);
  if (!result.ok)
    throw new Error(`the arbitrary made an invalid recommendation: ${JSON.stringify(result.issues)}`);
  return result.value;
}

/** Two valid recommendations of one shape (kind, options, model, explanation) with different output. */
const arbitraryPair = (): fc.Arbitrary<[Recommendation, Recommendation]> =>
  arbitraryRecommendation().chain((base) =>
    fc.tuple(arbitraryOutput(base), arbitraryOutput(base)).map(([a, b]) => [parsed(a), parsed(b)]),
  );

/* -------------------------------------------------------------------------------------------------
 * Pre-reveal actions
 * -----------------------------------------------------------------------------------------------*/

/** Actions a person can take before the reveal; refused ones count as much as accepted ones. */
function arbitraryActions(rec: Recommendation): fc.Arbitrary<DecisionAction[]> {
  const labels = rec.kind === 'numeric' ? [] : rec.options.map((option) => option.id);
  const judgement = fc.oneof(
    {
      weight: 4,
      arbitrary:
        labels.length > 0
          ? fc.record({ label: fc.constantFrom(...labels) }, { requiredKeys: ['label'] })
          : fc.record({ value: fc.double({ min: -1e4, max: 1e4, noNaN: true }) }),
    },
    // Not an option, or the wrong kind: refused the same way for both.
    { weight: 1, arbitrary: fc.record({ label: arbitraryNonEmptyString() }) },
    { weight: 1, arbitrary: fc.record({ value: fc.integer({ min: -5, max: 5 }) }) },
  );
  const action: fc.Arbitrary<DecisionAction> = fc.oneof(
    { weight: 2, arbitrary: judgement.map((j) => ({ type: 'draft' as const, judgement: j })) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(judgement, fc.option(fc.string({ maxLength: 30 }), { nil: undefined }), fc.nat({ max: 3 }))
        .map(([j, rationale, confirms]) => ({
          type: 'commit' as const,
          judgement: j,
          salt: SALT,
          ...(rationale === undefined ? {} : { rationale }),
          // Mostly every checklist item confirmed; sometimes none (refused where there is a checklist).
          ...(confirms > 0 ? { checklist: ['evidence-checked', 'counter-evidence-considered'] } : {}),
        })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('factors', 'evidence', 'similar-cases').map((panel) => ({
        type: 'viewExplanation' as const,
        panel,
        durationMs: 1_500,
      })),
    },
    { weight: 1, arbitrary: fc.constant({ type: 'decideWithoutAi' as const }) },
    {
      weight: 1,
      arbitrary: fc.constant({ type: 'stopAi' as const, scope: 'decision' as const, reason: 'drift' }),
    },
    { weight: 1, arbitrary: fc.constant({ type: 'abandon' as const }) },
    {
      weight: 4,
      arbitrary: fc.boolean().map((requested) => ({
        type: 'reveal' as const,
        requested,
        display: { format: 'verbal', text: 'shown' },
      })),
    },
  );
  return fc.array(action, { maxLength: 10 });
}

/** The state without what is allowed to differ before the reveal: the recommendation and its model. */
function blindPart(state: DecisionState): Omit<DecisionState, 'recommendation' | 'model'> {
  const { recommendation: _recommendation, model: _model, ...rest } = state;
  return rest;
}

function outcome(result: ProtocolResult): unknown {
  return result.ok
    ? { ok: true, events: result.events }
    : { ok: false, error: result.error, events: result.events };
}

/* -------------------------------------------------------------------------------------------------
 * The property
 * -----------------------------------------------------------------------------------------------*/

// Audit samples and the no-AI arm drawn often, so that every kind of plan occurs.
const drawingPolicy = definePolicy({ ...defaultPolicy, version: 'test', auditRate: 0.4, noAiRate: 0.2 });

describe('blind until committed', () => {
  it(
    'property: two recommendations that differ only in output give the same plan, and the same ' +
      'events and state before the reveal, for every stakes level and seed',
    () => {
      let revealsReached = 0;
      let actionsTried = 0;
      fc.assert(
        fc.property(
          arbitraryPair().chain((pair) =>
            fc.tuple(
              fc.constant(pair),
              fc.constantFrom(...STAKES),
              fc.string({ minLength: 1, maxLength: 10 }),
              fc.string({ minLength: 1, maxLength: 10 }),
              fc.constantFrom(defaultPolicy, drawingPolicy),
              fc.boolean(),
              arbitraryActions(pair[0]),
            ),
          ),
          ([[a, b], stakes, seed, decisionId, policy, procedureOptions, actions]) => {
            // The plan: the deprecated confidence inputs are ignored, so passing each
            // recommendation's own gives one plan.
            const planFor = (rec: Recommendation): FrictionPlan =>
              // Even when a caller hands over the AI's output (plain JavaScript, an old call site).
              resolvePolicy({
                policy,
                stakes,
                seed,
                decisionId,
                confidence: rec.confidence,
                calibrated: rec.calibration?.calibrated,
              } as unknown as ResolvePolicyInput);
            const plan = planFor(a);
            expect(planFor(b)).toEqual(plan);
            expect(plan).not.toHaveProperty('band');

            // The procedure's own options, when they make a valid decision space (a ranked list
            // may have a single item, which is no choice).
            const derived = procedureOptions ? optionsFromRecommendation(a) : null;
            const options = derived !== null && parseDecisionOptions(derived).ok ? derived : null;
            const initFor = (rec: Recommendation) =>
              makeInit({
                decisionId,
                recommendation: rec,
                plan: structuredClone(plan),
                ...(options === null ? {} : { options }),
              });
            const openedA = initDecision(initFor(a), T0);
            const openedB = initDecision(initFor(b), T0);
            expect(openedB.events).toEqual(openedA.events);
            expect(blindPart(openedB.state)).toEqual(blindPart(openedA.state));

            let stateA = openedA.state;
            let stateB = openedB.state;
            for (const [i, action] of actions.entries()) {
              const now = T0 + (i + 1) * 7 * SECOND;
              expect(allowedActions(stateB, now)).toEqual(allowedActions(stateA, now));
              // Known gap: without the procedure's options, a ranked list's decision space is the
              // AI's ranking, and `finalStep(...).options` lists it in that order before the reveal.
              if (!(a.kind === 'ranked' && options === null)) {
                expect(finalStep(stateB, now)).toEqual(finalStep(stateA, now));
              }
              const resultA = decide(stateA, action, now);
              const resultB = decide(stateB, action, now);
              actionsTried++;
              if (action.type === 'reveal' && resultA.ok) {
                // The boundary: from here on the AI is shown and may shape what follows.
                expect(resultB.ok).toBe(true);
                revealsReached++;
                break;
              }
              expect(outcome(resultB)).toEqual(outcome(resultA));
              expect(blindPart(resultB.state)).toEqual(blindPart(resultA.state));
              stateA = resultA.state;
              stateB = resultB.state;
            }
          },
        ),
        { numRuns: 300 },
      );
      // The walk must get somewhere: many actions, and some runs reaching the reveal.
      expect(actionsTried).toBeGreaterThan(600);
      expect(revealsReached).toBeGreaterThan(20);
    },
    60_000,
  );
});

/* -------------------------------------------------------------------------------------------------
 * After the reveal
 * -----------------------------------------------------------------------------------------------*/

function expectDraftEvents(events: readonly DecisionEventDraft[]): void {
  for (const event of events) {
    const result = DecisionEventDraftSchema.safeParse(event);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  }
}

function run(state: DecisionState, action: DecisionAction, now: number): ProtocolResult {
  const result = decide(state, action, now);
  if (result.ok) expectDraftEvents(result.events);
  return result;
}

const display = { format: 'verbal', text: 'likely (66–90 %)' };
const revealAction: DecisionAction = { type: 'reveal', requested: false, display };
const commitReject: DecisionAction = {
  type: 'commit',
  judgement: { label: 'reject' },
  salt: SALT,
  checklist: ['evidence-checked', 'counter-evidence-considered'],
};

/** A decision under the default policy (no audit) at `stakes`, committed 30 s after opening. */
function committed(stakes: (typeof STAKES)[number], recommendation: Recommendation): DecisionState {
  const plan = resolvePolicy({
    policy: definePolicy({ ...defaultPolicy, auditRate: 0 }),
    stakes,
    decisionId: 'dec-1',
  });
  const { state } = initDecision(makeInit({ recommendation, plan }), T0);
  const result = run(state, commitReject, T0 + 30 * SECOND);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.state;
}

const unsure: Recommendation = { ...categoricalRecommendation, confidence: 0.55 };
const uncalibrated: Recommendation = { ...categoricalRecommendation, calibration: { calibrated: false } };
const confident: Recommendation = { ...categoricalRecommendation, confidence: 0.95 };

describe('the reveal applies the after-reveal rules', () => {
  it('given medium stakes and an unsure AI › asks for a reason for every decision and logs why', () => {
    const before = committed('medium', unsure);
    expect(before.plan.justification).toBe('override');
    const result = run(before, revealAction, T0 + 31 * SECOND);
    expect(result.ok).toBe(true);
    const friction = { band: 'low', rule: 'weak-confidence', justification: 'always' };
    expect(result.state.plan).toMatchObject({ justification: 'always', revealed: friction });
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({ type: 'recommendation.revealed', data: { friction } });
    expect(DecisionEventDraftSchema.safeParse(result.events[0]).success).toBe(true);
    // Everything else about the plan stays as it was before the reveal.
    const { justification: _j, revealed: _r, ...rest } = result.state.plan;
    const { justification: _j0, ...restBefore } = before.plan;
    expect(rest).toEqual(restBefore);
  });

  it('given that raised plan › refuses to follow the AI without a reason, and accepts it with one', () => {
    const revealed = run(committed('medium', unsure), revealAction, T0 + 31 * SECOND).state;
    const follow: DecisionAction = { type: 'finalize', final: { label: 'approve' }, intent: 'accept' };
    const refused = decide(revealed, follow, T0 + 40 * SECOND);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'reason-required',
      details: { justification: 'always', outcome: 'accepted' },
    });
    const accepted = run(
      revealed,
      { ...follow, reasons: [reasons.missingEvidence] } as DecisionAction,
      T0 + 40 * SECOND,
    );
    expect(accepted.ok).toBe(true);
  });

  it('given low stakes, an uncalibrated AI and an on-request plan › raises the justification on the requested reveal', () => {
    const before = committed('low', uncalibrated);
    expect(before.plan.reveal).toBe('on-request');
    const result = run(before, { ...revealAction, requested: true } as DecisionAction, T0 + 31 * SECOND);
    expect(result.ok).toBe(true);
    expect(result.events[0]?.data).toMatchObject({
      requested: true,
      friction: { band: 'uncalibrated', rule: 'weak-confidence', justification: 'always' },
    });
  });

  it('given a calibrated, confident AI › keeps the plan’s justification and logs the band without a rule', () => {
    const result = run(committed('medium', confident), revealAction, T0 + 31 * SECOND);
    expect(result.state.plan.justification).toBe('override');
    expect(result.events[0]?.data).toMatchObject({ friction: { band: 'high', justification: 'override' } });
    expect(result.events[0]?.data).not.toHaveProperty('friction.rule');
  });

  it('given high stakes › never lowers the plan’s justification, whatever the band', () => {
    for (const rec of [unsure, uncalibrated, confident]) {
      const result = run(committed('high', rec), revealAction, T0 + 31 * SECOND);
      expect(result.state.plan.justification).toBe('always');
      expect(result.state.plan.revealed?.justification).toBe('always');
    }
  });

  it('given a hand-written plan without after-reveal rules › logs the band by the default thresholds', () => {
    const { state } = initDecision(makeInit({ recommendation: confident }), T0);
    const after = run(run(state, commitReject, T0).state, revealAction, T0 + SECOND);
    expect(after.events[0]?.data).toMatchObject({ friction: { band: 'high', justification: 'override' } });
  });

  it('logs no band before the reveal: decision.opened carries none, the plan has none', () => {
    const opened = initDecision(
      makeInit({ recommendation: unsure, plan: resolvePolicy({ stakes: 'medium', decisionId: 'dec-1' }) }),
      T0,
    );
    expect(opened.events[0]?.type).toBe('decision.opened');
    expect(opened.events[0]?.data).not.toHaveProperty('policy.band');
    expect(opened.state.plan).not.toHaveProperty('band');
    expect(opened.state.plan).not.toHaveProperty('revealed');
  });
});
