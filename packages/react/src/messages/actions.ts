/* Messages of the actions family. Keys are 'actions.*'; German and English must have the same keys. */
export const en = {
  'actions.title': 'Final decision',
  'actions.accept': 'Accept the recommendation: {option}',
  'actions.modify': 'Modify the recommendation',
  'actions.modifyTo': 'Modify the recommendation: {option}',
  'actions.modify.legend': 'Another option from the AI’s list',
  'actions.override': 'Override the recommendation',
  'actions.overrideTo': 'Override the recommendation: {option}',
  'actions.override.legend': 'Your final decision instead',
  'actions.override.freeText': 'An option that is not on the AI’s list',
  'actions.record': 'Record my final decision',
  'actions.record.legend': 'Your final decision',
  'actions.record.amount': 'Your final amount',
  'actions.record.amountWithUnit': 'Your final amount ({unit})',
  'actions.withoutAi': 'Decide without the AI',
  'actions.amount.label': 'Your amount',
  'actions.amount.labelWithUnit': 'Your amount ({unit})',
  'actions.amount.example': 'Enter the amount in digits, with a point before any decimals.',
  'actions.amount.inside': 'Inside the AI’s {level} interval ({range}): recorded as a modification.',
  'actions.amount.outside': 'Outside the AI’s {level} interval ({range}): recorded as an override.',
  'actions.amount.range': 'Between {min} and {max}.',
  'actions.amount.min': 'At least {min}.',
  'actions.amount.max': 'At most {max}.',
  'actions.reason.tooEarly': 'Take at least {min} for your own assessment — {left} left.',
  'actions.reason.pending':
    'You can record your final decision once the AI’s recommendation has been shown — or decide without the AI.',
  'actions.reason.resolutionRequired':
    'First choose above how you want to resolve the disagreement with the AI.',
  'actions.reason.followAi':
    'You chose above to follow the AI’s recommendation. To decide otherwise, change that choice.',
  'actions.reason.keepMine':
    'You chose above to keep your own assessment ({option}). To decide otherwise, change that choice.',
  'actions.reason.other':
    'You chose above to decide on something else. To decide otherwise, change that choice.',
  'actions.reason.alreadyRevealed':
    'The AI’s recommendation has already been shown, so you can no longer decide without it. To disagree, modify or override it.',
  'actions.reason.unavailable': 'Not possible in this decision at the moment.',
  'actions.reason.aiPending': 'The AI’s recommendation is still being computed.',
  'actions.reason.aiUnavailable': 'There is no usable AI recommendation for this case.',
  'actions.reason.judgementRequired': 'Record your own assessment first.',
  'actions.reason.noOptions':
    'There is nothing to choose from: the procedure has not provided the options for this decision. Please tell the team responsible for this procedure.',
  'actions.reason.noOtherOption': 'There is no other option left to choose here.',
  'actions.time.over': 'Your own assessment time is over. You can now record your final decision.',
  'actions.own.chosen': 'You are deciding without the AI. Its recommendation will not be shown.',
  'actions.own.noAiArm': 'This decision is made without the AI.',
  'actions.own.noRecommendation': 'There is no usable AI recommendation for this case; decide on your own.',
  'actions.own.aiStopped': 'The AI has been stopped; decide on your own.',
  'actions.own.invalidRecommendation':
    'The AI’s recommendation for this case did not pass the checks and is not shown; decide on your own.',
  'actions.own.recommendationFailed':
    'The AI’s recommendation could not be computed for this case; decide on your own.',
  'actions.own.recommendationTimeout': 'The AI’s recommendation did not arrive in time; decide on your own.',
  'actions.own.notRequested': 'You are deciding without having asked for the AI’s recommendation.',
  'actions.note.awaitingAi':
    'The AI’s recommendation is still being computed. You can record your final decision once it has been shown — or decide without the AI.',
  'actions.note.awaitingAiOwn':
    'The AI’s recommendation is still being computed. You can look at it once it is ready, or record your final decision without it.',
  'actions.error.choose': 'Choose the option you decide on.',
  'actions.error.freeText': 'Name the option you decide on.',
  'actions.error.amountMissing': 'Enter your amount.',
  'actions.error.amountInvalid':
    'This is not a number. Enter the amount in digits, with a point before any decimals.',
  'actions.error.sameAsAi': 'This is the AI’s recommendation. To follow it, accept the recommendation.',
  'actions.error.amountRange': 'This amount lies outside what this procedure allows.',
  'actions.error.final': 'This final decision does not fit the options of the case. Please check it.',
  'actions.error.refused': 'The decision could not be recorded. Please check your entries.',
  'actions.result.accepted': 'Final decision recorded: {final}. You accepted the AI’s recommendation.',
  'actions.result.modified': 'Final decision recorded: {final}. You modified the AI’s recommendation.',
  'actions.result.overridden': 'Final decision recorded: {final}. You overrode the AI’s recommendation.',
  'actions.result.without-ai': 'Final decision recorded: {final}. You decided without the AI.',
  'actions.result.time': 'Recorded {time}',
  'actions.ended': 'This decision was closed without a final decision.',
};

export const de: typeof en = {
  'actions.title': 'Abschließende Entscheidung',
  'actions.accept': 'Empfehlung übernehmen: {option}',
  'actions.modify': 'Empfehlung anpassen',
  'actions.modifyTo': 'Empfehlung anpassen: {option}',
  'actions.modify.legend': 'Eine andere Option aus der Liste der KI',
  'actions.override': 'Abweichend entscheiden',
  'actions.overrideTo': 'Abweichend entscheiden: {option}',
  'actions.override.legend': 'Ihre Entscheidung stattdessen',
  'actions.override.freeText': 'Eine Option, die nicht auf der Liste der KI steht',
  'actions.record': 'Meine Entscheidung festhalten',
  'actions.record.legend': 'Ihre Entscheidung',
  'actions.record.amount': 'Ihr abschließender Betrag',
  'actions.record.amountWithUnit': 'Ihr abschließender Betrag ({unit})',
  'actions.withoutAi': 'Ohne KI entscheiden',
  'actions.amount.label': 'Ihr Betrag',
  'actions.amount.labelWithUnit': 'Ihr Betrag ({unit})',
  'actions.amount.example': 'Geben Sie den Betrag in Ziffern ein, Nachkommastellen nach einem Komma.',
  'actions.amount.inside':
    'Innerhalb des {level}-Intervalls der KI ({range}): wird als Anpassung festgehalten.',
  'actions.amount.outside':
    'Außerhalb des {level}-Intervalls der KI ({range}): wird als Abweichung festgehalten.',
  'actions.amount.range': 'Zwischen {min} und {max}.',
  'actions.amount.min': 'Mindestens {min}.',
  'actions.amount.max': 'Höchstens {max}.',
  'actions.reason.tooEarly': 'Nehmen Sie sich mindestens {min} für Ihre eigene Einschätzung – noch {left}.',
  'actions.reason.pending':
    'Ihre Entscheidung können Sie festhalten, sobald die Empfehlung der KI angezeigt wurde – oder Sie entscheiden ohne KI.',
  'actions.reason.resolutionRequired':
    'Wählen Sie zuerst oben, wie Sie mit der abweichenden Einschätzung der KI umgehen möchten.',
  'actions.reason.followAi':
    'Sie haben oben gewählt, der Empfehlung der KI zu folgen. Um anders zu entscheiden, ändern Sie diese Wahl.',
  'actions.reason.keepMine':
    'Sie haben oben gewählt, bei Ihrer Einschätzung zu bleiben ({option}). Um anders zu entscheiden, ändern Sie diese Wahl.',
  'actions.reason.other':
    'Sie haben oben gewählt, etwas anderes zu entscheiden. Um anders zu entscheiden, ändern Sie diese Wahl.',
  'actions.reason.alreadyRevealed':
    'Die Empfehlung der KI wurde bereits angezeigt; ohne sie zu entscheiden ist daher nicht mehr möglich. Wenn Sie nicht zustimmen, passen Sie sie an oder entscheiden Sie abweichend.',
  'actions.reason.unavailable': 'In dieser Entscheidung derzeit nicht möglich.',
  'actions.reason.aiPending': 'Die Empfehlung der KI wird noch berechnet.',
  'actions.reason.aiUnavailable': 'Für diesen Fall gibt es keine verwendbare Empfehlung der KI.',
  'actions.reason.judgementRequired': 'Halten Sie zuerst Ihre eigene Einschätzung fest.',
  'actions.reason.noOptions':
    'Es gibt nichts zur Auswahl: Das Verfahren hat für diese Entscheidung keine Optionen hinterlegt. Bitte informieren Sie die für das Verfahren zuständige Stelle.',
  'actions.reason.noOtherOption': 'Hier ist keine andere Option mehr wählbar.',
  'actions.time.over':
    'Ihre Zeit für die eigene Einschätzung ist um. Sie können Ihre Entscheidung jetzt festhalten.',
  'actions.own.chosen': 'Sie entscheiden ohne KI. Deren Empfehlung wird nicht angezeigt.',
  'actions.own.noAiArm': 'Diese Entscheidung wird ohne KI getroffen.',
  'actions.own.noRecommendation':
    'Für diesen Fall gibt es keine verwendbare Empfehlung der KI; entscheiden Sie selbst.',
  'actions.own.aiStopped': 'Die KI wurde angehalten; entscheiden Sie selbst.',
  'actions.own.invalidRecommendation':
    'Die Empfehlung der KI für diesen Fall hat die Prüfung nicht bestanden und wird nicht angezeigt; entscheiden Sie selbst.',
  'actions.own.recommendationFailed':
    'Die Empfehlung der KI konnte für diesen Fall nicht berechnet werden; entscheiden Sie selbst.',
  'actions.own.recommendationTimeout': 'Die Empfehlung der KI kam nicht rechtzeitig; entscheiden Sie selbst.',
  'actions.own.notRequested': 'Sie entscheiden, ohne die Empfehlung der KI angefordert zu haben.',
  'actions.note.awaitingAi':
    'Die Empfehlung der KI wird noch berechnet. Ihre Entscheidung können Sie festhalten, sobald sie angezeigt wurde – oder Sie entscheiden ohne KI.',
  'actions.note.awaitingAiOwn':
    'Die Empfehlung der KI wird noch berechnet. Sie können sie ansehen, sobald sie vorliegt, oder Ihre Entscheidung ohne sie festhalten.',
  'actions.error.choose': 'Wählen Sie die Option, für die Sie sich entscheiden.',
  'actions.error.freeText': 'Nennen Sie die Option, für die Sie sich entscheiden.',
  'actions.error.amountMissing': 'Geben Sie Ihren Betrag ein.',
  'actions.error.amountInvalid':
    'Das ist keine Zahl. Geben Sie den Betrag in Ziffern ein, Nachkommastellen nach einem Komma.',
  'actions.error.sameAsAi': 'Das ist die Empfehlung der KI. Um ihr zu folgen, übernehmen Sie die Empfehlung.',
  'actions.error.amountRange': 'Dieser Betrag liegt außerhalb dessen, was dieses Verfahren zulässt.',
  'actions.error.final': 'Diese Entscheidung passt nicht zu den Optionen des Falls. Bitte prüfen Sie sie.',
  'actions.error.refused':
    'Die Entscheidung konnte nicht festgehalten werden. Bitte prüfen Sie Ihre Angaben.',
  'actions.result.accepted':
    'Entscheidung festgehalten: {final}. Sie haben die Empfehlung der KI übernommen.',
  'actions.result.modified': 'Entscheidung festgehalten: {final}. Sie haben die Empfehlung der KI angepasst.',
  'actions.result.overridden':
    'Entscheidung festgehalten: {final}. Sie haben abweichend von der KI entschieden.',
  'actions.result.without-ai': 'Entscheidung festgehalten: {final}. Sie haben ohne KI entschieden.',
  'actions.result.time': 'Festgehalten {time}',
  'actions.ended': 'Diese Entscheidung wurde ohne abschließende Entscheidung beendet.',
};
