/*
 * better-sqlite3 is a native module: its install script compiles `better_sqlite3.node` for the
 * Node.js that installs it. Two ways an installation ends up without a usable one, and what the
 * operator sees without this module:
 *
 * - pnpm 10 runs no dependency's build script unless the consuming project allows it, so the
 *   file is never built and the `bindings` package throws "Could not locate the bindings file.
 *   Tried: …" when the first database is opened.
 * - The module was built for another Node.js (node_modules copied between machines, Node
 *   upgraded after install): Node's loader throws "… was compiled against a different Node.js
 *   version using NODE_MODULE_VERSION …" (code ERR_DLOPEN_FAILED); a build for another
 *   platform, architecture or C library fails to load with the same code.
 *
 * `sqliteModuleProblem` turns these errors into one message that says exactly what to run.
 */

/** The commands an operator runs to build better-sqlite3, per package manager. */
export const SQLITE_BUILD_HELP = {
  pnpm:
    'pnpm 10 runs no dependency build script unless allowed: run `pnpm approve-builds` and select better-sqlite3 ' +
    '(or add "pnpm": {"onlyBuiltDependencies": ["better-sqlite3"]} to your package.json), ' +
    'then `pnpm rebuild better-sqlite3`',
  npm: '`npm rebuild better-sqlite3` (compiles from source for 1–4 minutes; needs python3, make and a C++ compiler such as g++)',
} as const;

/** What went wrong with better-sqlite3's native module. */
export type SqliteModuleProblemKind =
  /** The compiled file does not exist (its build script did not run). */
  | 'missing'
  /** The file was compiled for another Node.js version (NODE_MODULE_VERSION differs). */
  | 'node-version'
  /** The file exists but the system cannot load it (other platform, architecture, C library). */
  | 'unloadable';

/** A recognised native-module failure, with the message for the operator. */
export interface SqliteModuleProblem {
  kind: SqliteModuleProblemKind;
  /** One paragraph: what is wrong and exactly what to run (pnpm and npm). */
  message: string;
}

/** The Node.js the collector runs on, for the message (a parameter so tests can fix it). */
export interface NodeRuntime {
  /** `process.versions.node` */
  version: string;
  /** `process.versions.modules`, the NODE_MODULE_VERSION this Node.js loads. */
  modules: string;
}

const BINDINGS_MISSING = /^Could not locate the bindings file\. Tried:/;
const NODE_VERSION_MISMATCH =
  /NODE_MODULE_VERSION (\d+)\. This version of Node\.js requires\s+NODE_MODULE_VERSION (\d+)/;

function messageOf(error: unknown): string | undefined {
  if (error instanceof Error) return error.message;
  return undefined;
}

function codeOf(error: unknown): unknown {
  return error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
}

/** The first place the loader looked, e.g. `…/node_modules/.pnpm/better-sqlite3@…/…/build/better_sqlite3.node`. */
function firstTried(error: Error): string | undefined {
  const tries = (error as Error & { tries?: unknown }).tries;
  if (Array.isArray(tries) && typeof tries[0] === 'string') return tries[0];
  const line = error.message.split('\n')[1];
  return line?.replace(/^\s*→\s*/, '').trim() || undefined;
}

/** The package directory of better-sqlite3, cut out of a path inside it. */
function packageDir(file: string | undefined): string | undefined {
  if (!file) return undefined;
  const at = file.lastIndexOf('better-sqlite3');
  if (at < 0) return undefined;
  const end = file.indexOf('/', at);
  return end < 0 ? file : file.slice(0, end);
}

/** Which package manager installed the module, from its path (pnpm keeps packages under `.pnpm`). */
function installer(dir: string | undefined): 'pnpm' | 'npm' | undefined {
  if (!dir) return undefined;
  return /[/\\]node_modules[/\\]\.pnpm[/\\]/.test(dir) ? 'pnpm' : 'npm';
}

function howToBuild(by: 'pnpm' | 'npm' | undefined): string {
  // Both always, so an operator who installed with the other tool is not left guessing; the one
  // that installed it (seen in the path) first.
  const pnpm = `With pnpm: ${SQLITE_BUILD_HELP.pnpm}.`;
  const npm = `With npm: ${SQLITE_BUILD_HELP.npm}.`;
  return by === 'npm' ? `${npm} ${pnpm}` : `${pnpm} ${npm}`;
}

const ALTERNATIVE = 'A PostgreSQL database (--db postgres://…) needs no native module.';

/**
 * Recognises an error thrown while opening the SQLite store that means better-sqlite3's native
 * module is missing or was built for something else, and returns the message for the operator
 * (what is wrong, what to run with pnpm and with npm). Returns `undefined` for every other error
 * (a missing directory, a locked or corrupt database, …), which the caller reports as it is.
 *
 * @example
 * try { openSqliteStore(file) } catch (error) {
 *   const problem = sqliteModuleProblem(error);
 *   if (problem) fail(problem.message, 2);
 * }
 */
export function sqliteModuleProblem(
  error: unknown,
  runtime: NodeRuntime = { version: process.versions.node, modules: process.versions.modules },
): SqliteModuleProblem | undefined {
  const text = messageOf(error);
  if (text === undefined) return undefined;

  if (BINDINGS_MISSING.test(text)) {
    const tried = firstTried(error as Error);
    if (tried !== undefined && !tried.includes('better_sqlite3.node')) return undefined;
    const dir = packageDir(tried);
    const where = dir ? ` in ${dir}` : '';
    return {
      kind: 'missing',
      message:
        `better-sqlite3 is installed without its compiled native module (no better_sqlite3.node${where}): ` +
        `its build script did not run. ${howToBuild(installer(dir))} ` +
        `Then start deliberate-collector again. ${ALTERNATIVE}`,
    };
  }

  if (codeOf(error) !== 'ERR_DLOPEN_FAILED' || !text.includes('better_sqlite3.node')) return undefined;
  const file = /['"]?(\/[^'"\n]*better_sqlite3\.node|[A-Za-z]:\\[^'"\n]*better_sqlite3\.node)/.exec(
    text,
  )?.[1];
  const dir = packageDir(file);
  const mismatch = NODE_VERSION_MISMATCH.exec(text);
  if (mismatch) {
    return {
      kind: 'node-version',
      message:
        `better-sqlite3${dir ? ` in ${dir}` : ''} was compiled for another Node.js ` +
        `(NODE_MODULE_VERSION ${mismatch[1]}); this Node.js ${runtime.version} needs NODE_MODULE_VERSION ` +
        `${mismatch[2]}. Rebuild it with the Node.js that runs the collector. ${howToBuild(installer(dir))} ${ALTERNATIVE}`,
    };
  }
  const reason = text.split('\n')[0]?.trim() ?? text;
  return {
    kind: 'unloadable',
    message:
      `the native module of better-sqlite3 cannot be loaded (${reason}); it was probably built on another ` +
      `platform, architecture or C library (NODE_MODULE_VERSION ${runtime.modules} is needed here). ` +
      `Rebuild it on this machine. ${howToBuild(installer(dir))} ${ALTERNATIVE}`,
  };
}
