import {
  defaultPolicy,
  resolvePolicy,
  type DecisionOptions,
  type FrictionPlan,
  type Stakes,
} from '@deliberate/core';
import {
  estimatedBenefit,
  generateApplications,
  incomeLimit,
  LABELS,
  type Application,
} from '../model/data.ts';
import { documentsOf, type CaseDocument } from '../model/documents.ts';
import modelJson from '../model/model.json';
import type { ModelJson } from '../model/model.ts';
import { OPTION_LABELS, predict } from '../model/recommend.ts';

/*
 * The caseworker's queue: twelve synthetic applications (their own seed, not the training data),
 * each with its case file, the model's prediction, the stakes and the friction plan.
 */

export const model = modelJson as unknown as ModelJson;

/** The procedure, logged on every event. */
export const PROCEDURE = 'housing-benefit.eligibility';

/**
 * The decision space, owned by the procedure and in its order: the caseworker decides between
 * these whether or not the AI answers, and a recommendation that named anything else would be
 * refused as invalid.
 */
export const DECISION_OPTIONS: DecisionOptions = {
  kind: 'choice',
  options: LABELS.map((id) => ({ id, label: OPTION_LABELS[id].en, labels: { ...OPTION_LABELS[id] } })),
};

/**
 * The friction policy: Deliberate's `defaultPolicy`, unchanged (judge first at high and medium
 * stakes; after the reveal, a reason for every decision where the AI is unsure; a 5 % audit sample).
 */
export const policy = defaultPolicy;

/** Deployment-wide seed of the audit draws (fixed, so a reload cannot re-roll them). */
export const POLICY_SEED = 'housing-benefit-demo';

/** A benefit at or above this monthly amount is high-stakes. */
export const HIGH_AMOUNT = 350;

/**
 * The stakes rule, from the application's own figures only, never from the model's output. A
 * queue that marked a case high because the AI leans to rejection would tell the caseworker the
 * AI's verdict before the judge-first step asks for their own (and a small benefit marked high
 * would give it away). Eligibility for public assistance benefits is high-risk (AI Act Annex III
 * 5(a)), so no case is `low` (that would reveal the AI at once). `high` when the stated income is
 * above the income limit (a refusal is in play, and a refusal withholds the benefit) or the
 * estimated benefit is large (≥ 350 € a month); `medium` (routine) otherwise.
 */
export function stakesOf(app: Application): Stakes {
  const overLimit = app.income > incomeLimit(app.householdSize, app.mietstufe);
  return overLimit || estimatedBenefit(app) >= HIGH_AMOUNT ? 'high' : 'medium';
}

export interface QueueCase {
  app: Application;
  decisionId: string;
  documents: CaseDocument[];
  recommended: string;
  confidence: number;
  stakes: Stakes;
  plan: FrictionPlan;
  benefit: number;
}

export function buildQueue(n = 12, seed = 'queue-2025-03'): QueueCase[] {
  return generateApplications(n, seed, 'WG-2025').map((app) => {
    const p = predict(model, app);
    const decisionId = `${app.id}:eligibility`;
    const stakes = stakesOf(app);
    // The plan depends on the stakes and the seeded draw only, never on the prediction: a queue
    // that showed "judge first" for unsure cases would tell the caseworker what the AI thinks.
    const plan = resolvePolicy({ policy, stakes, decisionId, seed: POLICY_SEED });
    return {
      app,
      decisionId,
      documents: documentsOf(app),
      recommended: p.label,
      confidence: p.probabilities[p.k]!,
      stakes,
      plan,
      benefit: estimatedBenefit(app),
    };
  });
}
