/**
 * `pnpm bench`: every benchmark suite, one table. Timings are reported as ratios against a
 * baseline measured in the same run, because the machines are shared and noisy; sizes are exact.
 * Results are also written to .bench/results.json. `pnpm bench <suite-name-substring>` runs some.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analytics } from './analytics.bench.ts';
import { charts } from './charts.bench.ts';
import { collector } from './collector.bench.ts';
import { logger } from './logger.bench.ts';
import { react } from './react.bench.ts';
import { outbox } from './outbox.bench.ts';
import { sizes } from './sizes.bench.ts';
import type { BenchRow, BenchSuite } from './types.ts';

const suites: BenchSuite[] = [sizes, react, charts, logger, outbox, collector, analytics];

const filter = process.argv[2];
const rows: BenchRow[] = [];
for (const suite of suites) {
  if (filter && !suite.name.includes(filter)) continue;
  process.stderr.write(`bench: ${suite.name}…\n`);
  rows.push(...(await suite.run()));
}

const fmt = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const table = rows.map((row) => ({
  suite: row.suite,
  benchmark: row.name,
  value: `${fmt.format(row.value)} ${row.unit}`,
  baseline: row.baseline ? `${row.baseline.name}: ${fmt.format(row.baseline.value)} ${row.unit}` : '',
  ratio: row.ratio === undefined ? '' : `${fmt.format(row.ratio)}×`,
  target: row.target ?? '',
  met: row.pass === undefined ? '' : row.pass ? 'yes' : 'NO',
  note: row.note ?? '',
}));
const columns = Object.keys(table[0] ?? { benchmark: '' }) as (keyof (typeof table)[number])[];
const widths = columns.map((c) => Math.max(c.length, ...table.map((r) => String(r[c]).length)));
const line = (cells: string[]) =>
  '| ' + cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ') + ' |';
console.log(line(columns));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const row of table) console.log(line(columns.map((c) => String(row[c]))));

const out = path.resolve(import.meta.dirname, '..', '.bench');
mkdirSync(out, { recursive: true });
writeFileSync(
  path.join(out, 'results.json'),
  JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2),
);
if (rows.some((row) => row.pass === false)) process.exitCode = 1;
