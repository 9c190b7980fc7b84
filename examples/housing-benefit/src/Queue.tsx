import type { QueueCase } from './cases.ts';
import { HIGH_AMOUNT } from './cases.ts';
import { formatEuro, translate, type AppLocale } from './messages.ts';
import { OPTION_LABELS } from '../model/recommend.ts';
import type { Label } from '../model/data.ts';

export interface QueueProps {
  cases: QueueCase[];
  locale: AppLocale;
  /** Final decisions by decision id (an option id). */
  decided: Record<string, string>;
  onOpen(index: number): void;
}

/**
 * The caseworker's queue: one row per application, with stakes, the audit-sample flag and status.
 * `data-stakes` and `data-audit` on each row are for styling and tests.
 */
export function Queue({ cases, locale, decided, onOpen }: QueueProps) {
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
    translate(locale, key, vars);
  return (
    <section aria-labelledby="queue-title" className="hb-queue">
      <h2 id="queue-title" tabIndex={-1}>
        {t('queue.title')}
      </h2>
      <p className="hb-note">{t('queue.stakesRule', { amount: formatEuro(HIGH_AMOUNT, locale) })}</p>
      <table className="hb-table">
        <caption>{t('queue.caption', { count: cases.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('queue.col.ref')}</th>
            <th scope="col">{t('queue.col.applicant')}</th>
            <th scope="col">{t('queue.col.household')}</th>
            <th scope="col">{t('queue.col.benefit')}</th>
            <th scope="col">{t('queue.col.stakes')}</th>
            <th scope="col">{t('queue.col.status')}</th>
            <th scope="col">{t('queue.col.action')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c, index) => {
            const final = decided[c.decisionId];
            return (
              <tr key={c.decisionId} data-stakes={c.stakes} data-audit={c.plan.audit}>
                <th scope="row">{c.app.id}</th>
                <td>{c.app.applicant}</td>
                <td>{t('queue.persons', { n: c.app.householdSize })}</td>
                <td>{t('queue.perMonth', { amount: formatEuro(c.benefit, locale) })}</td>
                <td>
                  <span className={`hb-badge hb-badge--${c.stakes}`}>{t(`stakes.${c.stakes}`)}</span>
                  {c.plan.audit ? <span className="hb-badge hb-badge--audit">{t('queue.audit')}</span> : null}
                </td>
                <td>
                  {final
                    ? t('queue.status.done', { decision: OPTION_LABELS[final as Label]?.[locale] ?? final })
                    : t('queue.status.open')}
                </td>
                <td>
                  {final ? null : (
                    <button type="button" className="hb-button" onClick={() => onOpen(index)}>
                      {t('queue.open', { ref: c.app.id })}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
