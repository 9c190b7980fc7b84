import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {} from 'vitest';
import { openPostgresStore } from './pg/store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { useTestPostgres } from './testing/pg.ts';
import { storeContract } from './testing/store-contract.ts';

/*
 * One contract, two stores: the SQLite file and a real PostgreSQL server (a throw-away cluster
 * started for this file; Debian's postgresql must be installed).
 */

const postgres = useTestPostgres();

storeContract('sqlite', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'deliberate-contract-'));
  const file = path.join(dir, 'events.sqlite');
  return {
    open: async () => openSqliteStore(file),
    reopen: async () => openSqliteStore(file),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

storeContract('postgres', async () => {
  const { url } = await postgres.freshDatabase();
  return {
    open: () => openPostgresStore(url),
    reopen: () => openPostgresStore(url),
    cleanup: async () => {},
  };
});
