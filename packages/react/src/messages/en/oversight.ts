/* The oversight family in English. Keys are 'oversight.*'; `de/oversight.ts` has the same keys and placeholders (messages.test.ts). */
export const oversight = {
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
