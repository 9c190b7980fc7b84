import { forwardRef, type HTMLAttributes } from 'react';
import { useI18n } from '../i18n/context.tsx';
import { cx } from '../utils/class-names.ts';
import { mergeProps } from '../utils/merge-props.ts';
import { AutomationBiasNoticeContent } from './automation-bias-notice.tsx';
import { StopAiDialog } from './stop-ai-dialog.tsx';
import { useOversightControls, type UseOversightControlsProps } from './use-oversight-controls.ts';

/*
 * Where things live: the rules as plain functions in `oversight-model.ts`; the behaviour hooks in
 * `use-oversight-controls.ts` and `use-automation-bias-notice.ts`; the stop dialog in
 * `stop-ai-dialog.tsx`; the stand-alone notice in `automation-bias-notice.tsx`. This module renders
 * the controls and keeps the family's public names in one place.
 */

export { AutomationBiasNotice, type AutomationBiasNoticeProps } from './automation-bias-notice.tsx';
export { DEFAULT_NOTICE_STORAGE_KEY, type OversightState } from './oversight-model.ts';
export {
  useAutomationBiasNotice,
  type UseAutomationBiasNoticeProps,
  type UseAutomationBiasNoticeResult,
} from './use-automation-bias-notice.ts';
export {
  useOversightControls,
  type StopAiDetails,
  type UseOversightControlsProps,
  type UseOversightControlsResult,
} from './use-oversight-controls.ts';

export interface OversightControlsProps
  extends UseOversightControlsProps, Omit<HTMLAttributes<HTMLDivElement>, 'children'> {}

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
 * Behaviour without this look: `useOversightControls`.
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
export const OversightControls = forwardRef<HTMLDivElement, OversightControlsProps>(
  function OversightControls(props, ref) {
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
    const { t } = useI18n();
    const o = useOversightControls({
      onStopAi,
      onDecideWithoutAi,
      showNoticeOnFirstUse,
      storageKey,
      noticeOpen,
      defaultNoticeOpen,
      onNoticeOpenChange,
    });

    return (
      <div {...mergeProps(rest, o.rootProps)} ref={ref} className={cx('dlb-oversight', className)}>
        <p {...o.labelProps} className="dlb-oversight__label">
          {t('oversight.label')}
        </p>
        <div className="dlb-oversight__actions">
          <div className="dlb-oversight__action">
            <button {...o.withoutAiButtonProps} className="dlb-oversight__button">
              {t('oversight.withoutAi')}
            </button>
            <p {...o.withoutAiHintProps} className="dlb-oversight__hint">
              {o.withoutAiUnavailable ?? t('oversight.withoutAi.hint')}
            </p>
          </div>
          <div className="dlb-oversight__action">
            <StopAiDialog unavailable={o.stopUnavailable} hintId={o.stopHintProps.id} onConfirm={o.stopAi} />
            <p {...o.stopHintProps} className="dlb-oversight__hint">
              {o.stopUnavailable ?? t('oversight.stop.hint')}
            </p>
          </div>
          <div className="dlb-oversight__action">
            <button {...o.notice.toggleProps} className="dlb-oversight__button dlb-oversight__button--quiet">
              {t('oversight.notice.toggle')}
            </button>
          </div>
        </div>
        <AutomationBiasNoticeContent notice={o.notice} />
        <div {...o.statusProps} className="dlb-visually-hidden">
          {o.announcement}
        </div>
      </div>
    );
  },
);
OversightControls.displayName = 'OversightControls';
