import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wilsonInterval, Z_95 } from './wilson.ts';

/*
 * Published values of the Wilson score interval without continuity correction:
 * - Newcombe RG (1998). Two-sided confidence intervals for the single proportion: comparison of
 *   seven methods. Statistics in Medicine 17:857–872, Table II, method 3 ("score").
 * - Brown LD, Cai TT, DasGupta A (2001). Interval estimation for a binomial proportion.
 *   Statistical Science 16:101–133: 0 successes in 10 trials give 0–0.2775.
 */

describe('wilsonInterval', () => {
  it('matches the formula of docs/research.md §3 for 8 of 10', () => {
    const interval = wilsonInterval(0.8, 10);
    expect(interval?.lo).toBeCloseTo(0.4902, 4);
    expect(interval?.hi).toBeCloseTo(0.9433, 4);
  });

  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [1, 29, 0.0061, 0.1718],
    [0, 10, 0, 0.2775],
  ])('given %i of %i › matches the published interval %f–%f', (k, n, lo, hi) => {
    const interval = wilsonInterval(k / n, n);
    expect(interval?.lo).toBeCloseTo(lo, 4);
    expect(interval?.hi).toBeCloseTo(hi, 4);
  });

  it('stays inside [0, 1] at the extremes', () => {
    expect(wilsonInterval(0, 5)?.lo).toBe(0);
    expect(wilsonInterval(1, 5)?.hi).toBe(1);
  });

  it('has no interval without cases', () => {
    expect(wilsonInterval(0.5, 0)).toBeNull();
    expect(wilsonInterval(Number.NaN, 10)).toBeNull();
  });

  it('uses z = 1.959964 as docs/research.md fixes it', () => {
    expect(Z_95).toBe(1.959964);
  });

  it('imports nothing, so the metrics engine loads it through `./wilson` without React or d3', () => {
    const source = readFileSync(new URL('./wilson.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^\s*(import|export)\s[^;]*\bfrom\s/m);
  });
});
