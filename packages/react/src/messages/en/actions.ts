/* The actions family in English. Keys are 'actions.*'; `de/actions.ts` has the same keys and placeholders (messages.test.ts). */
export const actions = {
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
