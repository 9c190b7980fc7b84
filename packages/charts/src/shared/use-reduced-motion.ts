import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {};
  const list = window.matchMedia(QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

function getSnapshot(): boolean {
  // Without matchMedia (jsdom, old embedded browsers) we cannot ask, so we do not animate.
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return true;
  return window.matchMedia(QUERY).matches;
}

function getServerSnapshot(): boolean {
  return true;
}

/**
 * Whether the user asked for reduced motion (or we cannot tell). Charts animate only when this
 * is false; the CSS also guards every transition with `prefers-reduced-motion: no-preference`.
 *
 * @example
 * const reduce = useReducedMotion();
 * <figure data-motion={reduce ? 'reduce' : 'full'} />
 */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}
