import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { startPostgres, type PostgresCluster } from '../../../../scripts/postgres-cluster.ts';

/*
 * A throw-away PostgreSQL cluster for one test file, with a fresh database per test. Test-only
 * (this folder is excluded from the build).
 */

/** A cluster and a factory of empty databases in it. */
export interface TestPostgres {
  cluster: PostgresCluster;
  /** Creates an empty database and resolves with its superuser URL and name. */
  freshDatabase(): Promise<{ url: string; name: string }>;
  /** Runs SQL as the superuser in `database` (default `postgres`). */
  sql<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values?: unknown[],
    database?: string,
  ): Promise<R[]>;
  stop(): Promise<void>;
}

let counter = 0;

/** Starts a cluster (about 1–2 s). */
export async function startTestPostgres(): Promise<TestPostgres> {
  const cluster = await startPostgres();
  async function sql<R extends pg.QueryResultRow>(
    text: string,
    values: unknown[] = [],
    database = 'postgres',
  ) {
    const client = new pg.Client({ connectionString: cluster.urlFor({ database }) });
    await client.connect();
    try {
      return (await client.query<R>(text, values)).rows;
    } finally {
      await client.end();
    }
  }
  return {
    cluster,
    sql,
    async freshDatabase() {
      const name = `test_${process.pid}_${++counter}`;
      await sql(`CREATE DATABASE ${name}`);
      return { url: cluster.urlFor({ database: name }), name };
    },
    stop: () => cluster.stop(),
  };
}

/**
 * One cluster for the calling test file: started in `beforeAll`, stopped in `afterAll`. The
 * returned object forwards to it, so tests use it like a started {@link TestPostgres}.
 */
export function useTestPostgres(): TestPostgres {
  let started: TestPostgres | undefined;
  const current = (): TestPostgres => {
    if (!started) throw new Error('The PostgreSQL cluster is started in beforeAll; use it inside tests.');
    return started;
  };
  beforeAll(async () => {
    started = await startTestPostgres();
  }, 60_000);
  afterAll(async () => {
    await started?.stop();
  }, 60_000);
  return {
    get cluster() {
      return current().cluster;
    },
    sql: (text, values, database) => current().sql(text, values, database),
    freshDatabase: () => current().freshDatabase(),
    stop: () => current().stop(),
  };
}
