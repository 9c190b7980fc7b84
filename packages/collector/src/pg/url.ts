/*
 * `--db postgres://…`: which values select PostgreSQL, and where the password comes from. A
 * command line is visible to every user of the machine (`ps`), so a password in it is refused;
 * it comes from the environment instead.
 */

/** Whether `db` (the `--db` value) selects PostgreSQL. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(db);
}

/** A PostgreSQL URL that cannot be used, with the reason. */
export class DatabaseUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUrlError';
  }
}

/** The PostgreSQL connection of the CLI: the URL (without a password) and the password. */
export interface PostgresConnection {
  url: string;
  /** From `DELIBERATE_DB_PASSWORD`, else `PGPASSWORD`; absent when neither is set. */
  password?: string;
}

/**
 * Checks a `postgres://` URL and takes the password from the environment: `DELIBERATE_DB_PASSWORD`,
 * else libpq's `PGPASSWORD` (else the driver reads `~/.pgpass`). Throws {@link DatabaseUrlError}
 * for a URL that does not parse, and for one that carries a password when `fromCommandLine`.
 */
export function postgresConnection(
  url: string,
  env: NodeJS.ProcessEnv,
  fromCommandLine: boolean,
): PostgresConnection {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseUrlError(
      `--db ${JSON.stringify(url)} is not a valid URL; expected postgres://USER@HOST:PORT/DATABASE`,
    );
  }
  if (fromCommandLine && (parsed.password !== '' || parsed.searchParams.has('password'))) {
    throw new DatabaseUrlError(
      'the --db URL contains a password, and command lines are visible to every user of the machine: ' +
        'remove it from the URL and set DELIBERATE_DB_PASSWORD (or PGPASSWORD) in the environment instead',
    );
  }
  if (parsed.username === '')
    throw new DatabaseUrlError('the --db URL names no user: postgres://USER@HOST:PORT/DATABASE');
  const password = env['DELIBERATE_DB_PASSWORD'] ?? env['PGPASSWORD'];
  return password === undefined || password === '' ? { url } : { url, password };
}

/** `url` without its password, for logs and messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***');
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}
