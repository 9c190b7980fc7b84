import type { DecisionEventDraft, DeliberateEvent } from '@deliberate/core';
import {
  createHttpSink,
  createLogger,
  createMemorySink,
  createOutbox,
  type EventSink,
  type Logger,
  type MemorySink,
  type Outbox,
} from '@deliberate/log';

/*
 * The example's event pipeline, as an integrator would set it up:
 * - an IndexedDB "archive" outbox that keeps every event in this browser (its transport never
 *   acknowledges), so the evaluator view can read what was decided;
 * - when `VITE_COLLECTOR_URL` is set, a second outbox that delivers to the collector over HTTP
 *   (bearer token from `VITE_COLLECTOR_TOKEN`) with retries, surviving reloads;
 * - a memory sink for the live view (and, in dev/test builds, `window.__deliberateEvents`).
 * The page holds no pseudonymisation key: actor ids and case references arrive as pseudonyms
 * (see backend.ts), and the logger's upstream mode refuses any id that is not one.
 */

export const ARCHIVE_DB = 'housing-benefit-archive';
export const DELIVERY_DB = 'housing-benefit-outbox';

const keepLocally: EventSink = { write: () => new Promise<void>(() => {}) };

export interface AppLog {
  logger: { log(events: DecisionEventDraft[]): Promise<unknown> };
  memory: MemorySink;
  archive: Outbox | null;
  collectorUrl: string | null;
  /** Every event recorded in this browser (archive), or the memory sink's where there is no IndexedDB. */
  readEvents(): Promise<DeliberateEvent[]>;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

export function createAppLog(
  env: { collectorUrl?: string | undefined; collectorToken?: string | undefined } = {},
): AppLog {
  const memory = createMemorySink();
  const hasIdb = typeof indexedDB !== 'undefined' && indexedDB !== null;
  const archive = hasIdb
    ? createOutbox({ dbName: ARCHIVE_DB, transport: keepLocally, maxEvents: 100_000 })
    : null;
  archive?.ready.catch(() => {});
  const sinks: EventSink[] = [memory];
  if (archive) sinks.unshift(archive);
  const collectorUrl = env.collectorUrl ? env.collectorUrl : null;
  if (collectorUrl && hasIdb) {
    const token = env.collectorToken ?? '';
    sinks.push(
      createOutbox({
        dbName: DELIVERY_DB,
        transport: createHttpSink({ url: collectorUrl, token: () => token }),
      }),
    );
  }
  const logger: Logger = createLogger({
    sinks,
    pseudonymize: { upstream: true },
    ...(archive ? { chain: archive.resumeChain() } : {}),
  });

  async function readEvents(): Promise<DeliberateEvent[]> {
    if (!archive) return [...memory.events.get()];
    await archive.ready;
    const db = await request(indexedDB.open(ARCHIVE_DB));
    try {
      const tx = db.transaction('events', 'readonly');
      return (await request(tx.objectStore('events').getAll())) as DeliberateEvent[];
    } finally {
      db.close();
    }
  }

  return { logger, memory, archive, collectorUrl, readEvents };
}
