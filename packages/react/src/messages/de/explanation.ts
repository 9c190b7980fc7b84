/* The explanation family in German, typed against the English keys (a type-only import: no English is bundled). */
import type { explanation as en } from '../en/explanation.ts';

export const explanation: typeof en = {
  'explanation.title': 'Empfehlung überprüfen',
  'explanation.intro':
    'Beginnen Sie mit den Belegen und vergleichen Sie sie mit der Akte. Eine Erklärung kann auch eine falsche Empfehlung überzeugend wirken lassen.',
  'explanation.unavailable.before-reveal':
    'Die Erklärung der KI-Empfehlung steht zur Verfügung, sobald die Empfehlung angezeigt wird.',
  'explanation.unavailable.ai-unavailable':
    'Es gibt keine Erklärung: Die KI-Empfehlung wird in dieser Entscheidung nicht verwendet.',
  'explanation.unavailable.not-provided': 'Das KI-System hat zu dieser Empfehlung keine Erklärung geliefert.',

  'explanation.panel.evidence': 'Belege aus Akte und Recht',
  'explanation.panel.counterfactuals': 'Was die Empfehlung ändern würde',
  'explanation.panel.similar-cases': 'Ähnliche Fälle',
  'explanation.panel.factors': 'Faktoren in der Berechnung des Modells',
  'explanation.panel.detail': 'Eigener Text des KI-Systems',
  'explanation.panel.model': 'Über das KI-System',
  'explanation.trigger.incomplete': 'unvollständig',
  'explanation.notProvided': 'Von diesem KI-System nicht geliefert: {panels}.',

  'explanation.incomplete.root':
    'Diese Erklärung ist unvollständig: Das KI-System hat sie in einer Form geliefert, die nicht gelesen werden kann; daher wird nichts davon angezeigt.',
  'explanation.incomplete.partial':
    'Diese Erklärung ist unvollständig: Einige Einträge konnten nicht gelesen werden und werden nicht angezeigt.',
  'explanation.incomplete.nothing':
    'Diese Erklärung ist unvollständig: Keiner ihrer Einträge konnte gelesen werden, daher wird hier nichts angezeigt.',
  'explanation.incomplete.more': 'und {count} weitere',
  'explanation.issue.missing': 'fehlt',
  'explanation.issue.type': 'falsche Art von Wert',
  'explanation.issue.range': 'Zahl außerhalb des zulässigen Bereichs',
  'explanation.issue.invalid': 'kein gültiger Wert',
  'explanation.issue.unreadable': 'konnte nicht gelesen werden',

  'explanation.link.external': '(externer Link, öffnet in einem neuen Tab)',
  'explanation.link.removed': 'Link entfernt: keine Webadresse',
  'explanation.image.removed': 'Bild nicht angezeigt',
  'explanation.image.removedAlt': 'Bild nicht angezeigt: {alt}',
  'explanation.markdown.truncated':
    'Der Text wurde gekürzt, weil er zu lang ist: {shown} von {total} Zeichen werden angezeigt.',
  'explanation.value.yes': 'ja',
  'explanation.value.no': 'nein',
  'explanation.value.notGiven': 'nicht angegeben',

  'explanation.evidence.summary': '{supports} dafür, {contradicts} dagegen',
  'explanation.evidence.lead':
    'Zitate aus der Akte und aus Rechtstexten, jeweils mit Quelle. Prüfen Sie jedes Zitat an seiner Quelle.',
  'explanation.evidence.forHeading': 'Spricht für die Empfehlung ({count})',
  'explanation.evidence.againstHeading': 'Spricht gegen die Empfehlung ({count})',
  'explanation.evidence.for': 'Spricht dafür',
  'explanation.evidence.against': 'Spricht dagegen',
  'explanation.evidence.noneFor': 'Das KI-System hat nichts zitiert, was für die Empfehlung spricht.',
  'explanation.evidence.noneAgainst':
    'Das KI-System hat nichts zitiert, was gegen die Empfehlung spricht. Das heißt nicht, dass es nichts gibt: Prüfen Sie die Akte selbst darauf.',
  'explanation.evidence.source': 'Quelle: {source}',
  'explanation.evidence.page': 'S. {page}',
  'explanation.evidence.span': 'Zeichen {start}–{end}',
  'explanation.evidence.open': 'Quelle öffnen',

  'explanation.counterfactuals.summary_one': '{count} Änderung',
  'explanation.counterfactuals.summary_other': '{count} Änderungen',
  'explanation.counterfactuals.lead':
    'Die kleinsten Änderungen an diesem Fall, die das Ergebnis der KI ändern würden. An diesen Angaben hängt die Empfehlung: Prüfen Sie sie zuerst in der Akte.',
  'explanation.counterfactuals.outcome': 'Die KI würde dann empfehlen: {outcome}',
  'explanation.counterfactuals.change': '{label}: von {from} auf {to}',
  'explanation.counterfactuals.actionable.applicant': 'Wer dies ändern könnte: die antragstellende Person',
  'explanation.counterfactuals.actionable.caseworker': 'Wer dies ändern könnte: Sie selbst (Sachbearbeitung)',
  'explanation.counterfactuals.actionable.none': 'Wer dies ändern könnte: niemand (nicht veränderbar)',
  'explanation.counterfactuals.actionable.unknown': 'Wer dies ändern könnte: vom KI-System nicht angegeben',

  'explanation.similar.summary_one': '{count} Fall, {other} anders entschieden',
  'explanation.similar.summary_other': '{count} Fälle, {other} anders entschieden',
  'explanation.similar.lead_one':
    '{count} früherer Fall, den das KI-System für ähnlich hält: {same} wie hier empfohlen entschieden, {other} anders entschieden.',
  'explanation.similar.lead_other':
    '{count} frühere Fälle, die das KI-System für ähnlich hält: {same} wie hier empfohlen entschieden, {other} anders entschieden.',
  'explanation.similar.noneOther':
    'Keiner dieser Fälle wurde anders entschieden. Das KI-System hat sie ausgewählt; Fälle mit anderem Ausgang fehlen möglicherweise.',
  'explanation.similar.caption': 'Ähnliche Fälle, die ähnlichsten zuerst',
  'explanation.similar.case': 'Fall',
  'explanation.similar.similarity': 'Ähnlichkeit',
  'explanation.similar.summaryColumn': 'Zusammenfassung',
  'explanation.similar.decision': 'Endgültige Entscheidung',
  'explanation.similar.compared': 'Verglichen mit dieser Empfehlung',
  'explanation.similar.truth': 'Später als richtig festgestellt',
  'explanation.similar.agreement.same': 'gleich entschieden',
  'explanation.similar.agreement.other': 'anders entschieden',
  'explanation.similar.agreement.unknown': 'nicht vergleichbar',
  'explanation.similar.truthUnknown': 'nicht bekannt',

  'explanation.factors.summary_one': '{count} Faktor',
  'explanation.factors.summary_other': '{count} Faktoren',
  'explanation.factors.scale': 'Bewertung der KI: {scale}.',
  'explanation.factors.item': '{label} ({contribution})',
  'explanation.factors.lowered': 'Am stärksten gesenkt haben die Bewertung der KI: {factors}.',
  'explanation.factors.loweredNone': 'Kein Faktor hat die Bewertung der KI gesenkt.',
  'explanation.factors.raised': 'Am stärksten erhöht haben die Bewertung: {factors}.',
  'explanation.factors.raisedNone': 'Kein Faktor hat die Bewertung der KI erhöht.',
  'explanation.factors.allZero':
    'Keiner der Faktoren hat die Bewertung der KI verändert (jeder Beitrag ist 0).',
  'explanation.factors.none': 'Das KI-System hat keine Faktoren genannt.',
  'explanation.factors.caution':
    'Die Faktoren zeigen, wie das Modell rechnet, nicht, ob seine Empfehlung richtig ist. Prüfen Sie die Angaben hinter den größten Faktoren in der Akte.',
  'explanation.factors.chartTitle': 'Beitrag jedes Faktors zur Bewertung der KI',

  'explanation.detail.lead':
    'Vom KI-System über seine eigene Empfehlung geschrieben. Prüfen Sie seine Aussagen an den Belegen.',

  'explanation.model.summary': 'Grenzen und Genauigkeit',
  'explanation.model.lead':
    'Wofür das KI-System gedacht ist, wo es bekanntermaßen versagt und wie oft es im Test richtig lag.',
  'explanation.model.system': 'KI-System',
  'explanation.model.named': '{name} ({id}), Version {version}',
  'explanation.model.unnamed': '{id}, Version {version}',
  'explanation.model.dataDate': 'Stand der Trainingsdaten',
  'explanation.model.intendedUse': 'Vorgesehener Einsatz',
  'explanation.model.overall': 'Genauigkeit im Test',
  'explanation.model.calibration': 'Kalibrierung',
  'explanation.model.calibrated': 'kalibriert.',
  'explanation.model.calibratedOn': 'kalibriert, geprüft am {date}.',
  'explanation.model.dataset': 'Daten: {dataset}.',
  'explanation.model.uncalibrated':
    'nicht kalibriert: Seine Sicherheit darf nicht als Wahrscheinlichkeit gelesen werden.',
  'explanation.model.limitations': 'Bekannte Grenzen',
  'explanation.model.noLimitations':
    'Das KI-System nennt keine bekannten Grenzen. Jedes KI-System hat welche; fragen Sie die Verantwortlichen.',
  'explanation.model.failureModes': 'Bekannte Fehlerarten',
  'explanation.model.subgroups': 'Genauigkeit nach Gruppen im Test',
  'explanation.model.group': 'Gruppe',
  'explanation.model.cases': 'Fälle',
  'explanation.model.accuracy': 'Genauigkeit',
  'explanation.model.interval': '95-%-Intervall',
  'explanation.model.range': '{lo} bis {hi}',
  'explanation.model.fewCases': 'wenige Fälle, unsicher',
  'explanation.model.reliabilityHeading': 'Wie weit seiner Sicherheit zu trauen ist',
  'explanation.model.reliabilityLead':
    'Für jede im Test angegebene Sicherheit der KI: wie oft sie tatsächlich richtig lag. Punkte auf der Diagonale bedeuten, dass die angegebene Sicherheit zutraf.',
  'explanation.model.reliabilityTitle':
    'Zuverlässigkeitsdiagramm: angegebene Sicherheit und tatsächliche Genauigkeit',
};
