import type { DeliberateEvent } from '@deliberate/core';
import { openPostgresStore } from '@deliberate/collector';
import pg from 'pg';

/*
 * The collector's own PostgreSQL store (`@deliberate/collector`, migrated on open) filled with a
 * log, so that `deliberate metrics --db` is tested against the table the collector really writes.
 * Events are inserted in the order given, which tests scramble so that arrival order is not chain
 * order.
 */

/** Migrates the collector's schema in the database at `url` and stores the JSON lines, 1,000 a call. */
export async function fillStoreTable(url: string, lines: readonly string[]): Promise<void> {
  const store = await openPostgresStore(url, { migrate: 'auto' });
  try {
    for (let start = 0; start < lines.length; start += 1000) {
      const batch = lines.slice(start, start + 1000).map((line) => JSON.parse(line) as DeliberateEvent);
      const result = await store.insert(batch);
      if (result.stored.length !== batch.length) throw new Error('the store did not take every event');
    }
  } finally {
    await store.close();
  }
}

/** The table as the collector's export gives it: the stored event JSON, in chain order. */
export async function exportStoreTable(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ event_json: string }>(
      'SELECT event_json FROM deliberate_events ORDER BY chain, seq, received_seq',
    );
    return result.rows.map((row) => row.event_json).join('\n') + '\n';
  } finally {
    await client.end();
  }
}
