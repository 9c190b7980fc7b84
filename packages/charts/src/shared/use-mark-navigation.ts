import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type PointerEvent,
  type RefObject,
} from 'react';

/** The data attribute that ties a rendered mark to its index in the layout. */
export const MARK_INDEX_ATTRIBUTE = 'data-mark-index';

export interface MarkProps {
  'data-mark-index': number;
  tabIndex: 0 | -1;
  'aria-describedby'?: string;
  /** Absent when the mark is neither focused nor hovered. */
  'data-state'?: 'focused' | 'hovered';
}

export interface MarkNavigation {
  /** The mark that holds the chart's single tab stop (−1 when there are no marks). */
  activeIndex: number;
  /** The mark with keyboard focus, or null. */
  focusedIndex: number | null;
  /** The mark whose tooltip is shown (hover wins over focus), or null. */
  tooltipIndex: number | null;
  /** The mark to highlight: hovered, else focused (also after Escape hid its tooltip), or null. */
  highlightIndex: number | null;
  /** Spread on the `<g>` that contains every mark: keyboard, focus and hover delegation. */
  groupProps: {
    ref: RefObject<SVGGElement | null>;
    onKeyDown: (event: KeyboardEvent<SVGGElement>) => void;
    onFocus: (event: FocusEvent<SVGGElement>) => void;
    onBlur: (event: FocusEvent<SVGGElement>) => void;
    onPointerOver: (event: PointerEvent<SVGGElement>) => void;
  };
  /** Spread on the element that wraps the SVG and the tooltip: leaving it hides a hover tooltip. */
  plotProps: { onPointerLeave: () => void };
  /** Props for mark `index`: roving tabindex, data attributes, the link to the tooltip. */
  markProps: (index: number) => MarkProps;
}

function indexOf(target: EventTarget | null): number | null {
  if (!target || typeof (target as Element).closest !== 'function') return null;
  const mark = (target as Element).closest(`[${MARK_INDEX_ATTRIBUTE}]`);
  if (!mark) return null;
  const index = Number(mark.getAttribute(MARK_INDEX_ATTRIBUTE));
  return Number.isInteger(index) ? index : null;
}

/**
 * Roving focus over the marks of one chart: the chart is a single tab stop however many marks it
 * has (500 factors must not mean 500 tab presses); arrow keys, Home/End and PageUp/PageDown move
 * between marks, and the focused or hovered mark shows its tooltip. Escape hides the tooltip
 * (WCAG 1.4.13: dismissible); hovering the tooltip itself keeps it (hoverable). Event handlers are
 * delegated to one group element, so a chart with many marks attaches no per-mark listeners.
 *
 * @example
 * const nav = useMarkNavigation(marks.length, tooltipId);
 * <g {...nav.groupProps}>{marks.map((m, i) => <g key={m.key} role="img" aria-label={m.label} {...nav.markProps(i)} />)}</g>
 */
export function useMarkNavigation(count: number, tooltipId: string): MarkNavigation {
  const ref = useRef<SVGGElement | null>(null);
  const [active, setActive] = useState(0);
  const [focused, setFocused] = useState<number | null>(null);
  const [hovered, setHovered] = useState<number | null>(null);
  const [dismissed, setDismissed] = useState(false);

  const last = count - 1;
  const activeIndex = count === 0 ? -1 : Math.min(Math.max(active, 0), last);
  const focusedIndex = focused !== null && focused <= last ? focused : null;
  const hoveredIndex = hovered !== null && hovered <= last ? hovered : null;
  const tooltipIndex = dismissed ? null : (hoveredIndex ?? focusedIndex);

  const focusMark = useCallback((index: number) => {
    const element = ref.current?.querySelector<SVGElement>(`[${MARK_INDEX_ATTRIBUTE}="${index}"]`);
    element?.focus();
  }, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<SVGGElement>) => {
      const current = indexOf(event.target);
      if (current === null) return;
      let next: number | null = null;
      switch (event.key) {
        case 'ArrowRight':
        case 'ArrowDown':
          next = current + 1;
          break;
        case 'ArrowLeft':
        case 'ArrowUp':
          next = current - 1;
          break;
        case 'PageDown':
          next = current + 10;
          break;
        case 'PageUp':
          next = current - 10;
          break;
        case 'Home':
          next = 0;
          break;
        case 'End':
          next = last;
          break;
        case 'Escape':
          setDismissed(true);
          return;
        default:
          return;
      }
      event.preventDefault();
      focusMark(Math.min(Math.max(next, 0), last));
    },
    [focusMark, last],
  );

  const onFocus = useCallback((event: FocusEvent<SVGGElement>) => {
    const index = indexOf(event.target);
    if (index === null) return;
    setActive(index);
    setFocused(index);
    setHovered(null);
    setDismissed(false);
  }, []);

  const onBlur = useCallback((event: FocusEvent<SVGGElement>) => {
    const next = event.relatedTarget as Node | null;
    if (!next || !ref.current?.contains(next)) setFocused(null);
  }, []);

  const onPointerOver = useCallback((event: PointerEvent<SVGGElement>) => {
    const index = indexOf(event.target);
    if (index === null) return;
    setHovered(index);
    setDismissed(false);
  }, []);

  const onPointerLeave = useCallback(() => setHovered(null), []);

  // A tooltip shown by hover alone has no focused element to receive Escape: listen on the document.
  const hoverOnly = tooltipIndex !== null && focusedIndex === null;
  useEffect(() => {
    if (!hoverOnly) return;
    const onDocumentKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') setDismissed(true);
    };
    document.addEventListener('keydown', onDocumentKeyDown);
    return () => document.removeEventListener('keydown', onDocumentKeyDown);
  }, [hoverOnly]);

  const markProps = (index: number): MarkProps => {
    const props: MarkProps = { [MARK_INDEX_ATTRIBUTE]: index, tabIndex: index === activeIndex ? 0 : -1 };
    if (index === focusedIndex) props['data-state'] = 'focused';
    else if (index === hoveredIndex) props['data-state'] = 'hovered';
    if (index === tooltipIndex) props['aria-describedby'] = tooltipId;
    return props;
  };

  return {
    activeIndex,
    focusedIndex,
    tooltipIndex,
    highlightIndex: hoveredIndex ?? focusedIndex,
    groupProps: { ref, onKeyDown, onFocus, onBlur, onPointerOver },
    plotProps: { onPointerLeave },
    markProps,
  };
}
