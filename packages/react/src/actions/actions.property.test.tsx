import {
  FINAL_ACTION_IDS,
  decisionOptions,
  finalStep,
  type DecisionAction,
  type DecisionOptions,
  type DecisionStore,
  type FrictionPlan,
  type Recommendation,
  type Resolution,
} from '@deliberate/core';
import { act, cleanup, render } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  T0,
  amountOptions,
  binaryRecommendation,
  categoricalRecommendation,
  eligibilityOptions,
  fraudFlagOptions,
  makePlan,
  measureOptions,
  numericRecommendation,
  rankedRecommendation,
  reasons,
} from '../../../core/src/protocol/fixtures.ts';
import { Contrast } from '../contrast/contrast.tsx';
import { DecisionProvider, useDecisionContext } from '../decision/decision-provider.tsx';
import { DecisionActions } from './decision-actions.tsx';
import { FinalizeStep } from './finalize-step.tsx';

/*
 * The binding restates no rule (docs/architecture.md §1, "Rules live in core"): for any state a
 * random walk through the protocol reaches, every final action's button is on screen exactly when
 * core's `finalStep` says it is visible, and unavailable (`aria-disabled`, with core's code)
 * exactly when `finalStep` says so. The binding's own codes (`no-options`, `no-other-option`)
 * only add to that where there is nothing on screen to choose from.
 */

/** A recommendation (or none, or one still pending) and the procedure's options for it. */
interface Setup {
  recommendation: Recommendation | null | 'pending';
  options: DecisionOptions | undefined;
  /** What arrives when a pending recommendation settles. */
  arriving: Recommendation;
}

const setupArb: fc.Arbitrary<Setup> = fc.oneof(
  ...(
    [
      [categoricalRecommendation, eligibilityOptions],
      [binaryRecommendation, fraudFlagOptions],
      [numericRecommendation, amountOptions],
      [rankedRecommendation, measureOptions],
    ] as const
  ).map(([rec, options]) =>
    fc.record({
      recommendation: fc.constantFrom<Recommendation | null | 'pending'>(rec, rec, null, 'pending'),
      options: fc.constantFrom<DecisionOptions | undefined>(options, undefined),
      arriving: fc.constant<Recommendation>(rec),
    }),
  ),
);

const planArb: fc.Arbitrary<FrictionPlan> = fc
  .record({
    reveal: fc.constantFrom('immediate', 'on-request', 'after-judgement'),
    justification: fc.constantFrom('none', 'override', 'always'),
    minOwnTimeMs: fc.constantFrom(0, 0, 3000),
    arm: fc.constantFrom('ai', 'ai', 'ai', 'no-ai'),
  } as const)
  .map((overrides) => makePlan(overrides));

const REVEAL: DecisionAction = {
  type: 'reveal',
  requested: true,
  display: { format: 'percent', text: '82 %' },
};

/** Judgements and final decisions in (and a few outside) each decision space. */
function valuesOf(setup: Setup): fc.Arbitrary<{ label?: string; value?: number }> {
  const space = setup.options ?? decisionOptionsOf(setup.arriving);
  if (space.kind === 'numeric')
    return fc.constantFrom(412.5, 400, 380, 451, 3000).map((value) => ({ value }));
  return fc.constantFrom(...space.options.map((o) => o.id), 'job-fair').map((label) => ({ label }));
}

function decisionOptionsOf(rec: Recommendation): DecisionOptions {
  return rec.kind === 'numeric'
    ? { kind: 'numeric', unit: rec.unit }
    : { kind: 'choice', options: rec.options };
}

function actionArb(setup: Setup): fc.Arbitrary<DecisionAction> {
  const value = valuesOf(setup);
  return fc.oneof(
    { weight: 4, arbitrary: value.map((judgement): DecisionAction => ({ type: 'commit', judgement })) },
    {
      weight: 4,
      arbitrary: fc.constant(REVEAL),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom<DecisionAction>(
        { type: 'recommendationReceived', recommendation: setup.arriving },
        { type: 'recommendationReceived', recommendation: null },
        { type: 'recommendationFailed', cause: 'timeout' },
        { type: 'recommendationFailed', cause: 'rejected', message: 'model down' },
      ),
    },
    { weight: 1, arbitrary: fc.constant<DecisionAction>({ type: 'decideWithoutAi' }) },
    {
      weight: 1,
      arbitrary: fc.constant<DecisionAction>({ type: 'stopAi', scope: 'procedure', reason: 'drift' }),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ final: value, reason: fc.boolean() })
        .map(({ final, reason }): DecisionAction => ({
          type: 'finalize',
          final,
          reasons: reason ? [reasons.missingEvidence] : [],
        })),
    },
    { weight: 1, arbitrary: fc.constant<DecisionAction>({ type: 'abandon' }) },
  );
}

/** Half of the walks start judge-first (commit, reveal), so that the AI's actions are reached often. */
function prefixArb(setup: Setup): fc.Arbitrary<DecisionAction[]> {
  return fc.oneof(
    fc.constant<DecisionAction[]>([]),
    valuesOf(setup).map((judgement): DecisionAction[] => [{ type: 'commit', judgement }, REVEAL]),
  );
}

const scenarioArb = fc.tuple(setupArb, planArb).chain(([setup, plan]) =>
  fc.record({
    setup: fc.constant(setup),
    plan: fc.constant(plan),
    prefix: prefixArb(setup),
    steps: fc.array(fc.record({ dt: fc.nat(2500), action: actionArb(setup) }), { maxLength: 6 }),
    contrast: fc.boolean(),
    resolution: fc.constantFrom<Resolution | null>(null, 'keep-mine', 'follow-ai', 'other'),
  }),
);

function Store({ onStore }: { onStore: (store: DecisionStore) => void }) {
  onStore(useDecisionContext('Store').store);
  return null;
}

beforeEach(() => {
  // The development warning for a decision without options; asserted in decision-actions.options.test.tsx.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('DecisionActions renders core’s finalStep', () => {
  it('shows exactly the visible actions, unavailable exactly when core says so', () => {
    fc.assert(
      fc.property(scenarioArb, ({ setup, plan, prefix, steps, contrast, resolution }) => {
        let now = T0;
        let store: DecisionStore | undefined;
        const { container, unmount } = render(
          <DecisionProvider
            recommendation={setup.recommendation}
            {...(setup.options === undefined ? {} : { options: setup.options })}
            recommendationTimeoutMs={Number.POSITIVE_INFINITY}
            decisionId="d-property"
            procedure="housing-benefit.eligibility"
            caseRef="case-1"
            actor={{ id: 'a-1' }}
            plan={plan}
            locale="en"
            clock={{ now: () => now }}
          >
            <Store onStore={(s) => (store = s)} />
            <FinalizeStep.Root resolution={resolution}>
              {contrast ? <Contrast /> : null}
              <DecisionActions />
            </FinalizeStep.Root>
          </DecisionProvider>,
        );
        for (const { dt, action } of [...prefix.map((action) => ({ dt: 0, action })), ...steps]) {
          now += dt;
          act(() => {
            store?.getState().dispatch(action);
          });
        }
        const state = store?.getState().decision;
        if (state === undefined) throw new Error('no store');
        const step = finalStep(state, now, { resolution, contrast });

        for (const id of FINAL_ACTION_IDS) {
          const section = container.querySelector(`.dlb-action[data-action="${id}"]`);
          const button = section?.querySelector('button') ?? null;
          expect({ id, shown: button !== null }).toEqual({ id, shown: step.actions[id].visible });
          if (button === null) continue;
          const core = step.actions[id].unavailable;
          const code = button.getAttribute('data-unavailable');
          const disabled = button.getAttribute('aria-disabled') === 'true';
          if (core !== null) {
            expect({ id, disabled, code }).toEqual({ id, disabled: true, code: core.code });
          } else if (code === null) {
            expect({ id, disabled }).toEqual({ id, disabled: false });
          } else {
            // The binding's own codes: a choice with nothing on screen to choose from.
            expect(disabled).toBe(true);
            const deviation = container.querySelector(`.dlb-actions__deviation[data-action="${id}"]`);
            expect(deviation?.querySelectorAll('input')).toHaveLength(0);
            if (id === 'record') {
              expect(code).toBe('no-options');
              expect(decisionOptions(state)).toBeNull();
            } else {
              expect(code).toBe('no-other-option');
            }
          }
        }
        unmount();
      }),
      { numRuns: 40 },
    );
  });
});
