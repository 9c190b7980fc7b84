/* Messages of the contrast family. Keys are 'contrast.*'; German and English must have the same keys. */
export const en = {
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

export const de: typeof en = {
  'contrast.agree':
    'Sie und die KI sind sich einig: Ihre Einschätzung lautet „{mine}“, die KI empfiehlt dasselbe.',
  'contrast.disagree':
    'Sie und die KI sind sich nicht einig: Ihre Einschätzung lautet „{mine}“, die KI empfiehlt „{ai}“.',
  'contrast.numeric.inside':
    'Der Unterschied beträgt {difference}. Ihr Betrag liegt innerhalb des {level}-Intervalls der KI ({range}).',
  'contrast.numeric.outside':
    'Der Unterschied beträgt {difference}. Ihr Betrag liegt außerhalb des {level}-Intervalls der KI ({range}).',
  'contrast.ranked.position': 'Die KI führt „{mine}“ auf Platz {position} von {count}.',
  'contrast.ranked.absent': '„{mine}“ steht nicht auf der Liste der KI.',
  'contrast.caption': 'Ihre Einschätzung und die Empfehlung der KI',
  'contrast.column.mine': 'Ihre Einschätzung',
  'contrast.column.ai': 'Empfehlung der KI',
  'contrast.row.decision': 'Entscheidung',
  'contrast.row.confidence': 'Sicherheit',
  'contrast.notStated': 'Keine Angabe',
  'contrast.resolution.legend': 'Wie möchten Sie weiter vorgehen? (Pflichtangabe)',
  'contrast.resolution.keepMine': 'Bei meiner Einschätzung bleiben: {mine}',
  'contrast.resolution.followAi': 'Der Empfehlung der KI folgen: {ai}',
  'contrast.resolution.other': 'Etwas anderes entscheiden',
};
