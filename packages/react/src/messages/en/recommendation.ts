/* The recommendation family in English. Keys are 'recommendation.*'; `de/recommendation.ts` has the same keys and placeholders (messages.test.ts). */
export const recommendation = {
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
