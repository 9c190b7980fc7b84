/* Messages of the justification family. Keys are 'justification.*'; German and English must have the same keys. */
export const en = {
  'justification.legend': 'Reasons for your decision',
  'justification.requirement.required': '(required)',
  'justification.requirement.if-deviating': '(required if you do not accept the AI’s recommendation)',
  'justification.requirement.optional': '(optional)',
  'justification.hint.required': 'Choose at least one reason. You are accountable for this decision.',
  'justification.hint.if-deviating':
    'If you modify or override the AI’s recommendation, choose at least one reason.',
  'justification.hint.optional': 'Reasons help others follow your decision later.',
  'justification.comment.label': 'Comment',
  'justification.comment.hint': 'Anything the reasons above do not cover.',
  'justification.comment.requiredFor': 'Needed for: {reasons}.',
  'justification.error.required': 'Choose at least one reason for your decision.',
  'justification.error.comment': 'Explain the reason “{reason}” in the comment.',
  'justification.recorded.reasons': 'Reasons',
  'justification.recorded.comment': 'Comment',
  'justification.recorded.none': 'None given',
};

export const de: typeof en = {
  'justification.legend': 'Gründe für Ihre Entscheidung',
  'justification.requirement.required': '(Pflichtangabe)',
  'justification.requirement.if-deviating':
    '(Pflichtangabe, wenn Sie die Empfehlung der KI nicht übernehmen)',
  'justification.requirement.optional': '(freiwillig)',
  'justification.hint.required': 'Wählen Sie mindestens einen Grund. Sie verantworten diese Entscheidung.',
  'justification.hint.if-deviating':
    'Wenn Sie die Empfehlung der KI anpassen oder abweichend entscheiden, wählen Sie mindestens einen Grund.',
  'justification.hint.optional': 'Gründe helfen anderen, Ihre Entscheidung später nachzuvollziehen.',
  'justification.comment.label': 'Kommentar',
  'justification.comment.hint': 'Alles, was die Gründe oben nicht abdecken.',
  'justification.comment.requiredFor': 'Erforderlich für: {reasons}.',
  'justification.error.required': 'Wählen Sie mindestens einen Grund für Ihre Entscheidung.',
  'justification.error.comment': 'Erläutern Sie den Grund „{reason}“ im Kommentar.',
  'justification.recorded.reasons': 'Gründe',
  'justification.recorded.comment': 'Kommentar',
  'justification.recorded.none': 'Keine angegeben',
};
