/* The actions family in German, typed against the English keys (a type-only import: no English is bundled). */
import type { actions as en } from '../en/actions.ts';

export const actions: typeof en = {
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
