/**
 * Render cost of `AttributionChart` with 500 factors against a plain `<ul>` of the same 500 values
 * (target: ≤ 3×). For `pnpm bench`.
 *
 * How it measures, and why: each sample mounts the element into a fresh React root inside a jsdom
 * document with `flushSync` (render, commit, DOM creation, layout and passive effects all happen
 * before it returns) and is unmounted outside the timer. That is the work a browser's main thread
 * does for a first render, minus layout and paint — which jsdom does not do for either side.
 * `renderToString` would skip DOM node creation, commit and effects, so it would under-count the
 * chart's SVG (hundreds of nodes) and the hooks the list does not have. Chart and list samples are
 * interleaved so that a noisy neighbour on a shared machine slows both alike, and the median of
 * many samples is reported rather than the mean.
 *
 * React runs in whatever mode `NODE_ENV` selects when React is first loaded; run with
 * `NODE_ENV=production` for the numbers users get (development mode adds checks to both sides).
 *
 * The file uses `createElement`, not JSX: `bench/` is outside the tsconfig `include`, so tsx would
 * compile JSX with the classic runtime here.
 */
import type { ReactElement } from 'react';
import type { AttributionFactor } from '../src/attribution/attribution-layout.ts';
import { manyFactors } from '../src/testing/fixtures.ts';

export interface RenderRatio {
  /** Median milliseconds to mount the chart. */
  chartMs: number;
  /** Median milliseconds to mount the plain list. */
  listMs: number;
  /** chartMs / listMs. */
  ratio: number;
}

export interface RenderRatioOptions {
  /** Measured samples per side. @default 200 */
  iterations?: number;
  /** Unmeasured samples per side first, so the JIT has warmed up. @default 30 */
  warmup?: number;
  /** Passed to the chart; `Infinity` draws all 500 bars. @default 8 (the chart's default) */
  maxFactors?: number;
  /** Number of factors. @default 500 */
  factors?: number;
}

interface JsdomModule {
  JSDOM: new (
    html: string,
    options?: { pretendToBeVisual?: boolean },
  ) => { window: Window & typeof globalThis };
}

const GLOBALS = ['window', 'document', 'navigator', 'HTMLElement', 'SVGElement', 'Node', 'Element'] as const;

/** Lets React's scheduler run its deferred tasks (outside the timer), as a browser would between frames. */
function idle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * @example
 * const { chartMs, listMs, ratio } = await attributionRenderRatio();
 * console.log(`${ratio.toFixed(2)}× (${chartMs.toFixed(2)} ms vs ${listMs.toFixed(2)} ms)`);
 */
export async function attributionRenderRatio(options: RenderRatioOptions = {}): Promise<RenderRatio> {
  const iterations = options.iterations ?? 200;
  const warmup = options.warmup ?? 30;
  const factors: AttributionFactor[] = manyFactors(options.factors ?? 500);

  // jsdom has no type package in this workspace; the cast names the little we use.
  const { JSDOM } = (await import('jsdom' as string)) as JsdomModule;
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  const scope = globalThis as Record<string, unknown>;
  const saved = new Map(GLOBALS.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)]));
  for (const name of GLOBALS) {
    Object.defineProperty(globalThis, name, {
      value: dom.window[name as keyof typeof dom.window],
      configurable: true,
      writable: true,
    });
  }

  try {
    // Loaded only now, so that react-dom sees a DOM when it initialises.
    const { createElement } = await import('react');
    const { flushSync } = await import('react-dom');
    const { createRoot } = await import('react-dom/client');
    const { AttributionChart } = await import('../src/attribution/attribution-chart.tsx');

    const chart = createElement(AttributionChart, {
      factors,
      baseValue: 0.2,
      locale: 'de',
      width: 640,
      maxFactors: options.maxFactors,
    });
    const list = createElement(
      'ul',
      null,
      factors.map((factor) =>
        createElement('li', { key: factor.id }, `${factor.label}: ${factor.contribution.toFixed(2)}`),
      ),
    );

    const document = dom.window.document;
    const sample = (element: ReactElement): number => {
      const container = document.createElement('div');
      document.body.appendChild(container);
      const root = createRoot(container);
      const start = performance.now();
      flushSync(() => root.render(element));
      const elapsed = performance.now() - start;
      root.unmount();
      container.remove();
      return elapsed;
    };

    for (let i = 0; i < warmup; i++) {
      sample(chart);
      sample(list);
      await idle();
    }
    const chartTimes: number[] = [];
    const listTimes: number[] = [];
    for (let i = 0; i < iterations; i++) {
      chartTimes.push(sample(chart));
      await idle();
      listTimes.push(sample(list));
      await idle();
    }
    const chartMs = median(chartTimes);
    const listMs = median(listTimes);
    return { chartMs, listMs, ratio: listMs > 0 ? chartMs / listMs : Number.POSITIVE_INFINITY };
  } finally {
    // Nothing React scheduled may run after the DOM globals are gone.
    await idle();
    await idle();
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete scope[name];
    }
    dom.window.close();
  }
}

// `tsx packages/charts/bench/render.tsx` prints both configurations.
if (import.meta.url === `file://${process.argv[1]}`) {
  const fmt = (value: number) => value.toFixed(3);
  for (const maxFactors of [8, Infinity]) {
    const result = await attributionRenderRatio({ maxFactors });
    console.log(
      `AttributionChart, 500 factors, maxFactors ${maxFactors}: ${fmt(result.chartMs)} ms vs <ul> ${fmt(result.listMs)} ms → ${result.ratio.toFixed(2)}×`,
    );
  }
}
