import { AlertDialog } from 'radix-ui';
import { useI18n } from '../i18n/context.tsx';
import type { StopAiDialogState } from './stop-ai-dialog.tsx';

/*
 * The stop dialog itself, loaded by `StopAiDialog` (see there). Controlled: it is rendered only
 * while open. Closing returns focus to the stop button, as Radix does for its own trigger.
 */

/** @internal */
export function StopAiDialogContent({
  stop,
  trigger,
}: {
  stop: StopAiDialogState;
  trigger: { current: HTMLButtonElement | null };
}) {
  const { t } = useI18n();
  return (
    <AlertDialog.Root {...stop.rootProps}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dlb-oversight-dialog__overlay" />
        <AlertDialog.Content
          {...stop.contentProps}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            trigger.current?.focus();
          }}
          className="dlb-oversight-dialog"
        >
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
