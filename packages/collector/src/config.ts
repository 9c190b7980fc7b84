import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_CHECKPOINT_INTERVAL_MS } from './checkpointer.ts';
import { loadSigner, SigningKeyError, type CheckpointSigner } from './keys.ts';
import { DatabaseUrlError, isPostgresUrl, postgresConnection, type PostgresConnection } from './pg/url.ts';
import { DEFAULT_MAX_BODY_BYTES } from './server.ts';
import {
  legacyTokenWarning,
  MIN_TOKEN_LENGTH,
  parseTokenText,
  SCOPES,
  TokenFormatError,
  weakTokens,
  type TokenGrant,
} from './tokens.ts';

/** `deliberate-collector --help`. */
export const USAGE = `Usage: deliberate-collector [options]
       deliberate-collector keygen --out <file>
       deliberate-collector migrate --db postgres://OWNER@HOST:PORT/DB [--app-role <role>]
       deliberate-collector retention --db postgres://OWNER@HOST:PORT/DB --older-than <N>d|<N>mo [--yes]

Receives Deliberate event batches (POST /v1/events), stores them idempotently (SQLite, or
PostgreSQL for several instances) and
exports them as NDJSON in chain order (GET /v1/events). With a checkpoint key it signs a receipt
for every accepted batch and checkpoints of every chain (GET /v1/checkpoints); the public key is
at /.well-known/deliberate/checkpoint-key.pem. GET /healthz and the public key need no token.

Options (each also settable by the environment variable in brackets; options win):
  --port <n>              TCP port, 0 for any free one      [DELIBERATE_PORT]        default 8787
  --host <address>        address to bind                    [DELIBERATE_HOST]        default 127.0.0.1
  --db <file>|<url>       SQLite database file, or postgres://USER@HOST:PORT/DB (the password
                          only from DELIBERATE_DB_PASSWORD or PGPASSWORD, never in the URL)
                                                             [DELIBERATE_DB]          default ./deliberate.sqlite
  --token-file <file>     bearer tokens: JSON {"tokens":[{"token","scopes":["ingest"|"read"],
                          "procedures"?,"name"?}]}, or (old format) one token per line, each
                          with both scopes                   [DELIBERATE_TOKEN_FILE]
                          (or one token with both scopes in  [DELIBERATE_TOKEN])
  --checkpoint-key <file> Ed25519 private key (PKCS#8 PEM) for checkpoints and receipts
                                                             [DELIBERATE_CHECKPOINT_KEY]
  --checkpoint-interval <s>  seconds between checkpoint rounds
                                                             [DELIBERATE_CHECKPOINT_INTERVAL] default 60
  --require-pseudonyms    refuse events whose actor.id or caseRef is not a pseudonym (ps:<hex>)
                                                             [DELIBERATE_REQUIRE_PSEUDONYMS=1]
  --max-body-bytes <n>    largest accepted request body      [DELIBERATE_MAX_BODY_BYTES] default ${DEFAULT_MAX_BODY_BYTES}
  --allow-origin <url>    browser origin allowed by CORS; repeatable
                                                             [DELIBERATE_ALLOW_ORIGINS, comma-separated]
  --insecure-allow-weak-tokens
                          start (with a warning) although a token is shorter than ${MIN_TOKEN_LENGTH}
                          characters or the token or key file is accessible to group or others
                                                             [DELIBERATE_INSECURE_ALLOW_WEAK_TOKENS=1]
  -h, --help              print this help
  -v, --version           print the version

migrate creates or upgrades the PostgreSQL tables and, with --app-role, grants that role only
SELECT and INSERT. retention deletes events older than the cut-off (at least six months); without
--yes it only counts them. Each has --help. The collector migrates PostgreSQL on start when its
role may, else it exits 2 if the schema is behind.

keygen --out <file> writes a new Ed25519 key (mode 0600; an existing file is never overwritten)
and prints its public key (PEM) and key id.

There is no --token option, because command lines are visible to every user of the machine.
SIGTERM or SIGINT stops the service gracefully: in-flight requests finish, changed chains are
checkpointed, then the database is closed. Logs are JSON lines on standard error.

Exit codes: 0 stopped cleanly, 1 runtime error (port in use, database cannot be opened),
2 configuration error (bad option, missing, empty, weak or exposed token or key file, a password
in the --db URL, a PostgreSQL schema this role may not migrate).
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
  /** The SQLite file, or the PostgreSQL URL (without a password). */
  db: string;
  /** Set when `db` is a `postgres://` URL: the URL and the password from the environment. */
  postgres?: PostgresConnection;
  grants: TokenGrant[];
  /** Where the tokens came from, for the startup log (never the tokens themselves). */
  tokenSource: string;
  maxBodyBytes: number;
  allowedOrigins: string[];
  /** The checkpoint signer, when `--checkpoint-key` was given. */
  signer?: CheckpointSigner;
  checkpointIntervalMs: number;
  requirePseudonyms: boolean;
  /** Problems worth a warning, e.g. tokens in the old format. */
  warnings: string[];
}

/**
 * Reads a file holding a secret (a token file, a private key). Refuses one that group or
 * others may access (any of the mode bits 077) unless `insecure`; then it is a warning.
 */
export function readSecretFile(
  path: string,
  what: string,
  insecure: boolean,
): { text: string; warnings: string[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new ConfigError(`cannot read ${what} ${path}: ${reason}`);
  }
  const warnings: string[] = [];
  const mode = statSync(path).mode;
  if ((mode & 0o077) !== 0) {
    const problem = `${what} ${path} is accessible to group or others (mode ${(mode & 0o777).toString(8)}); run chmod 600 ${path}`;
    if (!insecure) throw new ConfigError(`${problem}, or pass --insecure-allow-weak-tokens to start anyway`);
    warnings.push(`${problem} (allowed by --insecure-allow-weak-tokens)`);
  }
  return { text, warnings };
}

/**
 * Reads bearer tokens from a file: JSON with scopes (see {@link parseTokenText}) or the old
 * one-token-per-line format (every token gets both scopes, with a warning on how to migrate).
 * Throws {@link ConfigError} for a missing, unreadable, empty or malformed file, for a file that
 * group or others may access and for tokens shorter than {@link MIN_TOKEN_LENGTH} characters —
 * the last two only warn when `insecure` (`--insecure-allow-weak-tokens`).
 */
export function readTokenFile(
  path: string,
  insecure = false,
): { grants: TokenGrant[]; legacy: boolean; warnings: string[] } {
  const { text, warnings } = readSecretFile(path, 'token file', insecure);
  let parsed;
  try {
    parsed = parseTokenText(text, `token file ${path}`);
  } catch (error) {
    if (error instanceof TokenFormatError) throw new ConfigError(error.message);
    throw error;
  }
  warnings.push(...checkTokenStrength(parsed.grants, `token file ${path}`, insecure));
  if (parsed.legacy) warnings.push(legacyTokenWarning(`token file ${path}`));
  return { ...parsed, warnings };
}

function checkTokenStrength(grants: readonly TokenGrant[], source: string, insecure: boolean): string[] {
  const weak = weakTokens(grants);
  if (weak.length === 0) return [];
  const problem = `${source}: ${weak.join(', ')}; tokens need at least ${MIN_TOKEN_LENGTH} random characters`;
  if (!insecure)
    throw new ConfigError(
      `${problem} (make one with: node -e "console.log(require('node:crypto').randomBytes(32).toString('base64url'))"), or pass --insecure-allow-weak-tokens`,
    );
  return [`${problem} (allowed by --insecure-allow-weak-tokens)`];
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
        'checkpoint-key': { type: 'string' },
        'checkpoint-interval': { type: 'string' },
        'require-pseudonyms': { type: 'boolean' },
        'insecure-allow-weak-tokens': { type: 'boolean' },
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
  let postgres: PostgresConnection | undefined;
  if (isPostgresUrl(db)) {
    try {
      postgres = postgresConnection(db, env, values.db !== undefined);
    } catch (error) {
      if (error instanceof DatabaseUrlError) throw new ConfigError(error.message);
      throw error;
    }
  }
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

  const insecure = values['insecure-allow-weak-tokens'] ?? flag(env['DELIBERATE_INSECURE_ALLOW_WEAK_TOKENS']);
  const requirePseudonyms = values['require-pseudonyms'] ?? flag(env['DELIBERATE_REQUIRE_PSEUDONYMS']);
  const checkpointIntervalMs =
    integer(
      '--checkpoint-interval',
      values['checkpoint-interval'] ??
        env['DELIBERATE_CHECKPOINT_INTERVAL'] ??
        String(DEFAULT_CHECKPOINT_INTERVAL_MS / 1000),
      1,
      86_400,
    ) * 1000;

  const tokenFile = values['token-file'] ?? env['DELIBERATE_TOKEN_FILE'];
  let grants: TokenGrant[];
  let tokenSource: string;
  const warnings: string[] = [];
  if (tokenFile !== undefined && tokenFile !== '') {
    const read = readTokenFile(tokenFile, insecure);
    grants = read.grants;
    warnings.push(...read.warnings);
    tokenSource = `file ${tokenFile}`;
  } else if (env['DELIBERATE_TOKEN'] !== undefined) {
    const token = env['DELIBERATE_TOKEN'].trim();
    if (token === '' || /\s/.test(token))
      throw new ConfigError('DELIBERATE_TOKEN is empty or contains whitespace');
    grants = [{ token, scopes: [...SCOPES] }];
    warnings.push(...checkTokenStrength(grants, 'DELIBERATE_TOKEN', insecure));
    warnings.push(
      'DELIBERATE_TOKEN holds one token with both scopes (ingest and read); a browser that holds it can export every event. ' +
        'Use a JSON token file (--token-file) with an ingest-only token for browsers.',
    );
    tokenSource = 'environment DELIBERATE_TOKEN';
  } else {
    throw new ConfigError(
      'no bearer token configured: pass --token-file <file> (or set DELIBERATE_TOKEN_FILE or DELIBERATE_TOKEN)',
    );
  }

  const keyFile = values['checkpoint-key'] ?? env['DELIBERATE_CHECKPOINT_KEY'];
  let signer: CheckpointSigner | undefined;
  if (keyFile !== undefined && keyFile !== '') {
    const read = readSecretFile(keyFile, 'checkpoint key', insecure);
    warnings.push(...read.warnings);
    try {
      signer = loadSigner(read.text);
    } catch (error) {
      if (error instanceof SigningKeyError)
        throw new ConfigError(`checkpoint key ${keyFile}: ${error.message}`);
      throw error;
    }
  }
  const config: CollectorConfig = {
    port,
    host,
    db,
    grants,
    tokenSource,
    maxBodyBytes,
    allowedOrigins,
    checkpointIntervalMs,
    requirePseudonyms,
    warnings,
  };
  if (signer) config.signer = signer;
  if (postgres) config.postgres = postgres;
  return config;
}

function flag(value: string | undefined): boolean {
  return value !== undefined && /^(?:1|true|yes)$/i.test(value.trim());
}
