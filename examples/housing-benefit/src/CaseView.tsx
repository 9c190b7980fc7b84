import type { DecisionEventDraft } from '@deliberate/core';
import {
  DecisionProvider,
  DecisionScreen,
  ExplanationPanel,
  useDecision,
  type DecisionLogger,
} from '@deliberate/react';
import { useMemo } from 'react';
import { DOCUMENT_TITLES } from '../model/documents.ts';
import { recommend } from '../model/recommend.ts';
import { pseudonymFor } from './backend.ts';
import { DECISION_OPTIONS, model, PROCEDURE, type QueueCase } from './cases.ts';
import { translate, type AppLocale, type MessageKey } from './messages.ts';

export interface CaseViewProps {
  case: QueueCase;
  /** Which time this case is opened (a reopened, abandoned case is a new decision). @default 1 */
  attempt?: number;
  locale: AppLocale;
  logger?: DecisionLogger | undefined;
  onEvents?: ((events: DecisionEventDraft[]) => void) | undefined;
  /** Back to the queue; an unfinished decision is recorded as abandoned first. */
  onBack(): void;
  /** To the next open case (shown once this one is decided). */
  onNext?: (() => void) | undefined;
  /** Id of the caseworker; logged only as the pseudonym the (stand-in) server issues. @default 'caseworker-demo' */
  actorId?: string;
}

/**
 * One case: the case file (documents with their text) beside the decision screen. The friction
 * plan comes from the queue, resolved once per case, so reopening a case cannot re-draw its
 * audit sample.
 */
export function CaseView({
  case: c,
  attempt = 1,
  locale,
  logger,
  onEvents,
  onBack,
  onNext,
  actorId = 'caseworker-demo',
}: CaseViewProps) {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
  // The recommendation in the language the case was opened in; the provider keeps its decision.
  const recommendation = useMemo(() => recommend(model, c.app, locale), [c.app]); // eslint-disable-line react-hooks/exhaustive-deps
  const friction = c.plan.audit
    ? 'case.friction.audit'
    : c.stakes === 'high'
      ? 'case.friction.high'
      : 'case.friction.routine';
  const decisionId = attempt > 1 ? `${c.decisionId}#${attempt}` : c.decisionId;
  return (
    <DecisionProvider
      key={decisionId}
      options={DECISION_OPTIONS}
      recommendation={recommendation}
      decisionId={decisionId}
      procedure={PROCEDURE}
      caseRef={pseudonymFor(c.app.id)}
      actor={{ id: pseudonymFor(actorId), role: 'caseworker' }}
      stakes={c.stakes}
      plan={c.plan}
      locale={locale}
      {...(logger ? { logger } : {})}
      {...(onEvents ? { onEvents } : {})}
    >
      <article
        className="hb-case"
        aria-labelledby="case-title"
        data-stakes={c.stakes}
        data-audit={c.plan.audit}
      >
        <header className="hb-case__header">
          <h2 id="case-title" tabIndex={-1}>
            {t('case.file', { ref: c.app.id })}
          </h2>
          <p className="hb-note">{t(friction)}</p>
        </header>
        <div className="hb-case__columns">
          <section className="hb-documents" aria-labelledby="documents-title">
            <h3 id="documents-title">{t('case.documents')}</h3>
            <dl className="hb-facts">
              <dt>{t('case.municipality')}</dt>
              <dd>
                {c.app.municipality} ({c.app.mietstufe})
              </dd>
              <dt>{t('case.household')}</dt>
              <dd>{c.app.householdSize}</dd>
            </dl>
            {c.app.missing.length > 0 ? (
              <p className="hb-missing">
                {t('case.missing', { docs: c.app.missing.map((kind) => DOCUMENT_TITLES[kind]).join(', ') })}
              </p>
            ) : null}
            {c.documents.map((doc) => (
              <section key={doc.id} className="hb-document" aria-label={doc.title}>
                <h4>{doc.title}</h4>
                {doc.pages.map((page, i) => (
                  <div key={i} className="hb-page" lang="de">
                    <p className="hb-page__number">{t('case.page', { n: i + 1 })}</p>
                    <p className="hb-page__text">{page}</p>
                  </div>
                ))}
              </section>
            ))}
          </section>
          <div className="hb-decision">
            <DecisionScreen headingLevel={3} explanation={<ExplanationPanel headingLevel={4} />} />
          </div>
        </div>
        <footer>
          <CaseNavigation locale={locale} onBack={onBack} onNext={onNext} />
        </footer>
      </article>
    </DecisionProvider>
  );
}

/** Back and next buttons; inside the provider, so leaving an unfinished decision records it as abandoned. */
function CaseNavigation({
  locale,
  onBack,
  onNext,
}: {
  locale: AppLocale;
  onBack(): void;
  onNext?: (() => void) | undefined;
}) {
  const { state, dispatch } = useDecision('CaseNavigation');
  const done = state.status === 'finalized' || state.status === 'abandoned';
  const leave = () => {
    if (!done) dispatch({ type: 'abandon' });
    onBack();
  };
  return (
    <div className="hb-case__nav">
      <button type="button" className="hb-button hb-button--secondary" onClick={leave}>
        {translate(locale, 'case.back')}
      </button>
      {state.status === 'finalized' ? (
        <>
          <p role="status" className="hb-done">
            {translate(locale, 'case.done')}
          </p>
          {onNext ? (
            <button type="button" className="hb-button" onClick={onNext}>
              {translate(locale, 'case.next')}
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
