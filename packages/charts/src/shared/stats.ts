/** z for a two-sided 95 % interval, as in docs/research.md §3. */
export const Z_95 = 1.959964;

/**
 * Wilson score interval for a proportion p̂ observed over n cases (docs/research.md §3). Returns
 * `null` for n = 0: there is no rate to bound, and a [0, 1] interval would look like data.
 *
 * @example
 * wilsonInterval(0.8, 10); // { lo: 0.490…, hi: 0.943… }
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

/** A finite number or the fallback. Layouts run every input through this so no NaN reaches the DOM. */
export function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Rounds to 1/100 px: shorter SVG attributes, stable snapshots, no visible difference. */
export function px(value: number): number {
  return Math.round(value * 100) / 100;
}
