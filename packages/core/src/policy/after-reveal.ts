import type { Recommendation } from '../recommendation/schema.ts';
import { JUSTIFICATION_RULES, confidenceBand } from './policy.ts';
import type {
  ConfidenceBand,
  FrictionPlan,
  JustificationRule,
  PlannedAfterRevealRule,
  RevealFriction,
} from './types.ts';

/*
 * The friction after the reveal. Before the reveal the plan may not depend on the AI's output
 * (docs/architecture.md §1, "Blind until committed"); once the AI is on the screen its
 * confidence is no secret, and a policy's `afterReveal` rules may raise the justification the
 * final step asks for. The reducer's `reveal` calls this and logs the result as `friction` on
 * `recommendation.revealed` (docs/contracts.md §3.2).
 */

/** The recommendation's parts the reveal reads: its confidence and whether it is calibrated. */
export type RevealedOutput = Pick<Recommendation, 'confidence' | 'calibration'>;

/**
 * The plan from the reveal on: computes the AI's confidence band from the recommendation (with
 * the plan's `bands`, or the default thresholds), applies the first of the plan's `afterReveal`
 * rules whose bands match (an empty list matches every band), and returns a new plan whose
 * `justification` is the stricter of the plan's and the rule's — a rule never lowers friction —
 * with `revealed` saying what happened. Without a matching rule the justification stays and
 * `revealed` has no `rule`.
 *
 * Pure; the plan is not changed. A plan written by hand without `afterReveal` or `bands` gets the
 * band recorded and nothing else.
 * @example
 * const next = adaptPlanAfterReveal(plan, { confidence: 0.55, calibration: { calibrated: true } });
 * next.revealed // { band: 'low', rule: 'weak-confidence', justification: 'always' }
 */
export function adaptPlanAfterReveal(
  plan: FrictionPlan,
  recommendation: RevealedOutput | null,
): FrictionPlan & { revealed: RevealFriction } {
  const band = confidenceBand(
    recommendation?.confidence,
    recommendation?.calibration?.calibrated,
    thresholdsOf(plan.bands),
  );
  const rules = Array.isArray(plan.afterReveal) ? plan.afterReveal : [];
  const rule = rules.find((candidate) => appliesTo(candidate, band));
  const justification =
    rule === undefined ? plan.justification : stricter(plan.justification, rule.justification);
  const revealed: RevealFriction =
    rule === undefined ? { band, justification } : { band, rule: rule.id, justification };
  return { ...plan, justification, revealed };
}

function appliesTo(rule: PlannedAfterRevealRule, band: ConfidenceBand): boolean {
  // A plan may come back from storage or be written by hand: a malformed rule applies to nothing.
  if (!isRecord(rule) || !JUSTIFICATION_RULES.includes(rule.justification)) return false;
  return !Array.isArray(rule.band) || rule.band.length === 0 || rule.band.includes(band);
}

function stricter(a: JustificationRule, b: JustificationRule): JustificationRule {
  return JUSTIFICATION_RULES.indexOf(b) > JUSTIFICATION_RULES.indexOf(a) ? b : a;
}

/** The plan's thresholds when they are usable, else `undefined` (the default policy's). */
function thresholdsOf(bands: FrictionPlan['bands']): { high: number; medium: number } | undefined {
  const unit = (n: unknown): n is number => typeof n === 'number' && n >= 0 && n <= 1;
  if (isRecord(bands) && unit(bands.high) && unit(bands.medium) && bands.medium <= bands.high) {
    return { high: bands.high, medium: bands.medium };
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
