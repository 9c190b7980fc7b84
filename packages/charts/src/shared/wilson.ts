/*
 * The Wilson score interval, the one implementation in the repository: charts draw it, the
 * metrics engine of @deliberate/analytics reports it (`wilson(k, n)`), the React model facts
 * show it. This module imports nothing, so the engine can load it through the
 * `@deliberate/charts/wilson` entry point without React or d3 (docs/architecture.md §1).
 */

/** z for a two-sided 95 % interval, as docs/research.md §3 fixes it (not 1.96, so tools agree). */
export const Z_95 = 1.959964;

/**
 * Wilson score interval for a proportion p̂ observed over n cases (docs/research.md §3): centre
 * (p̂ + z²/2n)/(1 + z²/n), half-width z·√(p̂(1−p̂)/n + z²/4n²)/(1 + z²/n), clamped to [0, 1]
 * against rounding. Returns `null` for n = 0: there is no rate to bound, and a [0, 1] interval
 * would look like data. The operations are written in the same order as in
 * `packages/analytics/sql/metrics.sql`, so both give the same doubles.
 *
 * @example
 * wilsonInterval(0.8, 10); // { lo: 0.490…, hi: 0.943… }
 * wilsonInterval(81 / 263, 263); // { lo: 0.2553…, hi: 0.3662… }
 */
export function wilsonInterval(proportion: number, n: number, z = Z_95): { lo: number; hi: number } | null {
  if (!(n > 0) || !Number.isFinite(proportion)) return null;
  const p = Math.min(1, Math.max(0, proportion));
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { lo: Math.max(0, centre - halfWidth), hi: Math.min(1, centre + halfWidth) };
}
