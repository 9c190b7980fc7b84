import { metricsVsDuckdb } from '../packages/analytics/bench/metrics.ts';
import type { BenchRow, BenchSuite } from './types.ts';

/** Event counts from the issue: 1,000,000, and the same targets at 4,000,000. */
const sizes = (process.env['DELIBERATE_BENCH_EVENTS'] ?? '1000000,4000000').split(',').map(Number);

export const analytics: BenchSuite = {
  name: 'analytics metrics',
  async run() {
    const rows: BenchRow[] = [];
    for (const events of sizes) {
      const result = await metricsVsDuckdb(events);
      const label = new Intl.NumberFormat('en').format(events);
      rows.push(
        {
          suite: 'analytics metrics',
          name: `deliberate metrics --json, ${label} events (${result.fileMb.toFixed(0)} MB)`,
          value: Math.round(result.streamingMs),
          unit: 'ms',
          baseline: { name: 'DuckDB, same aggregates, same file', value: Math.round(result.duckdbMs) },
          ratio: Number(result.ratio.toFixed(2)),
          target: '≤ 1.3×',
          pass: result.ratio <= 1.3,
          note: `${result.decisions} decisions; CLI: ${result.cli}`,
        },
        {
          suite: 'analytics metrics',
          name: `peak memory of deliberate metrics, ${label} events`,
          value: Math.round(result.peakRssMb),
          unit: 'MB',
          target: '≤ 200 MB',
          pass: result.peakRssMb <= 200,
        },
      );
    }
    return rows;
  },
};
