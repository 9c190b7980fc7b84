import type { DecisionEventDraft, DeliberateEvent } from '@deliberate/core';
import type { DecisionLogger } from '@deliberate/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueueCase } from './cases.ts';
import { CaseView } from './CaseView.tsx';
import { Evaluator } from './Evaluator.tsx';
import { translate, type AppLocale } from './messages.ts';
import { Queue } from './Queue.tsx';

export type View = { name: 'queue' } | { name: 'case'; index: number } | { name: 'evaluator' };

export interface AppProps {
  cases: QueueCase[];
  /** @default 'de' */
  initialLocale?: AppLocale;
  /** @default the queue */
  initialView?: View;
  logger?: DecisionLogger | undefined;
  /** Reads the recorded events for the evaluator view. */
  readEvents?: (() => Promise<readonly DeliberateEvent[]>) | undefined;
  /** The collector events also go to, if one is configured. */
  collectorUrl?: string | null | undefined;
}

/**
 * The housing-benefit application: queue, case view and evaluator view, German by default with an
 * English switch. Moving between views puts focus on the new view's heading.
 */
export function App({
  cases,
  initialLocale = 'de',
  initialView = { name: 'queue' },
  logger,
  readEvents,
  collectorUrl,
}: AppProps) {
  const [locale, setLocale] = useState<AppLocale>(initialLocale);
  const [view, setView] = useState<View>(initialView);
  const [decided, setDecided] = useState<Record<string, string>>({});
  const [attempts, setAttempts] = useState<Record<string, number>>({});
  const [events, setEvents] = useState<readonly DeliberateEvent[] | null>(null);
  const [readError, setReadError] = useState<Error | null>(null);
  const moved = useRef(false);
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const go = useCallback((next: View) => {
    moved.current = true;
    if (next.name === 'evaluator') {
      setEvents(null);
      setReadError(null);
    }
    setView(next);
  }, []);

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    const id = view.name === 'queue' ? 'queue-title' : view.name === 'case' ? 'case-title' : 'eval-title';
    document.getElementById(id)?.focus();
  }, [view]);

  useEffect(() => {
    if (view.name !== 'evaluator') return;
    let live = true;
    (readEvents ?? (() => Promise.resolve([])))().then(
      (read) => live && setEvents(read),
      (error: unknown) => live && setReadError(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      live = false;
    };
  }, [view, readEvents]);

  const onEvents = useCallback((drafts: DecisionEventDraft[]) => {
    for (const event of drafts) {
      if (event.type === 'decision.finalized') {
        const final = (event.data as { final?: { label?: string } }).final?.label;
        const decisionId = event.decisionId.replace(/#\d+$/, '');
        if (final) setDecided((d) => ({ ...d, [decisionId]: final }));
      }
    }
  }, []);

  const nextOpen = (from: number) => {
    for (let i = 1; i <= cases.length; i++) {
      const index = (from + i) % cases.length;
      if (!decided[cases[index]!.decisionId] && index !== from) return index;
    }
    return null;
  };

  let main;
  if (view.name === 'case' && cases[view.index]) {
    const c = cases[view.index]!;
    const next = nextOpen(view.index);
    main = (
      <CaseView
        key={`${c.decisionId}#${attempts[c.decisionId] ?? 1}`}
        case={c}
        attempt={attempts[c.decisionId] ?? 1}
        locale={locale}
        logger={logger}
        onEvents={onEvents}
        onBack={() => {
          if (!decided[c.decisionId])
            setAttempts((a) => ({ ...a, [c.decisionId]: (a[c.decisionId] ?? 1) + 1 }));
          go({ name: 'queue' });
        }}
        onNext={next === null ? undefined : () => go({ name: 'case', index: next })}
      />
    );
  } else if (view.name === 'evaluator') {
    main = <Evaluator events={events} locale={locale} error={readError} />;
  } else {
    main = (
      <Queue
        cases={cases}
        locale={locale}
        decided={decided}
        onOpen={(index) => go({ name: 'case', index })}
      />
    );
  }

  return (
    <div className="hb-app dlb-root" lang={locale}>
      <header className="hb-app__header">
        <h1>{t('app.title')}</h1>
        <p className="hb-note">{t('app.synthetic')}</p>
        <nav aria-label={t('nav.label')} className="hb-nav">
          <button
            type="button"
            className="hb-button hb-button--secondary"
            aria-current={view.name !== 'evaluator' ? 'page' : undefined}
            onClick={() => go({ name: 'queue' })}
          >
            {t('nav.queue')}
          </button>
          <button
            type="button"
            className="hb-button hb-button--secondary"
            aria-current={view.name === 'evaluator' ? 'page' : undefined}
            onClick={() => go({ name: 'evaluator' })}
          >
            {t('nav.evaluator')}
          </button>
          <label className="hb-lang">
            {t('app.language')}{' '}
            <select value={locale} onChange={(e) => setLocale(e.target.value === 'en' ? 'en' : 'de')}>
              <option value="de">Deutsch</option>
              <option value="en">English</option>
            </select>
          </label>
        </nav>
        <p className="hb-note">
          {collectorUrl ? translate(locale, 'log.collector', { url: collectorUrl }) : t('log.local')}
        </p>
      </header>
      <main>{main}</main>
    </div>
  );
}
