/* Messages of the judgement family. Keys are 'judgement.*'; German and English must have the same keys. */
export const en = {
  'judgement.legend': 'Your own assessment',
  'judgement.description':
    'Decide the case yourself before you see the AI’s recommendation. Your assessment is recorded and cannot be changed afterwards.',
  'judgement.time.running': 'Take at least {min} for your own assessment — {left} left.',
  'judgement.time.done': 'You have taken at least {min} for your own assessment.',
  'judgement.amount.label': 'Your amount',
  'judgement.amount.labelWithUnit': 'Your amount ({unit})',
  'judgement.amount.hint': 'Enter the amount in digits, with a point before any decimals.',
  'judgement.confidence.legend': 'How sure are you? (optional)',
  'judgement.confidence.none': 'Not stated',
  'judgement.confidence.very-unsure': 'Very unsure',
  'judgement.confidence.rather-unsure': 'Rather unsure',
  'judgement.confidence.undecided': 'Undecided',
  'judgement.confidence.rather-sure': 'Rather sure',
  'judgement.confidence.very-sure': 'Very sure',
  'judgement.rationale.label': 'Your reasoning (optional)',
  'judgement.rationale.hint': 'Recorded together with your assessment. Note only what the case requires.',
  'judgement.checklist.legend': 'Confirm before you record your assessment',
  'judgement.commit': 'Record my assessment',
  'judgement.error.decision': 'Choose your assessment first.',
  'judgement.error.amountMissing': 'Enter your amount first.',
  'judgement.error.amountInvalid':
    'This is not a number. Enter the amount in digits, with a point before any decimals.',
  'judgement.error.checklist_one': 'Confirm the remaining checklist item.',
  'judgement.error.checklist_other': 'Confirm the {count} remaining checklist items.',
  'judgement.error.locked': 'Your assessment can no longer be recorded or changed.',
  'judgement.error.refused': 'Your assessment could not be recorded. Please check your entries.',
  'judgement.committed.title': 'Your assessment has been recorded',
  'judgement.committed.decision': 'Your assessment',
  'judgement.committed.confidence': 'How sure you were',
  'judgement.committed.rationale': 'Your reasoning',
  'judgement.committed.checklist': 'Confirmed',
  'judgement.committed.stamp': 'Recorded {time} · {commitment}',
  'judgement.notStated': 'Not stated',
  'judgement.locked':
    'The AI’s recommendation has already been shown, so an independent assessment can no longer be recorded.',
  'judgement.ended': 'This decision has ended; no independent assessment was recorded.',
  'judgement.unavailable':
    'The options of this decision are not available, so no independent assessment can be recorded here.',
};

export const de: typeof en = {
  'judgement.legend': 'Ihre eigene Einschätzung',
  'judgement.description':
    'Entscheiden Sie den Fall zuerst selbst, bevor Sie die Empfehlung der KI sehen. Ihre Einschätzung wird festgehalten und kann danach nicht mehr geändert werden.',
  'judgement.time.running': 'Nehmen Sie sich mindestens {min} für Ihre eigene Einschätzung – noch {left}.',
  'judgement.time.done': 'Sie haben sich mindestens {min} für Ihre eigene Einschätzung genommen.',
  'judgement.amount.label': 'Ihr Betrag',
  'judgement.amount.labelWithUnit': 'Ihr Betrag ({unit})',
  'judgement.amount.hint': 'Geben Sie den Betrag in Ziffern ein, Nachkommastellen nach einem Komma.',
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
    'Die Optionen dieser Entscheidung liegen nicht vor; eine unabhängige Einschätzung kann hier nicht festgehalten werden.',
};
