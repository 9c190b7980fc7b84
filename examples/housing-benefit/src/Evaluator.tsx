import type { DeliberateEvent } from '@deliberate/core';
import { metricsFromEvents } from '@deliberate/analytics';
import { OverrideDashboard } from '@deliberate/analytics/dashboard';
import { verifyChain } from '@deliberate/log';
import { useMemo } from 'react';
import { translate, type AppLocale } from './messages.ts';

export interface EvaluatorProps {
  /** The recorded events (from the IndexedDB archive); `null` while loading. */
  events: readonly DeliberateEvent[] | null;
  locale: AppLocale;
  /** A read failure, shown instead of the dashboard. */
  error?: Error | null | undefined;
}

/** The evaluator's view: reliance metrics over what was decided, and whether the hash chains hold. */
export function Evaluator({ events, locale, error }: EvaluatorProps) {
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
    translate(locale, key, vars);
  const result = useMemo(() => (events ? metricsFromEvents(events) : null), [events]);
  const chain = useMemo(() => (events ? verifyChain(events) : null), [events]);
  let body;
  if (error) body = <p role="alert">{t('eval.error', { message: error.message })}</p>;
  else if (!events || !result || !chain) body = <p>{t('eval.loading')}</p>;
  else {
    const firstBreak = chain.firstBreak;
    body = (
      <>
        <p>{t('eval.events', { events: events.length, decisions: result.decisions })}</p>
        <p data-state={firstBreak ? 'broken' : 'intact'} data-testid="chain-status">
          {firstBreak
            ? t('eval.chain.broken', { detail: `${firstBreak.kind} @ ${firstBreak.chain}:${firstBreak.seq}` })
            : t('eval.chain.ok', { chains: chain.chains.length })}
        </p>
        {result.decisions === 0 ? (
          <p>{t('eval.empty')}</p>
        ) : (
          <OverrideDashboard result={result} locale={locale} headingLevel={3} />
        )}
      </>
    );
  }
  return (
    <section aria-labelledby="eval-title" className="hb-evaluator">
      <h2 id="eval-title" tabIndex={-1}>
        {t('eval.title')}
      </h2>
      <p className="hb-note">{t('eval.intro')}</p>
      {body}
    </section>
  );
}
