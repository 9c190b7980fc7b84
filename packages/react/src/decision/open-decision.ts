import {
  createDecisionStore,
  defaultPolicy,
  resolvePolicy,
  type DecisionClock,
  type DecisionStore,
  type FrictionPlan,
  type ReasonInput,
} from '@deliberate/core';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DecisionProviderProps } from './decision-provider.tsx';
import { uiErrorEvent, type Delivery } from './delivery.ts';
import {
  procedureOptions,
  recommendationSource,
  type ParsedInput,
  type RecommendationSource,
} from './parse-input.ts';
import { createSafeguardRegistry, type SafeguardRegistry } from './safeguards.ts';

/** How long a pending recommendation may take before the decision goes on without it. */
export const DEFAULT_RECOMMENDATION_TIMEOUT_MS = 30_000;
/** The longest delay `setTimeout` keeps; a longer one would fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

/** @internal The validated recommendation input behind `state.recommendation`; `null` while pending. */
export type InputStore = StoreApi<{ parsed: ParsedInput | null }>;

/** @internal What one mounted `DecisionProvider` holds for its whole life. */
export interface DecisionSetup {
  store: DecisionStore;
  input: InputStore;
  source: RecommendationSource;
  plan: FrictionPlan;
  clock: DecisionClock;
  delivery: Delivery;
  safeguards: SafeguardRegistry;
  /** The host's reasons, if it gave any (else they follow the recommendation). */
  hostReasonCodes: ReasonInput[] | undefined;
  /** Why the procedure's options were set aside, if they were. */
  optionsProblem: string | null;
  /** When a pending recommendation times out, in ms; `null` for never. */
  timeoutMs: number | null;
}

type OpenProps = Omit<DecisionProviderProps, 'children'>;

function timeoutOf(ms: unknown): number | null {
  if (ms === undefined) return DEFAULT_RECOMMENDATION_TIMEOUT_MS;
  if (typeof ms !== 'number' || Number.isNaN(ms) || ms < 0) return DEFAULT_RECOMMENDATION_TIMEOUT_MS;
  return ms > MAX_TIMER_MS ? null : ms;
}

/**
 * @internal Opens the decision: reads the procedure's options and the recommendation, resolves
 * the friction plan, and creates the store (whose opening events wait in `delivery`'s gate).
 * The plan is resolved from the stakes and the policy only, never from the AI's output (which,
 * while pending, is not even known), and stays fixed when the recommendation arrives
 * (docs/architecture.md §1, "The AI stays hidden until the plan allows it").
 */
export function openDecision(p: OpenProps, delivery: Delivery): DecisionSetup {
  const source = recommendationSource(p.recommendation);
  const parsed = source.kind === 'value' ? source.parsed : null;
  const { options, problem } = procedureOptions(p.options);
  const plan =
    p.plan ??
    resolvePolicy({
      policy: p.policy ?? defaultPolicy,
      stakes: p.stakes ?? 'medium',
      decisionId: p.decisionId,
      ...(p.seed === undefined ? {} : { seed: p.seed }),
    });
  const clock = p.clock ?? { now: () => Date.now() };
  const store = createDecisionStore(
    {
      decisionId: p.decisionId,
      procedure: p.procedure,
      caseRef: p.caseRef,
      actor: p.actor,
      recommendation: parsed?.recommendation ?? null,
      recommendationIssues: parsed?.issues ?? [],
      ...(options === undefined ? {} : { options }),
      ...(source.kind === 'value' ? {} : { recommendationPending: true }),
      plan,
      ...(p.uiVariant === undefined ? {} : { uiVariant: p.uiVariant }),
    },
    { clock, onEvents: delivery.deliver },
  );
  if (problem !== null) {
    // A programming error in the host, recorded like a component failure; the person decides on.
    delivery.deliver([uiErrorEvent(store.getState().decision, clock.now(), 'DecisionProvider', problem)]);
  }
  return {
    store,
    input: createStore(() => ({ parsed })),
    source,
    plan,
    clock,
    delivery,
    safeguards: createSafeguardRegistry(),
    hostReasonCodes: p.reasonCodes,
    optionsProblem: problem,
    timeoutMs: timeoutOf(p.recommendationTimeoutMs),
  };
}
