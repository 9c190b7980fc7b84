import { useCallback, type Ref, type RefCallback } from 'react';
import { cx } from './class-names.ts';
import { describedBy } from './described-by.ts';

/*
 * Parts spread the host's props over the prop bags of their behaviour hook
 * (docs/architecture.md §4: behaviour hooks return prop bags; consumer callbacks run first and can
 * cancel). `mergeProps` combines them the way the parts need:
 *
 * - event handlers (`onClick`, …) present in both run in order; a handler that calls
 *   `event.preventDefault()` stops the ones after it, so the host's handler (given first) can
 *   cancel the part's own behaviour;
 * - `className` is joined, `style` merged (later keys win);
 * - `aria-describedby` and `aria-labelledby` keep every id, in order;
 * - anything else: the later bag wins unless its value is `undefined`.
 *
 * Refs are not props here: compose them with `composeRefs`.
 */

const ID_LISTS = new Set(['aria-describedby', 'aria-labelledby']);
const HANDLER = /^on[A-Z]/;

type Bag = object;
type Handler = (...args: unknown[]) => unknown;

/** Whether the first argument of a handler is an event that was cancelled. */
function prevented(args: unknown[]): boolean {
  const event = args[0];
  return (
    typeof event === 'object' &&
    event !== null &&
    'defaultPrevented' in event &&
    (event as { defaultPrevented: unknown }).defaultPrevented === true
  );
}

function chain(first: Handler, second: Handler): Handler {
  return (...args: unknown[]) => {
    first(...args);
    if (!prevented(args)) second(...args);
  };
}

/** The props of two bags merged (see the file comment); the result has the keys of both. */
export function mergeProps<A extends Bag, B extends Bag>(a: A, b: B): Omit<A, keyof B> & B;
export function mergeProps<A extends Bag, B extends Bag, C extends Bag>(
  a: A,
  b: B,
  c: C,
): Omit<Omit<A, keyof B> & B, keyof C> & C;
/**
 * @example
 * <button {...mergeProps(hostProps, behaviour.buttonProps)} />
 */
export function mergeProps(...bags: Bag[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const bag of bags) {
    for (const [key, value] of Object.entries(bag)) {
      const current = out[key];
      if (value === undefined) {
        if (!(key in out)) out[key] = value;
        continue;
      }
      if (current === undefined) out[key] = value;
      else if (key === 'className') out[key] = cx(current as string, value as string);
      else if (key === 'style') out[key] = { ...(current as object), ...(value as object) };
      else if (ID_LISTS.has(key)) out[key] = describedBy(current as string, value as string);
      else if (HANDLER.test(key) && typeof current === 'function' && typeof value === 'function')
        out[key] = chain(current as Handler, value as Handler);
      else out[key] = value;
    }
  }
  return out;
}

/**
 * One ref callback that sets every given ref (callback or object refs; `null` and `undefined`
 * are skipped). Use it when a part forwards the host's ref and needs the element itself.
 *
 * @example
 * const Trigger = forwardRef((props, forwarded) => <button ref={composeRefs(forwarded, ownRef)} />);
 */
export function composeRefs<T>(...refs: (Ref<T> | undefined)[]): RefCallback<T> {
  return (node) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(node);
      else if (ref !== null && ref !== undefined) (ref as { current: T | null }).current = node;
    }
  };
}

/**
 * `composeRefs` for up to four refs that stays the same function while the refs do, so React
 * does not detach and re-attach the element on every render.
 *
 * @example
 * const ref = useComposedRefs(forwardedRef, ownRef);
 */
export function useComposedRefs<T>(
  a?: Ref<T> | undefined,
  b?: Ref<T> | undefined,
  c?: Ref<T> | undefined,
  d?: Ref<T> | undefined,
): RefCallback<T> {
  return useCallback((node: T | null) => composeRefs(a, b, c, d)(node), [a, b, c, d]);
}
