/*
 * Browser page of bench/outbox.bench.ts: in one Chromium page, write the same 5 000 stamped
 * events (a) through the IndexedDB outbox, as the logger hands them to it — `outbox.write` of
 * batches of 500, each awaited, i.e. until what `log()` waits for (persisted) — and (b) as raw
 * IndexedDB writes of the same records with the same batching: one readwrite transaction per 500
 * records, `add` into an auto-increment store (what the outbox's store is), durability `strict`
 * (the outbox's default), each transaction awaited before the next. Both start from a fresh,
 * already opened database; rounds alternate which goes first. (c) is the whole path for
 * reference: `logger.log` of the drafts, stamping and hashing included, into the outbox.
 * Reports `window.__benchResult`.
 */
import type { DeliberateEvent } from '@deliberate/core';
import { createLogger, createMemorySink, createOutbox, type EventSink, type LogInput } from '@deliberate/log';
import { realisticDrafts } from '../drafts.ts';

export interface OutboxBenchResult {
  records: number;
  batch: number;
  bytesPerRecord: number;
  outboxMs: number[];
  rawMs: number[];
  loggerMs: number[];
  errors: string[];
}

const RECORDS = 5_000;
/** The logger's default `maxBatch`: the size of each `outbox.write`. */
const BATCH = 500;
const ROUNDS = 7;
const KEY = 'bench-pseudonym-key-0123456789abcdef';

/** A transport that never answers: delivery must not compete with the writes being measured. */
const silent: EventSink = { write: () => new Promise<void>(() => {}) };

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error(`cannot delete ${name}`));
    // `blocked` only means a connection is still closing; success follows once it has.
  });
}

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

async function outboxRound(round: number, events: readonly DeliberateEvent[]): Promise<number> {
  const dbName = `bench-outbox-${round}`;
  // No delivery during the measurement: the write-triggered flush waits an hour.
  const outbox = createOutbox({ dbName, transport: silent, flushDelayMs: 3_600_000 });
  await outbox.ready;
  const started = performance.now();
  for (const batch of batches(events)) await outbox.write(batch);
  const ms = performance.now() - started;
  if (outbox.status.get().pending !== events.length) throw new Error('outbox: not every record is stored');
  await outbox.close();
  await deleteDatabase(dbName);
  return ms;
}

async function rawRound(round: number, events: readonly DeliberateEvent[]): Promise<number> {
  const dbName = `bench-raw-${round}`;
  const open = indexedDB.open(dbName, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('events', { autoIncrement: true });
  const db = await request(open);
  const started = performance.now();
  for (const batch of batches(events)) {
    const tx = db.transaction('events', 'readwrite', { durability: 'strict' });
    const store = tx.objectStore('events');
    for (const event of batch) store.add(event);
    await done(tx);
  }
  const ms = performance.now() - started;
  const count = await request(db.transaction('events', 'readonly').objectStore('events').count());
  if (count !== events.length) throw new Error('raw: not every record is stored');
  db.close();
  await deleteDatabase(dbName);
  return ms;
}

async function loggerRound(round: number, drafts: readonly LogInput[]): Promise<number> {
  const dbName = `bench-logger-${round}`;
  const outbox = createOutbox({ dbName, transport: silent, flushDelayMs: 3_600_000 });
  await outbox.ready;
  const logger = createLogger({ sinks: [outbox], pseudonymize: { key: KEY } });
  const started = performance.now();
  await Promise.all(drafts.map((draft) => logger.log(draft)));
  const ms = performance.now() - started;
  if (outbox.status.get().pending !== drafts.length) throw new Error('logger: not every event is stored');
  await outbox.close();
  await deleteDatabase(dbName);
  return ms;
}

async function main(): Promise<OutboxBenchResult> {
  const drafts = realisticDrafts(RECORDS, 7);
  // The records: stamped, pseudonymised events, as the logger hands them to the outbox.
  const memory = createMemorySink();
  await createLogger({ sinks: [memory], pseudonymize: { key: KEY } }).log(drafts);
  const events = memory.events.get();
  const result: OutboxBenchResult = {
    records: events.length,
    batch: BATCH,
    bytesPerRecord: Math.round(JSON.stringify(events).length / events.length),
    outboxMs: [],
    rawMs: [],
    loggerMs: [],
    errors: [],
  };
  // Warm-up, not counted.
  await rawRound(-1, events);
  await outboxRound(-1, events);
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      result.outboxMs.push(await outboxRound(round, events));
      result.rawMs.push(await rawRound(round, events));
    } else {
      result.rawMs.push(await rawRound(round, events));
      result.outboxMs.push(await outboxRound(round, events));
    }
  }
  for (let round = 0; round < 3; round++) result.loggerMs.push(await loggerRound(round, drafts));
  return result;
}

main().then(
  (result) => {
    (window as unknown as { __benchResult: OutboxBenchResult }).__benchResult = result;
  },
  (error: unknown) => {
    const failed: OutboxBenchResult = {
      records: 0,
      batch: BATCH,
      bytesPerRecord: 0,
      outboxMs: [],
      rawMs: [],
      loggerMs: [],
      errors: [String(error instanceof Error ? (error.stack ?? error.message) : error)],
    };
    (window as unknown as { __benchResult: OutboxBenchResult }).__benchResult = failed;
  },
);
