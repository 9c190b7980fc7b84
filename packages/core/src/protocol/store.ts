import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { DecisionEventDraft } from '../events/schema.ts';
import { createCommitmentSalt } from './commitment.ts';
import { decide, initDecision } from './reducer.ts';
import type { DecisionAction, DecisionInit, DecisionState, ProtocolError, ProtocolResult } from './types.ts';

/*
 * A vanilla zustand store around the pure reducer, so that React (via `useStore`), tests and
 * non-React hosts share one source of truth. The store adds only what the reducer must not
 * have: a clock, the accumulated events, the last error, and the hand-off to the logger.
 */

/**
 * Where the store gets the time from. Inject one in tests and stories.
 *
 * @example
 * let t = 0;
 * const clock: DecisionClock = { now: () => t };
 */
export interface DecisionClock {
  now(): number;
}

/**
 * Options of `createDecisionStore`.
 *
 * @example
 * createDecisionStore(init, { clock: { now: () => 1_700_000_000_000 }, onEvents: (e) => logger.log(e) });
 */
export interface DecisionStoreOptions {
  /** @default `{ now: Date.now }` */
  clock?: DecisionClock;
  /**
   * Receives the events of every successful step (and the opening events on creation), after the
   * store's state has been updated, so a listener that reads the store sees the new state. Not
   * called for steps that emit nothing (drafts) or for refused actions. If it throws, the error
   * reaches the caller of `dispatch`; the state has already changed by then.
   */
  onEvents?: (events: DecisionEventDraft[]) => void;
}

/**
 * The store's state.
 *
 * @example
 * const { decision, events, lastError, dispatch } = store.getState();
 */
export interface DecisionStoreState {
  decision: DecisionState;
  /** Every event emitted so far, oldest first, starting with `decision.opened`. */
  events: DecisionEventDraft[];
  /** The last refused action's error; cleared by the next successful action. */
  lastError: ProtocolError | null;
  /**
   * Runs the reducer at `clock.now()`; never throws for an illegal action. A `commit` without a
   * `salt` gets a fresh one from `createCommitmentSalt` (`globalThis.crypto.getRandomValues`); it
   * ends up in `decision.judgement.salt`, where the procedure can take it to store with the
   * unredacted rationale.
   */
  dispatch(action: DecisionAction): ProtocolResult;
}

/**
 * A vanilla zustand store of one decision.
 *
 * @example
 * const store: DecisionStore = createDecisionStore(init);
 * store.subscribe((s) => render(s.decision.status));
 */
export type DecisionStore = StoreApi<DecisionStoreState>;

/**
 * The action as the reducer gets it: a commit without a salt gets a fresh one (a copy; the
 * caller's action is left as it was). A commit's own salt is passed on for the reducer to check.
 */
function salted(action: DecisionAction): DecisionAction {
  if (typeof action !== 'object' || action === null || action.type !== 'commit') return action;
  return action.salt === undefined ? { ...action, salt: createCommitmentSalt() } : action;
}

/**
 * Opens a decision and returns its store. The opening events go to `onEvents` before this
 * returns. Throws a `ProtocolViolation` for a malformed `init` (see `initDecision`).
 *
 * @example
 * const store = createDecisionStore(init, { onEvents: (events) => logger.log(events) });
 * store.getState().dispatch({ type: 'commit', judgement: { label: 'approve' } });
 * store.getState().decision.status; // 'committed'
 */
export function createDecisionStore(init: DecisionInit, options: DecisionStoreOptions = {}): DecisionStore {
  const clock = options.clock ?? { now: () => Date.now() };
  const onEvents = options.onEvents;
  const opened = initDecision(init, clock.now());

  const store = createStore<DecisionStoreState>()((set, get) => ({
    decision: opened.state,
    events: opened.events,
    lastError: null,
    dispatch(action) {
      const result = decide(get().decision, salted(action), clock.now());
      if (!result.ok) {
        set({ lastError: result.error });
        return result;
      }
      set((current) => ({
        decision: result.state,
        events: result.events.length === 0 ? current.events : [...current.events, ...result.events],
        lastError: null,
      }));
      // After the update: whatever the consumer does, it sees a consistent store.
      if (onEvents !== undefined && result.events.length > 0) onEvents(result.events);
      return result;
    },
  }));
  if (onEvents !== undefined && opened.events.length > 0) onEvents(opened.events);
  return store;
}
