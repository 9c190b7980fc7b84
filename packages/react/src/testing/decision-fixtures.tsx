/*
 * Shared fixtures for the decision components' tests: one recommendation of each kind the tests
 * use, a fixed friction plan, and two stand-ins (a reveal button and a state probe), so that each
 * test file describes only the behaviour it checks. Test-only: excluded from the build.
 */
import type { FrictionPlan } from '@deliberate/core';
import { useDecision } from '../decision/decision-provider.tsx';

/** The clock every test starts at. */
export const T0 = Date.parse('2026-11-22T10:00:00.000Z');

export const housingBenefit = {
  kind: 'categorical',
  options: [
    { id: 'approve', label: 'Approve', labels: { de: 'Bewilligen', en: 'Approve' }, probability: 0.82 },
    { id: 'reject', label: 'Reject', labels: { de: 'Ablehnen', en: 'Reject' }, probability: 0.11 },
    {
      id: 'request-documents',
      label: 'Request documents',
      labels: { de: 'Unterlagen anfordern', en: 'Request documents' },
      probability: 0.07,
    },
  ],
  recommended: 'approve',
  model: { id: 'wohngeld-eligibility', version: '2.3.0' },
  calibration: { calibrated: true },
};

export const rentEstimate = {
  kind: 'numeric',
  value: 412.5,
  unit: '€ / month',
  interval: { lo: 360, hi: 470, level: 0.9 },
  model: { id: 'wohngeld-amount', version: '1.4.1' },
  calibration: { calibrated: true },
};

/** A fixed plan: judge first, reasons on deviation, no minimum time, no checklist. */
export function makePlan(overrides: Partial<FrictionPlan> = {}): FrictionPlan {
  return {
    policyId: 'test',
    policyVersion: '1',
    rule: 'fixed',
    stakes: 'high',
    band: 'high',
    arm: 'ai',
    audit: false,
    reveal: 'after-judgement',
    justification: 'override',
    minOwnTimeMs: 0,
    checklist: [],
    ...overrides,
  };
}

/** Stands in for the Recommendation component: reveals the AI as it would. */
export function RevealButton() {
  const { dispatch } = useDecision();
  return (
    <button
      type="button"
      onClick={() =>
        dispatch({ type: 'reveal', requested: false, display: { format: 'percent', text: '82 %' } })
      }
    >
      Show the AI’s recommendation
    </button>
  );
}

/** Shows the protocol status and the last refusal, for assertions. */
export function Probe() {
  const { state, lastError } = useDecision();
  return (
    <p data-testid="probe">
      status: {state.status}; error: {lastError?.code ?? 'none'}
    </p>
  );
}
