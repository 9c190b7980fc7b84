import { describe, expect, it } from 'vitest';
import { wilson, Z_95 } from './wilson.ts';

/*
 * Published values of the Wilson score interval without continuity correction:
 * - Newcombe RG (1998). Two-sided confidence intervals for the single proportion: comparison of
 *   seven methods. Statistics in Medicine 17:857–872, Table II, method 3 ("score"):
 *   81/263 → 0.2553–0.3662, 15/148 → 0.0624–0.1605, 0/20 → 0–0.1611, 1/29 → 0.0061–0.1718.
 * - Brown LD, Cai TT, DasGupta A (2001). Interval estimation for a binomial proportion.
 *   Statistical Science 16:101–133: the Wilson interval for 0 successes in 10 trials is 0–0.2775.
 */

describe('wilson', () => {
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [0, 10, 0, 0.2775],
  ])('given %i of %i › matches the published interval %f–%f', (k, n, lo, hi) => {
    const rate = wilson(k, n);
    expect(rate).not.toBeNull();
    expect(rate!.rate).toBe(k / n);
    expect(rate!.lo).toBeCloseTo(lo, 4);
    expect(rate!.hi).toBeCloseTo(hi, 4);
    expect(rate!.k).toBe(k);
    expect(rate!.n).toBe(n);
  });

  it('given no cases › has no rate at all (null, not 0)', () => {
    expect(wilson(0, 0)).toBeNull();
  });

  it('given all cases counted › reaches 1 and stays inside [0, 1]', () => {
    const rate = wilson(10, 10)!;
    expect(rate.hi).toBeCloseTo(1, 12);
    expect(rate.hi).toBeLessThanOrEqual(1);
    expect(rate.lo).toBeCloseTo(1 - 0.2775, 4);
  });

  it('uses z = 1.959964 as docs/research.md fixes it', () => {
    expect(Z_95).toBe(1.959964);
  });
});
