/* The contrast family in German, typed against the English keys (a type-only import: no English is bundled). */
import type { contrast as en } from '../en/contrast.ts';

export const contrast: typeof en = {
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
