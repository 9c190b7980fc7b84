import { FREE_TEXT_MAX_LENGTH } from '@deliberate/core';
import { AlertDialog } from 'radix-ui';
import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useI18n } from '../i18n/context.tsx';
import { describedBy } from '../utils/described-by.ts';

/*
 * "Stop the AI for this procedure" (AI Act Art. 14(4)(e)): a confirmation dialog (Radix
 * `AlertDialog`) that needs a reason. Escape and "Cancel" change nothing and forget the typed
 * reason. `useStopAiDialog` holds the dialog's state and ARIA wiring; `StopAiDialog` renders it.
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

/** The stop button and its confirmation dialog; see `useStopAiDialog`. */
export function StopAiDialog(props: UseStopAiDialogProps) {
  const { t } = useI18n();
  const stop = useStopAiDialog(props);
  return (
    <AlertDialog.Root {...stop.rootProps}>
      <AlertDialog.Trigger asChild>
        <button {...stop.triggerProps} className="dlb-oversight__button dlb-oversight__button--danger">
          {t('oversight.stop')}
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dlb-oversight-dialog__overlay" />
        <AlertDialog.Content {...stop.contentProps} className="dlb-oversight-dialog">
          <AlertDialog.Title className="dlb-oversight-dialog__title">
            {t('oversight.stop.title')}
          </AlertDialog.Title>
          <AlertDialog.Description className="dlb-oversight-dialog__description">
            {t('oversight.stop.description')}
          </AlertDialog.Description>
          <form {...stop.formProps} className="dlb-oversight-dialog__form">
            <label {...stop.labelProps} className="dlb-oversight-dialog__label">
              {t('oversight.stop.reason')}
            </label>
            <p {...stop.hintProps} className="dlb-oversight-dialog__hint">
              {t('oversight.stop.reasonHint')}
            </p>
            <textarea {...stop.reasonProps} className="dlb-oversight-dialog__reason" rows={3} />
            {stop.error !== null ? (
              <p {...stop.errorProps} className="dlb-oversight-dialog__error">
                {stop.error}
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
