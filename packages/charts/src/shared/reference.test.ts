/**
 * The charts draw with a few lines of arithmetic where d3-scale and d3-shape would cost most of the
 * package's size budget (see scale.ts, paths.ts), and bin with a loop where d3-array's `bin` would
 * cost 0.8 KB (histogram-layout.ts). These property tests hold that arithmetic to the reference:
 * d3-scale, d3-shape and d3-time, installed as dev dependencies only, and d3-array's `bin` must
 * agree on every position, tick, path and bin the charts compute.
 */
import { bin } from 'd3-array';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { utcMonday, utcSunday, utcTickInterval } from 'd3-time';
import { area, line } from 'd3-shape';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binValues } from '../histogram/histogram-layout.ts';
import { utcTicks } from '../rate-over-time/rate-over-time-layout.ts';
import { bandPath, linePath, polygonPath, type PathPoint } from './paths.ts';
import { linearScale } from './scale.ts';

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const domain = fc
  .tuple(finite(-1e6, 1e6), finite(-1e6, 1e6))
  .filter(([a, b]) => Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));
const range = fc.tuple(finite(0, 2000), finite(0, 2000));

function close(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

describe('linearScale agrees with d3-scale scaleLinear', () => {
  it('maps values, clamps and picks ticks as d3 does', () => {
    fc.assert(
      fc.property(
        domain,
        range,
        finite(-2e6, 2e6),
        fc.integer({ min: 1, max: 20 }),
        fc.boolean(),
        (d, r, v, count, clamp) => {
          const ours = linearScale(d, r, { clamp });
          const reference = scaleLinear().domain(d).range(r).clamp(clamp);
          close(ours(v), reference(v));
          expect(ours.ticks(count)).toEqual(reference.ticks(count));
        },
      ),
    );
  });

  it('widens the domain to round numbers as d3 nice() does', () => {
    fc.assert(
      fc.property(domain, range, fc.integer({ min: 1, max: 20 }), (d, r, count) => {
        const ours = linearScale(d, r, { nice: true });
        const reference = scaleLinear().domain(d).range(r).nice();
        expect(ours.ticks(count)).toEqual(reference.ticks(count));
        for (const value of [...reference.domain(), d[0], d[1], (d[0] + d[1]) / 2])
          close(ours(value), reference(value));
      }),
    );
  });
});

describe('utcTicks agrees with d3-scale scaleUtc', () => {
  const MINUTE = 60_000;
  const DAY = 24 * 60 * MINUTE;
  const WEEK = 7 * DAY;
  const YEAR = 365 * DAY;
  it('puts calendar ticks where d3 puts them, from seconds to decades, with weeks from Monday', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        // Spans of weeks to months get their own share of runs: they are where week ticks appear.
        fc.oneof(fc.integer({ min: 5_000, max: 40 * YEAR }), fc.integer({ min: WEEK, max: 200 * DAY })),
        fc.integer({ min: 2, max: 12 }),
        (start, span, count) => {
          const ours = utcTicks(start, start + span, count).map((date) => date.getTime());
          const [from, to] = [new Date(start), new Date(start + span)];
          // d3 picks the interval with utcTickInterval. Where that is its Sunday week, ours is the
          // Monday week (ISO 8601); every other interval must give d3's ticks exactly.
          const reference = (
            utcTickInterval(from, to, count) === utcSunday
              ? utcMonday.range(from, new Date(start + span + 1))
              : scaleUtc().domain([from, to]).ticks(count)
          ).map((date) => date.getTime());
          expect(ours).toEqual(reference);
        },
      ),
      {
        numRuns: 500,
        // A span of 7.5 days with one Sunday in it: d3 gives one tick, so spacing cannot show weeks.
        examples: [[Date.UTC(1990, 0, 1), 646_558_397, 2]],
      },
    );
  });
});

describe('paths agree with d3-shape', () => {
  const point = fc.tuple(finite(-1000, 1000), finite(-1000, 1000));
  const points = fc.array(fc.option(point, { nil: null, freq: 4 }), { maxLength: 30 });

  it('draws a broken polyline as line().defined() does', () => {
    fc.assert(
      fc.property(points, (list: PathPoint[]) => {
        const reference = line<PathPoint>()
          .defined((p) => p !== null)
          .x((p) => p?.[0] ?? 0)
          .y((p) => p?.[1] ?? 0);
        expect(linePath(list)).toBe(reference(list) ?? '');
      }),
    );
  });

  it('closes a polygon as line() plus "Z"', () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 2, maxLength: 8 }), (list) => {
        expect(polygonPath(list)).toBe(`${line()(list) ?? ''}Z`);
      }),
    );
  });

  it('draws a broken band as area().defined() does', () => {
    const band = fc.array(
      fc.option(fc.tuple(finite(-1000, 1000), finite(-1000, 1000), finite(-1000, 1000)), {
        nil: null,
        freq: 4,
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(band, (list) => {
        const reference = area<(typeof list)[number]>()
          .defined((p) => p !== null)
          .x((p) => p?.[0] ?? 0)
          .y1((p) => p?.[1] ?? 0)
          .y0((p) => p?.[2] ?? 0);
        expect(bandPath(list)).toBe(reference(list) ?? '');
      }),
    );
  });
});

describe('binValues agrees with d3-array bin', () => {
  /** d3's bins as plain data, without the zero-width bins it never fills. */
  function reference(values: number[], lo: number, hi: number, thresholds?: number | number[]) {
    const binner = bin<number, number>().domain([lo, hi]);
    if (typeof thresholds === 'number') binner.thresholds(thresholds);
    else if (thresholds) binner.thresholds(thresholds);
    return binner(values)
      .filter((b) => (b.x1 as number) > (b.x0 as number))
      .map((b) => ({ x0: b.x0, x1: b.x1, count: b.length }));
  }
  // Integers, halves and five-place decimals land exactly on round edges, where an off-by-one would
  // show. (Arbitrary doubles are left out: d3's arithmetic puts -5e-324 in the bin above 0.)
  const value = fc.oneof(
    fc.integer({ min: -60, max: 60 }),
    fc.integer({ min: -120, max: 120 }).map((n) => n / 2),
    fc.integer({ min: -6_000_000, max: 6_000_000 }).map((n) => n / 100_000),
  );
  const domainOf = fc
    .tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 100 }))
    .map(([start, span]) => [start, start + span] as const);

  it('bins like d3 for a count of bins (and for Sturges’ rule when none is given)', () => {
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 200 }),
        domainOf,
        fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
        (values, [lo, hi], count) => {
          expect(binValues(values, lo, hi, count)).toEqual(reference(values, lo, hi, count));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('bins like d3 for explicit, sorted edges inside the domain', () => {
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 200 }),
        domainOf,
        fc.uniqueArray(finite(0.01, 0.99), { maxLength: 12 }),
        (values, [lo, hi], fractions) => {
          const edges = [...new Set(fractions.map((f) => lo + f * (hi - lo)))].sort((a, b) => a - b);
          expect(binValues(values, lo, hi, edges)).toEqual(reference(values, lo, hi, edges));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps values at the upper edge when an explicit edge sits there, where d3 loses them', () => {
    const values = [0, 1, 2, 3, 4];
    // d3 opens an empty-width bin at 4 for the edge at 4 and puts the value 4 in it.
    const d3Total = bin<number, number>()
      .domain([0, 4])
      .thresholds([2, 4])(values)
      .filter((b) => (b.x1 as number) > (b.x0 as number))
      .reduce((sum, b) => sum + b.length, 0);
    expect(d3Total).toBe(4);
    expect(binValues(values, 0, 4, [2, 4])).toEqual([
      { x0: 0, x1: 2, count: 2 },
      { x0: 2, x1: 4, count: 3 },
    ]);
  });

  it('keeps a value just below an edge below it', () => {
    expect(binValues([-5e-324, 0, 0.5], -1, 1, 2)).toEqual([
      { x0: -1, x1: 0, count: 1 },
      { x0: 0, x1: 1, count: 2 },
    ]);
  });
});
