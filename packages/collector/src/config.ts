import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_BODY_BYTES } from './server.ts';

/** `deliberate-collector --help`. */
export const USAGE = `Usage: deliberate-collector [options]

Receives Deliberate event batches (POST /v1/events), stores them idempotently in SQLite and
exports them as NDJSON (GET /v1/events?since=<ts>). GET /healthz needs no token.

Options (each also settable by the environment variable in brackets; options win):
  --port <n>              TCP port, 0 for any free one      [DELIBERATE_PORT]        default 8787
  --host <address>        address to bind                    [DELIBERATE_HOST]        default 127.0.0.1
  --db <file>             SQLite database file               [DELIBERATE_DB]          default ./deliberate.sqlite
  --token-file <file>     file with the bearer token(s), one per line; # starts a comment
                                                             [DELIBERATE_TOKEN_FILE]
                          (or the token itself in            [DELIBERATE_TOKEN])
  --max-body-bytes <n>    largest accepted request body      [DELIBERATE_MAX_BODY_BYTES] default ${DEFAULT_MAX_BODY_BYTES}
  --allow-origin <url>    browser origin allowed by CORS; repeatable
                                                             [DELIBERATE_ALLOW_ORIGINS, comma-separated]
  -h, --help              print this help
  -v, --version           print the version

There is no --token option, because command lines are visible to every user of the machine.
SIGTERM or SIGINT stops the service gracefully: in-flight requests finish, then the database
is closed. Logs are JSON lines on standard error.

Exit codes: 0 stopped cleanly, 1 runtime error (port in use, database cannot be opened),
2 configuration error (bad option, missing or empty token file).
`;

/** A configuration problem, with the exit code the CLI uses for it. */
export class ConfigError extends Error {
  constructor(
    message: string,
    /** @default 2 */
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The resolved settings of the CLI. */
export interface CollectorConfig {
  port: number;
  host: string;
  db: string;
  tokens: string[];
  /** Where the tokens came from, for the startup log (never the tokens themselves). */
  tokenSource: string;
  maxBodyBytes: number;
  allowedOrigins: string[];
  /** Problems worth a warning, e.g. a token file readable by others. */
  warnings: string[];
}

/**
 * Reads bearer tokens from a file: one per line, blank lines and lines starting with `#` ignored
 * (several tokens allow rotation). Throws {@link ConfigError} for a missing, unreadable or empty
 * file; warns when group or others can read it.
 */
export function readTokenFile(path: string): { tokens: string[]; warnings: string[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new ConfigError(`cannot read token file ${path}: ${reason}`);
  }
  const tokens = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (tokens.length === 0) throw new ConfigError(`token file ${path} contains no token (one token per line)`);
  const bad = tokens.findIndex((token) => /\s/.test(token));
  if (bad >= 0) throw new ConfigError(`token file ${path}: token ${bad + 1} contains whitespace`);
  const warnings: string[] = [];
  const mode = statSync(path).mode;
  if ((mode & 0o077) !== 0) {
    warnings.push(
      `token file ${path} is readable by group or others (mode ${(mode & 0o777).toString(8)}); run chmod 600 ${path}`,
    );
  }
  return { tokens, warnings };
}

function integer(name: string, raw: string, min: number, max: number): number {
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}; got ${JSON.stringify(raw)}`);
  }
  return value;
}

/**
 * Resolves the CLI configuration from arguments and environment (arguments win). Returns
 * `'help'` or `'version'` when those were asked for. Throws {@link ConfigError}.
 *
 * @example
 * resolveConfig(['--port', '0', '--token-file', 'token'], process.env);
 */
export function resolveConfig(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): CollectorConfig | 'help' | 'version' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        'token-file': { type: 'string' },
        'max-body-bytes': { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}\nRun deliberate-collector --help for usage.`);
  }
  if (values.help) return 'help';
  if (values.version) return 'version';

  const port = integer('--port', values.port ?? env['DELIBERATE_PORT'] ?? '8787', 0, 65535);
  const host = values.host ?? env['DELIBERATE_HOST'] ?? '127.0.0.1';
  const db = values.db ?? env['DELIBERATE_DB'] ?? './deliberate.sqlite';
  const maxBodyBytes = integer(
    '--max-body-bytes',
    values['max-body-bytes'] ?? env['DELIBERATE_MAX_BODY_BYTES'] ?? String(DEFAULT_MAX_BODY_BYTES),
    1,
    Number.MAX_SAFE_INTEGER,
  );
  const allowedOrigins =
    values['allow-origin'] ??
    (env['DELIBERATE_ALLOW_ORIGINS'] ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== '');

  const tokenFile = values['token-file'] ?? env['DELIBERATE_TOKEN_FILE'];
  let tokens: string[];
  let tokenSource: string;
  let warnings: string[] = [];
  if (tokenFile !== undefined && tokenFile !== '') {
    ({ tokens, warnings } = readTokenFile(tokenFile));
    tokenSource = `file ${tokenFile}`;
  } else if (env['DELIBERATE_TOKEN'] !== undefined) {
    const token = env['DELIBERATE_TOKEN'].trim();
    if (token === '' || /\s/.test(token))
      throw new ConfigError('DELIBERATE_TOKEN is empty or contains whitespace');
    tokens = [token];
    tokenSource = 'environment DELIBERATE_TOKEN';
  } else {
    throw new ConfigError(
      'no bearer token configured: pass --token-file <file> (or set DELIBERATE_TOKEN_FILE or DELIBERATE_TOKEN)',
    );
  }
  return { port, host, db, tokens, tokenSource, maxBodyBytes, allowedOrigins, warnings };
}
