export const en = {
  'common.error.title': 'This part of the decision screen could not be shown',
  'common.error.body': 'You can still decide the case yourself. The problem has been recorded.',
  'common.error.details': 'Technical details',
  // After model text cut to its display cap; numbers through Intl.
  'common.text.shortened': 'Text shortened: {shown} of {total} characters shown',
};

export const de: typeof en = {
  'common.error.title': 'Dieser Teil der Entscheidungsmaske konnte nicht angezeigt werden',
  'common.error.body': 'Sie können den Fall trotzdem selbst entscheiden. Das Problem wurde protokolliert.',
  'common.error.details': 'Technische Details',
  'common.text.shortened': 'Text gekürzt: {shown} von {total} Zeichen angezeigt',
};
