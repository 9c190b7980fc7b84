/*
 * The person's own confidence, asked as words on a five-step scale rather than as a number:
 * people state a probability for their own judgement inconsistently, but they can say "fairly
 * sure". Each step is logged as the midpoint of one fifth of [0, 1] (0.1, 0.3, 0.5, 0.7, 0.9), so
 * that analytics can put it into five equal-width bins next to the AI's confidence, and no step
 * claims certainty (0 or 1).
 */

/** One step of the own-confidence scale. */
export interface OwnConfidenceStep {
  /** Message key suffix: `judgement.confidence.<id>`. */
  id: 'very-unsure' | 'rather-unsure' | 'undecided' | 'rather-sure' | 'very-sure';
  /** What is logged as `judgement.confidence`. */
  value: number;
}

/**
 * The scale, from "very unsure" to "very sure".
 *
 * @example
 * OWN_CONFIDENCE_SCALE.map((step) => step.value); // [0.1, 0.3, 0.5, 0.7, 0.9]
 */
export const OWN_CONFIDENCE_SCALE: readonly OwnConfidenceStep[] = [
  { id: 'very-unsure', value: 0.1 },
  { id: 'rather-unsure', value: 0.3 },
  { id: 'undecided', value: 0.5 },
  { id: 'rather-sure', value: 0.7 },
  { id: 'very-sure', value: 0.9 },
];

/**
 * The step a logged confidence belongs to (the nearest midpoint), for showing it back in words.
 *
 * @example
 * ownConfidenceStep(0.7)?.id; // 'rather-sure'
 */
export function ownConfidenceStep(confidence: number | undefined): OwnConfidenceStep | undefined {
  if (confidence === undefined || !Number.isFinite(confidence)) return undefined;
  let best: OwnConfidenceStep | undefined;
  for (const step of OWN_CONFIDENCE_SCALE) {
    if (best === undefined || Math.abs(step.value - confidence) < Math.abs(best.value - confidence))
      best = step;
  }
  return best;
}
