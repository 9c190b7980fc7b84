/* The confidence family in English. Keys are 'confidence.*'; `de/confidence.ts` has the same keys and placeholders (messages.test.ts). */
export const confidence = {
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
