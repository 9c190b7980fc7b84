/*
 * Realistic event drafts for the log benchmarks, the same in Node and in the browser (no Node
 * imports here).
 */
import type { LogInput } from '@deliberate/log';
import { makeDraft } from '../packages/log/src/testing/drafts.ts';
import { seededRandom } from '../scripts/seeded-random.ts';

/**
 * `n` drafts as a caseworker team would log them: decisions of 4–8 events (opened, judgement,
 * reveal, explanations, finalised or abandoned; now and then an outcome or an AI stop), each
 * about its own case, by one of 25 caseworkers, with free text where people write some.
 */
export function realisticDrafts(n: number, seed = 1): LogInput[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const labels = ['eligible', 'not-eligible', 'needs-documents'] as const;
  const panels = ['factors', 'counterfactuals', 'similar-cases', 'evidence', 'model'] as const;
  const drafts: LogInput[] = [];
  let decision = 0;
  let time = Date.UTC(2026, 10, 22, 8);
  while (drafts.length < n) {
    decision++;
    const overrides = {
      decisionId: `decision-${seed}-${decision}`,
      caseRef: `case-2026-${String(decision).padStart(6, '0')}`,
      actorId: `caseworker-${Math.floor(random() * 25)}`,
    };
    const at = () => new Date((time += 500 + Math.floor(random() * 20_000))).toISOString();
    const own = pick(labels);
    const ai = random() < 0.8 ? own : pick(labels);
    const confidence = Math.round((0.5 + random() * 0.49) * 100) / 100;
    const steps: LogInput[] = [
      makeDraft('decision.opened', {
        ...overrides,
        ts: at(),
        data: { stakes: pick(['low', 'medium', 'high']) },
      }),
      makeDraft('judgement.committed', {
        ...overrides,
        ts: at(),
        data: {
          judgement: { label: own, confidence: Math.round(random() * 100) / 100 },
          rationale: `Payslips ${Math.floor(random() * 12) + 1}/2026 checked; rent contract on file.`,
        },
      }),
      makeDraft('recommendation.revealed', {
        ...overrides,
        ts: at(),
        data: {
          recommendation: { label: ai, confidence },
          display: { format: 'percent', text: `${Math.round(confidence * 100)} %` },
        },
      }),
    ];
    for (let views = Math.floor(random() * 3); views > 0; views--) {
      steps.push(
        makeDraft('explanation.viewed', {
          ...overrides,
          ts: at(),
          data: { panel: pick(panels), durationMs: Math.floor(random() * 30_000) },
        }),
      );
    }
    if (random() < 0.05) {
      steps.push(makeDraft('decision.abandoned', { ...overrides, ts: at(), data: { stage: 'revealed' } }));
    } else {
      const overridden = own !== ai;
      steps.push(
        makeDraft('decision.finalized', {
          ...overrides,
          ts: at(),
          data: {
            final: { label: own },
            outcome: overridden ? 'overridden' : 'accepted',
            reasons: overridden
              ? [{ system: 'urn:deliberate:reasons', code: 'new-evidence', display: 'New evidence' }]
              : [],
            ...(overridden
              ? { comment: 'The applicant sent a new payslip after the model ran.' }
              : { comment: undefined }),
            durationMs: Math.floor(random() * 120_000),
            recommendation: { label: ai, confidence },
            judgement: { label: own },
          },
        }),
      );
    }
    if (random() < 0.1) {
      steps.push(
        makeDraft('outcome.recorded', {
          ...overrides,
          ts: at(),
          data: { truth: { label: pick(labels) }, source: 'appeal' },
        }),
      );
    }
    if (random() < 0.002) steps.push(makeDraft('ai.stopped', { ...overrides, ts: at() }));
    drafts.push(...steps.slice(0, n - drafts.length));
  }
  return drafts;
}
