/* The screen family (DecisionScreen) in German, typed against the English keys (a type-only import: no English is bundled). */
import type { screen as en } from '../en/screen.ts';

export const screen: typeof en = {
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
  'screen.explanation.loading': 'Die Erklärung wird geladen …',
};
