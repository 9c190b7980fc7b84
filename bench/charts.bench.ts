import { attributionRenderRatio } from '../packages/charts/bench/render.tsx';
import type { BenchSuite } from './types.ts';

export const charts: BenchSuite = {
  name: 'charts render',
  async run() {
    const result = await attributionRenderRatio();
    const unfolded = await attributionRenderRatio({
      maxFactors: Number.POSITIVE_INFINITY,
      iterations: 40,
      warmup: 5,
    });
    return [
      {
        suite: 'charts render',
        name: 'AttributionChart, 500 factors (default folding) vs plain list of 500 values',
        value: Number(result.chartMs.toFixed(2)),
        unit: 'ms',
        baseline: { name: 'plain <ul> of 500 values', value: Number(result.listMs.toFixed(2)) },
        ratio: Number(result.ratio.toFixed(2)),
        target: '≤ 3×',
        pass: result.ratio <= 3,
        note: 'jsdom, fresh React root per sample, median of interleaved samples',
      },
      {
        suite: 'charts render',
        name: 'AttributionChart, 500 factors all drawn (maxFactors: Infinity) vs plain list',
        value: Number(unfolded.chartMs.toFixed(2)),
        unit: 'ms',
        baseline: { name: 'plain <ul> of 500 values', value: Number(unfolded.listMs.toFixed(2)) },
        ratio: Number(unfolded.ratio.toFixed(2)),
        note: 'informational: ~16 SVG/table nodes per factor; the default folds the tail into "other factors"',
      },
    ];
  },
};
