/**
 * `pnpm bench`: every benchmark suite, one table. Timings are reported as ratios against a
 * baseline measured in the same run, because the machines are shared and noisy; sizes are exact.
 * Results are also written to .bench/results.json. `pnpm bench <suite-name-substring>` runs some.
 *
 * Each suite runs in a Node process of its own (this file again, with `--suite`): a suite that
 * leaves a large heap behind (jsdom for the chart renders, a million parsed events) would
 * otherwise slow the garbage collector of every suite after it, and a suite's figure would depend
 * on what ran before it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

const suiteArg = process.argv.indexOf('--suite');
if (suiteArg >= 0) {
  // Child: run one suite, hand its rows to the parent through the file it named.
  const suite = suites.find((candidate) => candidate.name === process.argv[suiteArg + 1]);
  const outFile = process.argv[suiteArg + 2];
  if (!suite || !outFile) throw new Error(`unknown suite ${process.argv[suiteArg + 1]}`);
  writeFileSync(outFile, JSON.stringify(await suite.run()));
  process.exit(0);
}

const filter = process.argv[2];
const rows: BenchRow[] = [];
const scratch = mkdtempSync(path.join(tmpdir(), 'deliberate-bench-'));
try {
  for (const suite of suites) {
    if (filter && !suite.name.includes(filter)) continue;
    process.stderr.write(`bench: ${suite.name}…\n`);
    const outFile = path.join(scratch, `${suites.indexOf(suite)}.json`);
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, import.meta.filename, '--suite', suite.name, outFile],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (child.status !== 0) throw new Error(`bench suite "${suite.name}" failed (exit ${child.status})`);
    rows.push(...(JSON.parse(readFileSync(outFile, 'utf8')) as BenchRow[]));
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
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
