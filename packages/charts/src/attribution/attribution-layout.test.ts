import { describe, expect, it } from 'vitest';
import { housingFactors, manyFactors } from '../testing/fixtures.ts';
import { serialised } from '../testing/assertions.ts';
import { attributionLayout, truncate, type AttributionFactor } from './attribution-layout.ts';

const factor = (id: string, contribution: number): AttributionFactor => ({ id, label: id, contribution });

describe('attributionLayout', () => {
  it('orders factors by the size of their contribution, whatever its sign', () => {
    const layout = attributionLayout({
      factors: [factor('small', 0.01), factor('big-negative', -0.3), factor('medium', 0.1)],
      baseValue: 0.5,
      width: 600,
    });
    expect(layout.rows.map((row) => row.factor?.id)).toEqual(['big-negative', 'medium', 'small']);
  });

  it('keeps the input order of factors with equal magnitude', () => {
    const layout = attributionLayout({
      factors: [factor('a', 0.1), factor('b', -0.1), factor('c', 0.1)],
      baseValue: 0,
      width: 600,
    });
    expect(layout.rows.map((row) => row.factor?.id)).toEqual(['a', 'b', 'c']);
  });

  it('chains the bars from the base value to the prediction', () => {
    const layout = attributionLayout({ factors: housingFactors, baseValue: 0.3, width: 600 });
    expect(layout.rows[0]?.start).toBe(0.3);
    for (let i = 1; i < layout.rows.length; i++) {
      expect(layout.rows[i]?.start).toBeCloseTo(layout.rows[i - 1]?.end ?? Number.NaN, 12);
    }
    expect(layout.rows.at(-1)?.end).toBeCloseTo(0.72, 12);
    expect(layout.prediction.value).toBeCloseTo(0.72, 12);
  });

  describe('with more factors than maxFactors', () => {
    const layout = attributionLayout({ factors: manyFactors(20), baseValue: 0, maxFactors: 5, width: 600 });

    it('draws maxFactors factors and folds the rest into one "other" row', () => {
      expect(layout.rows.map((row) => row.kind)).toEqual([
        'factor',
        'factor',
        'factor',
        'factor',
        'factor',
        'other',
      ]);
    });

    it('gives the fold row the number of folded factors and their summed contribution', () => {
      const other = layout.rows.at(-1);
      const shownIds = new Set(layout.rows.slice(0, 5).map((row) => row.factor?.id));
      const foldedSum = manyFactors(20)
        .filter((f) => !shownIds.has(f.id))
        .reduce((sum, f) => sum + f.contribution, 0);
      expect(other?.count).toBe(15);
      expect(other?.contribution).toBeCloseTo(foldedSum, 12);
    });
  });

  it('draws at most 8 factors by default: 500 factors become 8 rows and a fold of 492', () => {
    const layout = attributionLayout({ factors: manyFactors(500), baseValue: 0.2, width: 600 });
    expect(layout.rows).toHaveLength(9);
    expect(layout.rows.at(-1)).toMatchObject({ kind: 'other', count: 492 });
    expect(layout.factorCount).toBe(500);
  });

  it('draws every factor when maxFactors is Infinity', () => {
    expect(
      attributionLayout({ factors: manyFactors(500), baseValue: 0, maxFactors: Infinity, width: 600 }).rows,
    ).toHaveLength(500);
  });

  it('adds an "unexplained remainder" row when the prediction differs from base + contributions', () => {
    const layout = attributionLayout({
      factors: [factor('a', 0.2)],
      baseValue: 0.3,
      prediction: 0.6,
      width: 600,
    });
    expect(layout.rows.map((row) => row.kind)).toEqual(['factor', 'residual']);
    expect(layout.rows[1]?.contribution).toBeCloseTo(0.1, 12);
    expect(layout.rows[1]?.end).toBeCloseTo(0.6, 12);
  });

  it('adds no remainder row for floating-point noise', () => {
    const layout = attributionLayout({
      factors: [factor('a', 0.1), factor('b', 0.2)],
      baseValue: 0,
      prediction: 0.3,
      width: 600,
    });
    expect(layout.rows.map((row) => row.kind)).toEqual(['factor', 'factor']);
  });

  it('points each bar in the direction of its contribution', () => {
    const layout = attributionLayout({
      factors: [factor('up', 0.2), factor('down', -0.1)],
      baseValue: 0,
      width: 600,
    });
    const [up, down] = layout.rows;
    expect(up?.sign).toBe(1);
    expect((up?.x1 ?? 0) > (up?.x0 ?? 0)).toBe(true);
    expect(down?.sign).toBe(-1);
    expect((down?.x1 ?? 0) < (down?.x0 ?? 0)).toBe(true);
  });

  describe('with extreme data', () => {
    it('lays out a single factor', () => {
      const layout = attributionLayout({ factors: [factor('only', 0.4)], baseValue: 0.1, width: 320 });
      expect(layout.rows).toHaveLength(1);
      expect(serialised(layout)).not.toMatch(/NaN|NON-FINITE/);
    });

    it('gives all-zero contributions a usable scale and no direction', () => {
      const layout = attributionLayout({
        factors: [factor('a', 0), factor('b', 0), factor('c', 0)],
        baseValue: 0,
        width: 600,
      });
      expect(layout.rows.every((row) => row.sign === 0)).toBe(true);
      expect(layout.plot.right).toBeGreaterThan(layout.plot.left);
      expect(serialised(layout)).not.toMatch(/NaN|NON-FINITE/);
    });

    it('leaves out factors whose contribution is not a number, and counts them', () => {
      const layout = attributionLayout({
        factors: [factor('ok', 0.1), factor('nan', Number.NaN), factor('inf', Infinity)],
        baseValue: Number.NaN,
        width: Number.NaN,
      });
      expect(layout.rows.map((row) => row.factor?.id)).toEqual(['ok']);
      expect(layout.skipped).toBe(2);
      expect(serialised(layout)).not.toMatch(/NaN|NON-FINITE/);
    });

    it('lays out no factors at all', () => {
      const layout = attributionLayout({ factors: [], baseValue: 0.5, width: 600 });
      expect(layout.rows).toEqual([]);
      expect(serialised(layout)).not.toMatch(/NaN|NON-FINITE/);
    });

    it('keeps a usable plot on a 200 px wide phone column', () => {
      const layout = attributionLayout({ factors: housingFactors, baseValue: 0.3, width: 200 });
      expect(layout.plot.right - layout.plot.left).toBeGreaterThanOrEqual(80);
    });
  });

  it('shortens long labels with an ellipsis', () => {
    expect(truncate('Alter der antragstellenden Person', 12)).toBe('Alter der a…');
    expect(truncate('kurz', 12)).toBe('kurz');
  });
});
