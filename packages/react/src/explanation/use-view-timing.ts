import { guardAction, type DecisionStore } from '@deliberate/core';
import { useCallback, useEffect, useRef } from 'react';
import { useDecisionContext } from '../decision/decision-provider.tsx';

/*
 * How long a panel was looked at. An evaluator reading `explanation.viewed` wants one event per
 * opening, and a duration that means "the panel was open on a visible page", so:
 *
 * - an opening starts when the panel opens (or when the component mounts with it open) and ends
 *   when it closes, when the component unmounts, or when the page is hidden (another tab, a
 *   minimised window, navigation away: `visibilitychange` to hidden, `pagehide`). The event is
 *   dispatched when the opening ends, with `durationMs` = end − start on the provider's clock;
 * - if the person comes back to the page with the panel still open, a new opening starts: time
 *   spent in another tab is not viewing time, and the page may never come back (a closed tab), so
 *   waiting for it would lose the event. Each event is therefore one continuous, visible viewing;
 * - the protocol refuses `viewExplanation` once the decision is finalized, abandoned, decided
 *   without the AI or the AI is stopped. A panel still open at that moment would lose its event,
 *   so whatever performs those actions should call `flushExplanationViews(store)` (or the function
 *   from `useFlushExplanationViews`) first: open panels report the time so far and start a new
 *   opening (which is dropped if the decision then ends, and reported normally if it does not);
 * - in React's StrictMode the simulated unmount/remount of development builds reports nothing:
 *   the unmount report waits one microtask and is dropped if the component mounted again.
 */

const registry = new WeakMap<DecisionStore, Set<() => void>>();

/**
 * Ends the current opening of every open explanation panel of this decision and reports it, so
 * that an action that ends the decision (finalize, decide without AI, stop the AI) does not lose
 * the time of panels that are still open. Panels stay open and start a new opening.
 *
 * @example
 * <FinalizeStep onFinalize={() => flushExplanationViews(store)} />
 */
export function flushExplanationViews(store: DecisionStore): void {
  const flushers = registry.get(store);
  if (!flushers) return;
  for (const flush of [...flushers]) flush();
}

/**
 * `flushExplanationViews` for the decision of the surrounding `DecisionProvider`, as a stable
 * callback; fits `onFinalize` as it is.
 *
 * @example
 * const flush = useFlushExplanationViews();
 * <DecisionScreen finalizeProps={{ onFinalize: flush }} />
 */
export function useFlushExplanationViews(): () => void {
  const { store } = useDecisionContext('useFlushExplanationViews');
  return useCallback(() => flushExplanationViews(store), [store]);
}

const SEPARATOR = '\u0000';

/**
 * Dispatches `viewExplanation` (→ `explanation.viewed` with `panel` and `durationMs`) for every
 * opening of the given panels; see the rules at the top of this file. Use it with your own
 * disclosure widget: pass the names of the panels that are open now.
 *
 * @param openPanels The panels open right now, e.g. an accordion's `value`.
 * @param enabled Timing only runs while true (e.g. after the reveal). @default true
 * @example
 * const [open, setOpen] = useState<string[]>([]);
 * useExplanationViewTiming(open);
 */
export function useExplanationViewTiming(openPanels: readonly string[], enabled = true): void {
  const { store, clock } = useDecisionContext('useExplanationViewTiming');
  /** panel → start of its current opening (clock ms). */
  const openings = useRef(new Map<string, number>());
  const openNow = useRef<readonly string[]>([]);
  const pageHidden = useRef(false);
  const mounted = useRef(false);

  const report = useCallback(
    (panel: string, start: number, end: number) => {
      const { decision, dispatch } = store.getState();
      // Before the reveal, after the decision ended or without the AI the protocol would refuse;
      // asking first keeps a refusal out of `lastError`, where the screen would show it.
      if (guardAction(decision, 'viewExplanation') !== null) return;
      const durationMs = Math.max(0, Math.round(end - start));
      if (!Number.isFinite(durationMs)) return;
      dispatch({ type: 'viewExplanation', panel, durationMs });
    },
    [store],
  );

  /** Ends every current opening and reports it; with `restart`, open panels start a new one. */
  const endAll = useCallback(
    (restart: boolean) => {
      const now = clock.now();
      const ended = [...openings.current];
      openings.current.clear();
      for (const [panel, start] of ended) report(panel, start, now);
      if (restart && !pageHidden.current) for (const [panel] of ended) openings.current.set(panel, now);
    },
    [clock, report],
  );

  const key = enabled ? openPanels.filter((panel) => panel !== '').join(SEPARATOR) : '';
  useEffect(() => {
    const current = key === '' ? [] : key.split(SEPARATOR);
    openNow.current = current;
    const now = clock.now();
    for (const [panel, start] of [...openings.current]) {
      if (current.includes(panel)) continue;
      openings.current.delete(panel);
      report(panel, start, now);
    }
    if (pageHidden.current) return;
    for (const panel of current) if (!openings.current.has(panel)) openings.current.set(panel, now);
  }, [key, clock, report]);

  useEffect(() => {
    mounted.current = true;
    const flush = () => endAll(true);
    let flushers = registry.get(store);
    if (!flushers) {
      flushers = new Set();
      registry.set(store, flushers);
    }
    flushers.add(flush);
    const registered = flushers;
    return () => {
      mounted.current = false;
      registered.delete(flush);
      queueMicrotask(() => {
        if (!mounted.current) endAll(false);
      });
    };
  }, [store, endAll]);

  useEffect(() => {
    if (typeof document === 'undefined' || typeof window === 'undefined') return;
    const hide = () => {
      if (pageHidden.current) return;
      pageHidden.current = true;
      endAll(false);
    };
    const show = () => {
      if (!pageHidden.current) return;
      pageHidden.current = false;
      const now = clock.now();
      for (const panel of openNow.current) if (!openings.current.has(panel)) openings.current.set(panel, now);
    };
    const onVisibility = () => (document.visibilityState === 'hidden' ? hide() : show());
    if (document.visibilityState === 'hidden') {
      // Mounted in a background tab: nothing has been seen yet, so nothing is reported.
      pageHidden.current = true;
      openings.current.clear();
    }
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', hide);
    window.addEventListener('pageshow', show);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', hide);
      window.removeEventListener('pageshow', show);
    };
  }, [clock, endAll]);
}
