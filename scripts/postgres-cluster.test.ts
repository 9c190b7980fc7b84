import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresCluster } from './postgres-cluster.ts';

describe('the throw-away PostgreSQL cluster', { timeout: 60_000 }, () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(async () => cluster?.stop());

  async function query<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    try {
      return (await client.query<T>(text)).rows;
    } finally {
      await client.end();
    }
  }

  it('answers on loopback, keeps committed data across a crash, and comes back', async () => {
    const [row] = await query<{ version: string }>('SELECT version()');
    expect(row?.version).toMatch(/^PostgreSQL \d+/);
    await query('CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)');
    cluster.crash();
    await expect(query('SELECT 1')).rejects.toThrow();
    cluster.start();
    expect(await query<{ n: number }>('SELECT n FROM kept')).toEqual([{ n: 7 }]);
  });
});
