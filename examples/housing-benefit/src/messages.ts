/*
 * Every string of the example's own UI, in German (default) and English. The decision screen and
 * the dashboard bring their own translations; case documents stay German, as filed.
 */
import { fillTemplate } from '@deliberate/charts/messages';

const de = {
  'app.title': 'Wohngeld – Sachbearbeitung',
  'app.synthetic': 'Demonstration mit synthetischen Daten. Keine echten Personen, keine Rechtsberatung.',
  'app.language': 'Sprache',
  'nav.label': 'Bereiche',
  'nav.queue': 'Arbeitskorb',
  'nav.evaluator': 'Auswertung',
  'queue.title': 'Arbeitskorb: Wohngeldanträge',
  'queue.caption': 'Offene und entschiedene Anträge, {count} insgesamt',
  'queue.col.ref': 'Aktenzeichen',
  'queue.col.applicant': 'Antragsteller/in',
  'queue.col.household': 'Haushalt',
  'queue.col.benefit': 'Geschätzter Betrag',
  'queue.col.stakes': 'Tragweite',
  'queue.col.status': 'Status',
  'queue.col.action': 'Aktion',
  'queue.persons': '{n} Pers.',
  'queue.perMonth': '{amount} / Monat',
  'queue.open': 'Fall {ref} öffnen',
  'queue.status.open': 'offen',
  'queue.status.done': 'entschieden: {decision}',
  'queue.audit': 'Stichprobe',
  'queue.stakesRule':
    'Hohe Tragweite: das Einkommen laut Antrag liegt über der Einkommensgrenze oder der geschätzte Betrag bei {amount} oder mehr im Monat. Sonst Routine. Die Tragweite hängt nur von den Angaben im Antrag ab, nicht von der KI. Ein Teil der Fälle wird als Prüfstichprobe gezogen.',
  'stakes.high': 'hoch',
  'stakes.medium': 'Routine',
  'stakes.low': 'gering',
  'case.back': 'Zurück zum Arbeitskorb',
  'case.next': 'Nächster offener Fall',
  'case.file': 'Akte {ref}',
  'case.documents': 'Unterlagen',
  'case.page': 'Seite {n}',
  'case.missing': 'Fehlt in der Akte: {docs}',
  'case.facts': 'Eckdaten',
  'case.municipality': 'Wohnort',
  'case.household': 'Haushaltsgröße',
  'case.friction.high': 'Hohe Tragweite: erst eigene Einschätzung, dann KI-Vorschlag.',
  'case.friction.routine': 'Routinefall: KI-Vorschlag auf Anfrage.',
  'case.friction.audit': 'Prüfstichprobe: erst eigene Einschätzung, Begründung immer erforderlich.',
  'case.done': 'Entscheidung gespeichert.',
  'eval.title': 'Auswertung der Entscheidungen',
  'eval.intro':
    'Kennzahlen über die in diesem Browser aufgezeichneten Ereignisse (IndexedDB). Gruppen unter k werden unterdrückt.',
  'eval.events': '{events} Ereignisse, {decisions} abgeschlossene Entscheidungen',
  'eval.chain.ok': 'Hash-Kette intakt ({chains} Kette(n)).',
  'eval.chain.broken': 'Hash-Kette unterbrochen: {detail}',
  'eval.empty': 'Noch keine Entscheidungen aufgezeichnet.',
  'eval.loading': 'Ereignisse werden geladen …',
  'eval.error': 'Ereignisse konnten nicht gelesen werden: {message}',
  'log.collector': 'Ereignisse gehen zusätzlich an den Collector: {url}',
  'log.local': 'Ereignisse werden nur lokal (IndexedDB) gespeichert.',
} as const;

export type MessageKey = keyof typeof de;
export type AppLocale = 'de' | 'en';

const en: Record<MessageKey, string> = {
  'app.title': 'Housing benefit – casework',
  'app.synthetic': 'Demonstration with synthetic data. No real people, not legal advice.',
  'app.language': 'Language',
  'nav.label': 'Sections',
  'nav.queue': 'Queue',
  'nav.evaluator': 'Evaluation',
  'queue.title': 'Queue: housing-benefit applications',
  'queue.caption': 'Open and decided applications, {count} in total',
  'queue.col.ref': 'File reference',
  'queue.col.applicant': 'Applicant',
  'queue.col.household': 'Household',
  'queue.col.benefit': 'Estimated amount',
  'queue.col.stakes': 'Stakes',
  'queue.col.status': 'Status',
  'queue.col.action': 'Action',
  'queue.persons': '{n} persons',
  'queue.perMonth': '{amount} / month',
  'queue.open': 'Open case {ref}',
  'queue.status.open': 'open',
  'queue.status.done': 'decided: {decision}',
  'queue.audit': 'Audit sample',
  'queue.stakesRule':
    'High stakes: the income stated in the application is above the income limit, or the estimated amount is {amount} or more a month. Routine otherwise. The stakes depend only on the application, not on the AI. Some cases are drawn as audit samples.',
  'stakes.high': 'high',
  'stakes.medium': 'routine',
  'stakes.low': 'low',
  'case.back': 'Back to the queue',
  'case.next': 'Next open case',
  'case.file': 'Case file {ref}',
  'case.documents': 'Documents',
  'case.page': 'Page {n}',
  'case.missing': 'Missing from the file: {docs}',
  'case.facts': 'Key facts',
  'case.municipality': 'Place of residence',
  'case.household': 'Household size',
  'case.friction.high': 'High stakes: your own assessment first, then the AI suggestion.',
  'case.friction.routine': 'Routine case: the AI suggestion on request.',
  'case.friction.audit': 'Audit sample: your own assessment first, a reason is always required.',
  'case.done': 'Decision saved.',
  'eval.title': 'Evaluation of the decisions',
  'eval.intro':
    'Metrics over the events recorded in this browser (IndexedDB). Groups smaller than k are suppressed.',
  'eval.events': '{events} events, {decisions} finalized decisions',
  'eval.chain.ok': 'Hash chain intact ({chains} chain(s)).',
  'eval.chain.broken': 'Hash chain broken: {detail}',
  'eval.empty': 'No decisions recorded yet.',
  'eval.loading': 'Loading events …',
  'eval.error': 'Could not read the events: {message}',
  'log.collector': 'Events also go to the collector: {url}',
  'log.local': 'Events are stored locally only (IndexedDB).',
};

export const MESSAGES: Record<AppLocale, Record<MessageKey, string>> = { de, en };

/** Looks up a message and fills `{name}` placeholders. */
export function translate(
  locale: AppLocale,
  key: MessageKey,
  vars: Record<string, string | number> = {},
): string {
  return fillTemplate(MESSAGES[locale][key], vars);
}

export function formatEuro(value: number, locale: AppLocale): string {
  return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(value);
}
