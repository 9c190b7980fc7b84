import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import * as charts from './index.ts';
import { calibrationBins, confidences, housingFactors, weeklyOverrides } from './testing/fixtures.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry === 'testing' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [full] : [];
  });
}

describe('@deliberate/charts boundaries', () => {
  const files = sourceFiles(import.meta.dirname);

  it('imports d3 per module; at run time only d3-array (d3-scale, d3-shape and d3-time are test oracles)', () => {
    const allowed = new Set(['d3-array']);
    const d3Imports = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from '(d3[^']*)'/g)].map((match) => match[1]),
    );
    expect(d3Imports.length).toBeGreaterThan(0);
    expect(d3Imports.filter((name) => !allowed.has(name ?? ''))).toEqual([]);
  });

  it('never lets d3 touch the DOM', () => {
    for (const file of files)
      expect(readFileSync(file, 'utf8')).not.toMatch(/d3-selection|d3-transition|d3-zoom|d3-brush/);
  });

  it('loads in Node without a window (server rendering)', () => {
    expect(typeof globalThis.window).toBe('undefined');
    expect(Object.keys(charts)).toEqual(
      expect.arrayContaining([
        'AttributionChart',
        'ReliabilityDiagram',
        'IconArray',
        'Histogram',
        'RateOverTime',
      ]),
    );
  });

  it('renders every chart on the server, with its table twin and without NaN', () => {
    const html = [
      renderToString(createElement(charts.AttributionChart, { factors: housingFactors, baseValue: 0.3 })),
      renderToString(createElement(charts.ReliabilityDiagram, { bins: calibrationBins })),
      renderToString(createElement(charts.IconArray, { count: 8, total: 10 })),
      renderToString(createElement(charts.Histogram, { values: confidences })),
      renderToString(createElement(charts.RateOverTime, { points: weeklyOverrides })),
    ];
    for (const chart of html) {
      expect(chart).toContain('<table');
      expect(chart).toContain('viewBox="0 0 640 ');
      expect(chart).not.toContain('NaN');
    }
  });
});
