import { FREE_TEXT_MAX_LENGTH } from '@deliberate/core';
import {
  lazy,
  Suspense,
  useEffect,
  useId,
  useRef,
  useState,
  type ChangeEvent,
  type ComponentType,
  type FormEvent,
} from 'react';
import { useI18n } from '../i18n/context.tsx';
import { describedBy } from '../utils/described-by.ts';

/*
 * "Stop the AI for this procedure" (AI Act Art. 14(4)(e)): a confirmation dialog (Radix
 * `AlertDialog`) that needs a reason. Escape and "Cancel" change nothing and forget the typed
 * reason. `useStopAiDialog` holds the dialog's state and ARIA wiring; `StopAiDialog` renders the
 * button, and the dialog itself (`stop-ai-dialog-content.tsx`, with Radix's focus trap, scroll lock
 * and dismissable layer: about 15 KB) is loaded when the button mounts in the browser, so that it
 * is there when it is first needed but not part of the screen's first load
 * (docs/architecture.md §1, "Locales and bundle size").
 */

export interface UseStopAiDialogProps {
  /** Why stopping is not possible now, or `null`. */
  unavailable: string | null;
  /** The id of the hint next to the trigger (it says why stopping is unavailable). */
  hintId: string;
  /** Stops the AI; returns an error message when the protocol refused. */
  onConfirm(reason: string): string | null;
}

/**
 * The stop dialog's state: open or not (it does not open while stopping is unavailable), the
 * typed reason, the error, and prop bags for the trigger, the form and its fields.
 *
 * @example
 * const stop = useStopAiDialog({ unavailable, hintId, onConfirm });
 * <AlertDialog.Root {...stop.rootProps}>…<textarea {...stop.reasonProps} />…</AlertDialog.Root>
 */
export function useStopAiDialog({ unavailable, hintId, onConfirm }: UseStopAiDialogProps) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const ids = { reason: `${id}-reason`, hint: `${id}-hint`, error: `${id}-error` };

  const onOpenChange = (next: boolean) => {
    if (next && unavailable !== null) return;
    setOpen(next);
    if (!next) {
      setReason('');
      setError(null);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
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

  return {
    open,
    error,
    rootProps: { open, onOpenChange },
    triggerProps: {
      type: 'button' as const,
      'aria-disabled': unavailable !== null ? true : undefined,
      'aria-describedby': hintId,
    },
    contentProps: {
      onOpenAutoFocus: (event: Event) => {
        // The reason is required, so start there (Radix would focus "Cancel").
        event.preventDefault();
        reasonRef.current?.focus();
      },
    },
    formProps: { noValidate: true, onSubmit },
    labelProps: { htmlFor: ids.reason },
    hintProps: { id: ids.hint },
    reasonProps: {
      id: ids.reason,
      ref: reasonRef,
      required: true,
      maxLength: FREE_TEXT_MAX_LENGTH,
      value: reason,
      'aria-invalid': error !== null ? true : undefined,
      'aria-describedby': describedBy(error !== null && ids.error, ids.hint),
      onChange: (event: ChangeEvent<HTMLTextAreaElement>) => {
        setReason(event.target.value);
        if (error !== null && event.target.value.trim() !== '') setError(null);
      },
    },
    errorProps: { id: ids.error },
  };
}

/** The stop dialog's state and prop bags, as `useStopAiDialog` returns them. */
export type StopAiDialogState = ReturnType<typeof useStopAiDialog>;

type Content = ComponentType<{ stop: StopAiDialogState; trigger: { current: HTMLButtonElement | null } }>;

let loaded: Content | undefined;
let loading: Promise<{ default: Content }> | undefined;

/**
 * Starts loading the dialog's code, once; after a failure the next call tries again.
 * @internal
 */
export function preloadStopAiDialog(): Promise<{ default: Content }> {
  loading ??= import('./stop-ai-dialog-content.tsx').then(
    (module) => {
      loaded = module.StopAiDialogContent;
      return { default: module.StopAiDialogContent };
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The stop button and its confirmation dialog; see `useStopAiDialog`. */
export function StopAiDialog(props: UseStopAiDialogProps) {
  const { t } = useI18n();
  const stop = useStopAiDialog(props);
  const trigger = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // A failed import is retried when the person opens the dialog (and then reaches the error
    // boundary around the oversight controls).
    preloadStopAiDialog().catch(() => undefined);
  }, []);
  // The component is chosen when the dialog opens and kept while it is open, so that it is never
  // remounted (which would move focus); a fresh lazy component per opening retries a failed import.
  const [Dialog, setDialog] = useState<Content | null>(null);
  const open = () => {
    if (props.unavailable !== null) return;
    setDialog(() => loaded ?? lazy(preloadStopAiDialog));
    stop.rootProps.onOpenChange(true);
  };
  return (
    <>
      <button
        {...stop.triggerProps}
        ref={trigger}
        aria-haspopup="dialog"
        aria-expanded={stop.open}
        onClick={open}
        className="dlb-oversight__button dlb-oversight__button--danger"
      >
        {t('oversight.stop')}
      </button>
      {stop.open && Dialog !== null ? (
        <Suspense fallback={null}>
          <Dialog stop={stop} trigger={trigger} />
        </Suspense>
      ) : null}
    </>
  );
}
