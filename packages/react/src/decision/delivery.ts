import { EVENT_SCHEMA_VERSION, type DecisionEventDraft, type DecisionState } from '@deliberate/core';
import { isDev } from '../utils/dev.ts';

/*
 * The hand-off of a decision's events to the host's logger (docs/architecture.md §2, step 3):
 * held until the provider has mounted, never dropped when the logger fails, and handed to
 * `onEvents` as the log holds them.
 */

/**
 * Where the provider hands the decision's events. `@deliberate/log`'s logger fits; so does any
 * object with a `log` method. A rejected promise is shown to the person as a blocking warning:
 * an event that could not be recorded is never dropped silently. A `log` that resolves with an
 * array hands that array — the events as logged — to `onEvents`.
 */
export interface DecisionLogger {
  log(events: DecisionEventDraft[]): Promise<unknown> | void;
  /**
   * `true` when a rejected `log()` has kept its events and delivers them later by itself
   * (`@deliberate/log`'s logger): the provider then never logs them again — that would record
   * each step twice — and a retry is an empty `log([])`. Otherwise the provider holds the events
   * of a rejected call and logs them again, before newer ones, at the next step or retry.
   */
  readonly retainsFailedEvents?: boolean;
}

/** The provider's props that delivery reads, always the latest ones. */
export interface DeliveryTarget {
  logger?: DecisionLogger | undefined;
  onEvents?: ((events: DecisionEventDraft[]) => void) | undefined;
}

/** An `Error` for anything thrown or rejected. */
export function toError(value: unknown): Error {
  if (value instanceof Error) return value;
  try {
    return new Error(String(value));
  } catch {
    // A value whose conversion to text throws (a hostile `toString`, a symbol in an object).
    return new Error('An error that could not be converted to text.');
  }
}

/** The message of anything thrown or rejected, without trusting its getters. */
export function messageOf(value: unknown): string {
  try {
    return toError(value).message;
  } catch {
    return 'An error that could not be read.';
  }
}

/** Holds events until the provider has mounted; then lets everything through. */
export class EventGate {
  #open = false;
  #held: DecisionEventDraft[] = [];
  get isOpen(): boolean {
    return this.#open;
  }
  /** Keeps the events while closed; returns whether it did. */
  hold(events: DecisionEventDraft[]): boolean {
    if (this.#open) return false;
    this.#held.push(...events);
    return true;
  }
  /** Opens the gate (once) and returns what was held. */
  open(): DecisionEventDraft[] {
    this.#open = true;
    return this.#held.splice(0);
  }
}

/** @internal One decision's hand-off to the logger. */
export interface Delivery {
  /** Hands events on, or holds them while the provider has not mounted. `[]` retries. */
  deliver(events: DecisionEventDraft[]): void;
  /** Opens the gate and delivers what was held. Returns whether this was the first opening. */
  open(): boolean;
  /** Points delivery at the provider's latest props (call from an effect after each render). */
  retarget(target: DeliveryTarget): void;
}

/**
 * @internal Creates the hand-off. Events wait behind a gate until the provider has mounted: a
 * render may be thrown away (StrictMode, Suspense, server rendering), and its decision must not
 * reach the log.
 */
export function createDelivery(initial: DeliveryTarget, onLogError: (error: Error | null) => void): Delivery {
  let latest = initial;
  const target = () => latest;
  const gate = new EventGate();
  let failed: DecisionEventDraft[] = [];
  let warnedUnreported = false;
  const deliver = (events: DecisionEventDraft[]) => {
    if (gate.hold(events)) return;
    const { logger, onEvents } = target();
    if (!logger) {
      // No log: the drafts, with the identities the host gave this provider.
      if (events.length > 0) onEvents?.(events);
      return;
    }
    // A logger that keeps what it could not deliver gets each event once; another gets the
    // held events again, before the new ones.
    const retains = logger.retainsFailedEvents === true;
    const pending = retains ? events : [...failed, ...events];
    failed = [];
    const attempt = (batch: DecisionEventDraft[]) => {
      try {
        return Promise.resolve(logger.log(batch));
      } catch (error) {
        return Promise.reject(toError(error));
      }
    };
    attempt(pending).then(
      (logged: unknown) => {
        onLogError(null);
        // What the log holds, never the drafts (see `DecisionProviderProps.onEvents`).
        const handOut = target().onEvents;
        if (!handOut || pending.length === 0) return;
        if (Array.isArray(logged)) {
          if (logged.length > 0) handOut(logged as DecisionEventDraft[]);
        } else if (!warnedUnreported) {
          warnedUnreported = true;
          if (isDev())
            console.warn(
              '[deliberate] onEvents is not called: the logger’s log() did not resolve with the events it logged, and the drafts are not handed out in their place (they may hold identities the logger removes).',
            );
        }
      },
      (error: unknown) => {
        if (!retains) failed = [...pending, ...failed];
        onLogError(toError(error));
      },
    );
  };
  return {
    deliver,
    open() {
      const first = !gate.isOpen;
      const held = gate.open();
      if (held.length > 0) deliver(held);
      return first;
    },
    retarget(next) {
      latest = next;
    },
  };
}

/** A `ui.error` event for the decision in `state`: a component failed (render, or its input). */
export function uiErrorEvent(
  state: DecisionState,
  now: number,
  component: string,
  message: string,
): DecisionEventDraft<'ui.error'> {
  return {
    schema: EVENT_SCHEMA_VERSION,
    type: 'ui.error',
    ts: new Date(now).toISOString(),
    decisionId: state.decisionId,
    procedure: state.procedure,
    caseRef: state.caseRef,
    actor: {
      id: state.actor.id,
      ...(state.actor.role === undefined ? {} : { role: state.actor.role }),
    },
    ...(state.model ? { model: state.model } : {}),
    data: { component, message },
  };
}
