import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adaptPlanAfterReveal } from './after-reveal.ts';
import { JUSTIFICATION_RULES, definePolicy, resolvePolicy } from './policy.ts';
import type { FrictionPlan, JustificationRule, PlannedAfterRevealRule } from './types.ts';

/** A plan as `resolvePolicy` makes it, with the after-reveal rules a test needs. */
const plan = (overrides: Partial<FrictionPlan> = {}): FrictionPlan => ({
  reveal: 'after-judgement',
  justification: 'override',
  minOwnTimeMs: 0,
  checklist: [],
  policyId: 'test.policy',
  policyVersion: '1',
  rule: 'all',
  stakes: 'medium',
  arm: 'ai',
  audit: false,
  bands: { high: 0.9, medium: 0.66 },
  afterReveal: [],
  ...overrides,
});

const weak: PlannedAfterRevealRule = {
  id: 'weak',
  band: ['low', 'uncalibrated', 'unknown'],
  justification: 'always',
};

const calibrated = (confidence: number) => ({ confidence, calibration: { calibrated: true } });

describe('adaptPlanAfterReveal', () => {
  it('given a matching rule › raises the justification and records the band and the rule', () => {
    const next = adaptPlanAfterReveal(plan({ afterReveal: [weak] }), calibrated(0.5));
    expect(next.justification).toBe('always');
    expect(next.revealed).toEqual({ band: 'low', rule: 'weak', justification: 'always' });
  });

  it('given no matching rule › keeps the justification and records the band without a rule', () => {
    const next = adaptPlanAfterReveal(plan({ afterReveal: [weak] }), calibrated(0.95));
    expect(next.justification).toBe('override');
    expect(next.revealed).toEqual({ band: 'high', justification: 'override' });
  });

  it('reads uncalibrated and missing confidence as their own bands', () => {
    const rules = plan({ afterReveal: [weak] });
    expect(adaptPlanAfterReveal(rules, { confidence: 0.99 }).revealed?.band).toBe('uncalibrated');
    expect(
      adaptPlanAfterReveal(rules, { confidence: 0.99, calibration: { calibrated: false } }).revealed?.band,
    ).toBe('uncalibrated');
    expect(adaptPlanAfterReveal(rules, { calibration: { calibrated: true } }).revealed?.band).toBe('unknown');
    expect(adaptPlanAfterReveal(rules, null).revealed).toEqual({
      band: 'unknown',
      rule: 'weak',
      justification: 'always',
    });
  });

  it('never lowers the justification, even when a matching rule asks for less', () => {
    const lax: PlannedAfterRevealRule = { id: 'lax', band: [], justification: 'override' };
    const next = adaptPlanAfterReveal(plan({ justification: 'always', afterReveal: [lax] }), calibrated(0.5));
    expect(next.justification).toBe('always');
    expect(next.revealed).toEqual({ band: 'low', rule: 'lax', justification: 'always' });
  });

  it('applies the first matching rule, and an empty band list matches every band', () => {
    const rules: PlannedAfterRevealRule[] = [
      { id: 'only-high', band: ['high'], justification: 'always' },
      { id: 'any', band: [], justification: 'override' },
      { id: 'never-reached', band: ['low'], justification: 'always' },
    ];
    const none = plan({ justification: 'none', afterReveal: rules });
    expect(adaptPlanAfterReveal(none, calibrated(0.95)).revealed?.rule).toBe('only-high');
    expect(adaptPlanAfterReveal(none, calibrated(0.5)).revealed).toEqual({
      band: 'low',
      rule: 'any',
      justification: 'override',
    });
  });

  it('uses the plan’s thresholds', () => {
    const strict = plan({ bands: { high: 0.97, medium: 0.9 }, afterReveal: [weak] });
    expect(adaptPlanAfterReveal(strict, calibrated(0.95)).revealed?.band).toBe('medium');
    expect(adaptPlanAfterReveal(strict, calibrated(0.85)).revealed).toMatchObject({
      band: 'low',
      rule: 'weak',
    });
  });

  it('given a hand-written plan without rules or thresholds › records the band by the default thresholds', () => {
    const { bands: _bands, afterReveal: _afterReveal, ...bare } = plan();
    expect(adaptPlanAfterReveal(bare, calibrated(0.7)).revealed).toEqual({
      band: 'medium',
      justification: 'override',
    });
  });

  it('given a malformed plan from storage › ignores unusable thresholds and rules instead of throwing', () => {
    const broken = {
      ...plan(),
      bands: { high: 0.5, medium: 0.8 },
      afterReveal: [null, { id: 'x', band: ['low'], justification: 'sometimes' }, weak],
    } as unknown as FrictionPlan;
    // 0.7 is `medium` by the default thresholds (the plan's are inverted and ignored).
    expect(adaptPlanAfterReveal(broken, calibrated(0.7)).revealed).toEqual({
      band: 'medium',
      justification: 'override',
    });
    expect(adaptPlanAfterReveal(broken, calibrated(0.2)).revealed?.rule).toBe('weak');
    const notAList = { ...plan(), afterReveal: 'weak' } as unknown as FrictionPlan;
    expect(adaptPlanAfterReveal(notAList, calibrated(0.2)).revealed?.rule).toBeUndefined();
  });

  it('returns a new plan and leaves the given one as it was', () => {
    const before = plan({ afterReveal: [weak] });
    const copy = JSON.parse(JSON.stringify(before)) as FrictionPlan;
    const next = adaptPlanAfterReveal(before, calibrated(0.1));
    expect(next).not.toBe(before);
    expect(before).toEqual(copy);
    expect(before).not.toHaveProperty('revealed');
  });

  it('property: the justification after the reveal is never below the plan’s, and nothing else changes', () => {
    const justification = fc.constantFrom(...JUSTIFICATION_RULES);
    fc.assert(
      fc.property(
        justification,
        fc.array(
          fc.record({
            id: fc.string({ minLength: 1, maxLength: 6 }),
            band: fc.subarray(['high', 'medium', 'low', 'uncalibrated', 'unknown'] as const),
            justification,
          }),
          { maxLength: 4 },
        ),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        fc.option(fc.boolean(), { nil: undefined }),
        (own: JustificationRule, rules, confidence, flag) => {
          const before = plan({ justification: own, afterReveal: rules });
          const next = adaptPlanAfterReveal(before, {
            ...(confidence === undefined ? {} : { confidence }),
            ...(flag === undefined ? {} : { calibration: { calibrated: flag } }),
          });
          const rank = (rule: JustificationRule) => JUSTIFICATION_RULES.indexOf(rule);
          expect(rank(next.justification)).toBeGreaterThanOrEqual(rank(own));
          expect(next.revealed?.justification).toBe(next.justification);
          const { justification: _j, revealed: _r, ...rest } = next;
          const { justification: _j0, ...restBefore } = before;
          expect(rest).toEqual(restBefore);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('works on a plan resolved from a policy, as the reducer uses it', () => {
    const policy = definePolicy({
      id: 'p',
      version: '1',
      bands: { high: 0.9, medium: 0.66 },
      rules: [
        {
          id: 'all',
          description: 'd',
          when: {},
          plan: { reveal: 'on-request', justification: 'none', minOwnTimeMs: 0, checklist: [] },
        },
      ],
      afterReveal: [
        {
          id: 'weak-low-stakes',
          description: 'd',
          when: { stakes: ['low'], band: ['low'] },
          justification: 'override',
        },
      ],
      auditRate: 0,
      noAiRate: 0,
      audit: {},
    });
    const low = resolvePolicy({ policy, stakes: 'low', decisionId: 'd' });
    const high = resolvePolicy({ policy, stakes: 'high', decisionId: 'd' });
    expect(adaptPlanAfterReveal(low, calibrated(0.3)).justification).toBe('override');
    expect(adaptPlanAfterReveal(high, calibrated(0.3)).justification).toBe('none');
  });
});
