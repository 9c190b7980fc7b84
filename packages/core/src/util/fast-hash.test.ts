import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalize as canonicalJson,
  hashCanonical,
  referenceCanonicalize as canonicalize,
  sha256Hex,
  sha256HexNative,
  sha256HexPortable,
} from './hash.ts';

/** What `run` makes of `value`: its result, or that it throws. */
function outcome(run: (value: unknown) => string) {
  return (value: unknown): { result: string } | { throws: true } => {
    try {
      return { result: run(value) };
    } catch {
      return { throws: true };
    }
  };
}

/** The reference's verdict, and the fast path's. */
const reference = outcome(canonicalize);
const fast = outcome(canonicalJson);

/** Strings that stress escaping, sorting and surrogates. */
const awkwardString = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '',
    '\u2028',
    '\u0000',
    '\ud800',
    'a\udc00b',
    '\ud83d\ude00',
    '\\ud800',
    '"\\',
    'é',
    'e\u0301',
  ),
);
const awkwardKey = fc.oneof(
  awkwardString,
  fc.constantFrom('0', '1', '10', '9', '01', '4294967295', '__proto__', 'toJSON', 'constructor'),
);
const awkwardValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    awkwardString,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constantFrom(-0, 1e21, 5e-7, 0.1 + 0.2, Number.MAX_SAFE_INTEGER + 2, NaN, Infinity),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(awkwardKey, tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** The contract's hash the slow, obvious way (reference text, portable SHA-256), and the fast one. */
const referenceHash = outcome((value) => sha256HexPortable(canonicalize(value)));
const fastHash = outcome(hashCanonical);

/** Values that each take a path of their own (or must make the fast path give up), one by one. */
function edgeCases(): unknown[] {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic['self'] = cyclic;
  const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
  return [
    { b: 1, a: 2, 10: 'x', 9: 'y' },
    JSON.parse('{"__proto__": {"x": 1}, "a": 1}'),
    { toJSON: () => ({ z: 1, y: 2 }) },
    { when: new Date(Date.UTC(2026, 0, 1)) },
    { lone: '\ud800' },
    { '\udfff': 1 },
    { text: 'a\\ud800 literally' },
    { gone: undefined, kept: 1, sym: Symbol('s'), fn: () => 1 },
    [undefined, () => 1],
    sparse,
    { n: NaN },
    { n: -Infinity },
    { z: -0, e: 1e21, f: 5e-7 },
    { big: 1n },
    cyclic,
    new Map([[1, 2]]),
    Object.create(null) as object,
    'just text',
    42,
    null,
    // More keys than the insertion sort takes, in scrambled order, nested.
    Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`k${(i * 7919) % 40}`, { [`n${(i * 31) % 40}`]: i, b: [i] }]),
    ),
  ];
}

describe.each([
  { name: 'canonicalize (fast path) against the reference RFC 8785 text', ours: fast, theirs: reference },
  {
    name: 'hashCanonical (bytes hashed directly) against SHA-256 of the reference text',
    ours: fastHash,
    theirs: referenceHash,
  },
])('$name', ({ ours, theirs }) => {
  it('agrees on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(ours(value)).toEqual(theirs(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees on awkward values, including where the reference throws', () => {
    fc.assert(
      fc.property(awkwardValue, (value) => {
        expect(ours(value)).toEqual(theirs(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees on the edge cases one by one', () => {
    for (const value of edgeCases()) expect(ours(value)).toEqual(theirs(value));
  });
});

describe('hashCanonical (bytes hashed directly): edge cases', () => {
  it('agrees on every code unit, escapes and multi-byte characters included', () => {
    for (let code = 0; code < 0x10000; code += code < 0x3000 ? 1 : 97) {
      const text = `a${String.fromCharCode(code)}b`;
      expect(fastHash({ [text]: text })).toEqual(referenceHash({ [text]: text }));
    }
    for (const text of ['\u{1F9FE}', '\ud83d\ude00x', 'x\ud83d', '\ude00\ud83d', '\u2028\u2029\u007f']) {
      expect(fastHash([text])).toEqual(referenceHash([text]));
    }
  });

  it('agrees on values bigger than its buffer, and when a getter hashes while it writes', () => {
    const big = {
      text: 'é'.repeat(50_000),
      list: Array.from({ length: 3000 }, (_, i) => ({ i, s: `v${i}` })),
    };
    expect(fastHash(big)).toEqual(referenceHash(big));
    const inner = { z: 1, a: 'inner' };
    const sneaky = {
      b: 2,
      get a() {
        return hashCanonical(inner);
      },
    };
    const expected = referenceHash({ b: 2, a: sha256HexPortable(canonicalize(inner)) });
    expect(fastHash(sneaky)).toEqual(expected);
    expect(fastHash({ after: true })).toEqual(referenceHash({ after: true }));
  });
});

describe('sha256Hex', () => {
  it('uses the native SHA-256 in Node', () => {
    expect(sha256HexNative).toBeTypeOf('function');
    expect(sha256Hex).toBe(sha256HexNative);
  });

  it('native and portable agree on arbitrary text', () => {
    const native = sha256HexNative as (text: string) => string;
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(native(text)).toBe(sha256HexPortable(text));
      }),
      { numRuns: 500 },
    );
    expect(sha256HexPortable('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
