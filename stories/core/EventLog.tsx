import { EVENT_SCHEMA_VERSION, type DeliberateEvent } from '@deliberate/core';
import { canonicalize, sha256Hex } from '@deliberate/core/events';
import type { LogInput } from '@deliberate/log';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import {
  STORY_PSEUDONYMS,
  STORYBOOK_OUTBOX,
  clearStoredEvents,
  readStoredEvents,
  storybookLog,
} from '../fixtures/storybook-log.ts';

type Locale = 'de' | 'en';

const messages = {
  en: {
    heading: 'What Storybook recorded',
    intro: `The events the stories logged in this browser, as the IndexedDB outbox “${STORYBOOK_OUTBOX}” holds them: hash-chained exactly as an application would send them to its collector. As in an application's page, actor and case are pseudonyms the procedure's backend hands the page: the page holds no key. Storybook has no collector, so nothing leaves the browser.`,
    loading: 'Reading the outbox …',
    unavailable: 'IndexedDB is not available here, so the stories record nothing.',
    failed: (message: string) => `The outbox could not be read: ${message}`,
    count: (n: number) => (n === 1 ? 'The outbox holds 1 event.' : `The outbox holds ${n} events.`),
    empty: 'Nothing recorded yet: work through a story with a decision, or log a sample decision.',
    newest: (shown: number) => `Showing the newest ${shown}.`,
    caption: 'Stored events, newest first',
    columns: ['Chain', 'Seq', 'Time (UTC)', 'Event', 'Decision', 'Actor (pseudonym)'],
    sample: 'Log a sample decision',
    clear: 'Clear the log',
  },
  de: {
    heading: 'Was Storybook aufgezeichnet hat',
    intro: `Die Ereignisse, die die Stories in diesem Browser protokolliert haben, so wie sie im IndexedDB-Postausgang „${STORYBOOK_OUTBOX}“ liegen: pseudonymisiert (Person und Fall) und als Hash-Kette verknüpft, genau wie eine Anwendung sie an ihren Collector schicken würde. Storybook hat keinen Collector, nichts verlässt den Browser.`,
    loading: 'Der Postausgang wird gelesen …',
    unavailable: 'IndexedDB ist hier nicht verfügbar, die Stories zeichnen nichts auf.',
    failed: (message: string) => `Der Postausgang konnte nicht gelesen werden: ${message}`,
    count: (n: number) =>
      n === 1 ? 'Der Postausgang enthält 1 Ereignis.' : `Der Postausgang enthält ${n} Ereignisse.`,
    empty:
      'Noch nichts aufgezeichnet: Gehen Sie eine Story mit einer Entscheidung durch oder protokollieren Sie eine Beispielentscheidung.',
    newest: (shown: number) => `Angezeigt werden die neuesten ${shown}.`,
    caption: 'Gespeicherte Ereignisse, neueste zuerst',
    columns: ['Kette', 'Nr.', 'Zeit (UTC)', 'Ereignis', 'Entscheidung', 'Person (Pseudonym)'],
    sample: 'Beispielentscheidung protokollieren',
    clear: 'Protokoll leeren',
  },
} as const;

/** The decision id of the sample decision (its events are easy to find in the table). */
export const SAMPLE_DECISION = 'event-log-sample';

/** Three events of a sample decision, as the decision protocol would emit them. */
export function sampleDrafts(): LogInput[] {
  const base = {
    schema: EVENT_SCHEMA_VERSION as typeof EVENT_SCHEMA_VERSION,
    decisionId: SAMPLE_DECISION,
    procedure: 'housing-benefit.eligibility',
    caseRef: STORY_PSEUDONYMS.sampleCaseRef,
    actor: { id: STORY_PSEUDONYMS.sampleActor, role: 'caseworker' },
    model: { id: 'eligibility-model', version: '2.1.0' },
  };
  const judgement = { label: 'eligible', confidence: 0.7 };
  return [
    {
      ...base,
      type: 'decision.opened',
      data: {
        policy: {
          id: 'deliberate.default',
          version: '1',
          reveal: 'after-judgement',
          justification: 'override',
          minOwnTimeMs: 0,
          arm: 'ai',
          audit: false,
        },
        stakes: 'high',
      },
    },
    {
      ...base,
      type: 'judgement.committed',
      data: {
        judgement,
        commitment: sha256Hex(canonicalize({ decisionId: SAMPLE_DECISION, judgement })),
      },
    },
    {
      ...base,
      type: 'recommendation.revealed',
      data: {
        recommendation: { label: 'not-eligible', confidence: 0.82 },
        display: { format: 'verbal', text: 'high' },
        requested: false,
      },
    },
  ];
}

type View =
  | { kind: 'loading' }
  | { kind: 'unavailable' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; events: DeliberateEvent[] };

/**
 * Lists what the Storybook outbox (`deliberate-storybook` in IndexedDB) holds, newest first, and
 * updates when the stories log more. "Clear the log" empties it.
 */
export function EventLog({ locale = 'de', limit = 200 }: { locale?: Locale; limit?: number }) {
  const t = messages[locale];
  const headingId = useId();
  const [view, setView] = useState<View>(() =>
    storybookLog() ? { kind: 'loading' } : { kind: 'unavailable' },
  );
  const mounted = useRef(true);
  const reading = useRef<Promise<void> | null>(null);
  const again = useRef(false);

  // One read at a time; changes during a read cause one more read after it.
  const refresh = useCallback(async () => {
    if (reading.current) {
      again.current = true;
      return reading.current;
    }
    reading.current = (async () => {
      do {
        again.current = false;
        try {
          const events = await readStoredEvents();
          if (mounted.current) setView({ kind: 'ready', events });
        } catch (error) {
          if (mounted.current)
            setView({ kind: 'failed', message: (error as Error).message ?? String(error) });
        }
      } while (again.current);
    })();
    try {
      await reading.current;
    } finally {
      reading.current = null;
    }
  }, []);

  useEffect(() => {
    mounted.current = true;
    const log = storybookLog();
    if (!log) return undefined;
    void refresh();
    const off = log.outbox.status.subscribe(() => void refresh());
    return () => {
      mounted.current = false;
      off();
    };
  }, [refresh]);

  const logSample = async () => {
    await storybookLog()?.logger.log(sampleDrafts());
    await refresh();
  };
  const clear = async () => {
    await clearStoredEvents();
    await refresh();
  };

  const events = view.kind === 'ready' ? view.events : [];
  const shown = events.slice(-limit).reverse();
  const available = view.kind !== 'unavailable';

  return (
    <section className="event-log" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.heading}</h2>
      <p>{t.intro}</p>
      <p role="status">
        {view.kind === 'loading'
          ? t.loading
          : view.kind === 'unavailable'
            ? t.unavailable
            : view.kind === 'failed'
              ? t.failed(view.message)
              : events.length === 0
                ? t.empty
                : `${t.count(events.length)}${events.length > shown.length ? ` ${t.newest(shown.length)}` : ''}`}
      </p>
      <div className="event-log-actions">
        <button type="button" onClick={() => void logSample()} disabled={!available}>
          {t.sample}
        </button>
        <button type="button" onClick={() => void clear()} disabled={!available}>
          {t.clear}
        </button>
      </div>
      {shown.length > 0 ? (
        <table className="event-log-table">
          <caption>{t.caption}</caption>
          <thead>
            <tr>
              {t.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((event) => (
              <tr key={event.id}>
                <td>
                  <code title={event.chain}>{event.chain.slice(-8)}</code>
                </td>
                <td>{event.seq}</td>
                <td>{event.ts.replace('T', ' ').replace('Z', '')}</td>
                <td>
                  <code>{event.type}</code>
                </td>
                <td>{event.decisionId}</td>
                <td>
                  <code>{event.actor.id}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
