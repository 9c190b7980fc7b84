/*
 * Consumer callbacks run first and can cancel; internal work runs after (docs/architecture.md §4).
 * One shape for every such callback: an event with `defaultPrevented` and `preventDefault()`,
 * which a callback may also cancel by returning `false`.
 */

/** What a cancelable callback receives; `preventDefault()` (or returning `false`) cancels. */
export interface CancelableEvent<A = undefined> {
  /** What is about to happen (e.g. the action that will be dispatched). */
  readonly action: A;
  readonly defaultPrevented: boolean;
  preventDefault(): void;
}

/** A consumer's cancelable callback: return `false` or call `event.preventDefault()` to cancel. */
export type CancelableHandler<E extends { preventDefault(): void }> = (event: E) => boolean | void;

/**
 * A fresh cancelable event for `action`.
 *
 * @example
 * const event = cancelable(action);
 * if (props.onCommit?.(event) === false) event.preventDefault();
 * if (event.defaultPrevented) return;
 */
export function cancelable<A>(action: A): CancelableEvent<A> {
  let prevented = false;
  return {
    action,
    get defaultPrevented() {
      return prevented;
    },
    preventDefault() {
      prevented = true;
    },
  };
}

/**
 * Runs the callbacks in order with `event` until one cancels (returns `false` or calls
 * `preventDefault()`); `undefined` entries are skipped. Returns whether to go on, i.e. `true`
 * when nobody cancelled.
 *
 * @example
 * const event = cancelable(action);
 * if (!runCancelable(event, props.onFinalize, provider.onFinalize)) return false;
 * dispatch(action);
 */
export function runCancelable<E extends { readonly defaultPrevented: boolean; preventDefault(): void }>(
  event: E,
  ...callbacks: (CancelableHandler<E> | undefined)[]
): boolean {
  for (const callback of callbacks) {
    if (callback === undefined) continue;
    if (callback(event) === false) event.preventDefault();
    if (event.defaultPrevented) return false;
  }
  return !event.defaultPrevented;
}
