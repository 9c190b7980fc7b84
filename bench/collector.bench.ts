import { healthzUnderLoad } from '../packages/collector/bench/healthz.ts';
import { ingestThroughput } from '../packages/collector/bench/ingest.ts';
import { ingestThroughputPostgres } from '../packages/collector/bench/ingest-pg.ts';
import type { BenchSuite } from './types.ts';

export const collector: BenchSuite = {
  name: 'collector ingest',
  async run() {
    const result = await ingestThroughput();
    const postgres = await ingestThroughputPostgres();
    const health = await healthzUnderLoad();
    return [
      {
        suite: 'collector ingest',
        name: `POST /v1/events over loopback, batches of 100 (${result.events} events)`,
        value: Math.round(result.eventsPerSecond),
        unit: 'events/s',
        target: '≥ 10,000 events/s',
        pass: result.eventsPerSecond >= 10_000,
        note: 'SQLite WAL, synchronous=FULL; scoped tokens, a signed receipt per batch, checkpoints every second; clients in the same process',
      },
      {
        suite: 'collector ingest',
        name: `POST /v1/events over loopback into PostgreSQL, batches of 100 (${postgres.events} events)`,
        value: Math.round(postgres.eventsPerSecond),
        unit: 'events/s',
        target: '≥ 10,000 events/s',
        pass: postgres.eventsPerSecond >= 10_000,
        note: `PostgreSQL ${postgres.serverVersion} on loopback (throw-away cluster), synchronous_commit=${postgres.synchronousCommit}, fsync=${postgres.fsync}; scoped tokens, a signed receipt per batch, checkpoints every second; clients in the same process`,
      },
      {
        suite: 'collector ingest',
        name: `GET /healthz p99 while ${health.batches} batches of ${health.batchSize} events arrive (${health.probes} probes)`,
        value: health.p99,
        unit: 'ms',
        target: '≤ 50 ms',
        pass: health.p99 <= 50,
        note: `p50 ${health.p50} ms, max ${health.max} ms; collector in its own process, 2 posting clients`,
      },
    ];
  },
};
