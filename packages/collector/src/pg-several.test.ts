import { spawn, type ChildProcess } from 'node:child_process';
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliberateEvent } from '@deliberate/core';
import { signingInput, type BatchReceipt, type ChainCheckpoint } from '@deliberate/core/events';
import { verifyChain } from '@deliberate/log';
import { generateSigningKey } from './keys.ts';
import type { IngestResponse } from './server.ts';
import { createEventFactory } from './testing/events.ts';
import { startTestPostgres, type TestPostgres } from './testing/pg.ts';
import { seededRandom } from '../../../scripts/seeded-random.ts';

/*
 * Several collectors on one PostgreSQL database, as behind a load balancer, while they crash:
 * three CLI processes (through tsx, as an operator runs them) share a database migrated by
 * `deliberate-collector migrate --app-role`, one checkpoint key and a short checkpoint interval.
 * Four writers, each with its own chain, post batches round-robin and retry a batch at the next
 * collector on a connection error or 503; a tenth of the acknowledged batches are posted again.
 * Meanwhile a killer SIGKILLs a random running collector every 1–3 s (seeded) and restarts it.
 * Afterwards: every acknowledged event is stored exactly once, every chain verifies, and the
 * signed checkpoints are consistent (valid signatures, the right hash at their seq, and per chain
 * a seq that only goes up in signing order: one signer at a time).
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const cli = path.join(here, 'cli.ts');

const WRITERS = 4;
const EVENTS_PER_WRITER = 20_000;
const BATCH = 250;
const RESEND_SHARE = 0.1;
const COLLECTORS = 3;
const SEED = 20_261_208;
const INGEST_TOKEN = 'several-ingest-token-0123456789abcdef-0123';
const READ_TOKEN = 'several-read-token-0123456789abcdef-01234567';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** One collector slot behind the "load balancer": a fixed port, restarted after every kill. */
interface Instance {
  port: number;
  child?: ChildProcess;
  /** Listening and not killed. */
  up: boolean;
  /** Resolves when the current process listens. */
  listening?: Promise<void>;
  /** Resolves when the current process has exited. */
  exited?: Promise<void>;
  /** Pids of this slot's processes that logged "checkpoints signed". */
  signers: Set<number>;
  stderr: string;
}

let postgres: TestPostgres;
let dir: string;
let appUrl: string;
let dbName: string;
let keyFile: string;
let tokenFile: string;
const instances: Instance[] = [];

function run(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--conditions=@deliberate/source', '--import', 'tsx', cli, ...args], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function start(instance: Instance): void {
  const child = run([
    '--port',
    String(instance.port),
    '--db',
    appUrl,
    '--token-file',
    tokenFile,
    '--checkpoint-key',
    keyFile,
    '--checkpoint-interval',
    '1',
  ]);
  instance.child = child;
  instance.stderr = '';
  let buffered = '';
  instance.listening = new Promise<void>((resolve, reject) => {
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      instance.stderr += chunk;
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.includes('"msg":"listening"')) {
          instance.up = true;
          resolve();
        }
        if (line.includes('"msg":"checkpoints signed"') && child.pid !== undefined)
          instance.signers.add(child.pid);
      }
    });
    child.once('exit', () => reject(new Error(`collector exited before listening:\n${instance.stderr}`)));
  });
  instance.listening.catch(() => {});
  instance.exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      instance.up = false;
      resolve();
    });
  });
}

beforeAll(async () => {
  postgres = await startTestPostgres();
  dir = mkdtempSync(path.join(tmpdir(), 'deliberate-several-'));
  const { url, name } = await postgres.freshDatabase();
  dbName = name;
  const role = 'several_collector';
  await postgres.sql(`CREATE ROLE ${role} LOGIN`);
  const migrate = run(['migrate', '--db', url, '--app-role', role]);
  let out = '';
  migrate.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  migrate.stderr?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const code = await new Promise<number | null>((resolve) => migrate.once('close', resolve));
  expect(code, out).toBe(0);
  expect(out).toContain('applied migration 1');
  appUrl = postgres.cluster.urlFor({ database: name, user: role });

  keyFile = path.join(dir, 'checkpoint.pem');
  writeFileSync(keyFile, generateSigningKey().privateKeyPem, { mode: 0o600 });
  tokenFile = path.join(dir, 'tokens.json');
  writeFileSync(
    tokenFile,
    JSON.stringify({
      tokens: [
        { name: 'writers', token: INGEST_TOKEN, scopes: ['ingest'], procedures: ['housing-benefit.*'] },
        { name: 'auditor', token: READ_TOKEN, scopes: ['read'] },
      ],
    }),
    { mode: 0o600 },
  );
  for (let i = 0; i < COLLECTORS; i++)
    instances.push({ port: await freePort(), up: false, signers: new Set(), stderr: '' });
  for (const instance of instances) start(instance);
  await Promise.all(instances.map((instance) => instance.listening));
}, 60_000);

afterAll(async () => {
  for (const instance of instances) {
    if (instance.child?.exitCode === null && instance.child.signalCode === null)
      instance.child.kill('SIGKILL');
    await instance.exited;
  }
  await postgres?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** A status the load balancer does not retry: the test fails with it. */
class UnexpectedAnswer extends Error {}

const stats = { posts: 0, connectionErrors: 0, unavailable: 0, kills: 0, resends: 0 };
let roundRobin = 0;
/** Set when a writer failed, so the others stop instead of posting into a torn-down test. */
let abandoned = false;

/** Posts `body` like a load balancer with retries: the next collector on failure, until a 200. */
async function deliver(body: string): Promise<IngestResponse> {
  for (let attempt = 1; attempt <= 2_000; attempt++) {
    if (abandoned) throw new Error('abandoned: another writer failed');
    const instance = instances[roundRobin++ % instances.length] as Instance;
    stats.posts++;
    try {
      const response = await fetch(`http://127.0.0.1:${instance.port}/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      if (response.status === 200) return JSON.parse(text) as IngestResponse;
      if (response.status !== 503)
        throw new UnexpectedAnswer(`answered ${response.status}: ${text.slice(0, 500)}`);
      stats.unavailable++;
    } catch (error) {
      if (error instanceof UnexpectedAnswer) throw error;
      // Refused, reset or cut off: that collector is down (killed) or going down.
      stats.connectionErrors++;
    }
    // Every collector tried once without success: give the restarts a moment.
    if (attempt % instances.length === 0) await sleep(50);
  }
  throw new Error('no collector took the batch in 2,000 attempts');
}

async function get(pathAndQuery: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const instance = instances[roundRobin++ % instances.length] as Instance;
    try {
      const response = await fetch(`http://127.0.0.1:${instance.port}${pathAndQuery}`, {
        headers: { authorization: `Bearer ${READ_TOKEN}` },
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      if (response.status === 200) return text;
      if (response.status !== 503 || attempt > 50)
        throw new Error(`GET ${pathAndQuery}: ${response.status} ${text}`);
    } catch (error) {
      if (attempt > 50) throw error;
    }
    await sleep(100);
  }
}

const ndjson = <T>(text: string) =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as T);

function verifies(statement: BatchReceipt | ChainCheckpoint, key: KeyObject): boolean {
  return verify(null, signingInput(statement), key, Buffer.from(statement.signature, 'base64'));
}

describe('three collectors on one PostgreSQL database', () => {
  it(
    'store every acknowledged event exactly once while collectors are SIGKILLed and restarted, and sign consistent checkpoints',
    { timeout: 90_000 },
    async () => {
      const started = performance.now();
      const pem = await get('/.well-known/deliberate/checkpoint-key.pem');
      const publicKey = createPublicKey(pem);

      let writing = true;
      const killer = (async () => {
        const next = seededRandom(SEED);
        for (;;) {
          await sleep(1_000 + next() * 2_000);
          if (!writing) return;
          // Keep at least one collector serving, so the run stays bounded; kill one of the others.
          const up = instances.filter((instance) => instance.up);
          if (up.length < 2) continue;
          const victim = up[Math.floor(next() * up.length)] as Instance;
          const pid = victim.child?.pid;
          if (pid === undefined) continue;
          victim.up = false;
          process.kill(pid, 'SIGKILL');
          stats.kills++;
          await victim.exited;
          start(victim);
        }
      })();

      const acknowledged: string[] = [];
      const chains: string[] = [];
      const receipts: BatchReceipt[] = [];
      const writer = async (w: number) => {
        const next = seededRandom(SEED + 1 + w);
        const chain = `several-writer-${w}-${SEED}`;
        chains.push(chain);
        const factory = createEventFactory({ chain });
        for (let sent = 0; sent < EVENTS_PER_WRITER; sent += BATCH) {
          const events: DeliberateEvent[] = [];
          for (let i = 0; i < BATCH; i++) events.push(factory.next());
          const ids = events.map((event) => event.id);
          const body = JSON.stringify(events);
          const answer = await deliver(body);
          expect(answer.receipt, 'every acknowledgement carries a receipt').toBeDefined();
          // A retry after a crash may find part of the batch stored: stored + duplicates = the batch.
          expect(answer.invalid).toEqual([]);
          expect([...answer.stored, ...answer.duplicates].sort()).toEqual([...ids].sort());
          if (answer.receipt) receipts.push(answer.receipt);
          acknowledged.push(...ids);
          if (next() < RESEND_SHARE) {
            stats.resends++;
            const again = await deliver(body);
            expect(again.stored, 'a resend stored nothing new').toEqual([]);
            expect(again.duplicates).toEqual(ids);
            if (again.receipt) receipts.push(again.receipt);
          }
        }
      };
      try {
        await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
      } catch (error) {
        abandoned = true;
        throw error;
      } finally {
        writing = false;
        await killer;
      }
      const wrote = performance.now();
      await Promise.all(instances.map((instance) => instance.listening));

      // Every acknowledgement carried a receipt signed with the served key.
      expect(receipts.length).toBe(WRITERS * (EVENTS_PER_WRITER / BATCH) + stats.resends);
      expect(receipts.filter((receipt) => !verifies(receipt, publicKey))).toEqual([]);

      // Exactly once, straight from the database.
      const total = WRITERS * EVENTS_PER_WRITER;
      expect(new Set(acknowledged).size).toBe(total);
      const [counts] = await postgres.sql<{ n: number; ids: number; positions: number }>(
        'SELECT count(*)::int AS n, count(DISTINCT id)::int AS ids, count(DISTINCT (chain, seq))::int AS positions FROM deliberate_events',
        [],
        dbName,
      );
      expect(counts).toEqual({ n: total, ids: total, positions: total });
      const stored = await postgres.sql<{ id: string }>('SELECT id FROM deliberate_events', [], dbName);
      const acknowledgedSet = new Set(acknowledged);
      expect(stored.filter((row) => !acknowledgedSet.has(row.id))).toEqual([]);

      // Checkpoints reach every chain's last event once the writers stop (a GET triggers a round;
      // a collector that does not get the signing lock skips it, so ask until one has signed).
      const last = EVENTS_PER_WRITER - 1;
      for (let round = 0; ; round++) {
        const latest = ndjson<ChainCheckpoint>(await get('/v1/checkpoints'));
        if (chains.every((chain) => latest.some((c) => c.chain === chain && c.seq === last))) break;
        if (round >= 100) throw new Error(`checkpoints do not reach seq ${last}: ${JSON.stringify(latest)}`);
        await sleep(200);
      }

      // In signing order (one signer at a time: the id order), straight from the database.
      const signed = (
        await postgres.sql<{ json: string }>(
          'SELECT json FROM deliberate_checkpoints ORDER BY id',
          [],
          dbName,
        )
      ).map((row) => JSON.parse(row.json) as ChainCheckpoint);
      expect(signed.filter((checkpoint) => !verifies(checkpoint, publicKey))).toEqual([]);
      expect(new Set(signed.map((checkpoint) => checkpoint.keyId)).size).toBe(1);
      const regressions: string[] = [];
      const previous = new Map<string, number>();
      for (const checkpoint of signed) {
        const before = previous.get(checkpoint.chain);
        if (before !== undefined && checkpoint.seq <= before)
          regressions.push(`${checkpoint.chain}: seq ${checkpoint.seq} signed after seq ${before}`);
        previous.set(checkpoint.chain, checkpoint.seq);
      }
      expect(regressions).toEqual([]);
      // Several processes took turns signing (the killed ones and their successors among them).
      const signers = instances.reduce((n, instance) => n + instance.signers.size, 0);
      expect(signers).toBeGreaterThanOrEqual(2);

      // Every chain, exported through a collector, verifies, and every checkpoint holds on it.
      for (const chain of chains) {
        const events = ndjson<DeliberateEvent>(await get(`/v1/events?chain=${encodeURIComponent(chain)}`));
        expect(events).toHaveLength(EVENTS_PER_WRITER);
        const claims = signed.filter((checkpoint) => checkpoint.chain === chain);
        const result = verifyChain(events, { checkpoints: claims });
        expect(result.breaks).toEqual([]);
        expect(result.checkpoints?.violations).toEqual([]);
        expect(result.checkpoints?.held).toBe(claims.length);
        expect(result.ok).toBe(true);
      }

      // The run did what it claims: collectors died under load and batches were retried.
      expect(stats.kills).toBeGreaterThanOrEqual(2);
      expect(stats.connectionErrors + stats.unavailable).toBeGreaterThan(0);
      console.info(
        `several collectors: ${total} events (+${stats.resends} resent batches) in ${Math.round(wrote - started)} ms, ` +
          `${stats.kills} kills, ${stats.connectionErrors} connection errors, ${stats.unavailable} × 503, ` +
          `${signed.length} checkpoints by ${signers} processes; whole test ${Math.round(performance.now() - started)} ms`,
      );
    },
  );
});
