/* The common family in English. Keys are 'common.*'; `de/common.ts` has the same keys and placeholders (messages.test.ts). */
export const common = {
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
