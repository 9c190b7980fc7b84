import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliberateEvent } from '@deliberate/core';
import { openPostgresStore } from './pg/store.ts';
import { makeEvents } from './testing/events.ts';
import { TEST_TOKEN } from './testing/harness.ts';
import { useTestPostgres } from './testing/pg.ts';

/*
 * The PostgreSQL side of the CLI as an operator runs it: separate processes through tsx against a
 * throw-away cluster — migrate (also twice at once), retention, and the password rules.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = path.resolve(here, '../../../node_modules/.bin/tsx');
const cli = path.join(here, 'cli.ts');

const postgres = useTestPostgres();

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

interface Run {
  child: ChildProcess;
  listening: Promise<{ url: string }>;
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function run(args: string[], env: Record<string, string> = {}): Run {
  const child = spawn(tsx, ['--conditions=@deliberate/source', cli, ...args], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const listening = new Promise<{ url: string }>((resolve, reject) => {
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const line = stderr.split('\n').find((l) => l.includes('"msg":"listening"'));
      if (line) resolve(JSON.parse(line) as { url: string });
    });
    child.once('exit', () => reject(new Error(`exited before listening:\n${stderr}`)));
  });
  listening.catch(() => {});
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, listening, exited };
}

const post = (url: string, events: readonly DeliberateEvent[]) =>
  fetch(`${url}/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(events),
  });

describe('deliberate-collector with PostgreSQL', { timeout: 40_000 }, () => {
  it('refuses a password in the --db URL with exit 2 and points to DELIBERATE_DB_PASSWORD', async () => {
    const url = postgres.cluster.urlFor({ user: 'someone', password: 's3cret-pw' });
    for (const args of [
      ['--db', url],
      ['migrate', '--db', url],
      ['retention', '--db', url, '--older-than', '7mo'],
    ]) {
      const { code, stderr } = await run(args, { DELIBERATE_TOKEN: TEST_TOKEN }).exited;
      expect(code, args[0]).toBe(2);
      expect(stderr).toMatch(
        /the --db URL contains a password.*set DELIBERATE_DB_PASSWORD \(or PGPASSWORD\)/,
      );
      expect(stderr).not.toContain('s3cret-pw');
    }
  });

  it('migrates once when two processes run migrate at the same moment', async () => {
    const { url, name } = await postgres.freshDatabase();
    const [a, b] = [run(['migrate', '--db', url]), run(['migrate', '--db', url])];
    const results = await Promise.all([a.exited, b.exited]);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    expect(results.map((r) => r.stdout).sort()).toEqual([
      'applied migration 1; schema is at version 1\n',
      'schema already at version 1; nothing to migrate\n',
    ]);
    expect(await postgres.sql('SELECT version FROM deliberate_schema_migrations', [], name)).toEqual([
      { version: 1 },
    ]);
  });

  it('takes the password from DELIBERATE_DB_PASSWORD (else PGPASSWORD) and serves as the app role', async () => {
    const { url, name } = await postgres.freshDatabase();
    const role = `pw_collector_${process.pid}`;
    await postgres.sql(`CREATE ROLE ${role} LOGIN PASSWORD 'right-password'`);
    // Password authentication for this role; the cluster trusts everyone else.
    const [{ hba_file: hba }] = (await postgres.sql('SHOW hba_file')) as [{ hba_file: string }];
    writeFileSync(hba, `host all ${role} 127.0.0.1/32 scram-sha-256\n${readFileSync(hba, 'utf8')}`);
    await postgres.sql('SELECT pg_reload_conf()');
    expect((await run(['migrate', '--db', url, '--app-role', role]).exited).code).toBe(0);
    const appUrl = postgres.cluster.urlFor({ database: name, user: role });
    const base = { DELIBERATE_TOKEN: TEST_TOKEN };

    const wrong = await run(['--port', '0', '--db', appUrl], { ...base, PGPASSWORD: 'wrong' }).exited;
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/cannot open database postgres:\/\/.*password authentication failed/);

    const started = run(['--port', '0', '--db', appUrl], {
      ...base,
      PGPASSWORD: 'wrong',
      DELIBERATE_DB_PASSWORD: 'right-password',
    });
    const { url: service } = await started.listening;
    const events = makeEvents(3);
    expect((await post(service, events)).status).toBe(200);
    const again = await post(service, events);
    expect(await again.json()).toMatchObject({ stored: [], duplicates: events.map((e) => e.id) });
    started.child.kill('SIGTERM');
    const stopped = await started.exited;
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).not.toContain('right-password');
    expect(await postgres.sql('SELECT count(*)::int AS n FROM deliberate_events', [], name)).toEqual([
      { n: 3 },
    ]);
  });

  it('retention refuses under six months, counts without --yes, and deletes only old events with it', async () => {
    const { url, name } = await postgres.freshDatabase();
    const day = 86_400_000;
    const iso = (ms: number) => new Date(ms).toISOString();
    const old = makeEvents(4, { chain: 'old', start: iso(Date.now() - 400 * day) });
    const older = makeEvents(2, { chain: 'older', start: iso(Date.now() - 500 * day) });
    const recent = makeEvents(3, { chain: 'recent', start: iso(Date.now() - 30 * day) });
    const store = await openPostgresStore(url);
    await store.insert([...old, ...older, ...recent]);

    for (const age of ['5mo', '30d', '180d']) {
      const refused = await run(['retention', '--db', url, '--older-than', age]).exited;
      expect(refused.code, age).toBe(2);
      expect(refused.stderr).toMatch(/under six months; the AI Act \(Art\. 26\(6\)\)/);
    }
    const bad = await run(['retention', '--db', url, '--older-than', '6 months']).exited;
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/expected a number of days or months, e\.g\. 200d or 12mo/);

    const dry = await run(['retention', '--db', url, '--older-than', '12mo']).exited;
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(
      /^would delete 6 events of 2 chains older than \d{4}-\d\d-\d\dT[\d:.]+Z; nothing was deleted/,
    );
    expect(await store.count()).toBe(9);

    const done = await run(['retention', '--db', url, '--older-than', '14mo', '--yes']).exited;
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/^deleted 2 events of 1 chain older than /);
    const left: string[] = [];
    for await (const event of store.since(null)) left.push(event.chain);
    expect(left).toEqual(['old', 'old', 'old', 'old', 'recent', 'recent', 'recent']);

    // Appending still works, and deleted ids are not resurrected as duplicates of anything.
    const more = makeEvents(2, { chain: 'after' });
    expect((await store.insert(more)).stored).toEqual(more.map((e) => e.id));
    expect(await postgres.sql('SELECT count(*)::int AS n FROM deliberate_events', [], name)).toEqual([
      { n: 9 },
    ]);
    await store.close();
  });
});
