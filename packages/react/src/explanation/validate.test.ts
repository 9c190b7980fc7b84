import { describe, expect, it } from 'vitest';
import { hasData, readExplanation } from './validate.ts';

const evidence = {
  id: 'ev-1',
  stance: 'supports',
  quote: 'Income 1,840 €.',
  source: { document: 'Proof of income', page: 12 },
};

describe('readExplanation', () => {
  it('marks panels without data as absent', () => {
    const data = readExplanation({ explanation: {} });
    expect(data.evidence.status).toBe('absent');
    expect(data.factors.status).toBe('absent');
    expect(data.model.status).toBe('absent');
    expect(data.detail.status).toBe('absent');
    expect(data.rootIssue).toBeUndefined();
  });

  it('treats an empty list as absent', () => {
    expect(readExplanation({ explanation: { evidence: [] } }).evidence.status).toBe('absent');
  });

  it('keeps the entries that are valid and reports the others with their path', () => {
    const data = readExplanation({
      explanation: { evidence: [evidence, { id: 'ev-2', stance: 'contradicts', quote: 'x' }, evidence] },
    });
    expect(data.evidence.status).toBe('partial');
    if (!hasData(data.evidence)) throw new Error('expected data');
    expect(data.evidence.data).toHaveLength(2);
    expect(data.evidence.issues).toEqual([{ path: ['evidence', 1, 'source'], kind: 'missing' }]);
  });

  it('reports a list that is not a list', () => {
    expect(readExplanation({ explanation: { counterfactuals: 'x' } }).counterfactuals).toEqual({
      status: 'invalid',
      issues: [{ path: ['counterfactuals'], kind: 'type' }],
    });
  });

  it('classifies out-of-range numbers and NaN', () => {
    const data = readExplanation({
      explanation: {
        similarCases: [
          { id: 'a', similarity: 1.4 },
          { id: 'b', similarity: Number.NaN },
        ],
      },
    });
    expect(data['similar-cases']).toEqual({
      status: 'invalid',
      issues: [
        { path: ['similarCases', 0, 'similarity'], kind: 'range' },
        { path: ['similarCases', 1, 'similarity'], kind: 'range' },
      ],
    });
  });

  it('needs a base value to draw factors, but drops only broken factors otherwise', () => {
    expect(readExplanation({ explanation: { factors: { items: [] } } }).factors).toEqual({
      status: 'invalid',
      issues: [{ path: ['factors', 'baseValue'], kind: 'missing' }],
    });
    const partial = readExplanation({
      explanation: {
        factors: {
          baseValue: 0.5,
          items: [
            { id: 'a', label: 'A', contribution: 0.1 },
            { id: 'b', label: 'B', contribution: 'much' },
          ],
        },
      },
    }).factors;
    expect(partial.status).toBe('partial');
    if (!hasData(partial)) throw new Error('expected data');
    expect(partial.data.items.map((i) => i.id)).toEqual(['a']);
  });

  it('reads model facts field by field and adds the model identity and reliability bins', () => {
    const data = readExplanation({
      explanation: {
        modelFacts: {
          intendedUse: 'Eligibility',
          limitations: ['a', 7],
          subgroups: [
            { name: 'x', n: 10, accuracy: 0.9 },
            { name: 'y', n: -1, accuracy: 0.9 },
          ],
        },
      },
      model: { id: 'm', version: '1' },
      calibration: { calibrated: true, bins: [{ lo: 0, hi: 1, n: 5, confidence: 0.5, accuracy: 0.4 }] },
    });
    expect(data.model.status).toBe('partial');
    if (!hasData(data.model)) throw new Error('expected data');
    expect(data.model.data.facts?.limitations).toEqual(['a']);
    expect(data.model.data.facts?.subgroups?.map((s) => s.name)).toEqual(['x']);
    expect(data.model.data.identity).toEqual({ id: 'm', version: '1' });
    expect(data.model.data.bins).toHaveLength(1);
    expect(data.model.issues.map((i) => i.path.join('.'))).toEqual([
      'modelFacts.limitations.1',
      'modelFacts.subgroups.1.n',
    ]);
  });

  it('flags an explanation that is not an object', () => {
    expect(readExplanation({ explanation: 'text' }).rootIssue).toEqual({ path: [], kind: 'type' });
    expect(readExplanation({ explanation: [1, 2] }).rootIssue).toEqual({ path: [], kind: 'type' });
  });

  it('never throws, even for getters that throw and revoked proxies', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const throwing = {
      get evidence(): unknown {
        throw new Error('boom');
      },
    };
    expect(() => readExplanation({ explanation: proxy, calibration: proxy, model: proxy })).not.toThrow();
    expect(readExplanation({ explanation: throwing }).evidence).toEqual({
      status: 'invalid',
      issues: [{ path: ['evidence'], kind: 'unreadable' }],
    });
  });

  it('accepts markdown detail only as a string', () => {
    expect(readExplanation({ explanation: {}, detail: '**x**' }).detail.status).toBe('valid');
    expect(readExplanation({ explanation: {}, detail: 42 }).detail.status).toBe('invalid');
    expect(readExplanation({ explanation: {}, detail: '   ' }).detail.status).toBe('absent');
  });
});
