import { describe, expect, it } from 'vitest';
import { canonicalize, deterministicDraw, hashCanonical, sha256Hex } from './hash.ts';

describe('hashing', () => {
  it('hashes the empty string to the published SHA-256 value', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('canonicalizes keys in code-unit order and numbers in ECMAScript form (RFC 8785)', () => {
    expect(canonicalize({ b: 1, a: [1e21, 0.1, -0], c: 'é' })).toBe('{"a":[1e+21,0.1,0],"b":1,"c":"é"}');
  });

  it('gives the same hash for objects that differ only in key order', () => {
    expect(hashCanonical({ x: 1, y: 2 })).toBe(hashCanonical({ y: 2, x: 1 }));
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalize(undefined)).toThrow(TypeError);
  });

  it('draws the same number for the same seed and key, in [0, 1)', () => {
    const a = deterministicDraw('seed', 'decision-1');
    expect(deterministicDraw('seed', 'decision-1')).toBe(a);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(1);
    expect(deterministicDraw('seed', 'decision-2')).not.toBe(a);
  });

  it('draws roughly uniformly', () => {
    const n = 4000;
    let below = 0;
    for (let i = 0; i < n; i++) if (deterministicDraw('s', `d${i}`) < 0.25) below++;
    // 4 000 draws: the share below 0.25 lies within ±0.035 of 0.25 with probability > 0.9999
    expect(Math.abs(below / n - 0.25)).toBeLessThan(0.035);
  });
});
