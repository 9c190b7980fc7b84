import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryRecommendation } from '../testing/arbitraries.ts';
import type { RecommendationIssue } from './issues.ts';
import {
  formatRecommendationIssues,
  parseRecommendation,
  recommendationLabel,
  recommendationValue,
  recommendedOption,
} from './parse.ts';
import type { Recommendation } from './schema.ts';

const approve = { id: 'approve', label: 'Approve' };
const reject = { id: 'reject', label: 'Reject' };

/** The issues of an input that must fail; fails the test when it parses. */
function issuesOf(input: unknown): RecommendationIssue[] {
  const result = parseRecommendation(input);
  if (result.ok) throw new Error(`expected issues, but the input parsed: ${JSON.stringify(result.value)}`);
  return result.issues;
}

/** The one value of an input that must parse; fails the test with the issues otherwise. */
function valueOf(input: unknown): Recommendation {
  const result = parseRecommendation(input);
  if (!result.ok) throw new Error(formatRecommendationIssues(result.issues));
  return result.value;
}

function pathsAndCodes(issues: RecommendationIssue[]) {
  return issues.map(({ path, code }) => ({ path, code }));
}

describe('parseRecommendation', () => {
  describe('given a valid recommendation', () => {
    it('returns it with no issues', () => {
      const result = parseRecommendation({
        kind: 'binary',
        options: [approve, reject],
        recommended: 'approve',
        confidence: 0.7,
      });
      expect(result).toEqual({
        ok: true,
        issues: [],
        value: { kind: 'binary', options: [approve, reject], recommended: 'approve', confidence: 0.7 },
      });
    });

    it('fills confidence from the recommended option’s probability when it is absent', () => {
      const value = valueOf({
        kind: 'categorical',
        options: [
          { ...approve, probability: 0.25 },
          { ...reject, probability: 0.75 },
        ],
        recommended: 'reject',
      });
      expect(value.confidence).toBe(0.75);
    });

    it('keeps a confidence that agrees with the recommended option’s probability', () => {
      const value = valueOf({
        kind: 'binary',
        options: [
          { ...approve, probability: 0.6 },
          { ...reject, probability: 0.4 },
        ],
        recommended: 'approve',
        confidence: 0.6000000001,
      });
      expect(value.confidence).toBe(0.6000000001);
    });

    it('leaves confidence absent when the AI reported none, instead of inventing a number', () => {
      const value = valueOf({ kind: 'categorical', options: [approve, reject], recommended: 'approve' });
      expect(value).not.toHaveProperty('confidence');
    });

    it('defaults a numeric recommendation’s confidence to its interval level', () => {
      const value = valueOf({
        kind: 'numeric',
        value: 412,
        unit: 'EUR',
        interval: { lo: 380, hi: 450, level: 0.9 },
      });
      expect(value.confidence).toBe(0.9);
    });

    it('keeps a numeric recommendation’s own confidence', () => {
      const value = valueOf({
        kind: 'numeric',
        value: 412,
        interval: { lo: 380, hi: 450, level: 0.9 },
        confidence: 0.5,
      });
      expect(value.confidence).toBe(0.5);
    });

    it('recommends the first item of a ranked list, with its probability as confidence', () => {
      const value = valueOf({
        kind: 'ranked',
        options: [
          { id: 'ward-a', label: 'Ward A', probability: 0.5 },
          { id: 'ward-b', label: 'Ward B', probability: 0.3 },
          { id: 'ward-c', label: 'Ward C', probability: 0.2 },
        ],
      });
      expect(value).toMatchObject({ kind: 'ranked', recommended: 'ward-a', confidence: 0.5 });
    });

    it('drops fields the model does not know', () => {
      const value = valueOf({
        kind: 'binary',
        options: [approve, reject],
        recommended: 'approve',
        secret: 'x',
      });
      expect(value).not.toHaveProperty('secret');
    });

    it('returns a copy that later changes to the input do not reach', () => {
      const input = { kind: 'binary', options: [{ ...approve }, { ...reject }], recommended: 'approve' };
      const value = valueOf(input);
      input.options[0]!.label = 'Changed';
      expect(recommendedOption(value)?.label).toBe('Approve');
    });
  });

  describe('reports', () => {
    it('a value of the wrong type', () => {
      expect(
        issuesOf({ kind: 'binary', options: [{ id: 'approve', label: 7 }, reject], recommended: 'approve' }),
      ).toEqual([
        { path: ['options', 0, 'label'], code: 'invalid_type', message: 'label must be a string, got 7.' },
      ]);
    });

    it('a missing required field', () => {
      expect(issuesOf({ kind: 'categorical', options: [approve] })).toEqual([
        { path: ['recommended'], code: 'missing', message: 'recommended is required (a string).' },
      ]);
    });

    it('a missing kind, listing the kinds there are', () => {
      expect(issuesOf({ options: [approve] })).toEqual([
        {
          path: ['kind'],
          code: 'missing',
          message: 'kind is required: one of "categorical", "binary", "numeric", "ranked".',
        },
      ]);
    });

    it('an unknown kind as an invalid value', () => {
      expect(
        pathsAndCodes(issuesOf({ kind: 'multiple-choice', options: [approve], recommended: 'approve' })),
      ).toEqual([{ path: ['kind'], code: 'invalid_value' }]);
    });

    it('NaN and infinite numbers as not finite', () => {
      const issues = issuesOf({
        kind: 'numeric',
        value: Number.POSITIVE_INFINITY,
        interval: { lo: Number.NaN, hi: 5, level: 0.9 },
      });
      expect(issues).toEqual([
        { path: ['value'], code: 'not_finite', message: 'value is Infinity; it must be a finite number.' },
        { path: ['interval', 'lo'], code: 'not_finite', message: 'lo is NaN; it must be a finite number.' },
      ]);
    });

    it('a probability or confidence outside [0, 1] as out of range', () => {
      const issues = issuesOf({
        kind: 'binary',
        options: [
          { ...approve, probability: 1.25 },
          { ...reject, probability: -0.25 },
        ],
        recommended: 'approve',
        confidence: 1.25,
      });
      expect(issues).toEqual([
        {
          path: ['options', 0, 'probability'],
          code: 'out_of_range',
          message: 'probability is 1.25; it must be at most 1.',
        },
        {
          path: ['options', 1, 'probability'],
          code: 'out_of_range',
          message: 'probability is -0.25; it must be at least 0.',
        },
        { path: ['confidence'], code: 'out_of_range', message: 'confidence is 1.25; it must be at most 1.' },
      ]);
    });

    it('an interval level of 1 as out of range (a 100 % interval says nothing)', () => {
      expect(issuesOf({ kind: 'numeric', value: 3, interval: { lo: 1, hi: 5, level: 1 } })).toEqual([
        { path: ['interval', 'level'], code: 'out_of_range', message: 'level is 1; it must be less than 1.' },
      ]);
    });

    it('an empty option list', () => {
      expect(issuesOf({ kind: 'categorical', options: [], recommended: 'approve' })).toEqual([
        {
          path: ['options'],
          code: 'empty_options',
          message: 'options is empty; a recommendation needs at least one option to decide between.',
        },
      ]);
    });

    it('an empty ranked list', () => {
      expect(pathsAndCodes(issuesOf({ kind: 'ranked', options: [] }))).toEqual([
        { path: ['options'], code: 'empty_options' },
      ]);
    });

    it('a duplicate option id at its second occurrence', () => {
      expect(
        issuesOf({
          kind: 'categorical',
          options: [approve, reject, { id: 'approve', label: 'Approve again' }],
          recommended: 'reject',
        }),
      ).toEqual([
        {
          path: ['options', 2, 'id'],
          code: 'duplicate_id',
          message: 'Option id "approve" is used twice (first at options[0]).',
        },
      ]);
    });

    it('a recommended option that is not among the options', () => {
      expect(issuesOf({ kind: 'binary', options: [approve, reject], recommended: 'defer' })).toEqual([
        {
          path: ['recommended'],
          code: 'unknown_option',
          message: 'The recommended option "defer" is not among the options ("approve", "reject").',
        },
      ]);
    });

    it('a binary recommendation without exactly two options', () => {
      expect(
        issuesOf({
          kind: 'binary',
          options: [approve, reject, { id: 'defer', label: 'Defer' }],
          recommended: 'approve',
        }),
      ).toEqual([
        {
          path: ['options'],
          code: 'binary_option_count',
          message: 'A binary recommendation has exactly two options; this one has 3.',
        },
      ]);
    });

    it('probabilities on some options but not all', () => {
      expect(
        issuesOf({
          kind: 'categorical',
          options: [{ ...approve, probability: 1 }, reject],
          recommended: 'approve',
        }),
      ).toEqual([
        {
          path: ['options'],
          code: 'probabilities_incomplete',
          message: '1 of 2 options have a probability; give every option one, or none (missing: "reject").',
        },
      ]);
    });

    it('probabilities that do not sum to 1, naming the sum', () => {
      expect(
        issuesOf({
          kind: 'categorical',
          options: [
            { ...approve, probability: 0.6 },
            { ...reject, probability: 0.37 },
          ],
          recommended: 'approve',
        }),
      ).toEqual([
        {
          path: ['options'],
          code: 'probabilities_sum',
          message: 'Option probabilities sum to 0.97, expected 1 ± 1e-6.',
        },
      ]);
    });

    it('accepts probabilities that miss 1 by less than 1e-6', () => {
      const result = parseRecommendation({
        kind: 'binary',
        options: [
          { ...approve, probability: 0.5000004 },
          { ...reject, probability: 0.5 },
        ],
        recommended: 'approve',
      });
      expect(result.ok).toBe(true);
    });

    it('a confidence that contradicts the recommended option’s probability', () => {
      expect(
        issuesOf({
          kind: 'binary',
          options: [
            { ...approve, probability: 0.7 },
            { ...reject, probability: 0.3 },
          ],
          recommended: 'approve',
          confidence: 0.9,
        }),
      ).toEqual([
        {
          path: ['confidence'],
          code: 'confidence_mismatch',
          message:
            'confidence is 0.9, but the recommended option "approve" has probability 0.7; they must agree within 1e-6.',
        },
      ]);
    });

    it('an inverted prediction interval', () => {
      expect(issuesOf({ kind: 'numeric', value: 7, interval: { lo: 10, hi: 5, level: 0.9 } })).toEqual([
        {
          path: ['interval'],
          code: 'interval_inverted',
          message: 'The interval is inverted: lo 10 is greater than hi 5.',
        },
      ]);
    });

    it('a value outside its own interval', () => {
      expect(issuesOf({ kind: 'numeric', value: 20, interval: { lo: 1, hi: 5, level: 0.9 } })).toEqual([
        {
          path: ['value'],
          code: 'interval_excludes_value',
          message: 'value 20 lies outside its interval [1, 5].',
        },
      ]);
    });

    it('factor contributions that do not add up to the prediction', () => {
      const issues = issuesOf({
        kind: 'binary',
        options: [approve, reject],
        recommended: 'approve',
        explanation: {
          factors: {
            baseValue: 0.1,
            prediction: 0.9,
            items: [
              { id: 'income', label: 'Income', contribution: 0.5 },
              { id: 'rent', label: 'Rent', contribution: 0.2 },
            ],
          },
        },
      });
      expect(issues).toEqual([
        {
          path: ['explanation', 'factors', 'prediction'],
          code: 'factors_sum',
          message:
            'baseValue 0.1 plus the factor contributions gives 0.8, but prediction is 0.9; they must agree within 1e-6 × max(1, |prediction|).',
        },
      ]);
    });

    it('accepts factors off by less than the relative tolerance of a large prediction', () => {
      const result = parseRecommendation({
        kind: 'numeric',
        value: 2_000_000,
        interval: { lo: 1_000_000, hi: 3_000_000, level: 0.8 },
        explanation: {
          factors: {
            baseValue: 1_000_000,
            prediction: 2_000_000,
            items: [{ id: 'x', label: 'X', contribution: 1_000_000.5 }],
          },
        },
      });
      expect(result.ok).toBe(true);
    });

    it('a counterfactual whose outcome names no option', () => {
      expect(
        issuesOf({
          kind: 'binary',
          options: [approve, reject],
          recommended: 'approve',
          explanation: {
            counterfactuals: [
              {
                id: 'cf-1',
                changes: [{ feature: 'income', label: 'Income', from: 1200, to: 900 }],
                outcome: 'refuse',
              },
            ],
          },
        }),
      ).toEqual([
        {
          path: ['explanation', 'counterfactuals', 0, 'outcome'],
          code: 'unknown_option',
          message: 'Counterfactual outcome "refuse" names no option (options: "approve", "reject").',
        },
      ]);
    });

    it('an inverted reliability bin, and a bin whose confidence lies outside it', () => {
      const issues = issuesOf({
        kind: 'binary',
        options: [approve, reject],
        recommended: 'approve',
        calibration: {
          calibrated: true,
          bins: [
            { lo: 0.8, hi: 0.6, n: 10, confidence: 0.7, accuracy: 0.7 },
            { lo: 0.8, hi: 0.9, n: 10, confidence: 0.95, accuracy: 0.9 },
          ],
        },
      });
      expect(issues).toEqual([
        {
          path: ['calibration', 'bins', 0],
          code: 'interval_inverted',
          message: 'Reliability bin 0 is inverted: lo 0.8 is greater than hi 0.6.',
        },
        {
          path: ['calibration', 'bins', 1, 'confidence'],
          code: 'out_of_range',
          message: 'Reliability bin 1 has mean confidence 0.95, outside the bin [0.8, 0.9].',
        },
      ]);
    });

    it('an empty label or a value outside an enumeration as invalid values', () => {
      expect(
        issuesOf({
          kind: 'binary',
          options: [{ id: 'approve', label: '' }, reject],
          recommended: 'approve',
          indicator: 'urgent',
        }),
      ).toEqual([
        { path: ['options', 0, 'label'], code: 'invalid_value', message: 'label must not be empty.' },
        {
          path: ['indicator'],
          code: 'invalid_value',
          message: 'indicator is "urgent"; expected one of "info", "warning", "critical".',
        },
      ]);
    });

    it('a ranked list whose recommended is not its first item', () => {
      expect(
        pathsAndCodes(issuesOf({ kind: 'ranked', options: [approve, reject], recommended: 'reject' })),
      ).toEqual([{ path: ['recommended'], code: 'invalid_value' }]);
    });
  });

  it('lists every problem at once, each with its path', () => {
    const issues = issuesOf({
      kind: 'categorical',
      options: [
        { id: 'approve', label: 'Approve', probability: 0.5 },
        { id: 'approve', label: 'Approve (duplicate)', probability: Number.NaN },
        { id: 'reject', label: 42 },
      ],
      recommended: 'defer',
      confidence: 2,
      indicator: 'urgent',
      explanation: {
        factors: {
          baseValue: 0,
          prediction: 1,
          items: [{ id: 'income', label: 'Income', contribution: 0.25 }],
        },
        counterfactuals: [
          {
            id: 'cf-1',
            changes: [{ feature: 'income', label: 'Income', from: 1, to: 2 }],
            outcome: 'refuse',
          },
        ],
      },
    });
    expect(pathsAndCodes(issues)).toEqual(
      expect.arrayContaining([
        { path: ['options', 1, 'probability'], code: 'not_finite' },
        { path: ['options', 2, 'label'], code: 'invalid_type' },
        { path: ['confidence'], code: 'out_of_range' },
        { path: ['indicator'], code: 'invalid_value' },
        { path: ['options', 1, 'id'], code: 'duplicate_id' },
        { path: ['options'], code: 'probabilities_incomplete' },
        { path: ['recommended'], code: 'unknown_option' },
        { path: ['explanation', 'factors', 'prediction'], code: 'factors_sum' },
        { path: ['explanation', 'counterfactuals', 0, 'outcome'], code: 'unknown_option' },
      ]),
    );
    expect(issues).toHaveLength(9);
  });

  it('reports each problem once even when the structural and the semantic check both see it', () => {
    const issues = issuesOf({
      kind: 'binary',
      options: [approve, reject],
      recommended: 'approve',
      calibration: { calibrated: true, bins: [{ lo: 0.2, hi: 0.4, n: 3, confidence: 1.5, accuracy: 0.3 }] },
    });
    expect(pathsAndCodes(issues)).toEqual([
      { path: ['calibration', 'bins', 0, 'confidence'], code: 'out_of_range' },
    ]);
  });

  describe('never throws', () => {
    it('on a throwing getter, naming the field that could not be read', () => {
      const input = {
        kind: 'binary',
        get options(): never {
          throw new Error('session expired');
        },
        recommended: 'approve',
      };
      expect(issuesOf(input)).toEqual([
        { path: ['options'], code: 'internal', message: 'Reading options failed: Error: session expired.' },
      ]);
    });

    it('on a cyclic object', () => {
      const value: Record<string, unknown> = { id: 'income', label: 'Income', contribution: 0.1 };
      value['value'] = value;
      const input: Record<string, unknown> = {
        kind: 'binary',
        options: [approve, reject],
        recommended: 'approve',
        explanation: { factors: { baseValue: 0, items: [value] } },
      };
      input['self'] = input;
      expect(issuesOf(input)).toEqual([
        {
          path: ['explanation', 'factors', 'items', 0, 'value'],
          code: 'invalid_type',
          message: 'value must be a string, a number or a boolean, got an object.',
        },
      ]);
    });

    it('on a revoked proxy', () => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      expect(pathsAndCodes(issuesOf(proxy))).toEqual([{ path: [], code: 'internal' }]);
    });

    it.each([
      ['undefined', undefined, 'A recommendation must be an object, got nothing.'],
      ['null', null, 'A recommendation must be an object, got null.'],
      ['a string', 'approve', 'A recommendation must be an object, got "approve".'],
      ['an array', [approve], 'A recommendation must be an object, got an array.'],
      ['a number', 0.9, 'A recommendation must be an object, got 0.9.'],
    ])('on %s', (_name, input, message) => {
      expect(issuesOf(input)).toEqual([{ path: [], code: 'invalid_type', message }]);
    });

    it('on any JSON value', () => {
      fc.assert(
        fc.property(fc.jsonValue(), (input) => {
          const result = parseRecommendation(input);
          expect(result.ok || result.issues.length > 0).toBe(true);
        }),
        { numRuns: 500 },
      );
    });

    it('on any JavaScript value', () => {
      fc.assert(
        fc.property(
          fc.anything({
            withBoxedValues: true,
            withMap: true,
            withSet: true,
            withNullPrototype: true,
            withSparseArray: true,
            withTypedArray: true,
            withDate: true,
            withBigInt: true,
          }),
          (input) => {
            const result = parseRecommendation(input);
            expect(result.ok || result.issues.length > 0).toBe(true);
          },
        ),
        { numRuns: 500 },
      );
    });

    it('on valid recommendations with one field replaced by junk, explaining every issue', () => {
      // Valid recommendations with one field replaced by an arbitrary value reach deep into the
      // checks, where purely random values rarely get.
      const mutated = fc
        .tuple(
          arbitraryRecommendation(),
          fc.constantFrom(
            'options',
            'recommended',
            'confidence',
            'interval',
            'explanation',
            'calibration',
            'value',
          ),
          fc.anything(),
        )
        .map(([rec, key, junk]) => ({ ...rec, [key]: junk }));
      fc.assert(
        fc.property(mutated, (input) => {
          const result = parseRecommendation(input);
          if (!result.ok) for (const issue of result.issues) expect(issue.message).toMatch(/\w.*\.$/);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('with generated recommendations', () => {
    it('accepts every valid recommendation', () => {
      fc.assert(
        fc.property(arbitraryRecommendation(), (input) => {
          const result = parseRecommendation(input);
          if (!result.ok) throw new Error(formatRecommendationIssues(result.issues));
        }),
        { numRuns: 500 },
      );
    });

    it('accepts its own normalized output unchanged', () => {
      fc.assert(
        fc.property(arbitraryRecommendation(), (input) => {
          const first = valueOf(input);
          expect(valueOf(first)).toEqual(first);
        }),
        { numRuns: 300 },
      );
    });

    it('always gives an option recommendation a recommended option that exists', () => {
      fc.assert(
        fc.property(arbitraryRecommendation(), (input) => {
          const value = valueOf(input);
          if (value.kind === 'numeric') expect(value.confidence).toBeDefined();
          else expect(recommendedOption(value)).toBeDefined();
        }),
        { numRuns: 300 },
      );
    });
  });
});

describe('formatRecommendationIssues', () => {
  it('prints one line per issue as path: message', () => {
    const text = formatRecommendationIssues([
      {
        path: ['options', 1, 'probability'],
        code: 'out_of_range',
        message: 'probability is 1.2; it must be at most 1.',
      },
      { path: [], code: 'invalid_type', message: 'A recommendation must be an object, got null.' },
      {
        path: ['extension', 'deliberate.confidence'],
        code: 'invalid_type',
        message: 'deliberate.confidence must be a number.',
      },
    ]);
    expect(text).toBe(
      [
        'options[1].probability: probability is 1.2; it must be at most 1.',
        '(root): A recommendation must be an object, got null.',
        'extension["deliberate.confidence"]: deliberate.confidence must be a number.',
      ].join('\n'),
    );
  });

  it('prints nothing for no issues', () => {
    expect(formatRecommendationIssues([])).toBe('');
  });
});

describe('recommendedOption, recommendationLabel and recommendationValue', () => {
  const binary = valueOf({ kind: 'binary', options: [approve, reject], recommended: 'reject' });
  const ranked = valueOf({ kind: 'ranked', options: [reject, approve] });
  const numeric = valueOf({ kind: 'numeric', value: 412, interval: { lo: 380, hi: 450, level: 0.9 } });

  it('give the recommended option and its id for option recommendations', () => {
    expect(recommendedOption(binary)).toEqual(reject);
    expect(recommendationLabel(binary)).toBe('reject');
    expect(recommendationValue(binary)).toBeUndefined();
  });

  it('give the first item of a ranked list', () => {
    expect(recommendedOption(ranked)).toEqual(reject);
    expect(recommendationLabel(ranked)).toBe('reject');
  });

  it('give the number, and no option, for numeric recommendations', () => {
    expect(recommendedOption(numeric)).toBeUndefined();
    expect(recommendationLabel(numeric)).toBeUndefined();
    expect(recommendationValue(numeric)).toBe(412);
  });
});
