import { wilsonInterval, Z_95 } from '@deliberate/charts/wilson';
import type { Rate } from './types.ts';

/*
 * The interval itself has one home, `@deliberate/charts/wilson` (a module without React or d3):
 * the charts draw it and this engine reports it, so both show the same numbers.
 */
export { Z_95 };

/**
 * The rate k/n with its Wilson score interval (docs/research.md §3), computed by `wilsonInterval`
 * in the same order of operations as `sql/metrics.sql`, so both give the same doubles. `null`
 * for n = 0: there is no rate to bound, and a [0, 1] interval would look like data.
 *
 * @example
 * wilson(81, 263); // { rate: 0.3080, lo: 0.2553, hi: 0.3662, k: 81, n: 263 }
 */
export function wilson(k: number, n: number, z: number = Z_95): Rate | null {
  if (!(n > 0)) return null;
  const rate = k / n;
  const interval = wilsonInterval(rate, n, z);
  return interval && { rate, lo: interval.lo, hi: interval.hi, k, n };
}
