import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { isDev } from '../utils/dev.ts';
import { messageOf } from './delivery.ts';
import type { DecisionSetup } from './open-decision.ts';
import { isThenable, markHandled, parseInput, RECOMMENDATION_PENDING, sameInput } from './parse-input.ts';

/*
 * A recommendation that is still being computed (docs/architecture.md, "A person can always
 * decide"): the decision opens at once, the person can judge first, and the recommendation joins
 * the decision when it arrives — validated as a value would be — unless the person has gone on
 * without it. A rejection or a timeout ends the wait: the decision goes on without the AI.
 */

/** Validates what arrived and hands it to the decision, if it still waits. */
function receive(setup: DecisionSetup, value: unknown): void {
  const { store, input } = setup;
  if (store.getState().decision.awaiting === undefined) return;
  const parsed = parseInput(value);
  // The input first, in the same tick: the context never shows the new recommendation with the
  // old explanation.
  input.setState({ parsed });
  store.getState().dispatch({
    type: 'recommendationReceived',
    recommendation: parsed.recommendation,
    issues: parsed.issues,
  });
}

function fail(setup: DecisionSetup, cause: 'rejected' | 'timeout', message: string): void {
  const { store } = setup;
  if (store.getState().decision.awaiting === undefined) return;
  store.getState().dispatch({ type: 'recommendationFailed', cause, message });
}

/**
 * @internal Follows a pending recommendation: a promise given at open, or, with `'pending'`, the
 * first other value of the `recommendation` prop (which may itself be a promise). Times out after
 * `setup.timeoutMs` (real timers; the store logs with the provider's clock). Nothing happens after
 * unmount. A later change of the prop is ignored, with a development warning: a new case needs a
 * new provider (`key`).
 */
export function usePendingRecommendation(setup: DecisionSetup, current: unknown): void {
  const { source } = setup;
  const [arrival, setArrival] = useState<{ value: unknown } | null>(() =>
    source.kind === 'promise' ? { value: source.promise } : null,
  );
  if (source.kind === 'pending' && arrival === null && current !== RECOMMENDATION_PENDING) {
    // The host re-rendered with the value: it arrived (state from props, set during render).
    if (isThenable(current)) markHandled(current);
    setArrival({ value: current });
  }

  useEffect(() => {
    if (arrival === null) return;
    let live = true;
    const { value } = arrival;
    if (isThenable(value)) {
      try {
        value.then(
          (settled) => {
            if (live) receive(setup, settled);
          },
          (error: unknown) => {
            if (live) fail(setup, 'rejected', messageOf(error));
          },
        );
      } catch (error) {
        // A thenable whose `then` throws has failed as surely as one that rejects.
        fail(setup, 'rejected', messageOf(error));
      }
    } else {
      receive(setup, value);
    }
    return () => {
      live = false;
    };
  }, [setup, arrival]);

  const awaiting = useStore(setup.store, (s) => s.decision.awaiting !== undefined);
  useEffect(() => {
    const ms = setup.timeoutMs;
    if (!awaiting || ms === null) return;
    const timer = setTimeout(() => fail(setup, 'timeout', `No recommendation after ${ms} ms.`), ms);
    return () => clearTimeout(timer);
  }, [setup, awaiting]);

  const given =
    source.kind === 'value'
      ? source.value
      : source.kind === 'promise'
        ? source.promise
        : arrival === null
          ? RECOMMENDATION_PENDING
          : arrival.value;
  const warned = useRef(false);
  useEffect(() => {
    if (warned.current || !isDev() || sameInput(current, given)) return;
    warned.current = true;
    console.warn(
      '[deliberate] DecisionProvider: the `recommendation` prop changed after the decision received its recommendation; the change is ignored. Give the provider a new `key` for a new case.',
    );
  }, [current, given]);
}
