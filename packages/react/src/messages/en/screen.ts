/* The screen family (DecisionScreen) in English. Keys are 'screen.*'; `de/screen.ts` has the same keys and placeholders (messages.test.ts). */
export const screen = {
  'screen.label': 'Decision about case {caseRef}',
  'screen.ownAssessment': 'Your assessment',
  'screen.ai': 'The AI system',
  'screen.decision': 'Your decision',
  'screen.decidedBy': 'You decide. The AI only advises; you are accountable for the decision.',
  'screen.logError.title': 'Your steps could not be recorded',
  'screen.logError.body':
    'The decision record is incomplete until recording works again. Nothing has been lost; please retry before you continue.',
  'screen.logError.retry': 'Retry recording',
  'screen.logError.detail': 'Error: {message}',
  // While the explanation's code loads after the reveal (DecisionScreen loads it lazily).
  'screen.explanation.loading': 'Loading the explanation…',
};
