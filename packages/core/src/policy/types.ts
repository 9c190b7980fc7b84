import type { Stakes } from '../stakes.ts';

/** When the AI's recommendation becomes visible. */
export type RevealMode = 'immediate' | 'on-request' | 'after-judgement';
/** When the person must give a reason. `override` covers every deviation (modified, overridden). */
export type JustificationRule = 'none' | 'override' | 'always';
/** Whether this decision is in the AI arm or in a no-AI control arm. */
export type Arm = 'ai' | 'no-ai';
/**
 * How far the AI's confidence can be trusted for this decision. `uncalibrated` (the model is not
 * calibrated) and `unknown` (the AI reports no confidence) never count as high.
 */
export type ConfidenceBand = 'high' | 'medium' | 'low' | 'uncalibrated' | 'unknown';

export interface LocalizedText {
  en: string;
  de: string;
  [locale: string]: string;
}

/** A check the person confirms while forming their own judgement. */
export interface ChecklistItem {
  id: string;
  label: LocalizedText;
}

/** The friction a rule asks for. */
export interface FrictionSettings {
  reveal: RevealMode;
  justification: JustificationRule;
  /** Minimum time the person spends on their own assessment before they can finalize. */
  minOwnTimeMs: number;
  checklist: ChecklistItem[];
}

/**
 * One declarative rule for the friction before the reveal: when `when` matches, `plan` applies.
 * Rules are tried in order. A rule may depend on what is at stake, never on the AI's output: the
 * friction a person meets before the reveal (the reveal mode itself, the own-assessment time, the
 * checklist) would otherwise tell them what the AI thinks before they judge
 * (docs/architecture.md §1, "Blind until committed").
 */
export interface PolicyRule {
  id: string;
  /** Why the rule exists, with its source (shown to UX reviewers). */
  description: string;
  when: {
    stakes?: Stakes[];
    /**
     * Not allowed: `definePolicy` rejects a rule that reads the AI's confidence band, because the
     * plan it chose would show the person what the AI thinks before they judge. Put conditions on
     * the band in `FrictionPolicy.afterReveal`. (Typed `never` so that an old policy fails to
     * compile here, with this explanation.)
     */
    band?: never;
  };
  plan: FrictionSettings;
}

/**
 * A rule for the friction after the reveal, when the person has committed (or the plan shows the
 * AI at once) and the AI's output is on the screen anyway. It may read the AI's confidence band,
 * and it may only raise the friction: the plan's justification becomes the stricter of the two.
 * Rules are tried in order; the first whose `when` matches applies, and none has to.
 */
export interface AfterRevealRule {
  id: string;
  /** Why the rule exists, with its source (shown to UX reviewers). */
  description: string;
  /** An omitted or empty field matches everything. */
  when: {
    stakes?: Stakes[];
    band?: ConfidenceBand[];
  };
  /** The justification rule from the reveal on; a plan that already asks for more keeps its own. */
  justification: JustificationRule;
}

/**
 * An after-reveal rule as a resolved plan carries it: only the rules for the plan's stakes, and
 * only what the reveal needs (plain JSON, so the protocol state stays serialisable).
 */
export interface PlannedAfterRevealRule {
  id: string;
  /** The bands the rule applies to; empty for every band. */
  band: ConfidenceBand[];
  justification: JustificationRule;
}

/** What the after-reveal rules did at the reveal, as `recommendation.revealed` logs it (`friction`). */
export interface RevealFriction {
  /** The AI's confidence band, from the revealed recommendation and the policy's thresholds. */
  band: ConfidenceBand;
  /** The after-reveal rule that matched, if one did. */
  rule?: string;
  /** The justification rule from the reveal on. */
  justification: JustificationRule;
}

export interface FrictionPolicy {
  id: string;
  version: string;
  description?: string;
  /** Confidence at or above `high` is band `high`; at or above `medium` is `medium`; else `low`. */
  bands: { high: number; medium: number };
  /** The friction before the reveal, by stakes. The last rule must be a catch-all. */
  rules: PolicyRule[];
  /** The friction after the reveal, which may depend on the AI's output. @default [] */
  afterReveal?: AfterRevealRule[];
  /** Share of decisions drawn as audit samples, in [0, 1]. */
  auditRate: number;
  /** Share of decisions drawn into the no-AI control arm, in [0, 1]. */
  noAiRate: number;
  /** How an audit sample changes the plan. */
  audit: Partial<FrictionSettings>;
}

export interface ResolvePolicyInput {
  /** @default defaultPolicy */
  policy?: FrictionPolicy;
  stakes: Stakes;
  /** The decision id; with `seed`, it fixes the audit and arm draws. */
  decisionId: string;
  /** Deployment-wide seed for the draws. @default policy id + version */
  seed?: string;
}

/**
 * What the protocol and the components enforce for one decision. Before the reveal it depends
 * only on the stakes, the policy and the seeded draws — never on the AI's output — so that
 * nothing the person sees or a script reads before the reveal says what the AI thinks.
 */
export interface FrictionPlan extends FrictionSettings {
  policyId: string;
  policyVersion: string;
  /** The id of the rule that fired. */
  rule: string;
  stakes: Stakes;
  /**
   * No longer set: `resolvePolicy` does not read the AI's confidence, and the protocol ignores
   * this field. The band appears after the reveal, in `revealed.band`.
   * @deprecated Kept optional so that plans written by hand still compile; will be removed.
   */
  band?: ConfidenceBand;
  arm: Arm;
  audit: boolean;
  /**
   * The policy's band thresholds, for the band the reveal computes.
   * @default the default policy's (high ≥ 0.9, medium ≥ 0.66)
   */
  bands?: { high: number; medium: number };
  /** The after-reveal rules for this plan's stakes, in order. @default [] */
  afterReveal?: PlannedAfterRevealRule[];
  /** Set by the reveal: the band and what the after-reveal rules did. Absent before the reveal. */
  revealed?: RevealFriction;
}
