import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from './retry.ts';

describe('backoffDelay', () => {
  const retry = { baseMs: 100, maxMs: 1_000 };

  it('doubles per attempt up to maxMs without jitter', () => {
    const delays = [0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, { ...retry, jitter: 'none' }));
    expect(delays).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('draws uniformly below the cap with full jitter', () => {
    expect(backoffDelay(2, retry, () => 0)).toBe(0);
    expect(backoffDelay(2, retry, () => 0.5)).toBe(200);
    expect(backoffDelay(2, retry, () => 0.999)).toBe(399);
    expect(backoffDelay(9, retry, () => 0.5)).toBe(500);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP-date as the time left until then, never negative', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('2025', now)).toBe(2_025_000);
  });
});
