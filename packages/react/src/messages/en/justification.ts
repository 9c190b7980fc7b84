/* The justification family in English. Keys are 'justification.*'; `de/justification.ts` has the same keys and placeholders (messages.test.ts). */
export const justification = {
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
