/* The recommendation family in German, typed against the English keys (a type-only import: no English is bundled). */
import type { recommendation as en } from '../en/recommendation.ts';

export const recommendation: typeof en = {
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
