/**
 * A throw-away PostgreSQL server for tests and benchmarks: `initdb` into a temporary directory,
 * `pg_ctl start` on a free loopback port with its socket in that directory, and `stop()` removes
 * it all. Uses Debian's `postgresql` package (`.ci/run` installs it when absent). PostgreSQL
 * refuses to run as root, so as root the cluster runs as the `postgres` system user.
 *
 * @example
 * const pg = await startPostgres();
 * const client = new pg.Client({ connectionString: pg.url });
 * …
 * await pg.stop();
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A running throw-away cluster. */
export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (superuser, trust authentication). */
  url: string;
  port: number;
  /** The superuser's name. */
  user: string;
  /** A URL for another database or user of the same cluster. */
  urlFor(options: { database?: string; user?: string; password?: string }): string;
  /** Stops the server (fast shutdown) and removes its directory. */
  stop(): Promise<void>;
  /** Kills the server as a crash would (SIGKILL to the postmaster); `start()` brings it back. */
  crash(): void;
  /** Starts a stopped or crashed server again on the same port and data. */
  start(): void;
}

/** Where Debian's PostgreSQL binaries are, newest version first; `undefined` when not installed. */
export function postgresBinDir(): string | undefined {
  const fromEnv = process.env['DELIBERATE_PG_BINDIR'];
  if (fromEnv && existsSync(path.join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : path.join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a new cluster. Throws with the command to run when PostgreSQL is not installed, and with
 * the server's log when it does not come up.
 */
export async function startPostgres(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  if (!bin) {
    throw new Error(
      'PostgreSQL is not installed: run `apt-get install -y postgresql` (Debian), or set DELIBERATE_PG_BINDIR to the directory of initdb and pg_ctl.',
    );
  }
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'deliberate-pg-'));
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  chmodSync(dir, 0o700);
  let uid: number | undefined;
  let gid: number | undefined;
  if (asRoot) {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const run = (command: string, args: string[]) => {
    const result = spawnSync(path.join(bin, command), args, {
      encoding: 'utf8',
      ...(uid !== undefined && gid !== undefined ? { uid, gid } : {}),
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    });
    if (result.status !== 0) {
      throw new Error(
        `${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`,
      );
    }
    return result.stdout;
  };
  const user = 'postgres';
  run('initdb', ['-D', data, '-U', user, '--auth=trust', '--encoding=UTF8', '--no-sync']);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    '-c fsync=on',
    '-c max_connections=100',
    '-c shared_buffers=64MB',
  ].join(' ');
  const start = () => run('pg_ctl', ['-D', data, '-l', logFile, '-o', options, '-w', '-t', '60', 'start']);
  start();
  const url = `postgres://${user}@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    user,
    urlFor({ database = 'postgres', user: name = user, password }) {
      const auth =
        password === undefined
          ? encodeURIComponent(name)
          : `${encodeURIComponent(name)}:${encodeURIComponent(password)}`;
      return `postgres://${auth}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
    },
    crash() {
      const pid = Number(
        execFileSync('head', ['-1', path.join(data, 'postmaster.pid')], { encoding: 'utf8' }).trim(),
      );
      process.kill(pid, 'SIGKILL');
    },
    start() {
      // After a crash the backends take a moment to notice and leave the shared memory, and
      // until then a new postmaster refuses to start: try again for up to 10 s.
      for (let attempt = 0; ; attempt++) {
        try {
          start();
          return;
        } catch (error) {
          if (attempt >= 40) throw error;
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
        }
      }
    },
    async stop() {
      spawnSync(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], {
        ...(uid !== undefined && gid !== undefined ? { uid, gid } : {}),
        encoding: 'utf8',
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
