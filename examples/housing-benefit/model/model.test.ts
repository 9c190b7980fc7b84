import { parseRecommendation } from '@deliberate/core';
import { describe, expect, it } from 'vitest';
import { generateApplications } from './data.ts';
import checkedIn from './model.json';
import { train } from './model.ts';
import { recommend } from './recommend.ts';

/*
 * Re-trains from scratch (≈ 4 s) and checks the model against stated thresholds, and that the
 * checked-in model.json is what the training script produces.
 */
const model = train();

describe('the housing-benefit model', () => {
  it('re-training reproduces the checked-in model.json', () => {
    expect(JSON.parse(JSON.stringify(model))).toEqual(checkedIn);
  });

  it('reaches at least 82 % accuracy on the held-out test split', () => {
    expect(model.metrics.accuracy).toBeGreaterThanOrEqual(0.82);
  });

  it('temperature scaling does not worsen the held-out ECE, which stays below 0.06', () => {
    expect(model.metrics.eceAfter).toBeLessThanOrEqual(model.metrics.eceBefore);
    expect(model.metrics.eceAfter).toBeLessThan(0.06);
  });

  it('reliability bins cover every test case', () => {
    expect(model.reliability.reduce((n, b) => n + b.n, 0)).toBe(model.training.test);
  });
});

describe('recommendations', () => {
  const apps = generateApplications(60, 'recommendation-check', 'T');

  it.each(['de', 'en'] as const)('every generated recommendation passes parseRecommendation (%s)', (lang) => {
    for (const app of apps) {
      const result = parseRecommendation(recommend(model, app, lang));
      expect(result.ok ? [] : result.issues).toEqual([]);
    }
  });

  it('base value plus contributions equals the calibrated logit of the recommended option', () => {
    for (const app of apps) {
      const rec = recommend(model, app);
      const factors = rec.explanation!.factors!;
      const sum = factors.items.reduce((s, f) => s + f.contribution, factors.baseValue);
      expect(sum).toBeCloseTo(factors.prediction!, 9);
      // softmax over the three calibrated logits gives the option probabilities
      expect(
        rec.kind === 'categorical' && rec.options.find((o) => o.id === rec.recommended)!.probability,
      ).toBeGreaterThan(0.33);
    }
  });

  it('counterfactuals flip the recommendation and say who can act', () => {
    const withMissing = apps.filter((a) => a.missing.length > 0 && !a.incomeMismatch);
    expect(withMissing.length).toBeGreaterThan(0);
    for (const app of withMissing) {
      const rec = recommend(model, app);
      if (rec.kind !== 'categorical' || rec.recommended !== 'request-documents') continue;
      const cf = rec.explanation!.counterfactuals!.find((c) => c.id === 'cf-missingDocuments');
      expect(cf?.actionableBy).toBe('applicant');
      expect(cf?.outcome).not.toBe('request-documents');
    }
  });

  it('quotes evidence verbatim from the case documents, with document and page', () => {
    for (const app of apps.slice(0, 10)) {
      const rec = recommend(model, app);
      for (const ev of rec.explanation!.evidence!) {
        expect(ev.source.page).toBeGreaterThanOrEqual(1);
        expect(ev.span!.end - ev.span!.start).toBe(ev.quote.length);
      }
    }
  });
});
