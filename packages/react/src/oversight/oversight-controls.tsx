import type { ActionAvailability, DecisionState, StopScope } from '@deliberate/core';
import { FREE_TEXT_MAX_LENGTH } from '@deliberate/core';
import { AlertDialog } from 'radix-ui';
import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type HTMLAttributes,
  type MouseEvent,
  type RefObject,
} from 'react';
import { useDecision, useDecisionContext } from '../decision/decision-provider.tsx';
import { flushExplanationViews } from '../explanation/use-view-timing.ts';
import { useSafeguard } from '../decision/safeguards.ts';
import { useI18n } from '../i18n/context.tsx';
import type { Translator } from '../i18n/translator.ts';
import { useControllableState } from '../utils/use-controllable-state.ts';

/* -------------------------------------------------------------------------------------------------
 * Why an action is unavailable, in the person's language
 * -----------------------------------------------------------------------------------------------*/

type OversightAction = 'decideWithoutAi' | 'stopAi';

/**
 * The localized reason an oversight action is not available, or `null` when it is. Translated
 * by the protocol's error `code` and the decision's state; the protocol's English `message` is the
 * fallback for anything this version does not know.
 */
function unavailableReason(
  action: OversightAction,
  availability: ActionAvailability,
  state: DecisionState,
  t: Translator['t'],
): string | null {
  if (availability.allowed) return null;
  if (state.status === 'finalized' || state.status === 'abandoned') return t('oversight.disabled.ended');
  if (availability.code === 'already-revealed') return t('oversight.disabled.revealed');
  if (availability.code === 'invalid-transition') {
    if (state.status === 'ai-stopped') {
      return t(action === 'stopAi' ? 'oversight.disabled.alreadyStopped' : 'oversight.disabled.stopped');
    }
    if (state.status === 'without-ai') {
      if (state.withoutAi?.cause === 'no-ai-arm') return t('oversight.disabled.noAiArm');
      if (state.withoutAi?.cause === 'no-recommendation') return t('oversight.disabled.noRecommendation');
      return t('oversight.disabled.withoutAi');
    }
  }
  return availability.message;
}

/* -------------------------------------------------------------------------------------------------
 * useAutomationBiasNotice
 * -----------------------------------------------------------------------------------------------*/

/** Where "the notice has been seen" is remembered when no `storageKey` is given. */
export const DEFAULT_NOTICE_STORAGE_KEY = 'deliberate:automation-bias-notice:seen';

/** `localStorage`, or `null` on the server, in sandboxed frames and where storage is blocked. */
function noticeStorage(): Storage | null {
  try {
    return typeof globalThis.localStorage === 'undefined' ? null : globalThis.localStorage;
  } catch {
    return null;
  }
}

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
      if (!next) {
        try {
          noticeStorage()?.setItem(storageKey, 'true');
        } catch {
          // Storage full or blocked: the notice will simply show again next time.
        }
      }
      setOpenState(next);
    },
    [setOpenState, storageKey],
  );

  // First use: read storage after mount (never during render or at import time).
  const firstUse = useRef({ showNoticeOnFirstUse, storageKey, setOpenState });
  useEffect(() => {
    const { showNoticeOnFirstUse: show, storageKey: key, setOpenState: openNotice } = firstUse.current;
    if (!show) return;
    let seen = false;
    try {
      seen = noticeStorage()?.getItem(key) === 'true';
    } catch {
      seen = false;
    }
    if (!seen) openNotice(true);
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

function NoticeContent({ notice, t }: { notice: UseAutomationBiasNoticeResult; t: Translator['t'] }) {
  return (
    <section {...notice.noticeProps} className="dlb-oversight__notice">
      <h3 {...notice.headingProps} className="dlb-oversight__notice-heading">
        {t('oversight.notice.heading')}
      </h3>
      <ul className="dlb-oversight__notice-points">
        <li>{t('oversight.notice.bias')}</li>
        <li>{t('oversight.notice.evidence')}</li>
        <li>{t('oversight.notice.accountable')}</li>
      </ul>
      <button {...notice.dismissProps} className="dlb-oversight__button">
        {t('oversight.notice.dismiss')}
      </button>
    </section>
  );
}

/* -------------------------------------------------------------------------------------------------
 * AutomationBiasNotice
 * -----------------------------------------------------------------------------------------------*/

export interface AutomationBiasNoticeProps
  extends UseAutomationBiasNoticeProps, Omit<HTMLAttributes<HTMLDivElement>, 'children'> {}

/**
 * "About relying on AI": a short, concrete notice on automation bias (AI Act Art. 14(4)(b)) behind
 * a disclosure button, optionally open on first use. Works outside a `DecisionProvider`.
 * `OversightControls` includes one; use this where the notice belongs elsewhere.
 *
 * `data-state` on the root: `open` (@selector `[data-state="open"]`) or `closed`.
 *
 * @example
 * <AutomationBiasNotice showNoticeOnFirstUse storageKey="wohngeld:automation-bias" />
 */
export function AutomationBiasNotice(props: AutomationBiasNoticeProps) {
  const {
    showNoticeOnFirstUse,
    storageKey,
    noticeOpen,
    defaultNoticeOpen,
    onNoticeOpenChange,
    className,
    ...rest
  } = props;
  const { t } = useI18n();
  const notice = useAutomationBiasNotice({
    showNoticeOnFirstUse,
    storageKey,
    noticeOpen,
    defaultNoticeOpen,
    onNoticeOpenChange,
  });
  useSafeguard('oversight.automationBiasNotice', { onFirstUse: showNoticeOnFirstUse === true });
  return (
    <div
      {...rest}
      className={['dlb-oversight-notice', className].filter(Boolean).join(' ')}
      data-state={notice.open ? 'open' : 'closed'}
    >
      <button {...notice.toggleProps} className="dlb-oversight__button dlb-oversight__button--quiet">
        {t('oversight.notice.toggle')}
      </button>
      <NoticeContent notice={notice} t={t} />
    </div>
  );
}
AutomationBiasNotice.displayName = 'AutomationBiasNotice';

/* -------------------------------------------------------------------------------------------------
 * OversightControls
 * -----------------------------------------------------------------------------------------------*/

/** What `onStopAi` receives. */
export interface StopAiDetails {
  scope: StopScope;
  reason: string;
}

export interface OversightControlsProps
  extends UseAutomationBiasNoticeProps, Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /**
   * Called after the AI was stopped for the procedure (and `ai.stopped` was logged), so that the
   * host can switch it off beyond this decision, e.g. for the next cases of the procedure.
   */
  onStopAi?: (details: StopAiDetails) => void;
  /** Called after the person chose to decide without the AI. */
  onDecideWithoutAi?: () => void;
}

/**
 * The human-oversight controls of AI Act Art. 14(4):
 *
 * - "Decide without AI" (d): dispatches `decideWithoutAi`; the recommendation is then not shown.
 * - "Stop the AI for this procedure" (e): a confirmation dialog (Radix `AlertDialog`) that needs a
 *   reason; dispatches `stopAi { scope: 'procedure', reason }` and calls `onStopAi`. Escape and
 *   "Cancel" change nothing.
 * - "About relying on AI" (b): the automation-bias notice, on demand and optionally on first use.
 *
 * Unavailable actions stay focusable (`aria-disabled`) and say why next to them, so that focus is
 * never lost when an action disables itself; results are announced in a polite live region.
 *
 * `data-state` on the root:
 * - `active` (@selector `[data-state="active"]`): the AI may be used in this decision;
 * - `without-ai` (@selector `[data-state="without-ai"]`): deciding without the AI (chosen, no-AI arm, no recommendation);
 * - `ai-stopped` (@selector `[data-state="ai-stopped"]`): the AI was stopped;
 * - `ended` (@selector `[data-state="ended"]`): the decision is finalized or abandoned.
 *
 * @example
 * <OversightControls showNoticeOnFirstUse storageKey="wohngeld:notice"
 *   onStopAi={({ reason }) => api.disableModel('wohngeld-eligibility', reason)} />
 */
export function OversightControls(props: OversightControlsProps) {
  const {
    onStopAi,
    onDecideWithoutAi,
    showNoticeOnFirstUse,
    storageKey,
    noticeOpen,
    defaultNoticeOpen,
    onNoticeOpenChange,
    className,
    ...rest
  } = props;
  const { store } = useDecisionContext('OversightControls');
  const { state, allowed, dispatch } = useDecision('OversightControls');
  const { t } = useI18n();
  const id = useId();
  const notice = useAutomationBiasNotice({
    showNoticeOnFirstUse,
    storageKey,
    noticeOpen,
    defaultNoticeOpen,
    onNoticeOpenChange,
  });
  useSafeguard('oversight.decideWithoutAi', { control: 'button' });
  useSafeguard('oversight.stopAi', { scope: 'procedure', reasonRequired: true });
  useSafeguard('oversight.automationBiasNotice', { onFirstUse: showNoticeOnFirstUse === true });

  // Only changes that happen while the controls are on screen are announced.
  const [statusAtMount] = useState(() => store.getState().decision.status);
  const announcement =
    state.status === 'ai-stopped' && statusAtMount !== 'ai-stopped'
      ? t('oversight.stop.done')
      : state.status === 'without-ai' && state.withoutAi?.cause === 'chosen' && statusAtMount !== 'without-ai'
        ? t('oversight.withoutAi.done')
        : '';

  const rootState =
    state.status === 'finalized' || state.status === 'abandoned'
      ? 'ended'
      : state.status === 'ai-stopped'
        ? 'ai-stopped'
        : state.status === 'without-ai'
          ? 'without-ai'
          : 'active';

  const withoutAiReason = unavailableReason('decideWithoutAi', allowed.decideWithoutAi, state, t);
  const stopReason = unavailableReason('stopAi', allowed.stopAi, state, t);

  const decideWithoutAi = (event: MouseEvent<HTMLButtonElement>) => {
    if (withoutAiReason !== null) {
      event.preventDefault();
      return;
    }
    const result = dispatch({ type: 'decideWithoutAi' });
    if (result.ok) onDecideWithoutAi?.();
  };

  return (
    <div
      {...rest}
      className={['dlb-oversight', className].filter(Boolean).join(' ')}
      role="group"
      aria-labelledby={`${id}-label`}
      data-state={rootState}
    >
      <p id={`${id}-label`} className="dlb-oversight__label">
        {t('oversight.label')}
      </p>
      <div className="dlb-oversight__actions">
        <div className="dlb-oversight__action">
          <button
            type="button"
            className="dlb-oversight__button"
            aria-disabled={withoutAiReason !== null ? true : undefined}
            aria-describedby={`${id}-without-ai`}
            onClick={decideWithoutAi}
          >
            {t('oversight.withoutAi')}
          </button>
          <p id={`${id}-without-ai`} className="dlb-oversight__hint">
            {withoutAiReason ?? t('oversight.withoutAi.hint')}
          </p>
        </div>
        <div className="dlb-oversight__action">
          <StopAiDialog
            unavailable={stopReason}
            hintId={`${id}-stop`}
            onConfirm={(reason) => {
              flushExplanationViews(store);
              const result = dispatch({ type: 'stopAi', scope: 'procedure', reason });
              if (!result.ok) return result.error.message;
              onStopAi?.({ scope: 'procedure', reason });
              return null;
            }}
          />
          <p id={`${id}-stop`} className="dlb-oversight__hint">
            {stopReason ?? t('oversight.stop.hint')}
          </p>
        </div>
        <div className="dlb-oversight__action">
          <button {...notice.toggleProps} className="dlb-oversight__button dlb-oversight__button--quiet">
            {t('oversight.notice.toggle')}
          </button>
        </div>
      </div>
      <NoticeContent notice={notice} t={t} />
      <div role="status" aria-live="polite" aria-atomic="true" className="dlb-visually-hidden">
        {announcement}
      </div>
    </div>
  );
}
OversightControls.displayName = 'OversightControls';

/* -------------------------------------------------------------------------------------------------
 * The stop dialog
 * -----------------------------------------------------------------------------------------------*/

interface StopAiDialogProps {
  /** Why stopping is not possible now, or `null`. */
  unavailable: string | null;
  hintId: string;
  /** Stops the AI; returns an error message when the protocol refused. */
  onConfirm(reason: string): string | null;
}

function StopAiDialog({ unavailable, hintId, onConfirm }: StopAiDialogProps) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  const onOpenChange = (next: boolean) => {
    if (next && unavailable !== null) return;
    setOpen(next);
    if (!next) {
      setReason('');
      setError(null);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (trimmed === '') {
      setError(t('oversight.stop.reasonRequired'));
      reasonRef.current?.focus();
      return;
    }
    const failure = onConfirm(trimmed);
    if (failure !== null) {
      setError(t('oversight.stop.failed', { message: failure }));
      return;
    }
    onOpenChange(false);
  };

  const errorId = `${id}-error`;
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Trigger asChild>
        <button
          type="button"
          className="dlb-oversight__button dlb-oversight__button--danger"
          aria-disabled={unavailable !== null ? true : undefined}
          aria-describedby={hintId}
        >
          {t('oversight.stop')}
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dlb-oversight-dialog__overlay" />
        <AlertDialog.Content
          className="dlb-oversight-dialog"
          onOpenAutoFocus={(event) => {
            // The reason is required, so start there (Radix would focus "Cancel").
            event.preventDefault();
            reasonRef.current?.focus();
          }}
        >
          <AlertDialog.Title className="dlb-oversight-dialog__title">
            {t('oversight.stop.title')}
          </AlertDialog.Title>
          <AlertDialog.Description className="dlb-oversight-dialog__description">
            {t('oversight.stop.description')}
          </AlertDialog.Description>
          <form noValidate onSubmit={submit} className="dlb-oversight-dialog__form">
            <label htmlFor={`${id}-reason`} className="dlb-oversight-dialog__label">
              {t('oversight.stop.reason')}
            </label>
            <p id={`${id}-hint`} className="dlb-oversight-dialog__hint">
              {t('oversight.stop.reasonHint')}
            </p>
            <textarea
              id={`${id}-reason`}
              ref={reasonRef}
              className="dlb-oversight-dialog__reason"
              required
              rows={3}
              maxLength={FREE_TEXT_MAX_LENGTH}
              value={reason}
              aria-invalid={error !== null ? true : undefined}
              aria-describedby={error !== null ? `${errorId} ${id}-hint` : `${id}-hint`}
              onChange={(event) => {
                setReason(event.target.value);
                if (error !== null && event.target.value.trim() !== '') setError(null);
              }}
            />
            {error !== null ? (
              <p id={errorId} className="dlb-oversight-dialog__error">
                {error}
              </p>
            ) : null}
            <div className="dlb-oversight-dialog__buttons">
              <AlertDialog.Cancel asChild>
                <button type="button" className="dlb-oversight__button">
                  {t('oversight.stop.cancel')}
                </button>
              </AlertDialog.Cancel>
              <button type="submit" className="dlb-oversight__button dlb-oversight__button--danger">
                {t('oversight.stop.confirm')}
              </button>
            </div>
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
