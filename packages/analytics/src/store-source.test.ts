import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresCluster } from '../../../scripts/postgres-cluster.ts';
import { readStoreEvents, storeConnection } from './store-source.ts';
import { simulateEvents } from './simulate.ts';
import { fillStoreTable } from './testing/store-table.ts';

/*
 * The password of `--db` comes from the environment, and the server really checks it: a cluster
 * whose pg_hba.conf asks the role `analyst` for a SCRAM password (the superuser stays on trust).
 */

let postgres: PostgresCluster;
let dir: string;
let url: string;
const [FIRST] = simulateEvents({ decisions: 1, seed: 'password' });
const EVENT = JSON.stringify(FIRST);

beforeAll(async () => {
  postgres = await startPostgres();
  dir = mkdtempSync(path.join(tmpdir(), 'deliberate-hba-'));
  chmodSync(dir, 0o755);
  const hba = path.join(dir, 'pg_hba.conf');
  writeFileSync(
    hba,
    'local all all trust\nhost all postgres 127.0.0.1/32 trust\nhost all analyst 127.0.0.1/32 scram-sha-256\n',
  );
  chmodSync(hba, 0o644);
  // The collector's own table, as its store creates it.
  await fillStoreTable(postgres.url, [EVENT]);
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query("CREATE ROLE analyst LOGIN PASSWORD 'right-pw'");
  await admin.query('GRANT SELECT ON deliberate_events TO analyst');
  await admin.query(`ALTER SYSTEM SET hba_file = '${hba}'`);
  await admin.end();
  // hba_file is read at server start only.
  postgres.crash();
  postgres.start();
  url = postgres.urlFor({ user: 'analyst' });
}, 120_000);
afterAll(async () => {
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const read = async (env: NodeJS.ProcessEnv) => {
  const seen: string[] = [];
  await readStoreEvents(storeConnection(url, env), (json) => void seen.push(json));
  return seen;
};

describe('the --db password', { timeout: 60_000 }, () => {
  it('is taken from DELIBERATE_DB_PASSWORD, else PGPASSWORD', async () => {
    expect(await read({ DELIBERATE_DB_PASSWORD: 'right-pw' })).toEqual([EVENT]);
    expect(await read({ PGPASSWORD: 'right-pw' })).toEqual([EVENT]);
    expect(await read({ DELIBERATE_DB_PASSWORD: 'right-pw', PGPASSWORD: 'wrong' })).toEqual([EVENT]);
  });

  it('a wrong one is refused by the server with what to set', async () => {
    await expect(read({ DELIBERATE_DB_PASSWORD: 'wrong' })).rejects.toThrow(
      /login refused for analyst .*Set the password in DELIBERATE_DB_PASSWORD \(or PGPASSWORD\)/,
    );
  });
});
