/**
 * Ingest throughput of the collector: a real server on 127.0.0.1 with a SQLite file (WAL,
 * synchronous = FULL) in a temporary directory, fed over loopback by a few concurrent clients,
 * with scoped tokens (an ingest-only token posts) and signing on (a receipt per batch, checkpoints
 * every second).
 *
 * Run alone: `tsx --conditions=@deliberate/source packages/collector/bench/ingest.ts`
 * (the condition makes `@deliberate/core` resolve to source, as in tests).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createCollector,
  generateSigningKey,
  openSqliteStore,
  silentLogger,
  type Collector,
  type EventStore,
} from '../src/index.ts';
import { createEventFactory } from '../src/testing/events.ts';

/** Options of {@link ingestThroughput}; the defaults are the scenario. */
export interface IngestOptions {
  /** Events to post. @default 20000 */
  events?: number;
  /** Events per request. @default 100 */
  batchSize?: number;
  /** Concurrent clients, each with its own keep-alive connection. @default 4 */
  clients?: number;
}

/** The result of {@link ingestThroughput}. */
export interface IngestResult {
  /** Events acknowledged (200) per second of wall-clock time. */
  eventsPerSecond: number;
  /** Events posted and stored. */
  events: number;
  /** Requests made. */
  batches: number;
}

const TOKEN = 'bench-token-0123456789abcdef0123';
const READ_TOKEN = 'bench-read-token-0123456789abcdef0123';

/** The collector every benchmark runs: scoped tokens and signing on, as in production. */
export function benchCollector(dbFile: string, maxBodyBytes?: number) {
  const store = openSqliteStore(dbFile);
  return { store, collector: collectorOver(store, maxBodyBytes) };
}

/** A collector over `store` with the benchmark's tokens, a signer and checkpoints every second. */
export function collectorOver(store: EventStore, maxBodyBytes?: number): Collector {
  return createCollector({
    store,
    grants: [
      { name: 'browser', token: TOKEN, scopes: ['ingest'], procedures: ['housing-benefit.*'] },
      { name: 'export', token: READ_TOKEN, scopes: ['read'] },
    ],
    signer: generateSigningKey().signer,
    checkpointIntervalMs: 1000,
    logger: silentLogger,
    ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }),
  });
}

/** POSTs a body with the bench's ingest token. */
export { post };

function post(agent: http.Agent, port: number, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/v1/events',
        headers: {
          authorization: `Bearer ${TOKEN}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * Posts `events` events in batches of `batchSize` from `clients` concurrent keep-alive clients to
 * the collector on `port` and returns events per second, from the first request to the last
 * answer. Request bodies are built before the clock starts, and a warm-up of 10 batches (not
 * counted) runs first so the JIT has seen the hot paths. Clients and server share this process
 * (one event loop), so the figure is a lower bound for a collector running in its own process.
 * Throws if any batch is not fully stored with a receipt, or if `count()` afterwards is not the
 * events posted.
 */
export async function driveIngest(
  port: number,
  count: () => number | Promise<number>,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const total = options.events ?? 20_000;
  const batchSize = options.batchSize ?? 100;
  const clients = options.clients ?? 4;
  const warmupBatches = 10;

  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  try {
    // Several chains, as from several browser sessions; realistic event sizes (~700 bytes).
    const factories = Array.from({ length: 8 }, () => createEventFactory());
    const bodies: string[] = [];
    const batchCount = Math.ceil(total / batchSize) + warmupBatches;
    for (let b = 0; b < batchCount; b++) {
      const size =
        b < warmupBatches ? batchSize : Math.min(batchSize, total - (b - warmupBatches) * batchSize);
      const factory = factories[b % factories.length];
      if (!factory) throw new Error('unreachable');
      bodies.push(JSON.stringify(Array.from({ length: size }, () => factory.next())));
    }

    let next = 0;
    const worker = async (): Promise<void> => {
      for (let b = next++; b < bodies.length; b = next++) {
        const { status, text } = await post(agent, port, bodies[b] ?? '[]');
        if (status !== 200) throw new Error(`batch ${b} answered ${status}: ${text.slice(0, 200)}`);
        if (!text.includes('"receipt":')) throw new Error(`batch ${b} was answered without a receipt`);
      }
    };

    const before = await count();
    const warmup = bodies.splice(0, warmupBatches);
    for (const body of warmup) await post(agent, port, body);

    const started = performance.now();
    await Promise.all(Array.from({ length: clients }, worker));
    const seconds = (performance.now() - started) / 1000;

    const stored = (await count()) - before - warmupBatches * batchSize;
    if (stored !== total) throw new Error(`expected ${total} stored events, found ${stored}`);
    return { eventsPerSecond: Math.round(total / seconds), events: total, batches: bodies.length };
  } finally {
    agent.destroy();
  }
}

/**
 * {@link driveIngest} against a collector with a temporary SQLite file (WAL, synchronous = FULL).
 */
export async function ingestThroughput(options: IngestOptions = {}): Promise<IngestResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'deliberate-bench-'));
  const { store, collector } = benchCollector(path.join(dir, 'events.sqlite'));
  try {
    const { port } = await collector.listen(0, '127.0.0.1');
    return await driveIngest(port, () => store.count(), options);
  } finally {
    await collector.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await ingestThroughput();
  console.log(JSON.stringify(result));
  if (result.eventsPerSecond < 10_000) {
    console.error(`below the target of 10000 events/s`);
    process.exitCode = 1;
  }
}
