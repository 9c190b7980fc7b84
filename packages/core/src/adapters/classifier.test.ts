import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecommendationIssue } from '../recommendation/issues.ts';
import { formatRecommendationIssues, recommendedOption } from '../recommendation/parse.ts';
import type { Recommendation } from '../recommendation/schema.ts';
import { arbitraryProbabilities } from '../testing/arbitraries.ts';
import { fromClassifierOutput } from './classifier.ts';
import type { ClassifierOutput, FromClassifierOutputOptions } from './classifier.ts';

function valueOf(output: unknown, options?: FromClassifierOutputOptions): Recommendation {
  const result = fromClassifierOutput(output as ClassifierOutput, options);
  if (!result.ok) throw new Error(formatRecommendationIssues(result.issues));
  return result.value;
}

function issuesOf(output: unknown, options?: FromClassifierOutputOptions): RecommendationIssue[] {
  const result = fromClassifierOutput(output as ClassifierOutput, options);
  if (result.ok)
    throw new Error(`expected issues, but the output converted: ${JSON.stringify(result.value)}`);
  return result.issues;
}

describe('fromClassifierOutput', () => {
  describe('given probabilities that sum to 1', () => {
    const output = { labels: ['approve', 'reject', 'refer'], probabilities: [0.2, 0.7, 0.1] };

    it('recommends the most probable label, with its probability as confidence', () => {
      expect(valueOf(output)).toMatchObject({ kind: 'categorical', recommended: 'reject', confidence: 0.7 });
    });

    it('keeps every label as an option with its probability', () => {
      const value = valueOf(output);
      expect(value.kind === 'numeric' ? undefined : value.options).toEqual([
        { id: 'approve', label: 'approve', probability: 0.2 },
        { id: 'reject', label: 'reject', probability: 0.7 },
        { id: 'refer', label: 'refer', probability: 0.1 },
      ]);
    });

    it('shows display names for the labels it is given, and the label for the others', () => {
      const value = valueOf(output, {
        labelNames: { reject: 'Reject the application', toString: 'not a label' },
      });
      expect(recommendedOption(value)?.label).toBe('Reject the application');
      expect(value.kind !== 'numeric' && value.options[0]?.label).toBe('approve');
    });

    it('recommends the first of tied labels', () => {
      expect(valueOf({ labels: ['a', 'b', 'c'], probabilities: [0.25, 0.375, 0.375] }).confidence).toBe(
        0.375,
      );
      expect(valueOf({ labels: ['a', 'b', 'c'], probabilities: [0.25, 0.375, 0.375] })).toMatchObject({
        recommended: 'b',
      });
    });

    it('marks the confidence uncalibrated unless told otherwise', () => {
      expect(valueOf(output).calibration).toEqual({ calibrated: false });
      expect(valueOf(output, { calibrated: true }).calibration).toEqual({ calibrated: true });
    });

    it('passes full calibration metadata and the model identity through', () => {
      const calibration = {
        calibrated: true,
        dataset: 'held-out applications 2025, n = 4 000',
        method: 'isotonic regression',
        ece: 0.03,
      };
      const value = valueOf(output, {
        calibration,
        calibrated: false,
        model: { id: 'eligibility', version: '3.2.0' },
      });
      expect(value).toMatchObject({ calibration, model: { id: 'eligibility', version: '3.2.0' } });
    });

    it('builds a binary recommendation for a yes/no model', () => {
      expect(
        valueOf({ labels: ['yes', 'no'], probabilities: [0.35, 0.65] }, { kind: 'binary' }),
      ).toMatchObject({
        kind: 'binary',
        recommended: 'no',
        confidence: 0.65,
      });
    });

    it('accepts every generated probability vector as it is', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 8 }).chain((n) => arbitraryProbabilities(n)),
          (probabilities) => {
            const labels = probabilities.map((_, i) => `class-${i}`);
            const value = valueOf({ labels, probabilities });
            expect(value.confidence).toBe(Math.max(...probabilities));
          },
        ),
        { numRuns: 200 },
      );
    });
  });

  describe('reports', () => {
    it('probabilities that do not sum to 1, without renormalizing them', () => {
      expect(issuesOf({ labels: ['approve', 'reject'], probabilities: [0.6, 0.3] })).toEqual([
        {
          path: ['probabilities'],
          code: 'probabilities_sum',
          message:
            'Probabilities sum to 0.9, expected 1 ± 1e-6. They are not renormalized silently; pass normalize: true to divide them by their sum.',
        },
      ]);
    });

    it('a different number of labels and probabilities', () => {
      expect(issuesOf({ labels: ['approve', 'reject', 'refer'], probabilities: [0.6, 0.4] })).toEqual([
        {
          path: ['probabilities'],
          code: 'invalid_value',
          message: 'There are 3 labels but 2 probabilities; each label needs exactly one probability.',
        },
      ]);
    });

    it('non-finite and negative probabilities at their index', () => {
      expect(issuesOf({ labels: ['a', 'b', 'c'], probabilities: [Number.NaN, -0.1, 1.1] })).toEqual([
        {
          path: ['probabilities', 0],
          code: 'not_finite',
          message: 'probabilities[0] is NaN; it must be a finite number.',
        },
        {
          path: ['probabilities', 1],
          code: 'out_of_range',
          message: 'probabilities[1] is -0.1; a probability cannot be negative.',
        },
        {
          path: ['probabilities', 2],
          code: 'out_of_range',
          message:
            'probabilities[2] is 1.1; a probability cannot exceed 1 (pass normalize: true if these are unnormalised scores).',
        },
      ]);
    });

    it('a probability that is not a number', () => {
      expect(issuesOf({ labels: ['a', 'b'], probabilities: ['0.5', 0.5] })).toEqual([
        {
          path: ['probabilities', 0],
          code: 'invalid_type',
          message: 'probabilities[0] must be a number, got "0.5".',
        },
      ]);
    });

    it('duplicate and empty labels', () => {
      expect(issuesOf({ labels: ['a', 'a', ''], probabilities: [0.5, 0.25, 0.25] })).toEqual([
        {
          path: ['labels', 1],
          code: 'duplicate_id',
          message: 'Label "a" appears twice (first at labels[0]).',
        },
        { path: ['labels', 2], code: 'invalid_value', message: 'labels[2] must not be empty.' },
      ]);
    });

    it('no labels at all', () => {
      expect(issuesOf({ labels: [], probabilities: [] })).toEqual([
        {
          path: ['labels'],
          code: 'empty_options',
          message: 'labels is empty; a classifier output needs at least one class to recommend.',
        },
      ]);
    });

    it('a binary model with other than two labels', () => {
      expect(
        issuesOf({ labels: ['a', 'b', 'c'], probabilities: [0.5, 0.25, 0.25] }, { kind: 'binary' }),
      ).toEqual([
        {
          path: ['labels'],
          code: 'binary_option_count',
          message: 'A binary recommendation has exactly two options; this one has 3.',
        },
      ]);
    });

    it('missing fields, and still an invalid model identity the caller passed', () => {
      const issues = issuesOf({ probabilities: 'high' }, { model: { id: '', version: '1' } });
      expect(issues.map(({ path, code }) => ({ path, code }))).toEqual([
        { path: ['labels'], code: 'missing' },
        { path: ['probabilities'], code: 'invalid_type' },
        { path: ['model', 'id'], code: 'invalid_value' },
      ]);
    });
  });

  describe('with normalize: true', () => {
    it('divides scores by their sum, explicitly', () => {
      const value = valueOf({ labels: ['approve', 'reject'], probabilities: [2, 6] }, { normalize: true });
      expect(value).toMatchObject({ recommended: 'reject', confidence: 0.75 });
      expect(value.kind !== 'numeric' && value.options.map((o) => o.probability)).toEqual([0.25, 0.75]);
    });

    it('reports scores that are all zero', () => {
      expect(issuesOf({ labels: ['a', 'b'], probabilities: [0, 0] }, { normalize: true })).toEqual([
        {
          path: ['probabilities'],
          code: 'invalid_value',
          message: 'The probabilities sum to 0, so they cannot be normalized.',
        },
      ]);
    });

    it('still rejects negative scores', () => {
      expect(
        issuesOf({ labels: ['a', 'b'], probabilities: [-1, 3] }, { normalize: true }).map((i) => i.code),
      ).toEqual(['out_of_range']);
    });

    it('recommends the highest score even where dividing by the sum rounds two scores together', () => {
      // Found by the property below: 999999.9999999999 and 1e6 become the same probability.
      const scores = [999999.9999999999, 1000000, 997241.6766515061, 0];
      const value = valueOf(
        { labels: ['class-0', 'class-1', 'class-2', 'class-3'], probabilities: scores },
        { normalize: true },
      );
      expect(value).toMatchObject({ recommended: 'class-1' });
    });

    it('turns any non-negative scores into a valid recommendation of the highest score', () => {
      fc.assert(
        fc.property(
          fc
            .array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 8 })
            .filter((xs) => xs.some((x) => x > 0)),
          (scores) => {
            const labels = scores.map((_, i) => `class-${i}`);
            const value = valueOf({ labels, probabilities: scores }, { normalize: true });
            expect(value).toMatchObject({ recommended: `class-${scores.indexOf(Math.max(...scores))}` });
          },
        ),
        { numRuns: 200 },
      );
    });
  });

  describe('never throws', () => {
    it.each([
      [
        'undefined',
        undefined,
        'A classifier output must be an object with labels and probabilities, got nothing.',
      ],
      [
        'an array',
        [0.2, 0.8],
        'A classifier output must be an object with labels and probabilities, got an array.',
      ],
    ])('on %s', (_name, output, message) => {
      expect(issuesOf(output)).toEqual([{ path: [], code: 'invalid_type', message }]);
    });

    it('on a throwing getter', () => {
      const output = {
        labels: ['a'],
        get probabilities(): never {
          throw new Error('tensor disposed');
        },
      };
      expect(issuesOf(output)).toContainEqual({
        path: ['probabilities'],
        code: 'internal',
        message: 'Reading probabilities failed: Error: tensor disposed.',
      });
    });

    it('on any value', () => {
      fc.assert(
        fc.property(
          fc.anything(),
          fc.record({ labels: fc.anything(), probabilities: fc.anything() }),
          (a, b) => {
            for (const output of [a, b]) {
              const result = fromClassifierOutput(output as ClassifierOutput);
              expect(result.ok || result.issues.length > 0).toBe(true);
            }
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
