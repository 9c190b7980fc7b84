/**
 * A host application outside the workspace, built from the packed packages and used with the
 * keyboard only in Chromium — what a team adopting Deliberate gets from the registry.
 *
 * 1. Packs @deliberate/react with every @deliberate package it depends on, and @deliberate/core
 *    (the app imports it), from their built `dist` (built first when missing or older than `src`).
 * 2. Copies tests/consumer-app into an empty temporary directory outside the repository and
 *    installs the tarballs with React, Vite and TypeScript at the workspace's exact versions,
 *    with npm (`--prefer-offline`: npm's ordinary cache, shared with the packed-collector step).
 * 3. `tsc --noEmit` under strict, exactOptionalPropertyTypes and moduleResolution bundler, with
 *    the packed declaration files checked too (skipLibCheck off).
 * 4. `vite build`, serves `dist` from 127.0.0.1 and drives four decisions in Debian's Chromium with
 *    the keyboard (scripts/packed-consumer-drive.ts).
 *
 * One line per check; exit 1 on any failure.
 *
 * Usage: node --import tsx scripts/packed-consumer.ts [--keep]   (--keep leaves the temporary directory)
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../.storybook/chromium.ts';
import { driveConsumerApp } from './packed-consumer-drive.ts';

const keep = process.argv.includes('--keep');
const INSTALL_TIMEOUT_MS = 10 * 60_000;
const root = path.resolve(import.meta.dirname, '..');
const TEMPLATE = path.join(root, 'tests', 'consumer-app');
const work = mkdtempSync(path.join(tmpdir(), 'deliberate-consumer-'));
const started = Date.now();
let failures = 0;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function report(ok: boolean, what: string, detail = ''): boolean {
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` — ${detail}` : ''}`);
  return ok;
}

function finish(): never {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
  console.log(
    `${failures === 0 ? 'packed consumer app: all checks passed' : `packed consumer app: ${failures} check(s) failed`} in ${seconds(Date.now() - started)}`,
  );
  process.exit(failures === 0 ? 0 : 1);
}

/**
 * The environment for npm and the app's tools: without what a `pnpm exec` parent adds (npm would
 * warn about pnpm's settings) and without a loader in NODE_OPTIONS (the app's tools run on plain
 * Node). Everything else passes, `npm_config_cache` included.
 */
const PNPM_ADDS = new Set(['npm_command', 'npm_config_user_agent', 'npm_config_verify_deps_before_run']);
const cleanEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => !PNPM_ADDS.has(key) && !/^pnpm_/i.test(key) && key !== 'NODE_OPTIONS',
  ),
);

interface RunResult {
  code: number | null;
  output: string;
  ms: number;
}

/** Runs a command; resolves with its exit code and output (never rejects). */
function run(cmd: string, args: string[], cwd: string, timeoutMs = INSTALL_TIMEOUT_MS): Promise<RunResult> {
  return new Promise((resolve) => {
    const begun = Date.now();
    const child = spawn(cmd, args, { cwd, env: cleanEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => (output += `\n${error.message}`));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - begun });
    });
  });
}

const tail = (text: string, lines = 20) => text.trim().split('\n').slice(-lines).join('\n');

// ── which packages ──────────────────────────────────────────────────────────
interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
/** The workspace's packages by name (packages/*), as scripts/packages.mjs finds them. */
const workspace = new Map(
  readdirSync(path.join(root, 'packages'))
    .map((name) => path.join(root, 'packages', name))
    .filter((dir) => existsSync(path.join(dir, 'package.json')))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
      return [manifest.name, { dir, manifest }] as const;
    }),
);
/** @deliberate/react, what it depends on in the workspace (transitively), and @deliberate/core. */
const needed: string[] = [];
{
  const visit = (name: string) => {
    const pkg = workspace.get(name);
    if (!pkg || needed.includes(name)) return;
    needed.push(name);
    for (const dep of Object.keys(pkg.manifest.dependencies ?? {})) visit(dep);
  };
  visit('@deliberate/react');
  visit('@deliberate/core');
}

// ── build (when dist is missing or older than src) ─────────────────────────
function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : statSync(full).mtimeMs);
  }
  return newest;
}
{
  const stale = needed.filter((name) => {
    const dir = workspace.get(name)!.dir;
    const built = path.join(dir, 'dist', 'index.js');
    return !existsSync(built) || statSync(built).mtimeMs < newestIn(path.join(dir, 'src'));
  });
  if (stale.length > 0) {
    const begun = Date.now();
    const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {
      cwd: root,
      encoding: 'utf8',
    });
    if (
      !report(
        build.status === 0,
        `build (dist missing or older than src: ${stale.join(', ')})`,
        build.status === 0
          ? seconds(Date.now() - begun)
          : `exit ${build.status}\n${tail(build.stdout + build.stderr)}`,
      )
    )
      finish();
  }
}

// ── pack ────────────────────────────────────────────────────────────────────
const packs = path.join(work, 'packs');
mkdirSync(packs);
const tarballs = new Map<string, string>();
{
  const begun = Date.now();
  const rewritten: string[] = [];
  for (const name of needed) {
    const { dir, manifest } = workspace.get(name)!;
    const before = new Set(readdirSync(packs));
    const pack = spawnSync('pnpm', ['pack', '--pack-destination', packs], { cwd: dir, encoding: 'utf8' });
    const file = readdirSync(packs).find((entry) => !before.has(entry) && entry.endsWith('.tgz'));
    if (pack.status !== 0 || !file) {
      report(false, `pack ${name}`, tail(pack.stdout + pack.stderr));
      finish();
    }
    const tarball = path.join(packs, file);
    tarballs.set(name, tarball);
    const packed = JSON.parse(
      spawnSync('tar', ['-xOzf', tarball, 'package/package.json'], { encoding: 'utf8' }).stdout,
    ) as Manifest;
    for (const [dep, spec] of Object.entries(packed.dependencies ?? {})) {
      if (!dep.startsWith('@deliberate/')) continue;
      if (spec !== workspace.get(dep)?.manifest.version) {
        report(false, `pack ${name}: depends on ${dep} ${JSON.stringify(spec)}, not its version`);
        finish();
      }
      rewritten.push(`${manifest.name} → ${dep}@${spec}`);
    }
  }
  report(
    true,
    `pack: ${needed.join(', ')}`,
    `${rewritten.join(', ')} (workspace:* rewritten), ${seconds(Date.now() - begun)}`,
  );
}

// ── the app, outside the workspace ──────────────────────────────────────────
const app = path.join(work, 'app');
cpSync(TEMPLATE, app, {
  recursive: true,
  filter: (source) => !/[\\/](node_modules|dist)$/.test(source),
});
{
  const rootManifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
  const exact = (name: string) => {
    const version = rootManifest.devDependencies?.[name];
    if (!version || !/^\d+\.\d+\.\d+$/.test(version))
      throw new Error(`the root package.json has no exact version of ${name}`);
    return version;
  };
  const manifest = JSON.parse(readFileSync(path.join(app, 'package.json'), 'utf8')) as Manifest;
  manifest.dependencies = {
    ...Object.fromEntries([...tarballs].map(([name, file]) => [name, `file:${file}`])),
    react: exact('react'),
    'react-dom': exact('react-dom'),
  };
  manifest.devDependencies = Object.fromEntries(
    ['@types/react', '@types/react-dom', '@vitejs/plugin-react', 'typescript', 'vite'].map((name) => [
      name,
      exact(name),
    ]),
  );
  writeFileSync(path.join(app, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

const bin = (name: string) => path.join(app, 'node_modules', '.bin', name);
{
  const install = await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], app);
  report(
    install.code === 0,
    'npm install (the tarballs, react, vite, typescript)',
    install.code === 0 ? seconds(install.ms) : `exit ${install.code}\n${tail(install.output)}`,
  );
  if (install.code !== 0) finish();
  // One copy of each package: a second @deliberate/core would split the decision's store and
  // contexts between two module instances.
  const copies = needed.map((name) => {
    const found: string[] = [];
    const walk = (dir: string, depth: number) => {
      const modules = path.join(dir, 'node_modules');
      if (!existsSync(modules) || depth > 4) return;
      if (existsSync(path.join(modules, name, 'package.json')))
        found.push(path.relative(app, path.join(modules, name)));
      for (const scope of readdirSync(modules)) {
        const scoped = scope.startsWith('@')
          ? readdirSync(path.join(modules, scope)).map((n) => `${scope}/${n}`)
          : [scope];
        for (const pkg of scoped) walk(path.join(modules, pkg), depth + 1);
      }
    };
    walk(app, 0);
    return { name, found };
  });
  report(
    copies.every(({ found }) => found.length === 1),
    'one installed copy of each @deliberate package',
    copies.map(({ name, found }) => `${name}: ${found.join(', ') || 'missing'}`).join('; '),
  );
}

// ── types ───────────────────────────────────────────────────────────────────
{
  const tsc = await run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], app);
  report(
    tsc.code === 0,
    'tsc --noEmit (strict, exactOptionalPropertyTypes, moduleResolution bundler, skipLibCheck off)',
    tsc.code === 0 ? seconds(tsc.ms) : `exit ${tsc.code}\n${tail(tsc.output, 40)}`,
  );
}

// ── build ───────────────────────────────────────────────────────────────────
const dist = path.join(app, 'dist');
{
  const build = await run(bin('vite'), ['build', '--logLevel', 'warn'], app);
  const ok = build.code === 0 && existsSync(path.join(dist, 'index.html'));
  report(ok, 'vite build', ok ? seconds(build.ms) : `exit ${build.code}\n${tail(build.output, 40)}`);
  if (!ok) finish();
}

// ── serve and drive ─────────────────────────────────────────────────────────
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const file = path.join(dist, path.normalize(url.pathname));
  const inside = file.startsWith(dist + path.sep) && existsSync(file) && statSync(file).isFile();
  const served = inside ? file : path.join(dist, 'index.html');
  res.writeHead(inside || url.pathname === '/' ? 200 : 404, {
    'content-type': TYPES[path.extname(served)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  res.end(readFileSync(served));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  const results = await driveConsumerApp(browser, baseUrl);
  for (const scenario of results) {
    console.log(`── ${scenario.id}: ${scenario.title} (${seconds(scenario.ms)})`);
    for (const check of scenario.checks) report(check.ok, `${scenario.id}: ${check.what}`, check.detail);
  }
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
}
finish();
