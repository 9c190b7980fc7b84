/* Messages of the confidence family. Keys are 'confidence.*'; German and English must have the same keys. */
export const en = {
  'confidence.label': 'Confidence of the AI system',
  // Verbal bands (Wintle et al. 2019): always shown with their numeric range, never alone.
  'confidence.verbal.veryLikely': 'very likely',
  'confidence.verbal.likely': 'likely',
  'confidence.verbal.asLikelyAsNot': 'about as likely as not',
  'confidence.verbal.unlikely': 'unlikely',
  'confidence.verbal.veryUnlikely': 'very unlikely',
  'confidence.verbal.text': '{band} ({range})',
  'confidence.percent.below': 'below {percent}',
  'confidence.percent.above': 'above {percent}',
  'confidence.frequency.about': 'correct in about {count} of {total} similar cases',
  'confidence.frequency.below': 'correct in fewer than {count} of {total} similar cases',
  'confidence.frequency.above': 'correct in more than {count} of {total} similar cases',
  'confidence.interval.text': '{value} ({level} prediction interval: {range})',
  'confidence.interval.uncalibrated': '{value} (range given by the system: {range}; not calibrated)',
  'confidence.uncalibrated.text': '{band}; not calibrated',
  'confidence.uncalibrated.notice':
    'Not calibrated: the system’s confidence has not been checked against real outcomes. Treat it as a rough indication only.',
  'confidence.none': 'The system gives no confidence for this recommendation',
};

export const de: typeof en = {
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
