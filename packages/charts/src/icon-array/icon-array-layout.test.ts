import { describe, expect, it } from 'vitest';
import { serialised } from '../testing/assertions.ts';
import { iconArrayLayout } from './icon-array-layout.ts';

describe('iconArrayLayout', () => {
  it('fills the first n icons in reading order, so the filled ones form one group', () => {
    const layout = iconArrayLayout({ count: 8, total: 10, width: 400 });
    expect(layout.icons.map((icon) => icon.filled)).toEqual([...Array(8).fill(true), false, false]);
  });

  it('puts 100 icons in 10 rows of 10, 37 filled: three full rows and seven', () => {
    const layout = iconArrayLayout({ count: 37, total: 100, width: 400 });
    expect(layout.rows).toBe(10);
    const filledPerRow = Array.from(
      { length: 10 },
      (_, row) => layout.icons.filter((icon) => icon.row === row && icon.filled).length,
    );
    expect(filledPerRow).toEqual([10, 10, 10, 7, 0, 0, 0, 0, 0, 0]);
  });

  it('places icons left to right, top to bottom, with a gap after every five for counting', () => {
    const layout = iconArrayLayout({ count: 0, total: 20, width: 400 });
    const [a, b, c, d, e, f] = layout.icons.slice(3, 9);
    expect((b?.x ?? 0) - (a?.x ?? 0)).toBe(layout.cellSize);
    expect((c?.x ?? 0) - (b?.x ?? 0)).toBeGreaterThan(layout.cellSize); // block gap between 5th and 6th
    expect([d, e, f].every((icon) => icon?.row === 0)).toBe(true);
    expect(layout.icons[10]?.row).toBe(1);
  });

  it('returns the filled and the empty icons as two groups, filled first', () => {
    const layout = iconArrayLayout({ count: 8, total: 10, width: 400 });
    expect(layout.groups.map((group) => [group.key, group.count])).toEqual([
      ['filled', 8],
      ['empty', 2],
    ]);
  });

  it('shrinks icons to fit a narrow container', () => {
    const layout = iconArrayLayout({ count: 3, total: 10, width: 120 });
    const last = layout.icons.at(-1);
    expect((last?.x ?? 0) + (last?.size ?? 0)).toBeLessThanOrEqual(120);
  });

  describe('with extreme data', () => {
    it('clamps a count above the total and rounds fractions', () => {
      expect(iconArrayLayout({ count: 12, total: 10, width: 400 }).count).toBe(10);
      expect(iconArrayLayout({ count: 2.6, total: 10, width: 400 }).count).toBe(3);
      expect(iconArrayLayout({ count: -1, total: 10, width: 400 }).count).toBe(0);
    });

    it('has only one group when none or all are filled', () => {
      expect(iconArrayLayout({ count: 0, total: 10, width: 400 }).groups.map((g) => g.key)).toEqual([
        'empty',
      ]);
      expect(iconArrayLayout({ count: 10, total: 10, width: 400 }).groups.map((g) => g.key)).toEqual([
        'filled',
      ]);
    });

    it('lays out 0 of 0 and non-numbers without NaN', () => {
      expect(serialised(iconArrayLayout({ count: 0, total: 0, width: 400 }))).not.toMatch(/NaN|NON-FINITE/);
      const broken = iconArrayLayout({ count: Number.NaN, total: Number.NaN, width: Number.NaN });
      expect(broken.icons).toEqual([]);
      expect(serialised(broken)).not.toMatch(/NaN|NON-FINITE/);
    });
  });
});
