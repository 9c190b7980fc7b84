import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '@deliberate/core/events';
import { canonicalJson } from './canonical.ts';
import { simulateEvents } from './simulate.ts';

function outcome(run: () => string): { ok: true; text: string } | { ok: false } {
  try {
    return { ok: true, text: run() };
  } catch {
    return { ok: false };
  }
}

describe('canonicalJson', () => {
  it('equals the reference canonicalize on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(outcome(() => canonicalJson(value))).toEqual(outcome(() => canonicalize(value)));
      }),
      { numRuns: 2000 },
    );
  });

  it('equals the reference on objects with awkward keys (array indices, __proto__, unicode)', () => {
    const value = JSON.parse(
      '{"10":1,"9":2,"b":{"__proto__":3,"é":4,"\u{1F600}":5,"a":[1.5e-7,-0,1e21]}}',
    ) as unknown;
    expect(canonicalJson(value)).toBe(canonicalize(value));
  });

  it('refuses what the reference refuses (lone surrogates, non-finite numbers)', () => {
    expect(() => canonicalJson({ a: '\uD800' })).toThrow();
    expect(() => canonicalJson({ a: Infinity })).toThrow();
    expect(() => canonicalJson({ '\uDC00': 1 })).toThrow();
  });

  it('equals the reference on simulated events', () => {
    for (const event of simulateEvents({ decisions: 40, seed: 'canonical', sha256: () => 'a'.repeat(64) })) {
      expect(canonicalJson(event)).toBe(canonicalize(event));
    }
  });
});
