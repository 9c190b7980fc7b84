import { describe, expect, it } from 'vitest';
import { serialised } from '../testing/assertions.ts';
import { weeklyOverrides } from '../testing/fixtures.ts';
import { rateOverTimeLayout } from './rate-over-time-layout.ts';

describe('rateOverTimeLayout', () => {
  it('breaks the line and the band where a period has no cases', () => {
    const layout = rateOverTimeLayout({ points: weeklyOverrides, width: 600 });
    expect(layout.linePath.match(/M/g)).toHaveLength(2);
    expect(layout.bandPath.match(/M/g)).toHaveLength(2);
    expect(
      layout.marks.filter((mark) => mark.empty).map((mark) => mark.date.toISOString().slice(0, 10)),
    ).toEqual(['2025-02-03', '2025-02-10']);
  });

  it('sorts points by time and accepts dates and ISO strings', () => {
    const layout = rateOverTimeLayout({
      points: [
        { t: '2025-03-02', rate: 0.2, lo: 0.1, hi: 0.3, n: 10 },
        { t: new Date('2025-03-01T00:00:00Z'), rate: 0.4, lo: 0.3, hi: 0.5, n: 10 },
      ],
      width: 600,
    });
    expect(layout.marks.map((mark) => mark.rate)).toEqual([0.4, 0.2]);
    expect((layout.marks[1]?.x ?? 0) > (layout.marks[0]?.x ?? 0)).toBe(true);
  });

  it('uses the Wilson interval when a point with cases has no bounds', () => {
    const layout = rateOverTimeLayout({
      points: [{ t: '2025-01-01', rate: 0.8, lo: null, hi: null, n: 10 }],
      width: 600,
    });
    expect(layout.marks[0]?.interval?.lo).toBeCloseTo(0.4902, 4);
  });

  it('draws rates on a 0–100 % axis by default, so small changes are not exaggerated', () => {
    const layout = rateOverTimeLayout({ points: weeklyOverrides, width: 600 });
    expect(layout.yTicks[0]?.value).toBe(0);
    expect(layout.yTicks.at(-1)?.value).toBe(1);
  });

  it('flags a point with cases between two gaps as isolated: it needs its own whisker', () => {
    const layout = rateOverTimeLayout({
      points: [
        { t: '2025-01-01', rate: null, lo: null, hi: null, n: 0 },
        { t: '2025-01-02', rate: 0.5, lo: 0.4, hi: 0.6, n: 50 },
        { t: '2025-01-03', rate: null, lo: null, hi: null, n: 0 },
      ],
      width: 600,
    });
    expect(layout.marks.map((mark) => mark.isolated)).toEqual([false, true, false]);
  });

  it('gives each point a hit column reaching halfway to its neighbours', () => {
    const layout = rateOverTimeLayout({ points: weeklyOverrides.slice(0, 3), width: 600 });
    const [a, b] = layout.marks;
    expect((a?.hit.x ?? 0) + (a?.hit.width ?? 0)).toBeCloseTo(b?.hit.x ?? Number.NaN, 1);
  });

  it('labels ticks by their spacing: weekly ticks by day, monthly by month, yearly by year', () => {
    expect(rateOverTimeLayout({ points: weeklyOverrides, width: 1200 }).tickUnit).toBe('day');
    expect(rateOverTimeLayout({ points: weeklyOverrides, width: 600 }).tickUnit).toBe('month');
    const years = ['2019-01-01', '2022-01-01', '2025-01-01'].map((t) => ({
      t,
      rate: 0.5,
      lo: 0.4,
      hi: 0.6,
      n: 9,
    }));
    expect(rateOverTimeLayout({ points: years, width: 600 }).tickUnit).toBe('year');
  });

  it('puts weekly ticks on Mondays, where weekly points (ISO weeks) sit', () => {
    const layout = rateOverTimeLayout({ points: weeklyOverrides, width: 1200 });
    expect(layout.xTicks.length).toBeGreaterThan(4);
    expect(layout.xTicks.every((tick) => tick.value.getUTCDay() === 1)).toBe(true);
    const pointX = new Set(layout.marks.map((mark) => mark.x));
    expect(layout.xTicks.every((tick) => pointX.has(tick.position))).toBe(true);
  });

  describe('with extreme data', () => {
    it('lays out no points', () => {
      expect(serialised(rateOverTimeLayout({ points: [], width: 600 }))).not.toMatch(/NaN|NON-FINITE/);
    });

    it('lays out a single point', () => {
      const layout = rateOverTimeLayout({
        points: [{ t: '2025-01-01', rate: 0.3, lo: 0.2, hi: 0.4, n: 9 }],
        width: 600,
      });
      expect(layout.marks).toHaveLength(1);
      expect(serialised(layout)).not.toMatch(/NaN|NON-FINITE/);
    });

    it('lays out points that all have n = 0', () => {
      const layout = rateOverTimeLayout({
        points: weeklyOverrides.map((point) => ({ ...point, rate: 0, n: 0 })),
        width: 600,
      });
      expect(layout.linePath).toBe('');
      expect(layout.emptyPoints).toBe(weeklyOverrides.length);
      expect(serialised(layout)).not.toMatch(/NaN|NON-FINITE/);
    });

    it('skips points with invalid dates and counts them', () => {
      const layout = rateOverTimeLayout({
        points: [
          { t: 'not a date', rate: 0.5, lo: 0.4, hi: 0.6, n: 3 },
          { t: '2025-01-01', rate: 0.5, lo: 0.4, hi: 0.6, n: 3 },
        ],
        width: 600,
      });
      expect(layout.marks).toHaveLength(1);
      expect(layout.skipped).toBe(1);
    });
  });
});
