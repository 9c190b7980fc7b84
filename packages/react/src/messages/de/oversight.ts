/* The oversight family in German, typed against the English keys (a type-only import: no English is bundled). */
import type { oversight as en } from '../en/oversight.ts';

export const oversight: typeof en = {
  'oversight.label': 'Menschliche Aufsicht über die KI',

  'oversight.withoutAi': 'Ohne KI entscheiden',
  'oversight.withoutAi.hint': 'Die Empfehlung der KI wird dann für diese Entscheidung nicht angezeigt.',
  'oversight.withoutAi.done': 'Sie entscheiden jetzt ohne KI. Ihre Empfehlung wird nicht angezeigt.',

  'oversight.stop': 'KI für dieses Verfahren stoppen',
  'oversight.stop.hint':
    'Nutzen Sie dies, wenn die KI offenbar fehlerhaft arbeitet. Sie werden nach einem Grund gefragt.',
  'oversight.stop.title': 'KI für dieses Verfahren stoppen?',
  'oversight.stop.description':
    'Ihre Empfehlungen werden in diesem Verfahren nicht mehr angezeigt, und Sie entscheiden ohne sie. Der Stopp und Ihr Grund werden protokolliert.',
  'oversight.stop.reason': 'Grund (erforderlich)',
  'oversight.stop.reasonHint': 'Zum Beispiel: Die Empfehlungen widersprechen wiederholt der Aktenlage.',
  'oversight.stop.reasonRequired': 'Bitte geben Sie einen Grund für das Stoppen der KI an.',
  'oversight.stop.confirm': 'KI stoppen',
  'oversight.stop.cancel': 'Abbrechen',
  'oversight.stop.failed': 'Die KI konnte nicht gestoppt werden: {message}',
  'oversight.stop.done': 'Die KI wurde für dieses Verfahren gestoppt. Sie entscheiden ohne sie.',

  'oversight.disabled.withoutAi': 'Sie entscheiden bereits ohne KI.',
  'oversight.disabled.noAiArm': 'Diese Entscheidung gehört zu einer Vergleichsgruppe ohne KI.',
  'oversight.disabled.noRecommendation': 'Für diese Entscheidung gibt es keine verwendbare KI-Empfehlung.',
  'oversight.disabled.stopped': 'Die KI wurde gestoppt; Sie entscheiden ohne sie.',
  'oversight.disabled.alreadyStopped': 'Die KI wurde bereits gestoppt.',
  'oversight.disabled.revealed':
    'Die Empfehlung der KI wurde bereits angezeigt. Wenn Sie anderer Meinung sind, halten Sie eine abweichende endgültige Entscheidung fest.',
  'oversight.disabled.ended': 'Die Entscheidung ist abgeschlossen.',

  'oversight.notice.toggle': 'Zum Umgang mit KI-Empfehlungen',
  'oversight.notice.heading': 'Bevor Sie sich auf die KI verlassen',
  'oversight.notice.bias':
    'Menschen folgen dem Rat einer KI oft auch dann, wenn er falsch ist – besonders unter Zeitdruck und bei vielen Fällen. Das nennt man Automatisierungsverzerrung (Automation Bias); sie betrifft auch erfahrene Fachkräfte.',
  'oversight.notice.evidence':
    'Prüfen Sie die Empfehlung an den Belegen in der Akte und suchen Sie gezielt nach dem, was dagegen spricht.',
  'oversight.notice.accountable':
    'Sie entscheiden und sind für die Entscheidung verantwortlich. Sie können die KI unbeachtet lassen, ohne sie entscheiden oder sie stoppen.',
  'oversight.notice.dismiss': 'Verstanden',
};
