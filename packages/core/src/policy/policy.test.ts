import fc from 'fast-check';
import type { ResolvePolicyInput } from './types.ts';
import { describe, expect, it } from 'vitest';
import { STAKES } from '../stakes.ts';
import type { Stakes } from '../stakes.ts';
import { adaptPlanAfterReveal } from './after-reveal.ts';
import {
  ARMS,
  CONFIDENCE_BANDS,
  JUSTIFICATION_RULES,
  PolicyError,
  REVEAL_MODES,
  confidenceBand,
  defaultPolicy,
  definePolicy,
  describePlan,
  resolvePolicy,
} from './policy.ts';
import type {
  AfterRevealRule,
  ConfidenceBand,
  FrictionPolicy,
  FrictionSettings,
  JustificationRule,
  PolicyRule,
} from './types.ts';

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

/** Confidence inputs that land in each band under the default thresholds. */
const INPUT_FOR_BAND: Record<
  ConfidenceBand,
  { confidence: number | undefined; calibrated: boolean | undefined }
> = {
  high: { confidence: 0.95, calibrated: true },
  medium: { confidence: 0.8, calibrated: true },
  low: { confidence: 0.3, calibrated: true },
  uncalibrated: { confidence: 0.99, calibrated: false },
  unknown: { confidence: undefined, calibrated: true },
};

const plain = (overrides: Partial<FrictionSettings> = {}): FrictionSettings => ({
  reveal: 'immediate',
  justification: 'none',
  minOwnTimeMs: 0,
  checklist: [],
  ...overrides,
});

const rule = (id: string, when: PolicyRule['when'], plan: FrictionSettings = plain()): PolicyRule => ({
  id,
  description: `test rule ${id}`,
  when,
  plan,
});

/** A valid policy with one catch-all rule; tests override what they exercise. */
const policyWith = (overrides: Partial<FrictionPolicy> = {}): FrictionPolicy =>
  definePolicy({
    id: 'test.policy',
    version: '1',
    bands: { high: 0.9, medium: 0.66 },
    rules: [rule('all', {})],
    auditRate: 0,
    noAiRate: 0,
    audit: {},
    ...overrides,
  });

/** The default rules with the audit draw switched off, to check each rule's own settings. */
const defaultWithoutAudit = definePolicy({ ...defaultPolicy, auditRate: 0 });

const ids = (n: number, prefix = 'decision-') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

const issuesOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    if (error instanceof PolicyError) return error.issues;
    throw error;
  }
  throw new Error('expected a PolicyError');
};

/* -------------------------------------------------------------------------------------------------
 * confidenceBand
 * -----------------------------------------------------------------------------------------------*/

describe('confidenceBand', () => {
  const bands = { high: 0.9, medium: 0.66 };

  it('sorts calibrated confidence by the thresholds, inclusive at each threshold', () => {
    expect(confidenceBand(0.9, true, bands)).toBe('high');
    expect(confidenceBand(1, true, bands)).toBe('high');
    expect(confidenceBand(0.8999, true, bands)).toBe('medium');
    expect(confidenceBand(0.66, true, bands)).toBe('medium');
    expect(confidenceBand(0.6599, true, bands)).toBe('low');
    expect(confidenceBand(0, true, bands)).toBe('low');
  });

  it('calls any confidence uncalibrated unless calibrated is exactly true', () => {
    expect(confidenceBand(0.99, false, bands)).toBe('uncalibrated');
    expect(confidenceBand(0.99, undefined, bands)).toBe('uncalibrated');
    expect(confidenceBand(0.99, 'yes' as unknown as boolean, bands)).toBe('uncalibrated');
  });

  it('calls a missing, non-finite or out-of-range confidence unknown', () => {
    expect(confidenceBand(undefined, true, bands)).toBe('unknown');
    expect(confidenceBand(Number.NaN, true, bands)).toBe('unknown');
    expect(confidenceBand(Number.POSITIVE_INFINITY, true, bands)).toBe('unknown');
    expect(confidenceBand(1.7, true, bands)).toBe('unknown');
    expect(confidenceBand(-0.1, true, bands)).toBe('unknown');
    expect(confidenceBand(undefined, false, bands)).toBe('unknown');
  });

  it('uses the default thresholds (0.9 and 0.66) when none are given', () => {
    expect(confidenceBand(0.9, true)).toBe('high');
    expect(confidenceBand(0.66, true)).toBe('medium');
  });
});

/* -------------------------------------------------------------------------------------------------
 * The default policy
 * -----------------------------------------------------------------------------------------------*/

describe('the default policy', () => {
  it('is deliberate.default@2.0.0 with bands 0.9 / 0.66, 5 % audits and no control arm', () => {
    expect(defaultPolicy.id).toBe('deliberate.default');
    expect(defaultPolicy.version).toBe('2.0.0');
    expect(defaultPolicy.bands).toEqual({ high: 0.9, medium: 0.66 });
    expect(defaultPolicy.auditRate).toBe(0.05);
    expect(defaultPolicy.noAiRate).toBe(0);
    expect(defaultPolicy.audit).toEqual({ reveal: 'after-judgement', justification: 'always' });
  });

  it('explains every rule, before and after the reveal, with a cited source', () => {
    const rules = [...defaultPolicy.rules, ...(defaultPolicy.afterReveal ?? [])];
    expect(rules).toHaveLength(4);
    for (const r of rules) expect(r.description).toMatch(/\(.*\d{4}.*\)|PAIR/);
  });

  it('says in the after-reveal rule that its evidence is indirect', () => {
    expect(defaultPolicy.afterReveal?.[0]?.description).toMatch(/evidence is indirect/);
  });

  const table: [Stakes, string, string, string, number, number][] = [
    ['high', 'high-stakes', 'after-judgement', 'always', 20_000, 2],
    ['medium', 'medium-stakes', 'after-judgement', 'override', 10_000, 0],
    ['low', 'low-stakes', 'on-request', 'override', 0, 0],
  ];

  it.each(table)(
    'given %s stakes › fires %s (reveal %s, justification %s, own time %i ms, %i checklist items), whatever the AI says',
    (stakes, ruleId, reveal, justification, minOwnTimeMs, items) => {
      const plans = CONFIDENCE_BANDS.map((band) =>
        resolvePolicy({ policy: defaultWithoutAudit, stakes, ...INPUT_FOR_BAND[band], decisionId: 'd-1' }),
      );
      for (const plan of plans) {
        expect(plan).toMatchObject({ rule: ruleId, reveal, justification, minOwnTimeMs, audit: false });
        expect(plan.checklist).toHaveLength(items);
        expect(plan).not.toHaveProperty('band');
        expect(plan).toEqual(plans[0]);
      }
    },
  );

  const afterRevealTable: [Stakes, ConfidenceBand, JustificationRule, string | undefined][] = [
    ['high', 'high', 'always', undefined],
    ['high', 'medium', 'always', undefined],
    ['high', 'low', 'always', undefined],
    ['high', 'uncalibrated', 'always', undefined],
    ['high', 'unknown', 'always', undefined],
    ['medium', 'high', 'override', undefined],
    ['medium', 'medium', 'override', undefined],
    ['medium', 'low', 'always', 'weak-confidence'],
    ['medium', 'uncalibrated', 'always', 'weak-confidence'],
    ['medium', 'unknown', 'always', 'weak-confidence'],
    ['low', 'high', 'override', undefined],
    ['low', 'medium', 'override', undefined],
    ['low', 'low', 'always', 'weak-confidence'],
    ['low', 'uncalibrated', 'always', 'weak-confidence'],
    ['low', 'unknown', 'always', 'weak-confidence'],
  ];

  it.each(afterRevealTable)(
    'after the reveal, at %s stakes with a %s band › justification %s (after-reveal rule %s)',
    (stakes, band, justification, ruleId) => {
      const plan = resolvePolicy({ policy: defaultWithoutAudit, stakes, decisionId: 'd-1' });
      const { confidence, calibrated } = INPUT_FOR_BAND[band];
      const after = adaptPlanAfterReveal(plan, {
        ...(confidence === undefined ? {} : { confidence }),
        ...(calibrated === undefined ? {} : { calibration: { calibrated } }),
      });
      expect(after.justification).toBe(justification);
      expect(after.revealed).toEqual(
        ruleId === undefined ? { band, justification } : { band, rule: ruleId, justification },
      );
      // Everything the person met before the reveal stays as it was.
      expect({ ...after, justification: plan.justification, revealed: undefined }).toEqual({
        ...plan,
        revealed: undefined,
      });
    },
  );

  it('gives high stakes a two-item checklist with English and German labels', () => {
    const plan = resolvePolicy({ policy: defaultWithoutAudit, stakes: 'high', decisionId: 'd-1' });
    expect(plan.checklist.map((item) => item.id)).toEqual([
      'evidence-checked',
      'counter-evidence-considered',
    ]);
    expect(plan.checklist[0]?.label).toEqual({
      en: 'I checked the evidence in the case file',
      de: 'Ich habe die Belege in der Akte geprüft',
    });
    expect(plan.checklist[1]?.label.en).toBe('I considered what speaks against my assessment');
    expect(plan.checklist[1]?.label.de).toBe('Ich habe bedacht, was gegen meine Einschätzung spricht');
  });

  it('never puts anyone in the no-AI arm', () => {
    for (const decisionId of ids(500)) expect(resolvePolicy({ stakes: 'low', decisionId }).arm).toBe('ai');
  });

  it('property: any input gives a valid plan that does not depend on the AI’s confidence', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STAKES),
        fc.option(fc.oneof(fc.double(), fc.double({ min: 0, max: 1 })), { nil: undefined }),
        fc.option(fc.boolean(), { nil: undefined }),
        fc.string({ minLength: 1 }),
        (stakes, confidence, calibrated, decisionId) => {
          // A caller in plain JavaScript (or on an old version) may still pass the AI's output.
          const legacy = { stakes, confidence, calibrated, decisionId } as unknown as ResolvePolicyInput;
          const plan = resolvePolicy(legacy);
          expect(plan).toEqual(resolvePolicy({ stakes, decisionId }));
          expect(REVEAL_MODES).toContain(plan.reveal);
          expect(JUSTIFICATION_RULES).toContain(plan.justification);
          expect(plan).not.toHaveProperty('band');
          expect(plan).not.toHaveProperty('revealed');
          expect(ARMS).toContain(plan.arm);
          expect(typeof plan.audit).toBe('boolean');
          expect(Number.isFinite(plan.minOwnTimeMs) && plan.minOwnTimeMs >= 0).toBe(true);
          expect(defaultPolicy.rules.map((r) => r.id)).toContain(plan.rule);
          expect(plan).toMatchObject({ stakes, policyId: 'deliberate.default', policyVersion: '2.0.0' });
          // Judge first at high and medium stakes, audit sample or not.
          if (stakes !== 'low') expect(plan.reveal).toBe('after-judgement');
          // The plan is plain JSON, so the protocol state that holds it stays serialisable.
          expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
        },
      ),
      { numRuns: 500 },
    );
  });
});

/* -------------------------------------------------------------------------------------------------
 * resolvePolicy
 * -----------------------------------------------------------------------------------------------*/

describe('resolvePolicy', () => {
  const afterReveal: AfterRevealRule[] = [
    {
      id: 'weak-medium',
      description: 'd',
      when: { stakes: ['medium'], band: ['low'] },
      justification: 'always',
    },
    { id: 'weak-any', description: 'd', when: { band: ['unknown'] }, justification: 'override' },
    { id: 'high-only', description: 'd', when: { stakes: ['high'] }, justification: 'always' },
  ];

  it('ignores the deprecated confidence and calibration inputs', () => {
    const policy = policyWith({ afterReveal });
    for (const stakes of STAKES) {
      const blind = resolvePolicy({ policy, stakes, decisionId: 'd' });
      for (const band of CONFIDENCE_BANDS) {
        expect(resolvePolicy({ policy, stakes, ...INPUT_FOR_BAND[band], decisionId: 'd' })).toEqual(blind);
      }
    }
  });

  it('fires the first rule whose stakes match, and an empty stakes list matches everything', () => {
    const ordered = policyWith({
      rules: [
        rule('high', { stakes: ['high'] }, plain({ minOwnTimeMs: 1 })),
        rule('high-or-medium', { stakes: ['medium', 'high'] }, plain({ minOwnTimeMs: 2 })),
        rule('rest', { stakes: [] }),
      ],
    });
    const fired = STAKES.map((stakes) => resolvePolicy({ policy: ordered, stakes, decisionId: 'd' }).rule);
    expect(fired).toEqual(['rest', 'high-or-medium', 'high']);
  });

  it('records the rule, stakes, policy id and version, the thresholds and the after-reveal rules — no band', () => {
    const policy = policyWith({ id: 'housing-benefit.eligibility', version: '2025-01', afterReveal });
    const plan = resolvePolicy({ policy, stakes: 'medium', decisionId: 'd' });
    expect(plan).toEqual({
      reveal: 'immediate',
      justification: 'none',
      minOwnTimeMs: 0,
      checklist: [],
      policyId: 'housing-benefit.eligibility',
      policyVersion: '2025-01',
      rule: 'all',
      stakes: 'medium',
      arm: 'ai',
      audit: false,
      bands: { high: 0.9, medium: 0.66 },
      // Only the rules for medium stakes, in order, with what the reveal reads.
      afterReveal: [
        { id: 'weak-medium', band: ['low'], justification: 'always' },
        { id: 'weak-any', band: ['unknown'], justification: 'override' },
      ],
    });
  });

  it('carries no after-reveal rules when the policy has none for the stakes', () => {
    expect(resolvePolicy({ policy: policyWith(), stakes: 'low', decisionId: 'd' }).afterReveal).toEqual([]);
    const policy = policyWith({ afterReveal });
    expect(resolvePolicy({ policy, stakes: 'high', decisionId: 'd' }).afterReveal).toEqual([
      { id: 'weak-any', band: ['unknown'], justification: 'override' },
      { id: 'high-only', band: [], justification: 'always' },
    ]);
  });

  it('uses the default policy when none is given', () => {
    const plan = resolvePolicy({ stakes: 'high', decisionId: 'd' });
    expect(plan).toMatchObject({
      policyId: 'deliberate.default',
      policyVersion: '2.0.0',
      rule: 'high-stakes',
    });
  });

  it('returns a plan that shares nothing with the frozen policy', () => {
    const plan = resolvePolicy({ policy: defaultWithoutAudit, stakes: 'high', decisionId: 'd' });
    expect(Object.isFrozen(plan.checklist)).toBe(false);
    expect(plan.checklist[0]).not.toBe(defaultWithoutAudit.rules[0]?.plan.checklist[0]);
    plan.checklist.push({ id: 'x', label: { en: 'x', de: 'x' } });
    expect(defaultWithoutAudit.rules[0]?.plan.checklist).toHaveLength(2);
    const low = resolvePolicy({ policy: defaultWithoutAudit, stakes: 'low', decisionId: 'd' });
    expect(Object.isFrozen(low.afterReveal?.[0]?.band)).toBe(false);
    expect(Object.isFrozen(low.bands)).toBe(false);
    low.afterReveal?.[0]?.band.push('high');
    expect(defaultWithoutAudit.afterReveal?.[0]?.when.band).toHaveLength(3);
  });

  describe('given an audit sample', () => {
    const policy = policyWith({
      auditRate: 1,
      rules: [
        rule(
          'all',
          {},
          plain({
            minOwnTimeMs: 5_000,
            checklist: [
              { id: 'a', label: { en: 'A', de: 'A' } },
              { id: 'b', label: { en: 'B', de: 'B' } },
            ],
          }),
        ),
      ],
      audit: {
        reveal: 'after-judgement',
        justification: 'always',
        checklist: [
          { id: 'b', label: { en: 'B (audit)', de: 'B (Prüfung)' } },
          { id: 'c', label: { en: 'C', de: 'C' } },
        ],
      },
    });

    it('merges the audit settings over the rule and keeps what the audit leaves out', () => {
      const plan = resolvePolicy({ policy, stakes: 'low', decisionId: 'd' });
      expect(plan).toMatchObject({
        audit: true,
        reveal: 'after-judgement',
        justification: 'always',
        minOwnTimeMs: 5_000,
      });
    });

    it('concatenates the checklists without duplicate ids, keeping the rule’s item', () => {
      const plan = resolvePolicy({ policy, stakes: 'low', decisionId: 'd' });
      expect(plan.checklist.map((item) => item.id)).toEqual(['a', 'b', 'c']);
      expect(plan.checklist[1]?.label.en).toBe('B');
    });

    it('still records the rule that fired', () => {
      expect(resolvePolicy({ policy, stakes: 'low', decisionId: 'd' }).rule).toBe('all');
    });

    it('in the default policy, turns a low-stakes on-request plan into judge-first with a reason', () => {
      const alwaysAudit = definePolicy({ ...defaultPolicy, auditRate: 1 });
      const plan = resolvePolicy({ policy: alwaysAudit, stakes: 'low', decisionId: 'd' });
      expect(plan).toMatchObject({
        rule: 'low-stakes',
        audit: true,
        reveal: 'after-judgement',
        justification: 'always',
      });
    });
  });

  describe('draws', () => {
    it('gives the same decision id the same arm and audit draw, every time', () => {
      const policy = policyWith({ auditRate: 0.5, noAiRate: 0.5 });
      for (const decisionId of ids(50)) {
        const first = resolvePolicy({ policy, stakes: 'low', decisionId });
        const again = resolvePolicy({ policy, stakes: 'high', decisionId });
        expect([again.arm, again.audit]).toEqual([first.arm, first.audit]);
      }
    });

    it('assigns differently under different seeds', () => {
      const policy = policyWith({ auditRate: 0.5, noAiRate: 0.5 });
      const assign = (seed: string) =>
        ids(200).map((decisionId) => {
          const plan = resolvePolicy({ policy, stakes: 'low', decisionId, seed });
          return `${plan.arm}/${plan.audit}`;
        });
      expect(assign('deployment-a')).toEqual(assign('deployment-a'));
      expect(assign('deployment-a')).not.toEqual(assign('deployment-b'));
    });

    it('seeds with policy id@version by default, so a new version draws anew', () => {
      const v1 = policyWith({ auditRate: 0.5 });
      const v2 = policyWith({ auditRate: 0.5, version: '2' });
      const audits = (policy: FrictionPolicy, seed?: string) =>
        ids(200).map((decisionId) =>
          seed === undefined
            ? resolvePolicy({ policy, stakes: 'low', decisionId }).audit
            : resolvePolicy({ policy, stakes: 'low', decisionId, seed }).audit,
        );
      expect(audits(v1)).toEqual(audits(v1, 'test.policy@1'));
      expect(audits(v1)).not.toEqual(audits(v2));
      expect(audits(v1, 'fixed')).toEqual(audits(v2, 'fixed'));
    });

    it('given rate 0 › draws nobody; given rate 1 › draws everybody', () => {
      const none = policyWith({ auditRate: 0, noAiRate: 0 });
      const all = policyWith({ auditRate: 1, noAiRate: 1 });
      for (const decisionId of ids(1_000)) {
        expect(resolvePolicy({ policy: none, stakes: 'low', decisionId })).toMatchObject({
          audit: false,
          arm: 'ai',
        });
        expect(resolvePolicy({ policy: all, stakes: 'low', decisionId })).toMatchObject({
          audit: true,
          arm: 'no-ai',
        });
      }
    });

    it('given audit rate 0.2 › samples about 20 % of 5 000 decisions', () => {
      const policy = policyWith({ auditRate: 0.2 });
      const n = 5_000;
      const sampled = ids(n).filter(
        (decisionId) => resolvePolicy({ policy, stakes: 'low', decisionId }).audit,
      ).length;
      // σ = √(0.2·0.8/5000) ≈ 0.0057; ±0.025 is more than 4σ.
      expect(Math.abs(sampled / n - 0.2)).toBeLessThan(0.025);
    });

    it('given no-AI rate 0.2 › puts about 20 % of 5 000 decisions in the control arm', () => {
      const policy = policyWith({ noAiRate: 0.2 });
      const n = 5_000;
      const control = ids(n).filter(
        (decisionId) => resolvePolicy({ policy, stakes: 'low', decisionId }).arm === 'no-ai',
      );
      expect(Math.abs(control.length / n - 0.2)).toBeLessThan(0.025);
    });

    it('draws arm and audit independently: the share with both is about the product of the rates', () => {
      const policy = policyWith({ auditRate: 0.3, noAiRate: 0.4 });
      const n = 5_000;
      let both = 0;
      for (const decisionId of ids(n)) {
        const plan = resolvePolicy({ policy, stakes: 'low', decisionId });
        if (plan.audit && plan.arm === 'no-ai') both++;
      }
      // Expected 0.12 if independent (0.3 if the draws were the same number); σ ≈ 0.0046.
      expect(Math.abs(both / n - 0.12)).toBeLessThan(0.02);
    });
  });

  describe('given input it cannot resolve', () => {
    it('refuses unknown stakes instead of falling through to the catch-all', () => {
      const issues = issuesOf(() => resolvePolicy({ stakes: 'critical' as Stakes, decisionId: 'd' }));
      expect(issues).toEqual([expect.stringContaining('stakes')]);
    });

    it('refuses an empty decision id, which would share one draw with every other', () => {
      expect(issuesOf(() => resolvePolicy({ stakes: 'low', decisionId: '' }))).toEqual([
        'decisionId: must be a non-empty string',
      ]);
    });

    it('validates a policy that was not made by definePolicy, so a missing catch-all cannot slip through', () => {
      const unchecked: FrictionPolicy = {
        id: 'raw',
        version: '1',
        bands: { high: 0.9, medium: 0.66 },
        rules: [rule('high-only', { stakes: ['high'] })],
        auditRate: 0,
        noAiRate: 0,
        audit: {},
      };
      expect(() => resolvePolicy({ policy: unchecked, stakes: 'low', decisionId: 'd' })).toThrow(PolicyError);
    });
  });
});

/* -------------------------------------------------------------------------------------------------
 * definePolicy
 * -----------------------------------------------------------------------------------------------*/

describe('definePolicy', () => {
  it('reports every problem at once', () => {
    const issues = issuesOf(() =>
      definePolicy({
        id: '',
        version: '',
        bands: { high: 0.6, medium: 0.8 },
        auditRate: 1.5,
        noAiRate: -0.1,
        audit: { minOwnTimeMs: Number.POSITIVE_INFINITY },
        rules: [
          rule(
            'a',
            { stakes: ['critical' as Stakes] },
            plain({
              minOwnTimeMs: -1,
              checklist: [
                { id: 'c', label: { en: 'C', de: 'C' } },
                { id: 'c', label: { en: 'C again', de: 'C nochmal' } },
              ],
            }),
          ),
          rule('a', { stakes: ['high'] }, plain({ minOwnTimeMs: Number.NaN })),
        ],
        afterReveal: [
          {
            id: 'x',
            description: 'd',
            when: { band: ['sure' as ConfidenceBand] },
            justification: 'none',
          },
        ],
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        'id: must not be empty',
        'version: must not be empty',
        'bands: medium threshold (0.8) must not be above high threshold (0.6)',
        'auditRate: must be between 0 and 1',
        'noAiRate: must be between 0 and 1',
        'audit.minOwnTimeMs: must be a finite number',
        'rules[0].when.stakes[0]: must be a stakes level: low, medium, high',
        'afterReveal[0].when.band[0]: must be a confidence band: high, medium, low, uncalibrated, unknown',
        'afterReveal[0].justification: an after-reveal rule can only raise the justification; "none" would never change a plan',
        'rules[0].plan.minOwnTimeMs: must be 0 or more milliseconds',
        'rules[0].plan.checklist[1].id: duplicate checklist id "c"',
        'rules[1].id: duplicate rule id "a"',
        'rules[1].plan.minOwnTimeMs: must be a finite number',
        'rules[1].when: the last rule must be a catch-all (a rule with no conditions), so every decision gets a plan',
      ]),
    );
    expect(issues).toHaveLength(14);
  });

  it('throws a named PolicyError whose message lists the issues', () => {
    let caught: unknown;
    try {
      definePolicy({ ...defaultPolicy, auditRate: 2 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PolicyError);
    expect(caught).toBeInstanceOf(Error);
    expect((caught as PolicyError).name).toBe('PolicyError');
    expect((caught as PolicyError).message).toContain('auditRate: must be between 0 and 1');
  });

  it('requires a catch-all last rule', () => {
    const rules = [rule('high', { stakes: ['high'] }), rule('low-or-medium', { stakes: ['low', 'medium'] })];
    // These two rules cover every case, but only a rule without conditions reads as "the rest".
    expect(issuesOf(() => policyWith({ rules }))).toEqual([
      'rules[1].when: the last rule must be a catch-all (a rule with no conditions), so every decision gets a plan',
    ]);
  });

  it('requires at least one rule', () => {
    expect(issuesOf(() => policyWith({ rules: [] }))).toEqual([
      'rules: must contain at least one rule, and the last must be a catch-all (a rule with no conditions)',
    ]);
  });

  it('accepts an empty stakes list as a catch-all', () => {
    expect(() => policyWith({ rules: [rule('rest', { stakes: [] })] })).not.toThrow();
  });

  it('rejects rules that can never fire, such as anything after an early catch-all', () => {
    const issues = issuesOf(() =>
      policyWith({
        rules: [
          rule('any-high', { stakes: ['high'] }),
          rule('high-again', { stakes: ['high'] }),
          rule('rest', {}),
          rule('rest-again', {}),
        ],
      }),
    );
    expect(issues).toEqual([
      'rules[1]: rule "high-again" can never fire: earlier rules match every case it matches',
      'rules[3]: rule "rest-again" can never fire: earlier rules match every case it matches',
    ]);
  });

  describe('a rule before the reveal that reads the AI’s confidence band', () => {
    const WHY =
      "rules[0].when.band: a rule before the reveal must not depend on the AI's confidence band: it would " +
      "choose the reveal mode, own-assessment time or checklist from the AI's output, so the screen itself " +
      'would tell the person what the AI thinks before they judge. Put band conditions in `afterReveal`, ' +
      'which applies once the AI is shown.';
    // The type forbids it (`band?: never`); policies from JSON or JavaScript reach the check.
    const withBand = (band: unknown, stakes?: Stakes[]) =>
      ({
        id: 'weak',
        description: 'judge first when the AI is unsure',
        when: stakes === undefined ? { band } : { stakes, band },
        plan: plain({ reveal: 'after-judgement' }),
      }) as unknown as PolicyRule;

    it('is rejected, with a message that says why and where band conditions belong', () => {
      expect(
        issuesOf(() => policyWith({ rules: [withBand(['low'], ['medium']), rule('rest', {})] })),
      ).toEqual([WHY]);
    });

    it('is rejected even as the last rule, once, without a second complaint about the catch-all', () => {
      expect(issuesOf(() => policyWith({ rules: [withBand(['low', 'unknown'])] }))).toEqual([WHY]);
    });

    it('is rejected whatever the band value is', () => {
      expect(issuesOf(() => policyWith({ rules: [withBand('low'), rule('rest', {})] }))).toEqual([WHY]);
    });

    it('is accepted as an empty list, which is no condition', () => {
      expect(() => policyWith({ rules: [withBand([])] })).not.toThrow();
    });

    it('is rejected in a version-1 policy that chose the reveal by band', () => {
      const v1 = {
        ...defaultPolicy,
        rules: [
          defaultPolicy.rules[0],
          withBand(['low', 'uncalibrated', 'unknown'], ['medium']),
          ...defaultPolicy.rules.slice(1),
        ],
      } as FrictionPolicy;
      expect(issuesOf(() => definePolicy(v1))).toEqual([WHY.replace('rules[0]', 'rules[1]')]);
    });
  });

  describe('after-reveal rules', () => {
    const after = (
      id: string,
      when: AfterRevealRule['when'],
      justification: JustificationRule = 'always',
    ): AfterRevealRule => ({ id, description: `after-reveal rule ${id}`, when, justification });

    it('may read the band and the stakes', () => {
      const policy = policyWith({
        afterReveal: [
          after('weak', { stakes: ['medium', 'low'], band: ['low', 'unknown'] }),
          after('rest', {}),
        ],
      });
      expect(policy.afterReveal?.map((r) => r.id)).toEqual(['weak', 'rest']);
    });

    it('are optional and need no catch-all', () => {
      expect(policyWith().afterReveal).toBeUndefined();
      expect(() => policyWith({ afterReveal: [] })).not.toThrow();
      expect(() => policyWith({ afterReveal: [after('only-low', { band: ['low'] })] })).not.toThrow();
    });

    it('refuses duplicate ids, unknown names and keys, and rules that can never fire', () => {
      const typo = { ...after('typo', {}), when: { bands: ['low'] } } as unknown as AfterRevealRule;
      const issues = issuesOf(() =>
        policyWith({
          afterReveal: [
            after('weak', { band: ['low', 'uncalibrated'] }),
            after('weak', { stakes: ['high'], band: ['low'] }),
            after('odd', { stakes: ['urgent' as Stakes] }),
            typo,
            after('shadowed', { stakes: ['medium'], band: ['uncalibrated'] }, 'override'),
          ],
        }),
      );
      expect(issues).toEqual(
        expect.arrayContaining([
          'afterReveal[1].id: duplicate rule id "weak"',
          'afterReveal[1]: rule "weak" can never fire: earlier rules match every case it matches',
          'afterReveal[2].when.stakes[0]: must be a stakes level: low, medium, high',
          'afterReveal[3].when: unknown key "bands"',
          'afterReveal[4]: rule "shadowed" can never fire: earlier rules match every case it matches',
        ]),
      );
      expect(issues).toHaveLength(5);
    });

    it('refuses a justification of none, which could never raise a plan', () => {
      expect(issuesOf(() => policyWith({ afterReveal: [after('lax', {}, 'none')] }))).toEqual([
        'afterReveal[0].justification: an after-reveal rule can only raise the justification; "none" would never change a plan',
      ]);
    });

    it('refuses anything but a list', () => {
      expect(
        issuesOf(() => policyWith({ afterReveal: { weak: 'always' } as unknown as AfterRevealRule[] })),
      ).toEqual(['afterReveal: must be an array']);
    });
  });

  it('rejects unknown keys, so a typo cannot widen a rule into a catch-all', () => {
    const typo = {
      id: 'r',
      description: 'd',
      when: { stake: ['high'] },
      plan: plain(),
    } as unknown as PolicyRule;
    expect(issuesOf(() => policyWith({ rules: [typo, rule('rest', {})] }))).toEqual(
      expect.arrayContaining(['rules[0].when: unknown key "stake"']),
    );
  });

  it('requires English and German checklist labels', () => {
    const item = { id: 'x', label: { en: 'X' } } as unknown as FrictionSettings['checklist'][number];
    expect(issuesOf(() => policyWith({ rules: [rule('all', {}, plain({ checklist: [item] }))] }))).toEqual([
      'rules[0].plan.checklist[0].label.de: must be a non-empty string',
    ]);
  });

  it('refuses something that is not a policy at all', () => {
    expect(issuesOf(() => definePolicy(null as unknown as FrictionPolicy))).toEqual([
      'the policy must be an object',
    ]);
  });

  it('accepts equal thresholds (no medium band)', () => {
    expect(() => policyWith({ bands: { high: 0.8, medium: 0.8 } })).not.toThrow();
  });

  it('returns a deeply frozen copy', () => {
    const input: FrictionPolicy = {
      id: 'p',
      version: '1',
      bands: { high: 0.9, medium: 0.66 },
      rules: [rule('all', {}, plain({ checklist: [{ id: 'x', label: { en: 'X', de: 'X' } }] }))],
      auditRate: 0,
      noAiRate: 0,
      audit: {},
    };
    const policy = definePolicy(input);
    expect(policy).not.toBe(input);
    expect(policy).toEqual(input);
    expect(Object.isFrozen(policy)).toBe(true);
    expect(Object.isFrozen(policy.rules)).toBe(true);
    expect(Object.isFrozen(policy.rules[0]?.plan.checklist[0]?.label)).toBe(true);
    expect(() => {
      (policy as { auditRate: number }).auditRate = 1;
    }).toThrow(TypeError);
    // Changing the input afterwards does not change the defined policy.
    input.auditRate = 1;
    input.rules[0]!.plan.checklist[0]!.label.en = 'changed';
    expect(policy.auditRate).toBe(0);
    expect(policy.rules[0]?.plan.checklist[0]?.label.en).toBe('X');
  });

  it('returns the default policy frozen as well', () => {
    expect(Object.isFrozen(defaultPolicy)).toBe(true);
    expect(Object.isFrozen(defaultPolicy.rules[0]?.plan)).toBe(true);
  });
});

/* -------------------------------------------------------------------------------------------------
 * describePlan
 * -----------------------------------------------------------------------------------------------*/

describe('describePlan', () => {
  it('summarises a plan before the reveal in one line, without a band', () => {
    const plan = resolvePolicy({ policy: defaultWithoutAudit, stakes: 'high', decisionId: 'd' });
    expect(describePlan(plan)).toBe(
      'deliberate.default@2.0.0 rule "high-stakes" (stakes high): reveal after-judgement, ' +
        'justification always, own time ≥ 20 s, checklist [evidence-checked, counter-evidence-considered], arm ai, audit no',
    );
  });

  it('names the after-reveal rules, and after the reveal what they did', () => {
    const plan = resolvePolicy({ policy: defaultWithoutAudit, stakes: 'medium', decisionId: 'd' });
    const rules =
      '; after the reveal, band low or uncalibrated or unknown: justification always (rule "weak-confidence")';
    expect(describePlan(plan)).toBe(
      'deliberate.default@2.0.0 rule "medium-stakes" (stakes medium): reveal after-judgement, ' +
        `justification override, own time ≥ 10 s, no checklist, arm ai, audit no${rules}`,
    );
    const after = adaptPlanAfterReveal(plan, { confidence: 0.5, calibration: { calibrated: true } });
    expect(describePlan(after)).toBe(
      'deliberate.default@2.0.0 rule "medium-stakes" (stakes medium): reveal after-judgement, ' +
        `justification always, own time ≥ 10 s, no checklist, arm ai, audit no${rules}` +
        '; revealed with band low: rule "weak-confidence", justification always',
    );
    const confident = adaptPlanAfterReveal(plan, { confidence: 0.95, calibration: { calibrated: true } });
    expect(describePlan(confident)).toMatch(
      /; revealed with band high: no after-reveal rule, justification override$/,
    );
  });

  it('says when there is no minimum time and no checklist', () => {
    const plan = resolvePolicy({
      policy: policyWith({ noAiRate: 1, auditRate: 1 }),
      stakes: 'low',
      decisionId: 'd',
    });
    expect(describePlan(plan)).toBe(
      'test.policy@1 rule "all" (stakes low): reveal immediate, justification none, ' +
        'no minimum own time, no checklist, arm no-ai, audit yes',
    );
  });
});
