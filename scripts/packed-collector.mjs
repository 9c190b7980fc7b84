#!/usr/bin/env node
/**
 * Installs the collector as an operator would, from the packed tarballs, and runs it.
 *
 * Packs @deliberate/core and @deliberate/collector (the `build` step must have run: this script
 * builds nothing), then, in empty temporary directories and in parallel:
 *
 * - npm:  `npm install --no-audit --no-fund <core.tgz> <collector.tgz>` (better-sqlite3 compiles
 *         from source here: minutes);
 * - pnpm: a package.json that allows better-sqlite3's build (`pnpm.onlyBuiltDependencies`) and
 *         resolves the collector's `@deliberate/core` dependency to the core tarball
 *         (`pnpm.overrides`: the version is not on the registry);
 * - pnpm without the build approval, which must stop with the clear message (exit 2, naming
 *   `pnpm approve-builds`) instead of "Could not locate the bindings file".
 *
 * In each working install it starts `deliberate-collector` on a free port with a token file
 * (mode 0600, an ingest and a read token), posts one valid event built with the installed
 * @deliberate/core, checks the answer says stored, reads the event back with the read token and
 * stops the collector with SIGTERM (exit 0). One line per check; exit 1 on any failure.
 *
 * Usage: node scripts/packed-collector.mjs [--keep]   (--keep leaves the temporary directory)
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from './packages.mjs';

const keep = process.argv.includes('--keep');
const INSTALL_TIMEOUT_MS = 20 * 60_000;
const work = mkdtempSync(path.join(tmpdir(), 'deliberate-packed-'));
const started = Date.now();
let failures = 0;

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function report(ok, what, detail = '') {
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` — ${detail}` : ''}`);
}

/** Runs a command; resolves with its exit code and output (never rejects). */
function run(cmd, args, { cwd, env = process.env, timeoutMs = INSTALL_TIMEOUT_MS } = {}) {
  return new Promise((resolve) => {
    const begun = Date.now();
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => (output += `\n${error.message}`));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output, ms: Date.now() - begun });
    });
  });
}

const tail = (text, lines = 15) => text.trim().split('\n').slice(-lines).join('\n');

// ── pack ────────────────────────────────────────────────────────────────────
const packs = path.join(work, 'packs');
mkdirSync(packs);
let core;
let collector;
{
  const begun = Date.now();
  for (const name of ['core', 'collector']) {
    const dir = path.join(root, 'packages', name);
    if (!existsSync(path.join(dir, 'dist', 'index.js'))) {
      console.error(
        `packages/${name}/dist is missing: run pnpm run build first (this script builds nothing).`,
      );
      process.exit(1);
    }
    execFileSync('pnpm', ['pack', '--pack-destination', packs], { cwd: dir, stdio: 'ignore' });
  }
  const files = readdirSync(packs);
  core = path.join(packs, files.find((file) => file.startsWith('deliberate-core-')) ?? '');
  collector = path.join(packs, files.find((file) => file.startsWith('deliberate-collector-')) ?? '');
  const manifest = JSON.parse(
    execFileSync('tar', ['-xOzf', collector, 'package/package.json'], { encoding: 'utf8' }),
  );
  const coreSpec = manifest.dependencies?.['@deliberate/core'];
  report(
    /^\d+\.\d+\.\d+/.test(coreSpec ?? ''),
    'pack: @deliberate/core and @deliberate/collector',
    `collector depends on @deliberate/core ${JSON.stringify(coreSpec)} (workspace:* rewritten), ${seconds(Date.now() - begun)}`,
  );
}

// ── install, three ways at once ─────────────────────────────────────────────
function project(name, extra = {}) {
  const dir = path.join(work, name);
  mkdirSync(dir);
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: `deliberate-packed-${name}`, version: '0.0.0', private: true, ...extra }, null, 2)}\n`,
  );
  return dir;
}

const pnpmProject = (allowBuild) =>
  project(allowBuild ? 'pnpm' : 'pnpm-unapproved', {
    dependencies: { '@deliberate/core': `file:${core}`, '@deliberate/collector': `file:${collector}` },
    pnpm: {
      // The collector's "@deliberate/core": "<version>" is not on the registry: take the tarball.
      overrides: { '@deliberate/core': `file:${core}` },
      ...(allowBuild ? { onlyBuiltDependencies: ['better-sqlite3'] } : {}),
    },
  });

/** Whether better-sqlite3, as the installed collector resolves it, has its compiled module. */
function nativeModuleBuilt(dir) {
  const collectorManifest = realpathSync(
    path.join(dir, 'node_modules', '@deliberate', 'collector', 'package.json'),
  );
  const sqliteManifest = createRequire(collectorManifest).resolve('better-sqlite3/package.json');
  return existsSync(path.join(path.dirname(sqliteManifest), 'build', 'Release', 'better_sqlite3.node'));
}

const installs = {
  npm: {
    dir: project('npm'),
    cmd: 'npm',
    args: ['install', '--no-audit', '--no-fund', '--prefer-offline', core, collector],
  },
  pnpm: { dir: pnpmProject(true), cmd: 'pnpm', args: ['install', '--prefer-offline'] },
  'pnpm without build approval': {
    dir: pnpmProject(false),
    cmd: 'pnpm',
    args: ['install', '--prefer-offline'],
  },
};
const results = await Promise.all(
  Object.entries(installs).map(async ([label, install]) => {
    const result = await run(install.cmd, install.args, { cwd: install.dir });
    const built = result.code === 0 && nativeModuleBuilt(install.dir);
    report(
      result.code === 0,
      `${label}: install`,
      result.code === 0
        ? `${seconds(result.ms)}, better_sqlite3.node ${built ? 'built' : 'not built'}`
        : `exit ${result.code ?? result.signal} after ${seconds(result.ms)}\n${tail(result.output)}`,
    );
    return [label, result.code === 0];
  }),
);
const installed = Object.fromEntries(results);

// ── run the installed collector ─────────────────────────────────────────────
const bin = (dir) => path.join(dir, 'node_modules', '.bin', 'deliberate-collector');

function tokenFile(dir) {
  const tokens = {
    ingest: randomBytes(32).toString('base64url'),
    read: randomBytes(32).toString('base64url'),
  };
  const file = path.join(dir, 'tokens.json');
  writeFileSync(
    file,
    JSON.stringify({
      tokens: [
        { name: 'browser', token: tokens.ingest, scopes: ['ingest'] },
        { name: 'export', token: tokens.read, scopes: ['read'] },
      ],
    }),
    { mode: 0o600 },
  );
  chmodSync(file, 0o600);
  return { file, tokens };
}

/** One valid stored event, hashed by the installed @deliberate/core (its package exports, too). */
async function makeEvent(dir) {
  const script = `
    import { randomUUID } from 'node:crypto';
    import { EVENT_SCHEMA_VERSION } from '@deliberate/core';
    import { hashCanonical } from '@deliberate/core/events';
    const decisionId = randomUUID();
    const event = {
      schema: EVENT_SCHEMA_VERSION, id: randomUUID(), type: 'decision.opened',
      ts: new Date().toISOString(), decisionId, procedure: 'housing-benefit.eligibility',
      caseRef: 'case-' + decisionId.slice(0, 8), actor: { id: 'actor-7f3a', role: 'caseworker' },
      model: { id: 'eligibility-model', version: '2.1.0' }, chain: randomUUID(), seq: 0, prev: null,
      data: { policy: { id: 'default', version: '1', reveal: 'after-judgement', justification: 'override',
        minOwnTimeMs: 5000, arm: 'ai', audit: false }, stakes: 'high' },
    };
    process.stdout.write(JSON.stringify({ ...event, hash: hashCanonical(event) }));`;
  const result = await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: dir,
    timeoutMs: 30_000,
  });
  if (result.code !== 0)
    throw new Error(`cannot build an event with the installed @deliberate/core:\n${tail(result.output)}`);
  return JSON.parse(result.output);
}

/** Starts the installed CLI; resolves once it logs `listening` (or rejects when it exits first). */
function startCollector(dir, file) {
  const child = spawn(
    bin(dir),
    ['--port', '0', '--db', path.join(dir, 'deliberate.sqlite'), '--token-file', file],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  const exited = new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  const listening = new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
      const line = stderr.split('\n').find((entry) => entry.includes('"msg":"listening"'));
      if (line) resolve(JSON.parse(line));
    });
    exited.then(({ code }) => reject(new Error(`exited ${code} before listening:\n${tail(stderr)}`)));
    setTimeout(() => reject(new Error(`not listening after 30 s:\n${tail(stderr)}`)), 30_000).unref();
  });
  return { child, listening, exited };
}

async function exercise(label, dir) {
  const begun = Date.now();
  const version = await run(bin(dir), ['--version'], { cwd: dir, timeoutMs: 30_000 });
  report(
    version.code === 0 && /^\d+\.\d+\.\d+/.test(version.output),
    `${label}: deliberate-collector --version`,
    version.output.trim(),
  );

  const { file, tokens } = tokenFile(dir);
  const collectorProcess = startCollector(dir, file);
  try {
    const { port } = await collectorProcess.listening;
    const base = `http://127.0.0.1:${port}`;
    const event = await makeEvent(dir);
    const posted = await fetch(`${base}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.ingest}`, 'content-type': 'application/json' },
      body: JSON.stringify([event]),
    });
    const answer = await posted.json();
    report(
      posted.status === 200 && answer.stored?.length === 1 && answer.stored[0] === event.id,
      `${label}: POST /v1/events stores one event`,
      `${posted.status} ${JSON.stringify({ stored: answer.stored, duplicates: answer.duplicates, invalid: answer.invalid })}`,
    );

    const forbidden = await fetch(`${base}/v1/events`, {
      headers: { authorization: `Bearer ${tokens.ingest}` },
    });
    await forbidden.body?.cancel();
    report(
      forbidden.status === 403,
      `${label}: the ingest token cannot read`,
      `GET /v1/events → ${forbidden.status}`,
    );

    const read = await fetch(`${base}/v1/events`, { headers: { authorization: `Bearer ${tokens.read}` } });
    const lines = (await read.text()).trim().split('\n').filter(Boolean);
    const back = lines.length === 1 ? JSON.parse(lines[0]) : undefined;
    report(
      read.status === 200 && JSON.stringify(back) === JSON.stringify(event),
      `${label}: GET /v1/events returns it unchanged`,
      `${read.status}, ${lines.length} line(s)`,
    );
  } catch (error) {
    report(false, `${label}: run`, error.message);
  } finally {
    collectorProcess.child.kill('SIGTERM');
    const stopped = await collectorProcess.exited;
    report(
      stopped.code === 0,
      `${label}: SIGTERM stops it cleanly`,
      `exit ${stopped.code ?? stopped.signal}; whole run ${seconds(Date.now() - begun)}`,
    );
  }
}

async function expectBindingsMessage(label, dir) {
  const { file } = tokenFile(dir);
  const result = await run(
    bin(dir),
    ['--port', '0', '--db', path.join(dir, 'deliberate.sqlite'), '--token-file', file],
    { cwd: dir, timeoutMs: 30_000 },
  );
  const message = result.output.trim();
  report(
    result.code === 2 &&
      message.includes('pnpm approve-builds') &&
      message.includes('onlyBuiltDependencies') &&
      message.includes('npm rebuild better-sqlite3') &&
      !message.includes('Could not locate the bindings file'),
    `${label}: exits 2 and says what to run`,
    result.code === 2 ? `${message.slice(0, 140)}…` : `exit ${result.code}\n${tail(message)}`,
  );
}

const checks = [];
if (installed['npm']) checks.push(exercise('npm', installs.npm.dir));
if (installed['pnpm']) checks.push(exercise('pnpm', installs.pnpm.dir));
if (installed['pnpm without build approval'])
  checks.push(
    expectBindingsMessage('pnpm without build approval', installs['pnpm without build approval'].dir),
  );
await Promise.all(checks);

if (keep) console.log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
console.log(
  `${failures === 0 ? 'packed collector: all checks passed' : `packed collector: ${failures} check(s) failed`} in ${seconds(Date.now() - started)}`,
);
process.exit(failures === 0 ? 0 : 1);
