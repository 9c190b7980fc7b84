#!/usr/bin/env node
/**
 * The README's two commands (`npm start`, `npm test`) land here, so that a fresh machine with only
 * Node 20 and npm needs nothing else: this makes sure the pinned pnpm is available (installing it
 * into .tools/ if the machine has none), installs the workspace from the lockfile, and for the
 * test suite makes sure Chromium and PostgreSQL are present. Then it runs the named package script with pnpm.
 *
 * Usage: node scripts/bootstrap.mjs <script> [args...]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/bootstrap.mjs <script> [args...]');
  process.exit(2);
}

const pinned = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];

function pnpmVersion(bin) {
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function ensurePnpm() {
  if (pnpmVersion('pnpm') === pinned) return;
  const toolsBin = path.join(root, '.tools', 'node_modules', '.bin');
  if (pnpmVersion(path.join(toolsBin, 'pnpm')) !== pinned) {
    console.error(`bootstrap: installing pnpm ${pinned} into .tools/`);
    run('npm', [
      'install',
      '--prefix',
      path.join(root, '.tools'),
      '--no-save',
      '--no-audit',
      '--no-fund',
      `pnpm@${pinned}`,
    ]);
  }
  process.env.PATH = `${toolsBin}${path.delimiter}${process.env.PATH}`;
}

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(chromiumPath)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.error("bootstrap: installing Debian's chromium for the browser tests");
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
      DEBIAN_FRONTEND: 'noninteractive',
    });
    return;
  }
  console.error(
    `bootstrap: the browser tests need Chromium at ${chromiumPath}.\n` +
      '  On Debian/Ubuntu: sudo apt-get install -y --no-install-recommends chromium\n' +
      '  Elsewhere: set CHROMIUM_PATH to a Chromium or Chrome binary.',
  );
  process.exit(1);
}

function hasPostgres() {
  if (process.env.DELIBERATE_PG_BINDIR && existsSync(path.join(process.env.DELIBERATE_PG_BINDIR, 'initdb')))
    return true;
  const base = '/usr/lib/postgresql';
  return existsSync(base) && readdirSync(base).some((v) => existsSync(path.join(base, v, 'bin', 'initdb')));
}

/** The collector's PostgreSQL tests start throw-away clusters from Debian's `postgresql`. */
function ensurePostgres() {
  if (hasPostgres()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.error("bootstrap: installing Debian's postgresql for the collector's store tests");
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'postgresql'], {
      DEBIAN_FRONTEND: 'noninteractive',
    });
    return;
  }
  console.error(
    "bootstrap: the collector's store tests need PostgreSQL's initdb and pg_ctl.\n" +
      '  On Debian/Ubuntu: sudo apt-get install -y --no-install-recommends postgresql\n' +
      '  Elsewhere: set DELIBERATE_PG_BINDIR to the directory that holds initdb and pg_ctl.',
  );
  process.exit(1);
}

function run(cmd, cmdArgs, env = {}) {
  const result = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

ensurePnpm();
run('pnpm', ['install', '--frozen-lockfile', '--reporter=append-only', '--config.confirmModulesPurge=false']);
if (script === 'test:all') {
  ensureChromium();
  ensurePostgres();
}
run('pnpm', ['run', script, ...args]);
