export const en = {
  'common.error.title': 'This part of the decision screen could not be shown',
  'common.error.body': 'You can still decide the case yourself. The problem has been recorded.',
  'common.error.details': 'Technical details',
  // After model text cut to its display cap; numbers through Intl.
  'common.text.shortened': 'Text shortened: {shown} of {total} characters shown',
  // Announced (DecisionAiStatus) when a pending recommendation settles; never its content.
  'common.ai.ready': 'The AI recommendation is ready.',
  'common.ai.unavailable': 'The AI recommendation is not available. You decide without it.',
  'common.ai.timeout': 'The AI recommendation did not arrive in time. You decide without it.',
  'common.ai.invalid': 'The AI recommendation could not be used. You decide without it.',
};

export const de: typeof en = {
  'common.error.title': 'Dieser Teil der Entscheidungsmaske konnte nicht angezeigt werden',
  'common.error.body': 'Sie können den Fall trotzdem selbst entscheiden. Das Problem wurde protokolliert.',
  'common.error.details': 'Technische Details',
  'common.text.shortened': 'Text gekürzt: {shown} von {total} Zeichen angezeigt',
  'common.ai.ready': 'Die KI-Empfehlung liegt vor.',
  'common.ai.unavailable': 'Die KI-Empfehlung ist nicht verfügbar. Sie entscheiden ohne sie.',
  'common.ai.timeout': 'Die KI-Empfehlung kam nicht rechtzeitig. Sie entscheiden ohne sie.',
  'common.ai.invalid': 'Die KI-Empfehlung ist nicht verwendbar. Sie entscheiden ohne sie.',
};
