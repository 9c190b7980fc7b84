/* The common family in German, typed against the English keys (a type-only import: no English is bundled). */
import type { common as en } from '../en/common.ts';

export const common: typeof en = {
  'common.error.title': 'Dieser Teil der Entscheidungsmaske konnte nicht angezeigt werden',
  'common.error.body': 'Sie können den Fall trotzdem selbst entscheiden. Das Problem wurde protokolliert.',
  'common.error.details': 'Technische Details',
  'common.text.shortened': 'Text gekürzt: {shown} von {total} Zeichen angezeigt',
  'common.ai.ready': 'Die KI-Empfehlung liegt vor.',
  'common.ai.unavailable': 'Die KI-Empfehlung ist nicht verfügbar. Sie entscheiden ohne sie.',
  'common.ai.timeout': 'Die KI-Empfehlung kam nicht rechtzeitig. Sie entscheiden ohne sie.',
  'common.ai.invalid': 'Die KI-Empfehlung ist nicht verwendbar. Sie entscheiden ohne sie.',
};
