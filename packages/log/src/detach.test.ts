import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detach } from './detach.ts';

/** The JSON round trip detach stands in for: its value, or that it throws. */
function roundTrip(value: unknown): { value: unknown } | { throws: true } {
  try {
    return { value: JSON.parse(JSON.stringify(value)) as unknown };
  } catch {
    return { throws: true };
  }
}

function attempt(value: unknown): { value: unknown } | { throws: true } {
  try {
    return { value: detach(value) };
  } catch {
    return { throws: true };
  }
}

/** Equal including key order and -0, the things toEqual does not look at. */
function expectSame(actual: ReturnType<typeof attempt>, expected: ReturnType<typeof attempt>) {
  expect(actual).toEqual(expected);
  if ('value' in actual && 'value' in expected) {
    expect(JSON.stringify(actual.value)).toBe(JSON.stringify(expected.value));
    expect(Object.is(actual.value, -0)).toBe(false);
  }
}

describe('detach', () => {
  it('is the JSON round trip on arbitrary values, key order included', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withObjectString: true, withDate: true, withMap: true }),
        (value) => {
          expectSame(attempt({ value }), roundTrip({ value }));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('agrees with the round trip on the edge cases one by one', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
    const deep: Record<string, unknown> = {};
    let node = deep;
    for (let i = 0; i < 200; i++) node = (node['next'] = {}) as Record<string, unknown>;
    const cases: unknown[] = [
      { b: 1, a: 2, 10: 'x', 9: 'y' },
      JSON.parse('{"__proto__": {"x": 1}, "a": 1}'),
      { toJSON: () => ({ z: 1 }) },
      { when: new Date(Date.UTC(2026, 0, 1)) },
      { gone: undefined, fn: () => 1, sym: Symbol('s'), kept: 1 },
      [undefined, () => 1, Symbol('s')],
      sparse,
      { n: NaN, i: -Infinity, z: -0 },
      { big: 1n },
      cyclic,
      deep,
      new Map([[1, 2]]),
      Object.create(null) as object,
      Object.create({ inherited: 1 }) as object,
      Object.defineProperty({ shown: 1 }, 'hidden', { value: 2, enumerable: false }),
      { lone: '\ud800' },
    ];
    for (const value of cases) expectSame(attempt(value), roundTrip(value));
  });

  it('shares nothing with its input', () => {
    const input = { actor: { id: 'a' }, list: [{ x: 1 }] };
    const copy = detach(input) as typeof input;
    expect(copy).toEqual(input);
    expect(copy.actor).not.toBe(input.actor);
    expect(copy.list).not.toBe(input.list);
    expect(copy.list[0]).not.toBe(input.list[0]);
  });
});
