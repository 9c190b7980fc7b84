import { describe, expect, it } from 'vitest';
import { serialised } from '../testing/assertions.ts';
import { calibrationBins } from '../testing/fixtures.ts';
import { reliabilityLayout, type ReliabilityBin } from './reliability-layout.ts';

describe('reliabilityLayout', () => {
  it('places each bin at its mean confidence and accuracy', () => {
    const layout = reliabilityLayout({
      bins: [{ lo: 0, hi: 1, n: 10, confidence: 0.5, accuracy: 0.5 }],
      width: 412,
      maxPlotSize: 360,
    });
    const { plot } = layout;
    expect(layout.marks[0]?.point).toEqual({
      x: (plot.left + plot.right) / 2,
      y: (plot.top + plot.bottom) / 2,
    });
  });

  it('leaves empty bins as gaps: no point, no interval, and a break in the line', () => {
    const layout = reliabilityLayout({ bins: calibrationBins, width: 480 });
    const empty = layout.marks.filter((mark) => mark.empty);
    expect(empty.map((mark) => mark.bin.lo)).toEqual([0, 0.1, 0.4]);
    for (const mark of empty) {
      expect(mark.point).toBeNull();
      expect(mark.interval).toBeNull();
      expect(mark.countBar.height).toBe(0);
    }
    // One "M" per run of non-empty bins: the gap at 0.4–0.5 splits the line in two.
    expect(layout.linePath.match(/M/g)).toHaveLength(2);
  });

  it('draws the diagonal of perfect calibration from (0, 0) to (1, 1)', () => {
    const { diagonal, plot } = reliabilityLayout({ bins: calibrationBins, width: 480 });
    expect(diagonal).toEqual({ x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.top });
  });

  it('computes the expected and maximum calibration error over non-empty bins', () => {
    const bins: ReliabilityBin[] = [
      { lo: 0, hi: 0.5, n: 30, confidence: 0.3, accuracy: 0.2 },
      { lo: 0.5, hi: 1, n: 10, confidence: 0.8, accuracy: 0.9 },
      { lo: 1, hi: 1, n: 0, confidence: null, accuracy: null },
    ];
    const layout = reliabilityLayout({ bins, width: 480 });
    expect(layout.ece).toBeCloseTo((30 / 40) * 0.1 + (10 / 40) * 0.1, 12);
    expect(layout.mce).toBeCloseTo(0.1, 12);
    expect(layout.totalCases).toBe(40);
  });

  it('scales the count histogram to the fullest bin', () => {
    const layout = reliabilityLayout({ bins: calibrationBins, width: 480, histogramHeight: 56 });
    const fullest = layout.marks.reduce((a, b) => (b.n > a.n ? b : a));
    expect(fullest.countBar.height).toBe(56 - 14);
  });

  it('gives every bin a Wilson 95 % interval around its accuracy', () => {
    const layout = reliabilityLayout({
      bins: [{ lo: 0.7, hi: 0.8, n: 10, confidence: 0.75, accuracy: 0.8 }],
      width: 480,
    });
    expect(layout.marks[0]?.interval?.lo).toBeCloseTo(0.4902, 4);
    expect(layout.marks[0]?.interval?.hi).toBeCloseTo(0.9433, 4);
  });

  describe('with extreme data', () => {
    it('lays out a single bin', () => {
      const layout = reliabilityLayout({
        bins: [{ lo: 0, hi: 1, n: 5, confidence: 0.9, accuracy: 0.6 }],
        width: 300,
      });
      expect(layout.marks).toHaveLength(1);
      expect(serialised(layout)).not.toMatch(/NaN|NON-FINITE/);
    });

    it('lays out bins that are all empty, without an ECE', () => {
      const layout = reliabilityLayout({
        bins: [
          { lo: 0, hi: 0.5, n: 0, confidence: null, accuracy: null },
          { lo: 0.5, hi: 1, n: 0, confidence: Number.NaN, accuracy: Number.NaN },
        ],
        width: 300,
      });
      expect(layout.ece).toBeNull();
      expect(layout.linePath).toBe('');
      expect(serialised(layout)).not.toMatch(/NaN|NON-FINITE/);
    });

    it('lays out no bins', () => {
      expect(serialised(reliabilityLayout({ bins: [], width: 300 }))).not.toMatch(/NaN|NON-FINITE/);
    });
  });
});
