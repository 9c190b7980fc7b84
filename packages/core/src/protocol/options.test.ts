import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NumericRecommendation, Recommendation } from '../recommendation/schema.ts';
import { parseRecommendation } from '../recommendation/parse.ts';
import { arbitraryChoiceOptions, arbitraryDecisionOptions } from '../testing/arbitraries.ts';
import { expectRefused, openDecision, step, walk } from '../testing/protocol.ts';
import {
  T0,
  amountOptions,
  binaryRecommendation,
  categoricalRecommendation,
  eligibilityOptions,
  fraudFlagOptions,
  makeInit,
  makePlan,
  measureOptions,
  numericRecommendation,
  rankedRecommendation,
  reasons,
} from './fixtures.ts';
import {
  optionsFromRecommendation,
  parseDecisionOptions,
  recommendationFitsOptions,
  type DecisionOptions,
} from './options.ts';
import { initDecision } from './reducer.ts';
import { decisionOptions } from './rules.ts';
import { ProtocolViolation, type DecisionAction } from './types.ts';

/*
 * The procedure's decision space (docs/architecture.md §2, docs/contracts.md §3.2): validated on
 * its own, checked against the recommendation, and the space every judgement and final decision
 * must lie in.
 */

const reveal = {
  type: 'reveal',
  requested: false,
  display: { format: 'verbal', text: 'likely' },
} as const satisfies DecisionAction;

/** The issues of a refused input, as `[path, code]` pairs. */
function issuesOf(input: unknown): [string, string][] {
  const parsed = parseDecisionOptions(input);
  if (parsed.ok) throw new Error(`expected issues, got ${JSON.stringify(parsed.value)}`);
  for (const issue of parsed.issues) expect(issue.message).toMatch(/\w.*\.$/);
  return parsed.issues.map((issue) => [issue.path.join('.'), issue.code]);
}

function valueOf(input: unknown): DecisionOptions {
  const parsed = parseDecisionOptions(input);
  if (!parsed.ok) throw new Error(`unexpected issues: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

const a = { id: 'approve', label: 'Approve' };
const r = { id: 'reject', label: 'Reject' };

/* -------------------------------------------------------------------------------------------------
 * parseDecisionOptions
 * -----------------------------------------------------------------------------------------------*/

describe('parseDecisionOptions', () => {
  describe('accepts', () => {
    it('a choice, in the given order, with translations, dropping unknown keys', () => {
      const input = {
        kind: 'choice',
        options: [
          { id: 'reject', label: 'Reject', labels: { de: 'Ablehnen' }, probability: 0.4 },
          { id: 'approve', label: 'Approve', colour: 'green' },
        ],
        default: 'approve',
      };
      expect(valueOf(input)).toStrictEqual({
        kind: 'choice',
        options: [
          { id: 'reject', label: 'Reject', labels: { de: 'Ablehnen' } },
          { id: 'approve', label: 'Approve' },
        ],
      });
    });

    it('returns a copy that later changes to the input do not reach', () => {
      const labels = { de: 'Bewilligen' };
      const input: { kind: string; options: object[] } = { kind: 'choice', options: [{ ...a, labels }, r] };
      const value = valueOf(input);
      labels.de = 'Ablehnen';
      input.options.push({ id: 'refer', label: 'Refer', labels: {} });
      expect(value).toStrictEqual({ kind: 'choice', options: [{ ...a, labels: { de: 'Bewilligen' } }, r] });
    });

    it('every fixture unchanged', () => {
      for (const options of [eligibilityOptions, fraudFlagOptions, measureOptions, amountOptions]) {
        expect(valueOf(options)).toStrictEqual(options);
      }
    });

    it('an amount with unit, range and step, or with none of them', () => {
      expect(valueOf({ kind: 'numeric', unit: 'EUR', min: 0, max: 2000, step: 0.01, max2: 1 })).toStrictEqual(
        { kind: 'numeric', unit: 'EUR', min: 0, max: 2000, step: 0.01 },
      );
      expect(valueOf({ kind: 'numeric' })).toStrictEqual({ kind: 'numeric' });
      expect(valueOf({ kind: 'numeric', min: 5, max: 5 })).toStrictEqual({ kind: 'numeric', min: 5, max: 5 });
      expect(valueOf({ kind: 'numeric', min: -10 })).toStrictEqual({ kind: 'numeric', min: -10 });
    });

    it('-0 as 0, so that the options survive JSON like the rest of the state', () => {
      const value = valueOf({ kind: 'numeric', min: -0, max: -0 });
      expect(value).toStrictEqual({ kind: 'numeric', min: 0, max: 0 });
      expect(JSON.parse(JSON.stringify(value))).toStrictEqual(value);
    });

    it('any valid options, unchanged and as plain JSON', () => {
      fc.assert(
        fc.property(arbitraryDecisionOptions(), (options) => {
          const value = valueOf(options);
          // toEqual: the generated translations may have no prototype; the copy is a plain object.
          expect(value).toEqual(options);
          expect(JSON.parse(JSON.stringify(value))).toStrictEqual(value);
        }),
        { numRuns: 200 },
      );
    });
  });

  describe('refuses, naming each problem with its path', () => {
    it('anything but an object with a known kind', () => {
      for (const input of [null, undefined, 'choice', 42, [a, r]])
        expect(issuesOf(input)).toEqual([['', 'invalid_type']]);
      expect(issuesOf({ options: [a, r] })).toEqual([['kind', 'invalid_value']]);
      expect(issuesOf({ kind: 'ranked', options: [a, r] })).toEqual([['kind', 'invalid_value']]);
    });

    it('a choice without a list of options', () => {
      expect(issuesOf({ kind: 'choice' })).toEqual([['options', 'invalid_type']]);
      expect(issuesOf({ kind: 'choice', options: { a, r } })).toEqual([['options', 'invalid_type']]);
    });

    it('fewer than two options', () => {
      expect(issuesOf({ kind: 'choice', options: [] })).toEqual([['options', 'empty_options']]);
      expect(issuesOf({ kind: 'choice', options: [a] })).toEqual([['options', 'empty_options']]);
    });

    it('a duplicate id, at the second occurrence', () => {
      expect(
        issuesOf({ kind: 'choice', options: [a, r, { id: 'approve', label: 'Approve again' }] }),
      ).toEqual([['options.2.id', 'duplicate_id']]);
    });

    it('a missing or blank id', () => {
      expect(issuesOf({ kind: 'choice', options: [a, { label: 'Reject' }] })).toEqual([
        ['options.1.id', 'missing'],
      ]);
      expect(issuesOf({ kind: 'choice', options: [{ id: '  ', label: 'Blank' }, r] })).toEqual([
        ['options.0.id', 'missing'],
      ]);
      expect(issuesOf({ kind: 'choice', options: [{ id: 7, label: 'Seven' }, r] })).toEqual([
        ['options.0.id', 'missing'],
      ]);
    });

    it('a missing or blank label', () => {
      expect(issuesOf({ kind: 'choice', options: [a, { id: 'reject' }] })).toEqual([
        ['options.1.label', 'missing'],
      ]);
      expect(issuesOf({ kind: 'choice', options: [{ id: 'approve', label: '' }, r] })).toEqual([
        ['options.0.label', 'missing'],
      ]);
    });

    it('an option that is not an object, and translations that are not texts', () => {
      expect(issuesOf({ kind: 'choice', options: [a, 'reject'] })).toEqual([['options.1', 'invalid_type']]);
      expect(issuesOf({ kind: 'choice', options: [a, { ...r, labels: { de: 3 } }] })).toEqual([
        ['options.1.labels', 'invalid_type'],
      ]);
      expect(issuesOf({ kind: 'choice', options: [a, { ...r, labels: ['Ablehnen'] }] })).toEqual([
        ['options.1.labels', 'invalid_type'],
      ]);
    });

    it('every problem of a choice at once', () => {
      expect(
        issuesOf({ kind: 'choice', options: [{ id: 'x' }, { id: 'x', label: 'X' }, null, { label: 'Y' }] }),
      ).toEqual([
        ['options.0.label', 'missing'],
        ['options.1.id', 'duplicate_id'],
        ['options.2', 'invalid_type'],
        ['options.3.id', 'missing'],
      ]);
    });

    it('an amount with a unit that is no text, or a bound or step that is no finite number', () => {
      expect(issuesOf({ kind: 'numeric', unit: 3 })).toEqual([['unit', 'invalid_type']]);
      expect(issuesOf({ kind: 'numeric', min: Number.NaN, max: Infinity, step: '1' })).toEqual([
        ['min', 'not_finite'],
        ['max', 'not_finite'],
        ['step', 'not_finite'],
      ]);
      expect(issuesOf({ kind: 'numeric', min: null })).toEqual([['min', 'not_finite']]);
    });

    it('min above max', () => {
      expect(issuesOf({ kind: 'numeric', min: 10, max: 9.99 })).toEqual([['max', 'out_of_range']]);
    });

    it('a step of zero or less', () => {
      expect(issuesOf({ kind: 'numeric', step: 0 })).toEqual([['step', 'out_of_range']]);
      expect(issuesOf({ kind: 'numeric', step: -0.5 })).toEqual([['step', 'out_of_range']]);
      expect(issuesOf({ kind: 'numeric', min: 3, max: 1, step: -1 })).toEqual([
        ['max', 'out_of_range'],
        ['step', 'out_of_range'],
      ]);
    });

    it('a hostile object whose getters throw, as a whole, without throwing', () => {
      const hostile = {
        kind: 'choice',
        get options(): unknown {
          throw new Error('boom');
        },
      };
      expect(() => parseDecisionOptions(hostile)).not.toThrow();
      expect(issuesOf(hostile)).toEqual([['', 'internal']]);

      const hostileOption = {
        kind: 'choice',
        options: [
          a,
          {
            id: 'reject',
            get label(): string {
              throw new Error('boom');
            },
          },
        ],
      };
      expect(issuesOf(hostileOption)).toEqual([['', 'internal']]);

      const trap = new Proxy(
        {},
        {
          get() {
            throw new Error('trap');
          },
          ownKeys() {
            throw new Error('trap');
          },
        },
      );
      expect(issuesOf(trap)).toEqual([['', 'internal']]);
      expect(issuesOf({ kind: 'choice', options: [a, { ...r, labels: trap }] })).toEqual([['', 'internal']]);
    });
  });
});

/* -------------------------------------------------------------------------------------------------
 * recommendationFitsOptions and optionsFromRecommendation
 * -----------------------------------------------------------------------------------------------*/

describe('recommendationFitsOptions', () => {
  const pathsAndCodes = (rec: Recommendation, options: DecisionOptions) =>
    recommendationFitsOptions(rec, options).map((issue) => {
      expect(issue.message).toMatch(/\w.*\.$/);
      return [issue.path.join('.'), issue.code];
    });

  it('finds nothing wrong when the AI names only the procedure’s options, even fewer of them', () => {
    expect(recommendationFitsOptions(categoricalRecommendation, eligibilityOptions)).toEqual([]);
    expect(recommendationFitsOptions(binaryRecommendation, fraudFlagOptions)).toEqual([]);
    expect(recommendationFitsOptions(rankedRecommendation, measureOptions)).toEqual([]);
    expect(recommendationFitsOptions(numericRecommendation, amountOptions)).toEqual([]);
  });

  it('names each option the procedure does not offer, and the recommended one', () => {
    const options: DecisionOptions = { kind: 'choice', options: [a, r] };
    expect(pathsAndCodes(categoricalRecommendation, options)).toEqual([['options.2.id', 'unknown_option']]);
    const recommendsRefer = { ...categoricalRecommendation, recommended: 'refer' };
    expect(pathsAndCodes(recommendsRefer, options)).toEqual([
      ['options.2.id', 'unknown_option'],
      ['recommended', 'unknown_option'],
    ]);
    const [issue] = recommendationFitsOptions(categoricalRecommendation, options);
    expect(issue?.message).toContain('"refer"');
    expect(issue?.message).toContain('approve, reject');
  });

  it('checks a ranked list’s first option when it names no recommended one', () => {
    // A hand-built ranked list without `recommended` (parseRecommendation would fill it in).
    const { recommended: _recommended, ...rest } = rankedRecommendation;
    const unpicked = rest as unknown as Recommendation;
    const options: DecisionOptions = {
      kind: 'choice',
      options: [
        { id: 'course-b', label: 'Course B' },
        { id: 'coaching', label: 'Coaching' },
      ],
    };
    expect(pathsAndCodes(unpicked, options)).toEqual([
      ['options.0.id', 'unknown_option'],
      ['recommended', 'unknown_option'],
    ]);
  });

  it('refuses a kind that is not the procedure’s, both ways', () => {
    expect(pathsAndCodes(numericRecommendation, eligibilityOptions)).toEqual([['kind', 'invalid_type']]);
    expect(pathsAndCodes(categoricalRecommendation, amountOptions)).toEqual([['kind', 'invalid_type']]);
  });

  it('refuses an amount outside the procedure’s range; the bounds belong to it', () => {
    const at = (value: number): NumericRecommendation => ({ ...numericRecommendation, value });
    const range: DecisionOptions = { kind: 'numeric', unit: 'EUR', min: 400, max: 420 };
    expect(pathsAndCodes(at(399.99), range)).toEqual([['value', 'out_of_range']]);
    expect(pathsAndCodes(at(420.01), range)).toEqual([['value', 'out_of_range']]);
    expect(pathsAndCodes(at(400), range)).toEqual([]);
    expect(pathsAndCodes(at(420), range)).toEqual([]);
    expect(pathsAndCodes(at(-1e9), { kind: 'numeric', max: 0 })).toEqual([]);
    expect(recommendationFitsOptions(at(420.01), range)[0]?.message).toContain('400 to 420');
  });

  it('refuses another unit, but not a missing one on either side', () => {
    expect(pathsAndCodes({ ...numericRecommendation, unit: 'USD' }, amountOptions)).toEqual([
      ['unit', 'invalid_value'],
    ]);
    const { unit: _unit, ...unitless } = numericRecommendation;
    expect(pathsAndCodes(unitless, amountOptions)).toEqual([]);
    expect(pathsAndCodes(numericRecommendation, { kind: 'numeric' })).toEqual([]);
  });

  it('finds nothing wrong with any recommendation against its own options', () => {
    // Recommendations of every kind over random options (without the explanation payloads of
    // arbitraryRecommendation, which cost time and do not matter here), as parseRecommendation
    // normalises them.
    const choice = fc
      .tuple(arbitraryChoiceOptions(), fc.constantFrom('categorical', 'ranked'), fc.nat())
      .map(([options, kind, pick]) => {
        const list = options.kind === 'choice' ? options.options : [];
        return kind === 'ranked'
          ? { kind, options: list }
          : { kind, options: list, recommended: list[pick % list.length]?.id };
      });
    const binary = fc.tuple(arbitraryChoiceOptions(2), fc.boolean()).map(([options, first]) => {
      const list = options.kind === 'choice' ? options.options : [];
      return { kind: 'binary', options: list, recommended: list[first ? 0 : 1]?.id };
    });
    const numeric = fc
      .tuple(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.option(fc.constantFrom('EUR', 'days'), { nil: undefined }),
      )
      .map(([xs, unit]) => {
        const [lo = 0, value = 0, hi = 0] = xs.sort((x, y) => x - y);
        return {
          kind: 'numeric',
          value,
          interval: { lo, hi, level: 0.9 },
          ...(unit === undefined ? {} : { unit }),
        };
      });
    fc.assert(
      fc.property(fc.oneof(choice, binary, numeric), (input) => {
        const parsed = parseRecommendation(input);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
        const own = optionsFromRecommendation(parsed.value);
        expect(own).not.toBeNull();
        expect(recommendationFitsOptions(parsed.value, own as DecisionOptions)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('optionsFromRecommendation', () => {
  it('is null without a recommendation', () => {
    expect(optionsFromRecommendation(null)).toBeNull();
  });

  it('takes the AI’s options in the AI’s order, without probabilities', () => {
    expect(optionsFromRecommendation(rankedRecommendation)).toStrictEqual({
      kind: 'choice',
      options: [
        { id: 'course-a', label: 'Course A' },
        { id: 'course-b', label: 'Course B' },
        { id: 'coaching', label: 'Coaching' },
      ],
    });
  });

  it('copies translations', () => {
    const labels = { de: 'Bewilligen' };
    const rec = {
      ...binaryRecommendation,
      options: [{ id: 'yes', label: 'Yes', labels }, binaryRecommendation.options[1]!],
    };
    const options = optionsFromRecommendation(rec);
    labels.de = 'changed';
    expect(options).toMatchObject({ options: [{ id: 'yes', labels: { de: 'Bewilligen' } }, { id: 'no' }] });
  });

  it('takes an amount’s unit, and no range', () => {
    expect(optionsFromRecommendation(numericRecommendation)).toStrictEqual({ kind: 'numeric', unit: 'EUR' });
    const { unit: _unit, ...unitless } = numericRecommendation;
    expect(optionsFromRecommendation(unitless)).toStrictEqual({ kind: 'numeric' });
  });
});

/* -------------------------------------------------------------------------------------------------
 * Options in the protocol
 * -----------------------------------------------------------------------------------------------*/

describe('opening a decision with the procedure’s options', () => {
  it('opens normally when the recommendation fits, and keeps a clean copy of the options', () => {
    const input = { ...eligibilityOptions, note: 'drop me' };
    const { state, events } = openDecision({ options: input });
    expect(state.status).toBe('opened');
    expect(state.recommendation).toBe(categoricalRecommendation);
    expect(state.options).toStrictEqual(eligibilityOptions);
    expect(state.options).not.toBe(input);
    expect(decisionOptions(state)).toStrictEqual(eligibilityOptions);
    expect(events.map((e) => e.type)).toEqual(['decision.opened']);
    expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
  });

  it('sets a recommendation that does not fit aside: without-ai, invalid-recommendation, and logs why', () => {
    const options: DecisionOptions = { kind: 'choice', options: [a, r] };
    const { state, events } = openDecision({ options });
    expect(state.status).toBe('without-ai');
    expect(state.recommendation).toBeNull();
    expect(state.model).toBeUndefined();
    expect(state.withoutAi).toEqual({ cause: 'invalid-recommendation', at: T0 });
    expect(events.map((e) => e.type)).toEqual(['decision.opened', 'recommendation.invalid']);
    expect(events[1]).not.toHaveProperty('model');
    expect(events[1]?.data).toEqual({
      issues: recommendationFitsOptions(categoricalRecommendation, options),
    });
    expect(events[1]?.data).toMatchObject({
      issues: [{ path: ['options', 2, 'id'], code: 'unknown_option' }],
    });
  });

  it('logs the procedure’s misfit issues instead of the issues the host passed with the recommendation', () => {
    const { events } = openDecision({
      recommendation: numericRecommendation,
      options: { kind: 'numeric', unit: 'EUR', min: 0, max: 400 },
      recommendationIssues: [{ path: ['x'], code: 'missing', message: 'ignored.' }],
    });
    expect(events[1]?.data).toMatchObject({ issues: [{ path: ['value'], code: 'out_of_range' }] });
    expect((events[1]?.data as { issues: unknown[] }).issues).toHaveLength(1);
  });

  it('sets aside a recommendation of the wrong kind', () => {
    const { state, events } = openDecision({
      recommendation: numericRecommendation,
      options: eligibilityOptions,
    });
    expect(state.status).toBe('without-ai');
    expect(events[1]?.data).toEqual({
      issues: [{ path: ['kind'], code: 'invalid_type', message: expect.stringMatching(/amount/) }],
    });
  });

  it('lets a person decide with the procedure’s options when there is no recommendation', () => {
    const { state, events } = openDecision({ recommendation: null, options: eligibilityOptions });
    expect(state.status).toBe('without-ai');
    expect(state.withoutAi).toEqual({ cause: 'no-recommendation', at: T0 });
    expect(events.map((e) => e.type)).toEqual(['decision.opened']);
    expect(decisionOptions(state)).toStrictEqual(eligibilityOptions);
    expectRefused(state, { type: 'finalize', final: { label: 'grant' } }, 'invalid-final');
    const done = step(state, { type: 'finalize', final: { label: 'request-documents' } }, 5000);
    expect(done.events[0]?.data).toMatchObject({
      final: { label: 'request-documents' },
      outcome: 'without-ai',
      withoutAi: 'no-recommendation',
    });
  });

  it('keeps the issues the host passed when there is no recommendation to check', () => {
    const issues = [{ path: ['confidence'], code: 'out_of_range' as const, message: 'Above 1.' }];
    const { state, events } = openDecision({
      recommendation: null,
      recommendationIssues: issues,
      options: eligibilityOptions,
    });
    expect(state.withoutAi?.cause).toBe('invalid-recommendation');
    expect(events[1]?.data).toEqual({ issues });
  });

  it('throws a ProtocolViolation naming the path of the first problem of invalid options', () => {
    const cases: [unknown, RegExp][] = [
      [{ kind: 'choice', options: [a, a] }, /appears twice.*options\.options\.1\.id/],
      [{ kind: 'choice', options: [a, { id: 'reject' }] }, /label.*options\.options\.1\.label/],
      [{ kind: 'choice', options: [a] }, /at least two.*\(at options\.options\)/],
      [{ kind: 'numeric', min: 10, max: 1 }, /max must not be below min.*options\.max/],
      [{ kind: 'numeric', step: 0 }, /step.*options\.step/],
      [{ kind: 'scale' }, /kind.*options\.kind/],
    ];
    for (const [options, message] of cases) {
      const init = makeInit({ options: options as DecisionOptions });
      let thrown: unknown;
      try {
        initDecision(init, T0);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ProtocolViolation);
      const violation = thrown as ProtocolViolation;
      expect(violation.code).toBe('invalid-input');
      expect(violation.error.action).toBe('init');
      expect(violation.message).toMatch(/^invalid-input: init\.options is invalid: /);
      expect(violation.message).toMatch(message);
    }
  });

  it('throws for options whose getters throw, rather than opening with half of them', () => {
    const hostile = {
      kind: 'choice',
      get options(): unknown {
        throw new Error('boom');
      },
    } as unknown as DecisionOptions;
    expect(() => initDecision(makeInit({ options: hostile }), T0)).toThrow(/init\.options is invalid/);
  });
});

describe('judgements and final decisions in the procedure’s decision space', () => {
  it('refuses a draft or a commit that is not one of the procedure’s options', () => {
    const state = openDecision({ options: eligibilityOptions }).state;
    const error = expectRefused(
      state,
      { type: 'commit', judgement: { label: 'grant' } },
      'invalid-judgement',
    );
    expect(error.details).toEqual({
      label: 'grant',
      options: ['approve', 'reject', 'refer', 'request-documents'],
    });
    expectRefused(state, { type: 'draft', judgement: { label: 'grant' } }, 'invalid-judgement');
    expectRefused(state, { type: 'commit', judgement: { value: 1 } }, 'invalid-judgement');
  });

  it('accepts an option the procedure offers and the AI does not name', () => {
    const state = openDecision({ options: eligibilityOptions }).state;
    const committed = step(state, { type: 'commit', judgement: { label: 'request-documents' } });
    expect(committed.events[0]?.data).toMatchObject({ judgement: { label: 'request-documents' } });
    const revealed = step(committed.state, reveal);
    const final = step(
      revealed.state,
      {
        type: 'finalize',
        final: { label: 'request-documents' },
        intent: 'override',
        reasons: [reasons.missingEvidence],
      },
      1000,
    );
    expect(final.events[0]?.data).toMatchObject({
      final: { label: 'request-documents' },
      outcome: 'overridden',
    });
    expect(final.events[0]?.data).not.toHaveProperty('withoutAi');
  });

  it('closes a ranked list: only the procedure’s measures, not any candidate', () => {
    const state = openDecision({ recommendation: rankedRecommendation, options: measureOptions }).state;
    expectRefused(state, { type: 'commit', judgement: { label: 'apprenticeship' } }, 'invalid-judgement');
    const revealed = walk(state, [{ type: 'commit', judgement: { label: 'job-fair' } }, reveal]);
    expectRefused(
      revealed,
      { type: 'finalize', final: { label: 'apprenticeship' }, reasons: [reasons.missingEvidence] },
      'invalid-final',
    );
    const done = step(revealed, {
      type: 'finalize',
      final: { label: 'job-fair' },
      intent: 'modify',
      reasons: [reasons.missingEvidence],
    });
    // job-fair is the procedure's, not on the AI's list: a deviation beyond what the AI offered.
    expect(done.events[0]?.data).toMatchObject({ outcome: 'overridden' });
  });

  it('keeps a ranked list open to other candidates when the procedure gives no options', () => {
    const state = openDecision({ recommendation: rankedRecommendation }).state;
    step(state, { type: 'commit', judgement: { label: 'apprenticeship' } });
  });

  it('refuses an amount outside the procedure’s range, naming the range', () => {
    const state = openDecision({ recommendation: numericRecommendation, options: amountOptions }).state;
    const error = expectRefused(
      state,
      { type: 'commit', judgement: { value: 2000.01 } },
      'invalid-judgement',
    );
    expect(error.details).toEqual({ value: 2000.01, min: 0, max: 2000 });
    expect(error.message).toContain('0 to 2000');
    expectRefused(state, { type: 'draft', judgement: { value: -1 } }, 'invalid-judgement');
    expectRefused(state, { type: 'commit', judgement: { label: 'approve' } }, 'invalid-judgement');

    const revealed = walk(state, [{ type: 'commit', judgement: { value: 2000 } }, reveal]);
    const finalError = expectRefused(
      revealed,
      { type: 'finalize', final: { value: -0.01 }, reasons: [reasons.missingEvidence] },
      'invalid-final',
    );
    expect(finalError.details).toEqual({ value: -0.01, min: 0, max: 2000 });
    const done = step(revealed, {
      type: 'finalize',
      final: { value: 0 },
      reasons: [reasons.missingEvidence],
    });
    expect(done.events[0]?.data).toMatchObject({ final: { value: 0 }, outcome: 'overridden' });
  });

  it('leaves an open end open', () => {
    const state = openDecision({
      recommendation: numericRecommendation,
      options: { kind: 'numeric', min: 100 },
    }).state;
    expectRefused(state, { type: 'commit', judgement: { value: 99 } }, 'invalid-judgement');
    const committed = step(state, { type: 'commit', judgement: { value: 1e9 } });
    expect(committed.state.judgement?.judgement).toEqual({ value: 1e9 });
  });

  it('checks final decisions without the AI against the procedure’s options too', () => {
    const state = openDecision({
      options: eligibilityOptions,
      plan: makePlan({ arm: 'no-ai' }),
    }).state;
    expect(state.withoutAi?.cause).toBe('no-ai-arm');
    expectRefused(state, { type: 'finalize', final: { label: 'grant' } }, 'invalid-final');
    expectRefused(state, { type: 'finalize', final: { value: 3 } }, 'invalid-final');
    const done = step(state, { type: 'finalize', final: { label: 'refer' } });
    expect(done.events[0]?.data).toMatchObject({ outcome: 'without-ai', withoutAi: 'no-ai-arm' });
  });

  it('lets every option of random procedures be committed, and nothing else', () => {
    fc.assert(
      fc.property(arbitraryChoiceOptions(), fc.string({ maxLength: 8 }), (options, other) => {
        const state = initDecision(makeInit({ recommendation: null, options }), T0).state;
        const ids = options.kind === 'choice' ? options.options.map((o) => o.id) : [];
        for (const id of ids) step(state, { type: 'commit', judgement: { label: id } });
        if (other !== '' && !ids.includes(other)) {
          expectRefused(state, { type: 'commit', judgement: { label: other } }, 'invalid-judgement');
        }
      }),
      { numRuns: 100 },
    );
  });
});
