/* The judgement family in German, typed against the English keys (a type-only import: no English is bundled). */
import type { judgement as en } from '../en/judgement.ts';

export const judgement: typeof en = {
  'judgement.legend': 'Ihre eigene Einschätzung',
  'judgement.description':
    'Entscheiden Sie den Fall zuerst selbst, bevor Sie die Empfehlung der KI sehen. Ihre Einschätzung wird festgehalten und kann danach nicht mehr geändert werden.',
  'judgement.time.running': 'Nehmen Sie sich mindestens {min} für Ihre eigene Einschätzung – noch {left}.',
  'judgement.time.done': 'Sie haben sich mindestens {min} für Ihre eigene Einschätzung genommen.',
  'judgement.amount.label': 'Ihr Betrag',
  'judgement.amount.labelWithUnit': 'Ihr Betrag ({unit})',
  'judgement.amount.hint': 'Geben Sie den Betrag in Ziffern ein, Nachkommastellen nach einem Komma.',
  'judgement.amount.range': 'Zulässig: {min} bis {max}.',
  'judgement.amount.min': 'Zulässig: mindestens {min}.',
  'judgement.amount.max': 'Zulässig: höchstens {max}.',
  'judgement.amount.step': 'In Schritten von {step}.',
  'judgement.confidence.legend': 'Wie sicher sind Sie? (freiwillig)',
  'judgement.confidence.none': 'Keine Angabe',
  'judgement.confidence.very-unsure': 'Sehr unsicher',
  'judgement.confidence.rather-unsure': 'Eher unsicher',
  'judgement.confidence.undecided': 'Unentschieden',
  'judgement.confidence.rather-sure': 'Eher sicher',
  'judgement.confidence.very-sure': 'Sehr sicher',
  'judgement.rationale.label': 'Ihre Begründung (freiwillig)',
  'judgement.rationale.hint':
    'Wird mit Ihrer Einschätzung festgehalten. Notieren Sie nur, was der Fall erfordert.',
  'judgement.checklist.legend': 'Bitte bestätigen Sie, bevor Sie Ihre Einschätzung festhalten',
  'judgement.commit': 'Meine Einschätzung festhalten',
  'judgement.error.decision': 'Wählen Sie zuerst Ihre Einschätzung.',
  'judgement.error.amountMissing': 'Geben Sie zuerst Ihren Betrag ein.',
  'judgement.error.amountInvalid':
    'Das ist keine Zahl. Geben Sie den Betrag in Ziffern ein, Nachkommastellen nach einem Komma.',
  'judgement.error.amountRange': 'Geben Sie einen Betrag von {min} bis {max} ein.',
  'judgement.error.amountMin': 'Geben Sie einen Betrag von mindestens {min} ein.',
  'judgement.error.amountMax': 'Geben Sie einen Betrag von höchstens {max} ein.',
  'judgement.error.amountStep': 'Geben Sie den Betrag in Schritten von {step} ein.',
  'judgement.error.checklist_one': 'Bestätigen Sie den noch offenen Prüfpunkt.',
  'judgement.error.checklist_other': 'Bestätigen Sie die {count} noch offenen Prüfpunkte.',
  'judgement.error.locked': 'Ihre Einschätzung kann nicht mehr festgehalten oder geändert werden.',
  'judgement.error.refused':
    'Ihre Einschätzung konnte nicht festgehalten werden. Bitte prüfen Sie Ihre Angaben.',
  'judgement.committed.title': 'Ihre Einschätzung ist festgehalten',
  'judgement.committed.decision': 'Ihre Einschätzung',
  'judgement.committed.confidence': 'Wie sicher Sie waren',
  'judgement.committed.rationale': 'Ihre Begründung',
  'judgement.committed.checklist': 'Bestätigt',
  'judgement.committed.stamp': 'Festgehalten {time} · {commitment}',
  'judgement.notStated': 'Keine Angabe',
  'judgement.locked':
    'Die Empfehlung der KI wurde bereits angezeigt; eine unabhängige Einschätzung kann daher nicht mehr festgehalten werden.',
  'judgement.ended':
    'Diese Entscheidung ist abgeschlossen; eine unabhängige Einschätzung wurde nicht festgehalten.',
  'judgement.unavailable':
    'Das Verfahren hat für diese Entscheidung keine Optionen vorgegeben; eine unabhängige Einschätzung kann hier daher nicht festgehalten werden.',
  'judgement.awaitingOptions':
    'Das Verfahren hat für diese Entscheidung keine Optionen vorgegeben; sie werden aus der KI-Empfehlung übernommen, sobald diese vorliegt. Bis dahin kann keine unabhängige Einschätzung festgehalten werden.',
  'judgement.skipped':
    'Sie entscheiden ohne die KI; eine Einschätzung vorab ist daher nicht nötig. Halten Sie Ihre Entscheidung im letzten Schritt fest.',
};
