import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './stats.ts';

describe('wilsonInterval', () => {
  it('matches the formula of docs/research.md §3 for 8 of 10', () => {
    const interval = wilsonInterval(0.8, 10);
    expect(interval?.lo).toBeCloseTo(0.4902, 4);
    expect(interval?.hi).toBeCloseTo(0.9433, 4);
  });

  it('stays inside [0, 1] at the extremes', () => {
    expect(wilsonInterval(0, 5)?.lo).toBe(0);
    expect(wilsonInterval(1, 5)?.hi).toBe(1);
  });

  it('has no interval without cases', () => {
    expect(wilsonInterval(0.5, 0)).toBeNull();
    expect(wilsonInterval(Number.NaN, 10)).toBeNull();
  });
});
