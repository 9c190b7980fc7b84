/* The confidence family in German, typed against the English keys (a type-only import: no English is bundled). */
import type { confidence as en } from '../en/confidence.ts';

export const confidence: typeof en = {
  'confidence.label': 'Sicherheit des KI-Systems',
  'confidence.verbal.veryLikely': 'sehr wahrscheinlich',
  'confidence.verbal.likely': 'wahrscheinlich',
  'confidence.verbal.asLikelyAsNot': 'etwa so wahrscheinlich wie nicht',
  'confidence.verbal.unlikely': 'unwahrscheinlich',
  'confidence.verbal.veryUnlikely': 'sehr unwahrscheinlich',
  'confidence.verbal.text': '{band} ({range})',
  'confidence.percent.below': 'unter {percent}',
  'confidence.percent.above': 'über {percent}',
  'confidence.frequency.about': 'in etwa {count} von {total} ähnlichen Fällen zutreffend',
  'confidence.frequency.below': 'in weniger als {count} von {total} ähnlichen Fällen zutreffend',
  'confidence.frequency.above': 'in mehr als {count} von {total} ähnlichen Fällen zutreffend',
  'confidence.interval.text': '{value} (Vorhersageintervall {level}: {range})',
  'confidence.interval.uncalibrated': '{value} (vom System angegebene Spanne: {range}; nicht kalibriert)',
  'confidence.uncalibrated.text': '{band}; nicht kalibriert',
  'confidence.uncalibrated.notice':
    'Nicht kalibriert: Die Sicherheitsangabe des Systems wurde nicht an tatsächlichen Ergebnissen überprüft. Verstehen Sie sie nur als grobe Orientierung.',
  'confidence.none': 'Das System gibt für diese Empfehlung keine Sicherheit an',
};
