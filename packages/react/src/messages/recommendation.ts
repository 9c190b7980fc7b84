/* Messages of the recommendation family. Keys are 'recommendation.*'; German and English must have the same keys. */
export const en = {
  'recommendation.heading': 'AI recommendation',
  'recommendation.heading.information': 'Information from the AI system',
  'recommendation.heading.invalid': 'The AI recommendation cannot be shown',
  'recommendation.heading.unavailable': 'AI recommendation not shown',

  // Before the reveal: say why it is hidden, never that "the system is thinking" (docs/research.md §2).
  'recommendation.hidden.afterJudgement':
    'Record your own assessment first; then the AI’s recommendation is shown.',
  'recommendation.hidden.immediate': 'The AI’s recommendation is shown here.',
  'recommendation.available':
    'The AI’s recommendation is shown only when you ask for it. Forming your own view first helps you judge it.',
  'recommendation.reveal': 'Show AI recommendation',

  'recommendation.recommended': 'Recommended:',
  'recommendation.leaning': 'The system leans towards:',
  'recommendation.estimate': 'Estimate:',
  'recommendation.estimate.leaning': 'The system’s estimate:',
  'recommendation.caution.low':
    'The system is uncertain; treat this as one piece of information, not as a recommendation.',
  'recommendation.caution.none':
    'The system gives no confidence; treat this as one piece of information, not as a recommendation.',

  'recommendation.model.label': 'AI system',
  'recommendation.model.named': '{name} ({id}), version {version}',
  'recommendation.model.unnamed': '{id}, version {version}',
  'recommendation.model.unknown': 'not stated',
  'recommendation.calibration.label': 'Calibration',
  'recommendation.calibration.checkedOn': 'checked on {date}',
  'recommendation.calibration.checked': 'checked (date not stated)',
  'recommendation.calibration.dataset': '{text}; data: {dataset}',
  'recommendation.calibration.no': 'not calibrated',

  'recommendation.announce': 'The AI recommendation is now shown: {option}. {confidence}.',
  'recommendation.announce.information':
    'Information from the AI system is now shown: {option}. {confidence}.',

  'recommendation.unavailable.noAiArm':
    'This decision belongs to a comparison group that works without AI, so no AI recommendation is shown. Please decide on the basis of the case file.',
  'recommendation.unavailable.noRecommendation':
    'There is no AI recommendation for this case. Please decide on the basis of the case file.',
  'recommendation.unavailable.chosen':
    'You chose to decide without the AI, so its recommendation is not shown.',
  'recommendation.unavailable.stopped.procedure':
    'The AI has been stopped for this procedure, so its recommendation is no longer shown. Reason given: {reason}',
  'recommendation.unavailable.stopped.decision':
    'The AI has been stopped for this decision, so its recommendation is no longer shown. Reason given: {reason}',
  'recommendation.unavailable.ended': 'The decision was completed without the AI recommendation.',
  'recommendation.unavailable.failed':
    'The AI recommendation could not be computed for this case. Please decide on the basis of the case file.',
  'recommendation.unavailable.timeout':
    'The AI recommendation did not arrive in time. Please decide on the basis of the case file.',

  'recommendation.invalid.body':
    'The AI system sent a recommendation with errors, so none of it is shown. These problems were found:',
  'recommendation.invalid.decide':
    'Please decide the case yourself on the basis of the case file; your decision is recorded as made without AI. The problem has been recorded.',
  'recommendation.invalid.details': 'Details for technical staff',
  'recommendation.invalid.where': 'Where',
  'recommendation.invalid.code': 'Problem code',

  // One plain-language sentence per RecommendationIssueCode (@deliberate/core).
  'recommendation.issue.invalid_type': 'A value has the wrong type.',
  'recommendation.issue.missing': 'Required information is missing.',
  'recommendation.issue.not_finite': 'A number is not valid (for example the result of a division by zero).',
  'recommendation.issue.out_of_range': 'A value lies outside its allowed range.',
  'recommendation.issue.empty_options': 'There are no options to decide between.',
  'recommendation.issue.duplicate_id': 'Two options have the same identifier.',
  'recommendation.issue.unknown_option': 'It refers to an option that does not exist.',
  'recommendation.issue.probabilities_incomplete': 'Only some of the options have a probability.',
  'recommendation.issue.probabilities_sum': 'The probabilities of the options do not add up correctly.',
  'recommendation.issue.confidence_mismatch':
    'The stated confidence does not match the probability of the recommended option.',
  'recommendation.issue.binary_option_count': 'A yes/no recommendation needs exactly two options.',
  'recommendation.issue.interval_inverted': 'A range has its lower end above its upper end.',
  'recommendation.issue.interval_excludes_value': 'The estimate lies outside its own range.',
  'recommendation.issue.factors_sum': 'The factors of the explanation do not add up to the prediction.',
  'recommendation.issue.invalid_value': 'A value is not allowed.',
  'recommendation.issue.unrecognized_key': 'The recommendation contains fields that are not known.',
  'recommendation.issue.internal': 'The recommendation could not be read.',
};

export const de: typeof en = {
  'recommendation.heading': 'KI-Empfehlung',
  'recommendation.heading.information': 'Information des KI-Systems',
  'recommendation.heading.invalid': 'Die KI-Empfehlung kann nicht angezeigt werden',
  'recommendation.heading.unavailable': 'KI-Empfehlung wird nicht angezeigt',

  'recommendation.hidden.afterJudgement':
    'Halten Sie zuerst Ihre eigene Einschätzung fest; danach wird die Empfehlung der KI angezeigt.',
  'recommendation.hidden.immediate': 'Die Empfehlung der KI wird hier angezeigt.',
  'recommendation.available':
    'Die Empfehlung der KI wird nur auf Ihren Wunsch angezeigt. Wenn Sie sich vorher selbst ein Bild machen, können Sie sie besser beurteilen.',
  'recommendation.reveal': 'KI-Empfehlung anzeigen',

  'recommendation.recommended': 'Empfohlen:',
  'recommendation.leaning': 'Das System tendiert zu:',
  'recommendation.estimate': 'Schätzung:',
  'recommendation.estimate.leaning': 'Schätzung des Systems:',
  'recommendation.caution.low':
    'Das System ist unsicher. Betrachten Sie dies als eine Information unter mehreren, nicht als Empfehlung.',
  'recommendation.caution.none':
    'Das System gibt keine Sicherheit an. Betrachten Sie dies als eine Information unter mehreren, nicht als Empfehlung.',

  'recommendation.model.label': 'KI-System',
  'recommendation.model.named': '{name} ({id}), Version {version}',
  'recommendation.model.unnamed': '{id}, Version {version}',
  'recommendation.model.unknown': 'nicht angegeben',
  'recommendation.calibration.label': 'Kalibrierung',
  'recommendation.calibration.checkedOn': 'geprüft am {date}',
  'recommendation.calibration.checked': 'geprüft (Datum nicht angegeben)',
  'recommendation.calibration.dataset': '{text}; Daten: {dataset}',
  'recommendation.calibration.no': 'nicht kalibriert',

  'recommendation.announce': 'Die KI-Empfehlung wird jetzt angezeigt: {option}. {confidence}.',
  'recommendation.announce.information':
    'Eine Information des KI-Systems wird jetzt angezeigt: {option}. {confidence}.',

  'recommendation.unavailable.noAiArm':
    'Diese Entscheidung gehört zu einer Vergleichsgruppe ohne KI, daher wird keine KI-Empfehlung angezeigt. Bitte entscheiden Sie auf Grundlage der Akte.',
  'recommendation.unavailable.noRecommendation':
    'Für diesen Fall gibt es keine KI-Empfehlung. Bitte entscheiden Sie auf Grundlage der Akte.',
  'recommendation.unavailable.chosen':
    'Sie haben entschieden, ohne KI zu arbeiten; daher wird ihre Empfehlung nicht angezeigt.',
  'recommendation.unavailable.stopped.procedure':
    'Die KI wurde für dieses Verfahren gestoppt; ihre Empfehlung wird nicht mehr angezeigt. Angegebener Grund: {reason}',
  'recommendation.unavailable.stopped.decision':
    'Die KI wurde für diese Entscheidung gestoppt; ihre Empfehlung wird nicht mehr angezeigt. Angegebener Grund: {reason}',
  'recommendation.unavailable.ended': 'Die Entscheidung wurde ohne die KI-Empfehlung abgeschlossen.',
  'recommendation.unavailable.failed':
    'Die KI-Empfehlung konnte für diesen Fall nicht berechnet werden. Bitte entscheiden Sie anhand der Fallakte.',
  'recommendation.unavailable.timeout':
    'Die KI-Empfehlung lag nicht rechtzeitig vor. Bitte entscheiden Sie anhand der Fallakte.',

  'recommendation.invalid.body':
    'Das KI-System hat eine fehlerhafte Empfehlung geliefert; deshalb wird nichts davon angezeigt. Diese Probleme wurden gefunden:',
  'recommendation.invalid.decide':
    'Bitte entscheiden Sie den Fall selbst auf Grundlage der Akte; Ihre Entscheidung wird als Entscheidung ohne KI protokolliert. Das Problem wurde protokolliert.',
  'recommendation.invalid.details': 'Details für die technische Betreuung',
  'recommendation.invalid.where': 'Stelle',
  'recommendation.invalid.code': 'Fehlercode',

  'recommendation.issue.invalid_type': 'Ein Wert hat den falschen Typ.',
  'recommendation.issue.missing': 'Eine erforderliche Angabe fehlt.',
  'recommendation.issue.not_finite': 'Eine Zahl ist ungültig (etwa das Ergebnis einer Division durch null).',
  'recommendation.issue.out_of_range': 'Ein Wert liegt außerhalb des zulässigen Bereichs.',
  'recommendation.issue.empty_options': 'Es gibt keine Optionen, zwischen denen entschieden werden kann.',
  'recommendation.issue.duplicate_id': 'Zwei Optionen haben dieselbe Kennung.',
  'recommendation.issue.unknown_option': 'Sie verweist auf eine Option, die es nicht gibt.',
  'recommendation.issue.probabilities_incomplete': 'Nur ein Teil der Optionen hat eine Wahrscheinlichkeit.',
  'recommendation.issue.probabilities_sum':
    'Die Wahrscheinlichkeiten der Optionen addieren sich nicht korrekt.',
  'recommendation.issue.confidence_mismatch':
    'Die angegebene Sicherheit passt nicht zur Wahrscheinlichkeit der empfohlenen Option.',
  'recommendation.issue.binary_option_count': 'Eine Ja/Nein-Empfehlung braucht genau zwei Optionen.',
  'recommendation.issue.interval_inverted': 'Bei einem Bereich liegt die Untergrenze über der Obergrenze.',
  'recommendation.issue.interval_excludes_value': 'Der Schätzwert liegt außerhalb seines eigenen Bereichs.',
  'recommendation.issue.factors_sum':
    'Die Einflussfaktoren der Erklärung ergeben zusammen nicht die Vorhersage.',
  'recommendation.issue.invalid_value': 'Ein Wert ist nicht zulässig.',
  'recommendation.issue.unrecognized_key': 'Die Empfehlung enthält unbekannte Felder.',
  'recommendation.issue.internal': 'Die Empfehlung konnte nicht gelesen werden.',
};
