/* The contrast family in English. Keys are 'contrast.*'; `de/contrast.ts` has the same keys and placeholders (messages.test.ts). */
export const contrast = {
  'contrast.agree': 'You and the AI agree: you assessed {mine}, and the AI recommends the same.',
  'contrast.disagree': 'You and the AI disagree: you assessed {mine}, the AI recommends {ai}.',
  'contrast.numeric.inside':
    'The difference is {difference}. Your amount lies inside the AI’s {level} interval ({range}).',
  'contrast.numeric.outside':
    'The difference is {difference}. Your amount lies outside the AI’s {level} interval ({range}).',
  'contrast.ranked.position': 'The AI ranks {mine} at position {position} of {count}.',
  'contrast.ranked.absent': '{mine} is not on the AI’s list.',
  'contrast.caption': 'Your assessment and the AI’s recommendation',
  'contrast.column.mine': 'Your assessment',
  'contrast.column.ai': 'AI’s recommendation',
  'contrast.row.decision': 'Decision',
  'contrast.row.confidence': 'Confidence',
  'contrast.notStated': 'Not stated',
  'contrast.resolution.legend': 'How do you want to proceed? (required)',
  'contrast.resolution.keepMine': 'Keep my assessment: {mine}',
  'contrast.resolution.followAi': 'Follow the AI’s recommendation: {ai}',
  'contrast.resolution.other': 'Decide on something else',
};
