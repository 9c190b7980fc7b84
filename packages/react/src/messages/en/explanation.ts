/* The explanation family in English. Keys are 'explanation.*'; `de/explanation.ts` has the same keys and placeholders (messages.test.ts). */
export const explanation = {
  'explanation.title': 'Check the recommendation',
  // docs/research.md §2: explanations can raise blind acceptance; point to checking, not to
  // "the model thinks".
  'explanation.intro':
    'Start with the evidence and compare it with the case file. An explanation can make a wrong recommendation look convincing.',
  'explanation.unavailable.before-reveal':
    'The explanation of the AI recommendation is available once the recommendation is shown.',
  'explanation.unavailable.ai-unavailable':
    'There is no explanation: the AI recommendation is not used in this decision.',
  'explanation.unavailable.not-provided': 'The AI system provided no explanation for this recommendation.',

  'explanation.panel.evidence': 'Evidence from the file and the law',
  'explanation.panel.counterfactuals': 'What would change the recommendation',
  'explanation.panel.similar-cases': 'Similar cases',
  'explanation.panel.factors': 'Factors in the model’s calculation',
  'explanation.panel.detail': 'The AI system’s own text',
  'explanation.panel.model': 'About the AI system',
  'explanation.trigger.incomplete': 'incomplete',
  'explanation.notProvided': 'Not provided by this AI system: {panels}.',

  'explanation.incomplete.root':
    'This explanation is incomplete: the AI system sent it in a form that cannot be read, so none of it is shown.',
  'explanation.incomplete.partial':
    'This explanation is incomplete: some entries could not be read and are not shown.',
  'explanation.incomplete.nothing':
    'This explanation is incomplete: none of its entries could be read, so nothing is shown here.',
  'explanation.incomplete.more': 'and {count} more',
  'explanation.issue.missing': 'missing',
  'explanation.issue.type': 'wrong kind of value',
  'explanation.issue.range': 'number out of range',
  'explanation.issue.invalid': 'not a valid value',
  'explanation.issue.unreadable': 'could not be read',

  'explanation.link.external': '(external link, opens in a new tab)',
  'explanation.link.removed': 'link removed: not a web address',
  'explanation.image.removed': 'Image not shown',
  'explanation.image.removedAlt': 'Image not shown: {alt}',
  'explanation.markdown.truncated':
    'The text was shortened because it is too long: {shown} of {total} characters are shown.',
  'explanation.value.yes': 'yes',
  'explanation.value.no': 'no',
  'explanation.value.notGiven': 'not stated',

  'explanation.evidence.summary': '{supports} for, {contradicts} against',
  'explanation.evidence.lead':
    'Quotations from the case file and from legal texts, each with its source. Check each one against its source.',
  'explanation.evidence.forHeading': 'Speaks for the recommendation ({count})',
  'explanation.evidence.againstHeading': 'Speaks against the recommendation ({count})',
  'explanation.evidence.for': 'Speaks for',
  'explanation.evidence.against': 'Speaks against',
  'explanation.evidence.noneFor': 'The AI system quoted nothing that speaks for the recommendation.',
  'explanation.evidence.noneAgainst':
    'The AI system quoted nothing that speaks against the recommendation. That does not mean there is nothing: check the case file for it yourself.',
  'explanation.evidence.source': 'Source: {source}',
  'explanation.evidence.page': 'p. {page}',
  'explanation.evidence.span': 'characters {start}–{end}',
  'explanation.evidence.open': 'Open source',

  'explanation.counterfactuals.summary_one': '{count} change',
  'explanation.counterfactuals.summary_other': '{count} changes',
  'explanation.counterfactuals.lead':
    'The smallest changes to this case that would change the AI’s output. The recommendation hinges on these facts: check them in the case file first.',
  'explanation.counterfactuals.outcome': 'The AI would then recommend: {outcome}',
  'explanation.counterfactuals.change': '{label}: from {from} to {to}',
  'explanation.counterfactuals.actionable.applicant': 'Who could change this: the applicant',
  'explanation.counterfactuals.actionable.caseworker': 'Who could change this: you, the caseworker',
  'explanation.counterfactuals.actionable.none': 'Who could change this: nobody (it cannot be changed)',
  'explanation.counterfactuals.actionable.unknown': 'Who could change this: not stated by the AI system',

  'explanation.similar.summary_one': '{count} case, {other} decided differently',
  'explanation.similar.summary_other': '{count} cases, {other} decided differently',
  'explanation.similar.lead_one':
    '{count} past case that the AI system considers similar: {same} decided as recommended here, {other} decided differently.',
  'explanation.similar.lead_other':
    '{count} past cases that the AI system considers similar: {same} decided as recommended here, {other} decided differently.',
  'explanation.similar.noneOther':
    'None of these cases was decided differently. The AI system chose them; cases that went the other way may be missing.',
  'explanation.similar.caption': 'Similar cases, most similar first',
  'explanation.similar.case': 'Case',
  'explanation.similar.similarity': 'Similarity',
  'explanation.similar.summaryColumn': 'Summary',
  'explanation.similar.decision': 'Final decision',
  'explanation.similar.compared': 'Compared with this recommendation',
  'explanation.similar.truth': 'Later found to be right',
  'explanation.similar.agreement.same': 'decided the same way',
  'explanation.similar.agreement.other': 'decided differently',
  'explanation.similar.agreement.unknown': 'cannot be compared',
  'explanation.similar.truthUnknown': 'not known',

  'explanation.factors.summary_one': '{count} factor',
  'explanation.factors.summary_other': '{count} factors',
  'explanation.factors.scale': 'The AI’s score: {scale}.',
  'explanation.factors.item': '{label} ({contribution})',
  'explanation.factors.lowered': 'Lowered the AI’s score most: {factors}.',
  'explanation.factors.loweredNone': 'No factor lowered the AI’s score.',
  'explanation.factors.raised': 'Raised it most: {factors}.',
  'explanation.factors.raisedNone': 'No factor raised the AI’s score.',
  'explanation.factors.allZero': 'None of the factors changed the AI’s score (every contribution is 0).',
  'explanation.factors.none': 'The AI system listed no factors.',
  'explanation.factors.caution':
    'The factors show how the model calculates, not whether its recommendation is right. Check the facts behind the largest ones in the case file.',
  'explanation.factors.chartTitle': 'Contribution of each factor to the AI’s score',

  'explanation.detail.lead':
    'Written by the AI system about its own recommendation. Check its statements against the evidence.',

  'explanation.model.summary': 'limits and accuracy',
  'explanation.model.lead':
    'What the AI system is meant for, where it is known to fail, and how often it was right in testing.',
  'explanation.model.system': 'AI system',
  'explanation.model.named': '{name} ({id}), version {version}',
  'explanation.model.unnamed': '{id}, version {version}',
  'explanation.model.dataDate': 'Training data as of',
  'explanation.model.intendedUse': 'Intended use',
  'explanation.model.overall': 'Accuracy in testing',
  'explanation.model.calibration': 'Calibration',
  'explanation.model.calibrated': 'calibrated.',
  'explanation.model.calibratedOn': 'calibrated, checked on {date}.',
  'explanation.model.dataset': 'Data: {dataset}.',
  'explanation.model.uncalibrated': 'not calibrated: its confidence cannot be read as a probability.',
  'explanation.model.limitations': 'Known limits',
  'explanation.model.noLimitations':
    'The AI system states no known limits. Every AI system has some; ask those responsible for it.',
  'explanation.model.failureModes': 'Known failure modes',
  'explanation.model.subgroups': 'Accuracy by group in testing',
  'explanation.model.group': 'Group',
  'explanation.model.cases': 'Cases',
  'explanation.model.accuracy': 'Accuracy',
  'explanation.model.interval': '95 % interval',
  'explanation.model.range': '{lo} to {hi}',
  'explanation.model.fewCases': 'few cases, uncertain',
  'explanation.model.reliabilityHeading': 'How far its confidence can be trusted',
  'explanation.model.reliabilityLead':
    'For each level of confidence the AI stated in testing: how often it was actually right. Points on the diagonal mean the stated confidence was accurate.',
  'explanation.model.reliabilityTitle': 'Reliability diagram: stated confidence and actual accuracy',
};
