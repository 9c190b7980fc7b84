import type { Rate } from './types.ts';

/** z for a two-sided 95 % interval, as docs/research.md §3 fixes it (not 1.96, so tools agree). */
export const Z_95 = 1.959964;

/**
 * The rate k/n with its Wilson score interval (docs/research.md §3): centre (p̂ + z²/2n)/(1 + z²/n),
 * half-width z·√(p̂(1−p̂)/n + z²/4n²)/(1 + z²/n), clamped to [0, 1] against rounding. `null` for
 * n = 0: there is no rate to bound, and a [0, 1] interval would look like data. The operations
 * are written in the same order as in `sql/metrics.sql` so both give the same doubles.
 *
 * @example
 * wilson(81, 263); // { rate: 0.3080, lo: 0.2553, hi: 0.3662, k: 81, n: 263 }
 */
export function wilson(k: number, n: number, z: number = Z_95): Rate | null {
  if (!(n > 0)) return null;
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { rate: p, lo: Math.max(0, centre - half), hi: Math.min(1, centre + half), k, n };
}
