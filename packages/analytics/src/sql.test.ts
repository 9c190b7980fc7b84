import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMetricsEngine, writeSimulatedLog } from './node.ts';
import { decision, event, finalized, resetIds, revealed, truth } from './testing/events.ts';
import { startPostgres, type PostgresCluster } from '../../../scripts/postgres-cluster.ts';
import { duckdbMetrics, type SqlMetrics, type SqlVariant } from './testing/duckdb.ts';
import { postgresMetrics } from './testing/postgres-sql.ts';
import type { Binning, MetricsReport, Rate } from './types.ts';

/*
 * sql/metrics.sql on embedded DuckDB (raw and columns) and on a real PostgreSQL server (a
 * throw-away cluster; section raw-postgres) against the streaming engine, over the same logs:
 * counts and rates exactly, ECE/MCE/Brier and means to 1e-9, Wilson bounds to 1e-12.
 */

let dir: string;
let postgres: PostgresCluster;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'deliberate-sql-'));
  postgres = await startPostgres();
}, 120_000);
afterAll(async () => {
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Where the SQL runs: DuckDB with either loader, or PostgreSQL with the jsonb loader. */
type Engine = SqlVariant | 'postgres';

function sqlMetrics(file: string, engine: Engine, bins: number, binning: Binning): Promise<SqlMetrics> {
  return engine === 'postgres'
    ? postgresMetrics(postgres.url, file, { bins, binning }, dir)
    : duckdbMetrics(file, { variant: engine, bins, binning });
}

const RATES: [string, (m: MetricsReport) => Rate | null][] = [
  ['agreement', (m) => m.agreement],
  ['override', (m) => m.override],
  ['switch', (m) => m.switch],
  ['overReliance', (m) => m.overReliance],
  ['underReliance', (m) => m.underReliance],
  ['rair', (m) => m.rair],
  ['rsr', (m) => m.rsr],
  ['accuracy.human', (m) => m.accuracy.human],
  ['accuracy.ai', (m) => m.accuracy.ai],
  ['accuracy.team', (m) => m.accuracy.team],
];

function expectSame(sql: SqlMetrics, m: MetricsReport): void {
  for (const [name, pick] of RATES) {
    const rate = pick(m);
    const row = sql.rates[name];
    if (rate === null) {
      expect(row, name).toBeUndefined();
      continue;
    }
    expect(row, name).toBeDefined();
    expect({ name, k: row!.k, n: row!.n, rate: row!.rate }).toEqual({
      name,
      k: rate.k,
      n: rate.n,
      rate: rate.rate,
    });
    expect(row!.lo).toBeCloseTo(rate.lo, 12);
    expect(row!.hi).toBeCloseTo(rate.hi, 12);
  }
  const s = sql.summary;
  expect(s.decisions).toBe(m.decisions);
  const close = (a: number | null, b: number | null) => {
    if (b === null) expect(a).toBeNull();
    else expect(Math.abs((a ?? NaN) - b)).toBeLessThan(1e-9);
  };
  close(s.complementarity, m.complementarity);
  close(s.ece, m.calibration.ece);
  close(s.mce, m.calibration.mce);
  close(s.brier, m.calibration.brier);
  expect(s.calibration_n).toBe(m.calibration.n);
  expect(s.p50).toBe(m.decisionTimeMs.p50);
  expect(s.p90).toBe(m.decisionTimeMs.p90);
  close(s.mean_ms, m.decisionTimeMs.mean);
  close(s.woa_mean, m.weightOfAdvice.mean);
  expect(s.woa_n).toBe(m.weightOfAdvice.n);
  const bins = m.calibration.bins.filter((bin) => bin.n > 0);
  expect(sql.calibrationBins.map((bin) => bin.n)).toEqual(bins.map((bin) => bin.n));
  sql.calibrationBins.forEach((bin, i) => {
    close(bin.lo, bins[i]!.lo);
    close(bin.hi, bins[i]!.hi);
    close(bin.confidence, bins[i]!.confidence);
    close(bin.accuracy, bins[i]!.accuracy);
  });
  const confidence = m.byConfidenceBin
    .map((bin, index) => ({ bin: index, k: bin.override?.k ?? 0, n: bin.override?.n ?? 0 }))
    .filter((bin) => bin.n > 0);
  expect(sql.confidenceBins).toEqual(confidence);
}

async function compare(file: string, engine: Engine, bins: number, binning: Binning): Promise<void> {
  const streaming = (await readMetricsEngine(file)).metrics({ bins, binning });
  const sql = await sqlMetrics(file, engine, bins, binning);
  expectSame(sql, streaming);
}

describe('sql/metrics.sql on DuckDB and PostgreSQL equals the streaming engine', { timeout: 60_000 }, () => {
  it.each([
    ['seed-1', 'columns', 10, 'width'],
    ['seed-2', 'columns', 15, 'mass'],
    ['seed-3', 'raw', 10, 'width'],
    ['seed-4', 'raw', 7, 'mass'],
    ['seed-5', 'postgres', 10, 'width'],
    ['seed-6', 'postgres', 15, 'mass'],
  ] as const)(
    'on a simulated log of 2,000 decisions (%s, %s, %i %s bins)',
    async (seed, variant, bins, binning) => {
      const file = path.join(dir, `${seed}.jsonl`);
      await writeSimulatedLog(file, { decisions: 2000, seed });
      await compare(file, variant, bins, binning);
    },
    60_000,
  );

  it('on the edge cases: copies, re-finalization, outcomes out of order, duplicates, without-ai', async () => {
    resetIds();
    const events = [
      ...decision('d1', { a: 'A', c: 1, h0: 'B', h: 'A', y: 'A' }),
      ...decision('d2', { a: 'A', c: 0.3, h0: 'A', h: 'B', y: 'B', arm: 'no-ai', outcome: 'without-ai' }),
      event(
        'decision.finalized',
        'd3',
        finalized(
          { label: 'A' },
          { recommendation: { label: 'B', confidence: 0.5 }, judgement: { label: 'A' } },
        ),
      ),
      event('outcome.recorded', 'd3', truth({ label: 'B' }), { ts: '2025-03-04T10:00:00.000Z' }),
      event('outcome.recorded', 'd3', truth({ label: 'A' }), { ts: '2025-03-02T10:00:00.000Z' }),
      event('decision.finalized', 'd4', finalized({ label: 'A' }, { durationMs: 50 }), {
        ts: '2025-03-05T10:00:00.000Z',
      }),
      event('decision.finalized', 'd4', finalized({ label: 'B' }, { durationMs: 10 }), {
        ts: '2025-03-01T10:00:00.000Z',
      }),
      event('recommendation.revealed', 'd4', revealed({ label: 'A', confidence: null })),
    ];
    const lines = events.map((e) => JSON.stringify(e));
    lines.push(lines[0]!, 'not json');
    const file = path.join(dir, 'edges.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    await compare(file, 'columns', 10, 'width');
    await compare(file, 'raw', 3, 'mass');
    await compare(file, 'postgres', 10, 'width');
    await compare(file, 'postgres', 3, 'mass');
  });

  it('leaves out every decision touched by conflicting copies, whichever copy comes first', async () => {
    const file = path.join(dir, 'conflicts-base.jsonl');
    await writeSimulatedLog(file, { decisions: 300, seed: 'conflicts' });
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const finalized = lines
      .map((line, index) => ({
        index,
        event: JSON.parse(line) as { type: string; data: Record<string, unknown> },
      }))
      .filter(({ event }) => event.type === 'decision.finalized')
      .slice(0, 12);
    // An altered copy of each: the outcome flipped and the final label replaced, placed first.
    const altered = finalized.map(({ event }) =>
      JSON.stringify({ ...event, data: { ...event.data, outcome: 'accepted', final: { label: 'forged' } } }),
    );
    const attacked = path.join(dir, 'conflicts.jsonl');
    writeFileSync(attacked, [...altered, ...lines].join('\n') + '\n');
    const streaming = (await readMetricsEngine(attacked)).metrics({ bins: 10, binning: 'width' });
    const base = (await readMetricsEngine(file)).metrics({ bins: 10, binning: 'width' });
    expect(streaming.decisions).toBe(base.decisions - 12);
    for (const engine of ['columns', 'raw', 'postgres'] as const) {
      const sql = await sqlMetrics(attacked, engine, 10, 'width');
      expect(sql.summary.decisions).toBe(base.decisions - 12);
      expectSame(sql, streaming);
    }
  });
});
