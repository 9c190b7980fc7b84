import { forwardRef, type HTMLAttributes } from 'react';
import { useI18n } from '../i18n/context.tsx';
import { cx } from '../utils/class-names.ts';
import { useComposedRefs } from '../utils/merge-props.ts';
import { useJudgementPart } from './judgement-context.ts';

/*
 * The judgement's read-only part: the recorded judgement once committed, or why none can be
 * entered. Forwards its ref and spreads the host's props like the other parts
 * (independent-judgement-parts.tsx).
 */

/* -------------------------------------------------------------------------------------------------
 * Summary (read-only)
 * -----------------------------------------------------------------------------------------------*/

export type IndependentJudgementSummaryProps = Omit<HTMLAttributes<HTMLElement>, 'children'>;

/**
 * The recorded judgement, read-only, with the time and the shortened commitment
 * ("Recorded 14:03 · a3f9…") in a `div`; or, in a `p`, why no judgement can be entered (`locked`,
 * `skipped`, `unavailable`). Nothing while the person can judge.
 */
export const IndependentJudgementSummary = forwardRef<HTMLElement, IndependentJudgementSummaryProps>(
  function IndependentJudgementSummary({ className, ...rest }, ref) {
    const j = useJudgementPart('IndependentJudgement.Summary');
    const { t } = useI18n();
    const setRef = useComposedRefs<HTMLElement>(ref);
    if (j.committed === null) {
      if (j.unavailableText === null) return null;
      return (
        <p
          {...rest}
          ref={setRef}
          className={cx('dlb-judgement__unavailable', className)}
          data-state={j.state}
        >
          {j.unavailableText}
        </p>
      );
    }
    const c = j.committed;
    return (
      <div {...rest} ref={setRef} className={cx('dlb-judgement__summary', className)}>
        <p {...j.summaryTitleProps} className="dlb-judgement__summary-title">
          {t('judgement.committed.title')}
        </p>
        <dl className="dlb-facts">
          <div className="dlb-facts__row">
            <dt>{t('judgement.committed.decision')}</dt>
            <dd>{c.text}</dd>
          </div>
          <div className="dlb-facts__row">
            <dt>{t('judgement.committed.confidence')}</dt>
            <dd>{c.confidence ? t(`judgement.confidence.${c.confidence.id}`) : t('judgement.notStated')}</dd>
          </div>
          {c.rationale === undefined ? null : (
            <div className="dlb-facts__row">
              <dt>{t('judgement.committed.rationale')}</dt>
              <dd className="dlb-facts__text">{c.rationale}</dd>
            </div>
          )}
          {c.checklist.length === 0 ? null : (
            <div className="dlb-facts__row">
              <dt>{t('judgement.committed.checklist')}</dt>
              <dd>
                <ul className="dlb-facts__list">
                  {c.checklist.map((label) => (
                    <li key={label}>{label}</li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
        </dl>
        <p className="dlb-judgement__stamp" data-commitment={c.commitment}>
          {t('judgement.committed.stamp', { time: c.time, commitment: c.shortCommitment })}
        </p>
      </div>
    );
  },
);
IndependentJudgementSummary.displayName = 'IndependentJudgement.Summary';
