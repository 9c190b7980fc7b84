import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Width used before the first measurement: on the server, in jsdom, and without ResizeObserver. */
export const FALLBACK_WIDTH = 640;

export interface ContainerWidthOptions {
  /** A fixed width in px; no observer is attached. */
  width?: number | undefined;
  /** Width until measured (SSR, jsdom). @default 640 */
  fallbackWidth?: number | undefined;
}

/**
 * The width of the element behind `ref`, kept current with a ResizeObserver. SSR-safe: nothing
 * touches `window` until the layout effect runs in the browser, and the SVG uses a viewBox so
 * the server-rendered fallback scales until the first measurement.
 *
 * @example
 * const { ref, width } = useContainerWidth<HTMLDivElement>({ width: props.width });
 * return <div ref={ref}><svg width={width} … /></div>;
 */
export function useContainerWidth<T extends HTMLElement>(
  options: ContainerWidthOptions = {},
): { ref: RefObject<T | null>; width: number } {
  const fixed = options.width !== undefined && options.width > 0 ? options.width : undefined;
  const fallback = options.fallbackWidth ?? FALLBACK_WIDTH;
  const ref = useRef<T | null>(null);
  const [measured, setMeasured] = useState<number | undefined>(undefined);

  useLayoutEffect(() => {
    if (fixed !== undefined) return;
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const apply = (next: number) => {
      // jsdom and hidden containers report 0: keep the fallback rather than draw nothing.
      if (!(next > 0)) return;
      const rounded = Math.round(next);
      setMeasured((previous) => (previous === rounded ? previous : rounded));
    };
    apply(element.getBoundingClientRect().width);
    let frame = 0;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (!entry) return;
      // Deferred to the next frame so a height change caused by our own render cannot start a
      // "ResizeObserver loop completed with undelivered notifications" cycle.
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => apply(entry.contentRect.width));
    });
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [fixed]);

  return { ref, width: fixed ?? measured ?? fallback };
}
