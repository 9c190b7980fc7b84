import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DeliberateEvent } from '@deliberate/core';
import { silentLogger, type LogEntry } from '../log.ts';
import { createCollector, type Collector, type CollectorOptions } from '../server.ts';
import { openSqliteStore, type SqliteEventStore } from '../sqlite-store.ts';

/*
 * A real collector on 127.0.0.1, port 0, with a SQLite file in a fresh temporary directory.
 * Test-only (this folder is excluded from the build).
 */

/** The bearer token every harness accepts. */
export const TEST_TOKEN = 'test-token-0123456789abcdef-0123456789';

/** A running collector and shortcuts to talk to it. */
export interface Harness {
  collector: Collector;
  store: SqliteEventStore;
  /** `http://127.0.0.1:<port>` */
  url: string;
  dir: string;
  dbPath: string;
  /** Every log line the collector wrote. */
  logs: LogEntry[];
  /** POSTs to /v1/events with the token; `body` is sent as is when a string. */
  post(body: unknown, init?: { contentType?: string | null; token?: string | null }): Promise<Response>;
  /** GET /v1/events with the token (or `token`) and the given query; resolves with the parsed NDJSON lines. */
  exportEvents(query?: string, token?: string): Promise<DeliberateEvent[]>;
  /** Closes the collector (and store) and removes the temporary directory. */
  stop(): Promise<void>;
}

/** Starts a {@link Harness}; it accepts TEST_TOKEN (both scopes) unless `grants` are given. */
export async function startHarness(options: Partial<CollectorOptions> = {}): Promise<Harness> {
  const dir = mkdtempSync(path.join(tmpdir(), 'deliberate-collector-'));
  const dbPath = path.join(dir, 'events.sqlite');
  const store = openSqliteStore(dbPath);
  const logs: LogEntry[] = [];
  const collector = createCollector({
    store,
    // With scoped grants given, TEST_TOKEN is not accepted: the grants are the whole policy.
    ...(options.grants ? {} : { token: TEST_TOKEN }),
    logger: (entry) => {
      logs.push(entry);
      silentLogger(entry);
    },
    ...options,
  });
  const { port } = await collector.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return {
    collector,
    store,
    url,
    dir,
    dbPath,
    logs,
    post(body, init = {}) {
      const headers: Record<string, string> = {};
      const token = init.token === undefined ? TEST_TOKEN : init.token;
      if (token !== null) headers['authorization'] = `Bearer ${token}`;
      const contentType = init.contentType === undefined ? 'application/json' : init.contentType;
      if (contentType !== null) headers['content-type'] = contentType;
      return fetch(`${url}/v1/events`, {
        method: 'POST',
        headers,
        body:
          typeof body === 'string'
            ? body
            : body instanceof Uint8Array
              ? new Uint8Array(body)
              : JSON.stringify(body),
      });
    },
    async exportEvents(query = '', token = TEST_TOKEN) {
      const response = await fetch(`${url}/v1/events${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (response.status !== 200)
        throw new Error(`export answered ${response.status}: ${await response.text()}`);
      const text = await response.text();
      return text
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as DeliberateEvent);
    },
    async stop() {
      await collector.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
