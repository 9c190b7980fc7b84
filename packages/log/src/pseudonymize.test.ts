import { describe, expect, it, vi } from 'vitest';
import { PSEUDONYM_CACHE_SIZE, createPseudonymizer, memoizeBounded, transformPath } from './pseudonymize.ts';

const KEY = new Uint8Array(32).fill(1);

describe('createPseudonymizer', () => {
  it('is deterministic for one key and differs between keys', () => {
    const a = createPseudonymizer({ key: KEY });
    const b = createPseudonymizer({ key: new Uint8Array(32).fill(2) });
    expect(a('actor-1')).toBe(a('actor-1'));
    expect(a('actor-1')).not.toBe(a('actor-2'));
    expect(a('actor-1')).not.toBe(b('actor-1'));
  });

  it('computes HMAC-SHA-256 as published in RFC 4231 (test case 1)', () => {
    const pseudonym = createPseudonymizer({ key: new Uint8Array(20).fill(0x0b), prefix: '', length: 64 });
    expect(pseudonym('Hi There')).toBe('b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
  });

  it('keeps using the key it was given when the caller reuses the buffer', () => {
    const buffer = new Uint8Array(32).fill(9);
    const pseudonym = createPseudonymizer({ key: buffer });
    const before = pseudonym('x-1');
    buffer.fill(0);
    expect(createPseudonymizer({ key: new Uint8Array(32).fill(9) })('x-1')).toBe(before);
    expect(pseudonym('x-2')).toBe(createPseudonymizer({ key: new Uint8Array(32).fill(9) })('x-2'));
  });

  it('refuses lengths outside 8–64', () => {
    expect(() => createPseudonymizer({ key: KEY, length: 4 })).toThrow(RangeError);
    expect(() => createPseudonymizer({ key: KEY, length: 65 })).toThrow(RangeError);
  });
});

describe('memoizeBounded (the pseudonym cache)', () => {
  it('computes each value once while it is remembered', () => {
    const compute = vi.fn((value: string) => `p(${value})`);
    const memo = memoizeBounded(compute, 3);
    expect([memo('a'), memo('b'), memo('a'), memo('b')]).toEqual(['p(a)', 'p(b)', 'p(a)', 'p(b)']);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('holds at most `size` values and forgets the oldest first', () => {
    const compute = vi.fn((value: string) => `p(${value})`);
    const memo = memoizeBounded(compute, 3);
    for (const value of ['a', 'b', 'c', 'd']) memo(value); // 'a' is forgotten
    compute.mockClear();
    expect(memo('b')).toBe('p(b)');
    expect(memo('c')).toBe('p(c)');
    expect(memo('d')).toBe('p(d)');
    expect(compute).not.toHaveBeenCalled();
    expect(memo('a')).toBe('p(a)'); // computed again, and now 'b' is the oldest
    expect(compute).toHaveBeenCalledTimes(1);
    expect(memo('b')).toBe('p(b)');
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('keeps pseudonyms right across evictions, and the function exposes no remembered value', () => {
    const pseudonym = createPseudonymizer({ key: KEY });
    const fresh = (value: string) => createPseudonymizer({ key: KEY })(value);
    const values = Array.from({ length: PSEUDONYM_CACHE_SIZE + 50 }, (_, i) => `case-${i}`);
    const first = values.map((value) => pseudonym(value));
    for (const i of [0, 1, 49, 50, values.length - 1]) {
      expect(pseudonym(values[i] as string)).toBe(first[i]);
      expect(first[i]).toBe(fresh(values[i] as string));
    }
    // Nothing on the function itself leads to the raw values it has seen.
    expect(Object.getOwnPropertyNames(pseudonym).sort()).toEqual(['length', 'name']);
    expect(JSON.stringify(pseudonym)).toBeUndefined();
  });
});

describe('transformPath', () => {
  it('rewrites strings at a path, through arrays with *, and leaves everything else alone', () => {
    const target = { a: { b: 'x', c: 1 }, list: [{ id: 'p' }, { id: 'q' }, { other: 'r' }] };
    transformPath(target, 'a.b', (value) => value.toUpperCase());
    transformPath(target, 'list.*.id', (value) => `<${value}>`);
    transformPath(target, 'a.missing.deep', () => 'never');
    expect(target).toEqual({ a: { b: 'X', c: 1 }, list: [{ id: '<p>' }, { id: '<q>' }, { other: 'r' }] });
  });

  it('rewrites numbers only when asked', () => {
    const target = { n: 5 };
    transformPath(target, 'n', (value) => `#${value}`);
    expect(target.n).toBe(5);
    transformPath(target, 'n', (value) => `#${value}`, true);
    expect(target.n).toBe('#5');
  });
});
