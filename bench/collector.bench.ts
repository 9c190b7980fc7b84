import { ingestThroughput } from '../packages/collector/bench/ingest.ts';
import type { BenchSuite } from './types.ts';

export const collector: BenchSuite = {
  name: 'collector ingest',
  async run() {
    const result = await ingestThroughput();
    return [
      {
        suite: 'collector ingest',
        name: `POST /v1/events over loopback, batches of 100 (${result.events} events)`,
        value: Math.round(result.eventsPerSecond),
        unit: 'events/s',
        target: '≥ 5,000 events/s',
        pass: result.eventsPerSecond >= 5000,
        note: 'SQLite WAL, synchronous=FULL; clients in the same process',
      },
    ];
  },
};
