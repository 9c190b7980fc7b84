import { definePolicy, type DecisionOptions, type FrictionPolicy } from '@deliberate/core';

export const PROCEDURE = 'housing-benefit.eligibility';

/**
 * The procedure's decision space. Its order is the procedure's, not the AI's (which sorts its
 * options by probability), so the order on screen cannot hint at the AI's pick before the reveal.
 */
export const eligibilityOptions: DecisionOptions = {
  kind: 'choice',
  options: [
    {
      id: 'request-documents',
      label: 'Request documents',
      labels: { de: 'Unterlagen anfordern', en: 'Request documents' },
    },
    { id: 'approve', label: 'Approve', labels: { de: 'Bewilligen', en: 'Approve' } },
    { id: 'reject', label: 'Reject', labels: { de: 'Ablehnen', en: 'Reject' } },
  ],
};

/** The host's own friction policy: judge first, a reason for every deviation, one checklist item. */
export const policy: FrictionPolicy = definePolicy({
  id: 'consumer-app.judge-first',
  version: '1',
  description: 'Every decision is judged first; deviations need a reason.',
  bands: { high: 0.9, medium: 0.66 },
  rules: [
    {
      id: 'judge-first',
      description: 'The person records their own assessment before the AI is shown.',
      when: {},
      plan: {
        reveal: 'after-judgement',
        justification: 'override',
        minOwnTimeMs: 0,
        checklist: [
          {
            id: 'case-file-read',
            label: { de: 'Ich habe die Akte gelesen', en: 'I have read the case file' },
          },
        ],
      },
    },
  ],
  auditRate: 0,
  noAiRate: 0,
  audit: {},
});

/** What the model service answers for the case: approve, its options sorted by probability. */
export const modelAnswer = {
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

/** A broken answer: a probability of 1.7. It must never be shown as a number. */
export const brokenModelAnswer = {
  ...modelAnswer,
  options: modelAnswer.options.map((option, index) =>
    index === 0 ? { ...option, probability: 1.7 } : option,
  ),
};
