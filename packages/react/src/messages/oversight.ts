/* Messages of the oversight family. Keys are 'oversight.*'; German and English must have the same keys. */
export const en = {
  'oversight.label': 'Human oversight of the AI',

  // AI Act Art. 14(4)(d)
  'oversight.withoutAi': 'Decide without AI',
  'oversight.withoutAi.hint': 'The AI’s recommendation is then not shown for this decision.',
  'oversight.withoutAi.done': 'You are now deciding without the AI. Its recommendation is not shown.',

  // AI Act Art. 14(4)(e)
  'oversight.stop': 'Stop the AI for this procedure',
  'oversight.stop.hint': 'Use this if the AI seems to be working wrongly. You will be asked for a reason.',
  'oversight.stop.title': 'Stop the AI for this procedure?',
  'oversight.stop.description':
    'Its recommendations will no longer be shown in this procedure, and you decide without them. The stop and your reason are recorded.',
  'oversight.stop.reason': 'Reason (required)',
  'oversight.stop.reasonHint': 'For example: the recommendations repeatedly contradict the case files.',
  'oversight.stop.reasonRequired': 'Please give a reason for stopping the AI.',
  'oversight.stop.confirm': 'Stop the AI',
  'oversight.stop.cancel': 'Cancel',
  'oversight.stop.failed': 'The AI could not be stopped: {message}',
  'oversight.stop.done': 'The AI has been stopped for this procedure. You decide without it.',

  // Why an action is not available, by protocol error code and state.
  'oversight.disabled.withoutAi': 'You are already deciding without the AI.',
  'oversight.disabled.noAiArm': 'This decision belongs to a comparison group that works without AI.',
  'oversight.disabled.noRecommendation': 'There is no usable AI recommendation for this decision.',
  'oversight.disabled.stopped': 'The AI has been stopped; you are deciding without it.',
  'oversight.disabled.alreadyStopped': 'The AI has already been stopped.',
  'oversight.disabled.revealed':
    'The AI’s recommendation has already been shown. To disagree with it, record a final decision that differs from it.',
  'oversight.disabled.ended': 'The decision has been completed.',

  // AI Act Art. 14(4)(b): automation bias (docs/research.md §1).
  'oversight.notice.toggle': 'About relying on AI',
  'oversight.notice.heading': 'Before you rely on the AI',
  'oversight.notice.bias':
    'People tend to follow an AI’s advice even when it is wrong, more so under time pressure and with many cases. This is called automation bias, and it affects experienced staff too.',
  'oversight.notice.evidence':
    'Check the recommendation against the evidence in the case file, and look for what speaks against it.',
  'oversight.notice.accountable':
    'You decide, and you are accountable for the decision. You can disregard the AI, decide without it, or stop it.',
  'oversight.notice.dismiss': 'Understood',
};

export const de: typeof en = {
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
