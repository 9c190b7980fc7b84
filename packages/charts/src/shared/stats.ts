// The Wilson interval has its own React-free module (the `./wilson` entry point); layouts import it here.
export { wilsonInterval, Z_95 } from './wilson.ts';

/** A finite number or the fallback. Layouts run every input through this so no NaN reaches the DOM. */
export function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Rounds to 1/100 px: shorter SVG attributes, stable snapshots, no visible difference. */
export function px(value: number): number {
  return Math.round(value * 100) / 100;
}
