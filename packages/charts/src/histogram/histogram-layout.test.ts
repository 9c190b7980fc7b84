import { describe, expect, it } from 'vitest';
import { serialised } from '../testing/assertions.ts';
import { confidences } from '../testing/fixtures.ts';
import { histogramLayout } from './histogram-layout.ts';

describe('histogramLayout', () => {
  it('bins raw values and keeps every value', () => {
    const layout = histogramLayout({ values: confidences, thresholds: 10, domain: [0, 1], width: 600 });
    expect(layout.bars.reduce((sum, bar) => sum + bar.count, 0)).toBe(confidences.length);
    expect(layout.bars.length).toBe(10);
    expect(layout.bars[0]?.x0).toBe(0);
    expect(layout.bars.at(-1)?.x1).toBe(1);
  });

  it('makes only the last bin include its upper edge', () => {
    const layout = histogramLayout({ values: [0, 0.5, 1], thresholds: 2, domain: [0, 1], width: 600 });
    expect(layout.bars.map((bar) => [bar.count, bar.closed])).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it('takes explicit edges in any order, once each, and keeps values at the upper edge', () => {
    const layout = histogramLayout({
      values: [1, 5, 5, 9, 10],
      thresholds: [8, 4, 4, 10],
      domain: [0, 10],
      width: 600,
    });
    expect(layout.bars.map((bar) => [bar.x0, bar.x1, bar.count])).toEqual([
      [0, 4, 1],
      [4, 8, 2],
      [8, 10, 2],
    ]);
  });

  it('draws taller bars for larger counts, from the same baseline', () => {
    const layout = histogramLayout({
      bins: [
        { x0: 0, x1: 1, count: 2 },
        { x0: 1, x1: 2, count: 4 },
      ],
      width: 600,
    });
    const [small, large] = layout.bars;
    expect((large?.bar.height ?? 0) > (small?.bar.height ?? 0)).toBe(true);
    expect((small?.bar.y ?? 0) + (small?.bar.height ?? 0)).toBeCloseTo(layout.plot.bottom, 5);
    expect(small?.share).toBeCloseTo(1 / 3, 12);
  });

  describe('with extreme data', () => {
    it('has no bars without values', () => {
      const layout = histogramLayout({ values: [], width: 600 });
      expect(layout.bars).toEqual([]);
      expect(serialised(layout)).not.toMatch(/NaN|NON-FINITE/);
    });

    it('puts a single repeated value in a bin of non-zero width', () => {
      const layout = histogramLayout({ values: [3, 3, 3], width: 600 });
      expect(layout.total).toBe(3);
      expect(layout.bars.every((bar) => bar.x1 > bar.x0)).toBe(true);
      expect(serialised(layout)).not.toMatch(/NaN|NON-FINITE/);
    });

    it('skips values that are not finite numbers and counts them', () => {
      const layout = histogramLayout({ values: [1, Number.NaN, 2, Infinity], width: 600 });
      expect(layout.total).toBe(2);
      expect(layout.skipped).toBe(2);
    });
  });
});
