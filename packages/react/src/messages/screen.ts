/* Messages of the screen family (DecisionScreen). Keys are 'screen.*'; German and English must have the same keys. */
export const en = {
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
};

export const de: typeof en = {
  'screen.label': 'Entscheidung zum Fall {caseRef}',
  'screen.ownAssessment': 'Ihre Einschätzung',
  'screen.ai': 'Das KI-System',
  'screen.decision': 'Ihre Entscheidung',
  'screen.decidedBy':
    'Sie entscheiden. Die KI berät nur; die Verantwortung für die Entscheidung liegt bei Ihnen.',
  'screen.logError.title': 'Ihre Schritte konnten nicht protokolliert werden',
  'screen.logError.body':
    'Das Entscheidungsprotokoll ist unvollständig, bis die Protokollierung wieder funktioniert. Es ist nichts verloren gegangen; bitte versuchen Sie es erneut, bevor Sie fortfahren.',
  'screen.logError.retry': 'Protokollierung erneut versuchen',
  'screen.logError.detail': 'Fehler: {message}',
};
