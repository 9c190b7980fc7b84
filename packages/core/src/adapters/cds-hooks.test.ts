import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecommendationIssue } from '../recommendation/issues.ts';
import { formatRecommendationIssues, recommendedOption } from '../recommendation/parse.ts';
import type { Recommendation } from '../recommendation/schema.ts';
import { fromCdsHooksCard } from './cds-hooks.ts';
import type { CdsHooksCard, FromCdsHooksCardOptions } from './cds-hooks.ts';
/*
 * Fixtures from the HL7 CDS Hooks 2.0 specification (https://cds-hooks.hl7.org/2.0/), source text
 * in github.com/cds-hooks/docs, docs/specification/current.md:
 * - cds-hooks-example-response.json is the "CDS Service Response › Example" response, verbatim.
 *   Both of its cards are information cards (links, override reasons, no suggestions).
 * - cds-hooks-suggestion-card.json is assembled from the specification's own fragments, because
 *   it has no complete example card with suggestions: the card uuid and first suggestion uuid of
 *   the "Example suggestion accepted" feedback, the summary and detail of the example card, the
 *   example `source`, the create and delete action examples, and the example `overrideReasons`.
 */
import exampleResponse from './fixtures/cds-hooks-example-response.json';
import suggestionCard from './fixtures/cds-hooks-suggestion-card.json';

const INFO_CARD_MESSAGE =
  'The card has no suggestions: it is an information card, so there is nothing to decide between. ' +
  'Show it as information, or ask the CDS service for a card with suggestions.';

function card(): CdsHooksCard {
  return structuredClone(suggestionCard) as CdsHooksCard;
}

function valueOf(input: unknown, options?: FromCdsHooksCardOptions): Recommendation {
  const result = fromCdsHooksCard(input, options);
  if (!result.ok) throw new Error(formatRecommendationIssues(result.issues));
  return result.value;
}

function issuesOf(input: unknown, options?: FromCdsHooksCardOptions): RecommendationIssue[] {
  const result = fromCdsHooksCard(input, options);
  if (result.ok) throw new Error(`expected issues, but the card converted: ${JSON.stringify(result.value)}`);
  return result.issues;
}

describe('fromCdsHooksCard', () => {
  describe('given the example response of the CDS Hooks 2.0 specification', () => {
    const [first, second] = exampleResponse.cards;

    it('explains that the first card (links only) is an information card with nothing to decide', () => {
      expect(issuesOf(first)).toEqual([
        { path: ['suggestions'], code: 'empty_options', message: INFO_CARD_MESSAGE },
      ]);
    });

    it('explains the same for the second card, and finds nothing wrong with its override reasons', () => {
      expect(issuesOf(second)).toEqual([
        { path: ['suggestions'], code: 'empty_options', message: INFO_CARD_MESSAGE },
      ]);
    });
  });

  describe('given a card with suggestions, one marked as recommended', () => {
    it('offers each suggestion as an option, identified by its uuid or its position', () => {
      const value = valueOf(card());
      expect(value.kind === 'numeric' ? undefined : value.options).toEqual([
        {
          id: 'e56e1945-20b3-4393-8503-a1a20fd73152',
          label: 'Create a prescription for Acetaminophen 250 MG',
        },
        { id: 'suggestion-1', label: 'Remove the inappropriate order' },
      ]);
    });

    it('recommends the marked suggestion', () => {
      const value = valueOf(card());
      expect(value).toMatchObject({ recommended: 'e56e1945-20b3-4393-8503-a1a20fd73152' });
      expect(recommendedOption(value)?.label).toBe('Create a prescription for Acetaminophen 250 MG');
    });

    it('stays categorical with two suggestions, since binary is for yes/no models', () => {
      expect(valueOf(card()).kind).toBe('categorical');
    });

    it('carries over the card uuid as id, and summary, detail, indicator and source', () => {
      expect(valueOf(card())).toMatchObject({
        id: '4e0a3a1e-3283-4575-ab82-028d55fe2719',
        summary: 'Example Card',
        detail: 'This is an example card.',
        indicator: 'info',
        source: {
          label: 'Zika Virus Management',
          url: 'https://example.com/cdc-zika-virus-mgmt',
          icon: 'https://example.com/cdc-zika-virus-mgmt/100.png',
          topic: {
            system: 'http://example.org/cds-services/fhir/CodeSystem/topics',
            code: '12345',
            display: 'Mosquito born virus',
          },
        },
      });
    });

    it('offers the override reasons as reason codes', () => {
      expect(valueOf(card()).reasonCodes).toEqual([
        {
          system: 'http://example.org/cds-services/fhir/CodeSystem/override-reasons',
          code: 'reason-code-provided-by-service',
          display: 'Patient refused',
        },
        {
          system: 'http://example.org/cds-services/fhir/CodeSystem/override-reasons',
          code: '12354',
          display: 'Contraindicated',
        },
      ]);
    });

    it('reports no confidence and no calibration, because the card carries none', () => {
      const value = valueOf(card());
      expect(value).not.toHaveProperty('confidence');
      expect(value.calibration).toEqual({ calibrated: false });
    });

    it('uses the confidence, calibration and model the caller knows', () => {
      const value = valueOf(card(), {
        confidence: 0.82,
        calibrated: true,
        model: { id: 'analgesic-advisor', version: '1.4.0' },
      });
      expect(value).toMatchObject({
        confidence: 0.82,
        calibration: { calibrated: true },
        model: { id: 'analgesic-advisor', version: '1.4.0' },
      });
    });

    it('reads the confidence from the deliberate.confidence extension when the caller gives none', () => {
      const input = { ...card(), extension: { 'deliberate.confidence': 0.64 } };
      expect(valueOf(input).confidence).toBe(0.64);
      expect(valueOf(input, { confidence: 0.9 }).confidence).toBe(0.9);
    });

    it('reports an extension confidence that is not a number at the extension', () => {
      expect(issuesOf({ ...card(), extension: { 'deliberate.confidence': 'high' } })).toEqual([
        {
          path: ['extension', 'deliberate.confidence'],
          code: 'invalid_type',
          message: 'deliberate.confidence must be a number between 0 and 1, got "high".',
        },
      ]);
    });

    it('reports an extension confidence above 1 at the extension', () => {
      expect(issuesOf({ ...card(), extension: { 'deliberate.confidence': 87 } })).toEqual([
        {
          path: ['extension', 'deliberate.confidence'],
          code: 'out_of_range',
          message: 'deliberate.confidence is 87; it must be at most 1.',
        },
      ]);
    });

    it('reports a caller confidence that is not finite', () => {
      expect(issuesOf(card(), { confidence: Number.NaN })).toEqual([
        {
          path: ['confidence'],
          code: 'not_finite',
          message: 'confidence is NaN; it must be a finite number.',
        },
      ]);
    });
  });

  describe('given suggestions without exactly one mark', () => {
    it('recommends a lone suggestion even when it is not marked', () => {
      const input = card();
      input.suggestions = [{ label: 'Order hemoglobin A1c' }];
      expect(valueOf(input)).toMatchObject({
        recommended: 'suggestion-0',
        options: [{ id: 'suggestion-0', label: 'Order hemoglobin A1c' }],
      });
    });

    it('reports several suggestions with none marked', () => {
      const input = card();
      for (const suggestion of input.suggestions ?? []) delete suggestion.isRecommended;
      expect(issuesOf(input)).toEqual([
        {
          path: ['suggestions'],
          code: 'missing',
          message:
            'None of the 2 suggestions is marked isRecommended: true, so the card does not say which one the AI recommends; mark exactly one.',
        },
      ]);
    });

    it('reports several marked suggestions, naming them', () => {
      const input = { ...card(), selectionBehavior: 'any' as const };
      for (const suggestion of input.suggestions ?? []) suggestion.isRecommended = true;
      const issues = issuesOf(input);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ path: ['suggestions'], code: 'invalid_value' });
      expect(issues[0]?.message).toContain(
        '2 suggestions are marked isRecommended: true (suggestions[0], suggestions[1])',
      );
    });

    it('reports an isRecommended that is not a boolean', () => {
      const input = card() as unknown as { suggestions: Record<string, unknown>[] };
      input.suggestions[1]!['isRecommended'] = 'no';
      expect(issuesOf(input)).toEqual([
        {
          path: ['suggestions', 1, 'isRecommended'],
          code: 'invalid_type',
          message: 'isRecommended must be a boolean, got "no".',
        },
      ]);
    });
  });

  describe('points every problem into the card', () => {
    it('a suggestion without a label', () => {
      const input = card() as unknown as { suggestions: Record<string, unknown>[] };
      delete input.suggestions[1]!['label'];
      expect(issuesOf(input)).toEqual([
        { path: ['suggestions', 1, 'label'], code: 'missing', message: 'label is required (a string).' },
      ]);
    });

    it('two suggestions with the same uuid', () => {
      const input = card();
      input.suggestions![1]!.uuid = 'e56e1945-20b3-4393-8503-a1a20fd73152';
      expect(issuesOf(input)).toEqual([
        {
          path: ['suggestions', 1, 'uuid'],
          code: 'duplicate_id',
          message:
            'Suggestion uuid "e56e1945-20b3-4393-8503-a1a20fd73152" is used twice (first at suggestions[0]).',
        },
      ]);
    });

    it('an empty suggestion uuid, in the card’s words', () => {
      const input = card();
      input.suggestions![0]!.uuid = '';
      expect(issuesOf(input)).toContainEqual({
        path: ['suggestions', 0, 'uuid'],
        code: 'invalid_value',
        message: 'uuid must not be empty.',
      });
    });

    it('an override reason without display, which CDS Hooks requires', () => {
      const input = card();
      delete input.overrideReasons![0]!.display;
      expect(issuesOf(input)).toEqual([
        {
          path: ['overrideReasons', 0, 'display'],
          code: 'missing',
          message: 'display is required (a string).',
        },
      ]);
    });

    it('an indicator CDS Hooks does not define', () => {
      expect(issuesOf({ ...card(), indicator: 'hard-stop' })).toEqual([
        {
          path: ['indicator'],
          code: 'invalid_value',
          message: 'indicator is "hard-stop"; expected one of "info", "warning", "critical".',
        },
      ]);
    });

    it('suggestions that are not an array', () => {
      expect(issuesOf({ ...card(), suggestions: { label: 'Order' } })).toEqual([
        {
          path: ['suggestions'],
          code: 'invalid_type',
          message: 'suggestions must be an array, got an object.',
        },
      ]);
    });

    it('an empty suggestions array as an information card', () => {
      expect(issuesOf({ ...card(), suggestions: [] })).toEqual([
        { path: ['suggestions'], code: 'empty_options', message: INFO_CARD_MESSAGE },
      ]);
    });
  });

  describe('never throws', () => {
    it.each([
      ['undefined', undefined, 'A CDS Hooks card must be an object, got nothing.'],
      ['null', null, 'A CDS Hooks card must be an object, got null.'],
      ['a string', 'card', 'A CDS Hooks card must be an object, got "card".'],
      ['an array of cards', exampleResponse.cards, 'A CDS Hooks card must be an object, got an array.'],
    ])('on %s', (_name, input, message) => {
      expect(issuesOf(input)).toEqual([{ path: [], code: 'invalid_type', message }]);
    });

    it('on a throwing getter, naming the field', () => {
      const input = {
        ...card(),
        get suggestions(): never {
          throw new Error('lazy field failed');
        },
      };
      expect(issuesOf(input)).toContainEqual({
        path: ['suggestions'],
        code: 'internal',
        message: 'Reading suggestions failed: Error: lazy field failed.',
      });
    });

    it('on any JSON value or JavaScript value', () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.jsonValue(),
            fc.anything({ withNullPrototype: true, withBoxedValues: true, withSparseArray: true }),
          ),
          (input) => {
            const result = fromCdsHooksCard(input);
            expect(result.ok || result.issues.length > 0).toBe(true);
          },
        ),
        { numRuns: 300 },
      );
    });

    it('on cards with one field replaced by junk', () => {
      const keys = [
        'uuid',
        'summary',
        'source',
        'suggestions',
        'overrideReasons',
        'extension',
        'indicator',
      ] as const;
      fc.assert(
        fc.property(fc.constantFrom(...keys), fc.anything(), (key, junk) => {
          const result = fromCdsHooksCard({ ...card(), [key]: junk });
          if (!result.ok) for (const issue of result.issues) expect(issue.path[0]).toBeDefined();
        }),
        { numRuns: 300 },
      );
    });
  });
});
