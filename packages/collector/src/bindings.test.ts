import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteModuleProblem } from './bindings.ts';

/*
 * The errors come from the real loaders where they can: the `bindings` package that
 * better-sqlite3 uses (asked to load from a package directory without a build, as after a pnpm 10
 * install that skipped the build script) and Node's own `process.dlopen` (on a file that is not a
 * shared library). Node's NODE_MODULE_VERSION error needs a module built for another Node, so it
 * is constructed with Node 20's exact text and code.
 */

const requireHere = createRequire(import.meta.url);
const bindings = createRequire(requireHere.resolve('better-sqlite3/package.json'))('bindings') as (options: {
  bindings: string;
  module_root: string;
}) => unknown;

const runtime = { version: '20.20.2', modules: '115' };
let dir: string;

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

function missingBindings(moduleRoot: string, file = 'better_sqlite3.node'): unknown {
  return thrown(() => bindings({ bindings: file, module_root: moduleRoot }));
}

describe('sqliteModuleProblem', () => {
  it('turns the missing bindings file after a pnpm install into the pnpm and npm commands to run', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bindings-'));
    const pkg = path.join(dir, 'node_modules/.pnpm/better-sqlite3@12.11.1/node_modules/better-sqlite3');
    const error = missingBindings(pkg);
    expect((error as Error).message).toMatch(
      /^Could not locate the bindings file\. Tried:\n → .*better_sqlite3\.node/,
    );

    const problem = sqliteModuleProblem(error, runtime);
    expect(problem?.kind).toBe('missing');
    const message = problem?.message ?? '';
    expect(message).toContain(`no better_sqlite3.node in ${pkg}`);
    expect(message).toContain('its build script did not run');
    expect(message).toContain('pnpm approve-builds');
    expect(message).toContain('"pnpm": {"onlyBuiltDependencies": ["better-sqlite3"]}');
    expect(message).toContain('pnpm rebuild better-sqlite3');
    expect(message).toContain('npm rebuild better-sqlite3');
    expect(message).toContain('python3, make and a C++ compiler such as g++');
    // Installed by pnpm (the path says so): pnpm's advice comes first.
    expect(message.indexOf('With pnpm:')).toBeLessThan(message.indexOf('With npm:'));
    expect(message).not.toContain('Tried:');
  });

  it('puts the npm command first when npm installed the package', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bindings-'));
    const pkg = path.join(dir, 'node_modules/better-sqlite3');
    const problem = sqliteModuleProblem(missingBindings(pkg), runtime);
    expect(problem?.kind).toBe('missing');
    expect(problem?.message).toContain(`no better_sqlite3.node in ${pkg}`);
    expect(problem?.message.indexOf('With npm:')).toBeLessThan(problem?.message.indexOf('With pnpm:') ?? -1);
  });

  it('names both Node module versions when better-sqlite3 was built for another Node.js', () => {
    const file = '/srv/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    // Node 20's text (src/node_binding.cc), as thrown by process.dlopen through `bindings`.
    const error = Object.assign(
      new Error(
        `The module '${file}'\n` +
          'was compiled against a different Node.js version using\n' +
          'NODE_MODULE_VERSION 108. This version of Node.js requires\n' +
          'NODE_MODULE_VERSION 115. Please try re-compiling or re-installing\n' +
          'the module (for instance, using `npm rebuild` or `npm install`).',
      ),
      { code: 'ERR_DLOPEN_FAILED' },
    );
    const problem = sqliteModuleProblem(error, runtime);
    expect(problem?.kind).toBe('node-version');
    expect(problem?.message).toBe(
      'better-sqlite3 in /srv/app/node_modules/better-sqlite3 was compiled for another Node.js ' +
        '(NODE_MODULE_VERSION 108); this Node.js 20.20.2 needs NODE_MODULE_VERSION 115. ' +
        'Rebuild it with the Node.js that runs the collector. ' +
        'With npm: `npm rebuild better-sqlite3` (compiles from source for 1–4 minutes; needs python3, make and a C++ compiler such as g++). ' +
        'With pnpm: pnpm 10 runs no dependency build script unless allowed: run `pnpm approve-builds` and select better-sqlite3 ' +
        '(or add "pnpm": {"onlyBuiltDependencies": ["better-sqlite3"]} to your package.json), then `pnpm rebuild better-sqlite3`. ' +
        'A PostgreSQL database (--db postgres://…) needs no native module.',
    );
  });

  it('explains a native module the system cannot load (built elsewhere), with the real dlopen error', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bindings-'));
    const pkg = path.join(dir, 'node_modules/.pnpm/better-sqlite3@12.11.1/node_modules/better-sqlite3');
    const fake = path.join(pkg, 'build/Release/better_sqlite3.node');
    mkdirSync(path.dirname(fake), { recursive: true });
    writeFileSync(fake, 'not a shared library');
    const error = thrown(() => process.dlopen({ exports: {} }, fake));
    expect((error as NodeJS.ErrnoException).code).toBe('ERR_DLOPEN_FAILED');

    const problem = sqliteModuleProblem(error, runtime);
    expect(problem?.kind).toBe('unloadable');
    expect(problem?.message).toContain(`cannot be loaded (${(error as Error).message.split('\n')[0]})`);
    expect(problem?.message).toContain('NODE_MODULE_VERSION 115 is needed here');
    expect(problem?.message).toContain('npm rebuild better-sqlite3');
    expect(problem?.message).toContain('pnpm approve-builds');
    expect(problem?.message).toContain(`${pkg}/build/Release/better_sqlite3.node`);
    expect(problem?.message.indexOf('With pnpm:')).toBeLessThan(problem?.message.indexOf('With npm:') ?? -1);
  });

  it('leaves every other error to the caller', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bindings-'));
    // Another package's missing bindings, a database problem, a missing directory, non-errors.
    expect(
      sqliteModuleProblem(missingBindings(path.join(dir, 'other'), 'other.node'), runtime),
    ).toBeUndefined();
    expect(
      sqliteModuleProblem(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })),
    ).toBeUndefined();
    expect(
      sqliteModuleProblem(new TypeError('Cannot open database because the directory does not exist')),
    ).toBeUndefined();
    expect(
      sqliteModuleProblem(
        Object.assign(new Error('/x/other.node: invalid ELF header'), { code: 'ERR_DLOPEN_FAILED' }),
      ),
    ).toBeUndefined();
    expect(sqliteModuleProblem('Could not locate the bindings file. Tried:')).toBeUndefined();
    expect(sqliteModuleProblem(undefined)).toBeUndefined();
  });
});
