import { useCallback, useEffect, useId, useRef, type RefObject } from 'react';
import { useControllableState } from '../utils/use-controllable-state.ts';
import { DEFAULT_NOTICE_STORAGE_KEY, noticeSeen, rememberNoticeSeen } from './oversight-model.ts';

/*
 * The automation-bias notice's behaviour (AI Act Art. 14(4)(b)): a disclosure that may open on
 * first use and remembers that it was seen. Storage is read in an effect only, so the notice
 * renders closed on the server.
 */

export interface UseAutomationBiasNoticeProps {
  /**
   * Open the notice on the first use: once per browser (remembered in `localStorage` under
   * `storageKey`, after the person closes it), or on every mount where storage is unavailable.
   * It opens in an effect, so server-rendered HTML shows it closed.
   * @default false
   */
  showNoticeOnFirstUse?: boolean | undefined;
  /** The `localStorage` key that remembers that the notice was seen. @default DEFAULT_NOTICE_STORAGE_KEY */
  storageKey?: string | undefined;
  /** Controlled open state of the notice. */
  noticeOpen?: boolean | undefined;
  /** Initial open state when uncontrolled. @default false */
  defaultNoticeOpen?: boolean | undefined;
  /** Called with every requested change, controlled or not (also the first-use opening). */
  onNoticeOpenChange?: ((open: boolean) => void) | undefined;
}

export interface UseAutomationBiasNoticeResult {
  open: boolean;
  setOpen(open: boolean): void;
  /** For the "About relying on AI" disclosure button. */
  toggleProps: {
    type: 'button';
    'aria-expanded': boolean;
    'aria-controls': string;
    onClick(): void;
    ref: RefObject<HTMLButtonElement | null>;
  };
  /** For the notice's container (hidden while closed, so the toggle's `aria-controls` always resolves). */
  noticeProps: { id: string; hidden: boolean; 'aria-labelledby': string; 'data-state': 'open' | 'closed' };
  /** For the notice's heading. */
  headingProps: { id: string };
  /** For the "Understood" button: closes the notice, remembers it and returns focus to the toggle. */
  dismissProps: { type: 'button'; onClick(): void };
}

/**
 * The automation-bias notice's behaviour (AI Act Art. 14(4)(b)): a disclosure, open on first use
 * if asked, controlled or uncontrolled. SSR-safe: storage is read in an effect only.
 *
 * @example
 * const notice = useAutomationBiasNotice({ showNoticeOnFirstUse: true, storageKey: 'wohngeld:notice' });
 * <button {...notice.toggleProps}>About relying on AI</button>
 * <section {...notice.noticeProps}>…<button {...notice.dismissProps}>Understood</button></section>
 */
export function useAutomationBiasNotice(
  props: UseAutomationBiasNoticeProps = {},
): UseAutomationBiasNoticeResult {
  const { showNoticeOnFirstUse = false, storageKey = DEFAULT_NOTICE_STORAGE_KEY } = props;
  const [open, setOpenState] = useControllableState({
    prop: props.noticeOpen,
    defaultProp: props.defaultNoticeOpen ?? false,
    onChange: props.onNoticeOpenChange,
    name: 'AutomationBiasNotice',
  });
  const id = useId();
  const toggleRef = useRef<HTMLButtonElement | null>(null);

  const setOpen = useCallback(
    (next: boolean) => {
      if (!next) rememberNoticeSeen(storageKey);
      setOpenState(next);
    },
    [setOpenState, storageKey],
  );

  // First use: read storage after mount (never during render or at import time).
  const firstUse = useRef({ showNoticeOnFirstUse, storageKey, setOpenState });
  useEffect(() => {
    const { showNoticeOnFirstUse: show, storageKey: key, setOpenState: openNotice } = firstUse.current;
    if (show && !noticeSeen(key)) openNotice(true);
  }, []);

  return {
    open,
    setOpen,
    toggleProps: {
      type: 'button',
      'aria-expanded': open,
      'aria-controls': `${id}-notice`,
      onClick: () => setOpen(!open),
      ref: toggleRef,
    },
    noticeProps: {
      id: `${id}-notice`,
      hidden: !open,
      'aria-labelledby': `${id}-heading`,
      'data-state': open ? 'open' : 'closed',
    },
    headingProps: { id: `${id}-heading` },
    dismissProps: {
      type: 'button',
      onClick: () => {
        setOpen(false);
        toggleRef.current?.focus();
      },
    },
  };
}
