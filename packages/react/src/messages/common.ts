export const en = {
  'common.error.title': 'This part of the decision screen could not be shown',
  'common.error.body': 'You can still decide the case yourself. The problem has been recorded.',
  'common.error.details': 'Technical details',
};

export const de: typeof en = {
  'common.error.title': 'Dieser Teil der Entscheidungsmaske konnte nicht angezeigt werden',
  'common.error.body': 'Sie können den Fall trotzdem selbst entscheiden. Das Problem wurde protokolliert.',
  'common.error.details': 'Technische Details',
};
