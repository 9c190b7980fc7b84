import { forwardRef, type HTMLAttributes } from 'react';
import { useSafeguard } from '../decision/safeguards.ts';
import { useI18n } from '../i18n/context.tsx';
import { cx } from '../utils/class-names.ts';
import {
  useAutomationBiasNotice,
  type UseAutomationBiasNoticeProps,
  type UseAutomationBiasNoticeResult,
} from './use-automation-bias-notice.ts';

/**
 * The notice itself: what automation bias is, that the evidence decides, and who is accountable,
 * with an "Understood" button. Hidden while closed, so that the toggle's `aria-controls` always
 * points at an element. Shared by `AutomationBiasNotice` and `OversightControls`.
 */
export function AutomationBiasNoticeContent({ notice }: { notice: UseAutomationBiasNoticeResult }) {
  const { t } = useI18n();
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
export const AutomationBiasNotice = forwardRef<HTMLDivElement, AutomationBiasNoticeProps>(
  function AutomationBiasNotice(props, ref) {
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
        ref={ref}
        className={cx('dlb-oversight-notice', className)}
        data-state={notice.open ? 'open' : 'closed'}
      >
        <button {...notice.toggleProps} className="dlb-oversight__button dlb-oversight__button--quiet">
          {t('oversight.notice.toggle')}
        </button>
        <AutomationBiasNoticeContent notice={notice} />
      </div>
    );
  },
);
AutomationBiasNotice.displayName = 'AutomationBiasNotice';
