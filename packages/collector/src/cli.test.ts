import { spawn, type ChildProcess } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signingInput, type BatchReceipt } from '@deliberate/core/events';
import { openSqliteStore } from './sqlite-store.ts';
import { makeEvents } from './testing/events.ts';
import { TEST_TOKEN } from './testing/harness.ts';

/*
 * The CLI as an operator runs it: a separate process started through tsx (the workspace resolves
 * @deliberate/core to source through the `@deliberate/source` condition), stopped by signals.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const cli = path.join(here, 'cli.ts');

interface Run {
  /** The tsx process; it runs the CLI in a child process of its own and relays signals to it. */
  child: ChildProcess;
  /** Resolves with the `listening` log line (`pid` is the CLI's own process). */
  listening: Promise<{ port: number; url: string; pid: number }>;
  /** Resolves when the process exits. */
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function run(args: string[], env: Record<string, string> = {}): Run {
  const child = spawn(tsx, ['--conditions=@deliberate/source', cli, ...args], {
    cwd: dir,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const listening = new Promise<{ port: number; url: string; pid: number }>((resolve, reject) => {
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      for (const line of stderr.split('\n')) {
        if (!line.includes('"msg":"listening"')) continue;
        const entry = JSON.parse(line) as { port: number; url: string; pid: number };
        servers.push(entry.pid);
        resolve(entry);
      }
    });
    child.once('exit', () => reject(new Error(`exited before listening:\n${stderr}`)));
  });
  listening.catch(() => {});
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, listening, exited };
}

let dir: string;
let tokenFile: string;
const children: ChildProcess[] = [];
/** CLI processes that listened; killed after each test in case a test failed half-way. */
const servers: number[] = [];
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'deliberate-cli-'));
  tokenFile = path.join(dir, 'token');
  writeFileSync(tokenFile, `# collector token\n${TEST_TOKEN}\n`);
  chmodSync(tokenFile, 0o600);
});
afterEach(() => {
  for (const pid of servers.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('deliberate-collector', { timeout: 30_000 }, () => {
  it('serves, stores, and stops cleanly on SIGTERM with exit code 0', async () => {
    const db = path.join(dir, 'events.sqlite');
    const started = run(['--port', '0', '--db', db, '--token-file', tokenFile]);
    children.push(started.child);
    const { url } = await started.listening;

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const events = makeEvents(3);
    const response = await fetch(`${url}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(events),
    });
    expect(response.status).toBe(200);

    started.child.kill('SIGTERM');
    const { code, stderr } = await started.exited;
    expect(code).toBe(0);
    expect(stderr).toContain('"msg":"stopped"');
    expect(stderr).not.toContain(TEST_TOKEN);
    const store = openSqliteStore(db);
    expect(store.count()).toBe(3);
    store.close();
  });

  it('keeps acknowledged events when the process is killed without warning', async () => {
    const db = path.join(dir, 'events.sqlite');
    const started = run(['--port', '0', '--db', db, '--token-file', tokenFile]);
    children.push(started.child);
    const { url, pid } = await started.listening;
    const events = makeEvents(50);
    for (let i = 0; i < events.length; i += 10) {
      const response = await fetch(`${url}/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(events.slice(i, i + 10)),
      });
      expect(response.status).toBe(200);
    }
    // Kill the CLI process itself (not tsx): no signal handler, no close(), no checkpoint.
    process.kill(pid, 'SIGKILL');
    await started.exited;
    const store = openSqliteStore(db);
    expect([...store.since(null)]).toEqual(events);
    store.close();
  });

  it('takes its settings from the environment', async () => {
    const started = run([], {
      DELIBERATE_PORT: '0',
      DELIBERATE_DB: path.join(dir, 'env.sqlite'),
      DELIBERATE_TOKEN: TEST_TOKEN,
    });
    children.push(started.child);
    const { url } = await started.listening;
    const response = await fetch(`${url}/v1/events`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
    expect(response.status).toBe(200);
    started.child.kill('SIGINT');
    expect((await started.exited).code).toBe(0);
  });

  it('prints usage for --help', async () => {
    const { code, stdout } = await run(['--help']).exited;
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: deliberate-collector/);
    expect(stdout).toContain('--token-file');
  });

  it.each([
    [
      'a missing token file',
      () => ['--token-file', path.join(dir, 'nope')],
      /cannot read token file .*nope: no such file/,
    ],
    [
      'an empty token file',
      () => {
        writeFileSync(path.join(dir, 'empty'), '\n# nothing here\n', { mode: 0o600 });
        return ['--token-file', path.join(dir, 'empty')];
      },
      /token file .*empty contains no token/,
    ],
    ['no token at all', () => [], /no bearer token configured/],
    ['an unknown option', () => ['--token', 'x'], /Unknown option '--token'/],
    [
      'a bad port',
      () => ['--port', 'http', '--token-file', tokenFile],
      /--port must be an integer from 0 to 65535/,
    ],
  ])('exits with 2 and says why, given %s', async (_name, args, message) => {
    const { code, stderr } = await run(['--db', path.join(dir, 'x.sqlite'), ...args()]).exited;
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('exits with 1 when the database cannot be opened', async () => {
    const db = path.join(dir, 'no-such-dir', 'events.sqlite');
    const { code, stderr } = await run(['--port', '0', '--db', db, '--token-file', tokenFile]).exited;
    expect(code).toBe(1);
    expect(stderr).toContain(`cannot open database ${db} (directory ${path.dirname(db)} does not exist)`);
  });

  it('exits with 1 when the port is in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const { code, stderr } = await run([
        '--port',
        String(port),
        '--db',
        path.join(dir, 'x.sqlite'),
        '--token-file',
        tokenFile,
      ]).exited;
      expect(code).toBe(1);
      expect(stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('keeps serving an old one-token-per-line file, with both scopes and a warning on how to migrate', async () => {
    const started = run(['--port', '0', '--db', path.join(dir, 'old.sqlite'), '--token-file', tokenFile]);
    children.push(started.child);
    const { url } = await started.listening;
    const headers = { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' };
    const posted = await fetch(`${url}/v1/events`, {
      method: 'POST',
      headers,
      body: JSON.stringify(makeEvents(2)),
    });
    expect(posted.status).toBe(200);
    expect((await fetch(`${url}/v1/events`, { headers })).status).toBe(200);
    started.child.kill('SIGTERM');
    const { stderr } = await started.exited;
    const warning = stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: string; msg: string })
      .find((entry) => entry.level === 'warn' && entry.msg.includes('old one-token-per-line format'));
    expect(warning?.msg).toContain('Migrate to a JSON token file');
  });

  it('refuses a world-readable token file and a short token with exit 2, and starts with --insecure-allow-weak-tokens', async () => {
    chmodSync(tokenFile, 0o644);
    const exposed = await run(['--port', '0', '--db', path.join(dir, 'a.sqlite'), '--token-file', tokenFile])
      .exited;
    expect(exposed.code).toBe(2);
    expect(exposed.stderr).toMatch(
      /token file .* is accessible to group or others \(mode 644\); run chmod 600/,
    );

    const short = path.join(dir, 'short');
    writeFileSync(short, 'short-token\n', { mode: 0o600 });
    const weak = await run(['--port', '0', '--db', path.join(dir, 'a.sqlite'), '--token-file', short]).exited;
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/token 1 has 11 characters; tokens need at least 32 random characters/);

    const started = run([
      '--port',
      '0',
      '--db',
      path.join(dir, 'a.sqlite'),
      '--token-file',
      tokenFile,
      '--insecure-allow-weak-tokens',
    ]);
    children.push(started.child);
    await started.listening;
    started.child.kill('SIGTERM');
    const { code, stderr } = await started.exited;
    expect(code).toBe(0);
    expect(stderr).toMatch(/mode 644\).*allowed by --insecure-allow-weak-tokens/);
  });

  it('keygen writes a 0600 key, prints its public key and id, and never overwrites it', async () => {
    const key = path.join(dir, 'checkpoint.pem');
    const made = await run(['keygen', '--out', key]).exited;
    expect(made.code).toBe(0);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(readFileSync(key, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(made.stdout).toMatch(
      /^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\nkeyId: [0-9a-f]{16}\n$/,
    );
    const again = await run(['keygen', '--out', key]).exited;
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; keygen never overwrites a key/);
    expect((await run(['keygen']).exited).stderr).toMatch(/keygen needs --out <file>/);
  });

  it('with --checkpoint-key serves the key keygen printed and signs receipts with it', async () => {
    const key = path.join(dir, 'checkpoint.pem');
    const { stdout } = await run(['keygen', '--out', key]).exited;
    const publicPem = stdout.slice(0, stdout.indexOf('keyId:'));
    const started = run([
      '--port',
      '0',
      '--db',
      path.join(dir, 'k.sqlite'),
      '--token-file',
      tokenFile,
      '--checkpoint-key',
      key,
    ]);
    children.push(started.child);
    const { url } = await started.listening;
    const served = await (await fetch(`${url}/.well-known/deliberate/checkpoint-key.pem`)).text();
    expect(served.trim()).toBe(publicPem.trim());
    const response = await fetch(`${url}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(makeEvents(2)),
    });
    const { receipt } = (await response.json()) as { receipt: BatchReceipt };
    expect(
      verify(
        null,
        signingInput(receipt),
        createPublicKey(publicPem),
        Buffer.from(receipt.signature, 'base64'),
      ),
    ).toBe(true);
    expect(stdout).toContain(`keyId: ${receipt.keyId}`);
    started.child.kill('SIGTERM');
    expect((await started.exited).code).toBe(0);
  });
});
