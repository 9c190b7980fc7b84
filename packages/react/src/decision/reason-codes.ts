import type { ReasonInput } from '@deliberate/core';

/** The code system of Deliberate's default reasons (a URN, as CDS Hooks Codings use). */
export const DELIBERATE_REASON_SYSTEM = 'urn:deliberate:reason';

/**
 * Reasons offered when the host and the recommendation supply none. Each has German and English
 * labels; `other` needs a comment. Deployments should replace these with their procedure's own
 * codes (e.g. a CDS Hooks service's `overrideReasons`), so that reasons are comparable in analytics.
 */
export const defaultReasonCodes: ReasonInput[] = [
  {
    system: DELIBERATE_REASON_SYSTEM,
    code: 'verified-in-case-file',
    display: 'Checked against the case file',
    labels: { en: 'Checked against the case file', de: 'Mit der Akte abgeglichen' },
  },
  {
    system: DELIBERATE_REASON_SYSTEM,
    code: 'case-file-contradicts',
    display: 'The case file contradicts the recommendation',
    labels: {
      en: 'The case file contradicts the recommendation',
      de: 'Die Akte widerspricht der Empfehlung',
    },
  },
  {
    system: DELIBERATE_REASON_SYSTEM,
    code: 'information-missing',
    display: 'Information the AI did not have',
    labels: { en: 'Information the AI did not have', de: 'Informationen, die der KI fehlten' },
  },
  {
    system: DELIBERATE_REASON_SYSTEM,
    code: 'special-circumstances',
    display: 'Special circumstances of this case',
    labels: { en: 'Special circumstances of this case', de: 'Besondere Umstände des Einzelfalls' },
  },
  {
    system: DELIBERATE_REASON_SYSTEM,
    code: 'legal-requirement',
    display: 'Legal requirement or guideline',
    labels: { en: 'Legal requirement or guideline', de: 'Rechtliche Vorgabe oder Richtlinie' },
  },
  {
    system: DELIBERATE_REASON_SYSTEM,
    code: 'other',
    display: 'Other (please explain)',
    labels: { en: 'Other (please explain)', de: 'Sonstiges (bitte erläutern)' },
    requiresComment: true,
  },
];
