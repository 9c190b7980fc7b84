import { describe, expect, it } from 'vitest';
import {
  accountability,
  automationBiasNotice,
  calibratedConfidence,
  CATALOGUE,
  decideWithoutAi,
  docLink,
  evaluateSafeguards,
  explanationsOnDemand,
  judgeFirst,
  justificationRule,
  loggerAttached,
  lowConfidenceFraming,
  minOwnTime,
  modelIdentity,
  revealAnnounced,
  stopAi,
  summarize,
  type ReviewInput,
} from './catalogue.ts';

type Components = ReviewInput['components'];

/** A full DecisionScreen at high stakes with the default policy: every check passes. */
const screenComponents = (): Components => ({
  screen: [{ accountabilityStatement: true, judgementStep: true, explanationSlot: false }],
  'oversight.decideWithoutAi': [{ control: 'button' }],
  'oversight.stopAi': [{ scope: 'procedure', reasonRequired: true }],
  'oversight.automationBiasNotice': [{ onFirstUse: false }],
  'judgement.independent': [{ committedBeforeReveal: true, checklistItems: 2 }],
  recommendation: [
    {
      revealMode: 'after-judgement',
      liveRegion: true,
      requestedFormat: 'verbal',
      displayFormat: 'verbal',
      calibrated: true,
      lowConfidenceThreshold: 0.66,
      modelShown: true,
    },
  ],
  'confidence.display': [
    { displayFormat: 'verbal', calibrated: true, numeric: false, uncalibratedNotice: false },
  ],
  justification: [{ rule: 'always', reasonCodes: 4 }],
  'actions.finalize': [{ minOwnTimeMs: 20_000 }],
});

function manifest(
  overrides: Partial<Omit<ReviewInput, 'plan'>> & { plan?: Partial<ReviewInput['plan']> } = {},
): ReviewInput {
  const { plan, ...rest } = overrides;
  const stakes = rest.stakes ?? plan?.stakes ?? 'high';
  return {
    schema: 'deliberate.safeguards/1',
    decisionId: 'd-1',
    procedure: 'housing-benefit.eligibility',
    locale: 'en',
    logger: true,
    recommendation: { kind: 'categorical', hasConfidence: true, calibrated: true, model: true },
    issues: [],
    confidenceFormat: 'verbal',
    components: screenComponents(),
    publishedAt: 0,
    dom: { explanationPanels: [], recommendationLiveRegions: 1 },
    ...rest,
    stakes,
    plan: {
      policyId: 'deliberate.default',
      policyVersion: '1.0.0',
      rule: 'high-stakes',
      stakes,
      band: 'high',
      arm: 'ai',
      audit: false,
      reveal: 'after-judgement',
      justification: 'always',
      minOwnTimeMs: 20_000,
      checklist: ['evidence-checked'],
      ...plan,
    },
  };
}

const without = (key: keyof Components): Components => {
  const c = screenComponents();
  delete c[key];
  return c;
};

describe('the catalogue', () => {
  it('passes every check for a full DecisionScreen at high stakes with the default policy', () => {
    const results = evaluateSafeguards(manifest());
    expect(results.filter((r) => r.status !== 'pass')).toEqual([]);
    expect(summarize(results)).toEqual({ pass: CATALOGUE.length, warn: 0, fail: 0 });
  });

  it('gives every check an id, titles in both languages, sources and a link to the guide anchor', () => {
    const ids = new Set<string>();
    for (const c of CATALOGUE) {
      expect(ids.has(c.id)).toBe(false);
      ids.add(c.id);
      expect(c.title.en).not.toBe('');
      expect(c.title.de).not.toBe('');
      expect(c.sources.length).toBeGreaterThan(0);
      expect(c.doc).toBe(docLink(c.id));
      expect(c.doc).toContain(`#safeguard-${c.id}`);
    }
  });

  it('turns a throwing check into a fail that says so', () => {
    const broken = {
      ...loggerAttached,
      evaluate: () => {
        throw new Error('boom');
      },
    };
    expect(evaluateSafeguards(manifest(), [broken])[0]).toMatchObject({
      status: 'fail',
      why: expect.stringContaining('boom'),
    });
  });
});

describe('decide-without-ai', () => {
  it('passes with the control mounted', () =>
    expect(decideWithoutAi.evaluate(manifest()).status).toBe('pass'));
  it('fails without it', () =>
    expect(
      decideWithoutAi.evaluate(manifest({ components: without('oversight.decideWithoutAi') })).status,
    ).toBe('fail'));
  it('does not apply in the no-AI arm', () => {
    const r = decideWithoutAi.evaluate(manifest({ components: {}, plan: { arm: 'no-ai' } }));
    expect(r).toMatchObject({ status: 'pass', why: expect.stringContaining('no-AI control arm') });
  });
  it('does not apply without a recommendation', () =>
    expect(decideWithoutAi.evaluate(manifest({ components: {}, recommendation: null })).status).toBe('pass'));
});

describe('stop-ai', () => {
  it('passes with the control', () => expect(stopAi.evaluate(manifest()).status).toBe('pass'));
  it('fails without it', () =>
    expect(stopAi.evaluate(manifest({ components: without('oversight.stopAi') })).status).toBe('fail'));
});

describe('automation-bias-notice', () => {
  it('passes with the notice', () => expect(automationBiasNotice.evaluate(manifest()).status).toBe('pass'));
  it('warns without it', () =>
    expect(
      automationBiasNotice.evaluate(manifest({ components: without('oversight.automationBiasNotice') }))
        .status,
    ).toBe('warn'));
});

describe('judge-first', () => {
  it('passes for after-judgement with a judgement step', () =>
    expect(judgeFirst.evaluate(manifest()).status).toBe('pass'));
  it('warns on high stakes without judge-first', () => {
    expect(judgeFirst.evaluate(manifest({ plan: { reveal: 'immediate' } })).status).toBe('warn');
    expect(judgeFirst.evaluate(manifest({ plan: { reveal: 'on-request' } })).status).toBe('warn');
  });
  it('passes an immediate reveal at low stakes', () =>
    expect(judgeFirst.evaluate(manifest({ stakes: 'low', plan: { reveal: 'immediate' } })).status).toBe(
      'pass',
    ));
  it('warns when the plan is judge-first but no judgement step is mounted', () =>
    expect(judgeFirst.evaluate(manifest({ components: without('judgement.independent') })).status).toBe(
      'warn',
    ));
});

describe('calibrated-confidence', () => {
  it('passes calibrated confidence', () =>
    expect(calibratedConfidence.evaluate(manifest()).status).toBe('pass'));
  it('fails a number shown for uncalibrated confidence', () => {
    const components = screenComponents();
    components['confidence.display'] = [
      { displayFormat: 'percent', calibrated: false, numeric: true, uncalibratedNotice: false },
    ];
    expect(calibratedConfidence.evaluate(manifest({ components })).status).toBe('fail');
  });
  it('fails a recommendation that reports a numeric format while uncalibrated', () => {
    const components = screenComponents();
    components.recommendation = [
      { ...components.recommendation![0]!, calibrated: false, displayFormat: 'frequency' },
    ];
    delete components['confidence.display'];
    expect(calibratedConfidence.evaluate(manifest({ components })).status).toBe('fail');
  });
  it('passes uncalibrated confidence shown as a verbal band with a notice', () => {
    const components = screenComponents();
    components['confidence.display'] = [
      { displayFormat: 'verbal', calibrated: false, numeric: false, uncalibratedNotice: true },
    ];
    const r = calibratedConfidence.evaluate(manifest({ components }));
    expect(r).toMatchObject({ status: 'pass', why: expect.stringContaining('verbal band') });
  });
  it('warns when uncalibrated confidence exists but no Deliberate display is mounted', () => {
    const components = without('confidence.display');
    delete components.recommendation;
    const recommendation = {
      kind: 'categorical' as const,
      hasConfidence: true,
      calibrated: false,
      model: true,
    };
    expect(calibratedConfidence.evaluate(manifest({ components, recommendation })).status).toBe('warn');
  });
});

describe('justification', () => {
  it('passes "always" on high stakes', () =>
    expect(justificationRule.evaluate(manifest()).status).toBe('pass'));
  it('warns on reasons only on override at high stakes (accepting becomes the easy path)', () => {
    const r = justificationRule.evaluate(manifest({ plan: { justification: 'override' } }));
    expect(r).toMatchObject({ status: 'warn', why: expect.stringContaining('easy path') });
  });
  it('fails no reasons at all on high stakes', () =>
    expect(justificationRule.evaluate(manifest({ plan: { justification: 'none' } })).status).toBe('fail'));
  it('passes override at medium stakes and warns none', () => {
    expect(
      justificationRule.evaluate(manifest({ stakes: 'medium', plan: { justification: 'override' } })).status,
    ).toBe('pass');
    expect(
      justificationRule.evaluate(manifest({ stakes: 'medium', plan: { justification: 'none' } })).status,
    ).toBe('warn');
  });
  it('warns when reasons are required but no Justification is mounted', () =>
    expect(justificationRule.evaluate(manifest({ components: without('justification') })).status).toBe(
      'warn',
    ));
});

describe('logger', () => {
  it('passes with a logger', () => expect(loggerAttached.evaluate(manifest()).status).toBe('pass'));
  it('fails without one', () =>
    expect(loggerAttached.evaluate(manifest({ logger: false })).status).toBe('fail'));
});

describe('reveal-announced', () => {
  it('passes with a live region registered and found in the DOM', () =>
    expect(revealAnnounced.evaluate(manifest()).status).toBe('pass'));
  it('fails when the recommendation has no live region', () => {
    const components = screenComponents();
    components.recommendation = [{ ...components.recommendation![0]!, liveRegion: false }];
    expect(revealAnnounced.evaluate(manifest({ components })).status).toBe('fail');
  });
  it('fails when the DOM shows no live region', () =>
    expect(
      revealAnnounced.evaluate(manifest({ dom: { explanationPanels: [], recommendationLiveRegions: 0 } }))
        .status,
    ).toBe('fail'));
  it('warns when no Deliberate Recommendation is mounted', () =>
    expect(revealAnnounced.evaluate(manifest({ components: without('recommendation') })).status).toBe(
      'warn',
    ));
});

describe('min-own-time', () => {
  it('passes high stakes with own time', () => expect(minOwnTime.evaluate(manifest()).status).toBe('pass'));
  it('warns high stakes without own time', () =>
    expect(minOwnTime.evaluate(manifest({ plan: { minOwnTimeMs: 0 } })).status).toBe('warn'));
  it('passes low stakes without own time', () =>
    expect(minOwnTime.evaluate(manifest({ stakes: 'low', plan: { minOwnTimeMs: 0 } })).status).toBe('pass'));
});

describe('explanations-on-demand', () => {
  it('does not apply without panels', () =>
    expect(explanationsOnDemand.evaluate(manifest()).status).toBe('pass'));
  it('passes panels opened on demand', () => {
    const components = {
      ...screenComponents(),
      'explanation.panel': [{ panel: 'factors', openedOnDemand: true }],
    };
    expect(explanationsOnDemand.evaluate(manifest({ components })).status).toBe('pass');
  });
  it('warns a panel open by default', () => {
    const components = {
      ...screenComponents(),
      'explanation.panel': [{ panel: 'factors', openedOnDemand: false }],
    };
    expect(explanationsOnDemand.evaluate(manifest({ components })).status).toBe('warn');
  });
  it('warns panels found only in the DOM (behaviour not declared)', () => {
    const dom = { explanationPanels: [{ panel: 'factors', open: false }], recommendationLiveRegions: 1 };
    expect(explanationsOnDemand.evaluate(manifest({ dom })).status).toBe('warn');
  });
});

describe('accountability', () => {
  it('passes with the statement', () => expect(accountability.evaluate(manifest()).status).toBe('pass'));
  it('warns without it', () =>
    expect(accountability.evaluate(manifest({ components: without('screen') })).status).toBe('warn'));
});

describe('low-confidence-framing', () => {
  it('passes with a threshold', () => expect(lowConfidenceFraming.evaluate(manifest()).status).toBe('pass'));
  it('warns with threshold 0', () => {
    const components = screenComponents();
    components.recommendation = [{ ...components.recommendation![0]!, lowConfidenceThreshold: 0 }];
    expect(lowConfidenceFraming.evaluate(manifest({ components })).status).toBe('warn');
  });
});

describe('model-identity', () => {
  it('passes with a model', () => expect(modelIdentity.evaluate(manifest()).status).toBe('pass'));
  it('warns without one', () => {
    const recommendation = {
      kind: 'categorical' as const,
      hasConfidence: false,
      calibrated: false,
      model: false,
    };
    expect(modelIdentity.evaluate(manifest({ recommendation })).status).toBe('warn');
  });
});
