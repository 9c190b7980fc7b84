/* The justification family in German, typed against the English keys (a type-only import: no English is bundled). */
import type { justification as en } from '../en/justification.ts';

export const justification: typeof en = {
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
