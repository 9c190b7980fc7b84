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

/** One declarative rule: when `when` matches, `plan` applies. Rules are tried in order. */
export interface PolicyRule {
  id: string;
  /** Why the rule exists, with its source (shown to UX reviewers). */
  description: string;
  when: {
    stakes?: Stakes[];
    band?: ConfidenceBand[];
  };
  plan: FrictionSettings;
}

export interface FrictionPolicy {
  id: string;
  version: string;
  description?: string;
  /** Confidence at or above `high` is band `high`; at or above `medium` is `medium`; else `low`. */
  bands: { high: number; medium: number };
  rules: PolicyRule[];
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
  /** The AI's confidence in its recommendation, if it reports one. */
  confidence?: number | undefined;
  /** Whether that confidence is calibrated; anything but `true` counts as uncalibrated. */
  calibrated?: boolean | undefined;
  /** The decision id; with `seed`, it fixes the audit and arm draws. */
  decisionId: string;
  /** Deployment-wide seed for the draws. @default policy id + version */
  seed?: string;
}

/** What the protocol and the components enforce for one decision. */
export interface FrictionPlan extends FrictionSettings {
  policyId: string;
  policyVersion: string;
  /** The id of the rule that fired. */
  rule: string;
  stakes: Stakes;
  band: ConfidenceBand;
  arm: Arm;
  audit: boolean;
}
