/*
 * Scoped bearer tokens. A token file names, for each token, what it may do (`ingest`: POST
 * events; `read`: export events and checkpoints) and optionally which procedures it may write or
 * read. A browser needs only an ingest token; whoever can read the browser's memory can then add
 * events (which the hash chains and checkpoints bound) but can read nothing.
 */

/** What a token may do. */
export type Scope = 'ingest' | 'read';

/** Every scope, in the order the docs list them. */
export const SCOPES: readonly Scope[] = ['ingest', 'read'];

/** The shortest accepted token without `--insecure-allow-weak-tokens`. */
export const MIN_TOKEN_LENGTH = 32;

/** One accepted token and what it may do. */
export interface TokenGrant {
  token: string;
  scopes: readonly Scope[];
  /**
   * Procedures the token may write (and read). A pattern is a procedure id, or a prefix followed
   * by `.*` (`housing-benefit.*` matches `housing-benefit` and every id starting with
   * `housing-benefit.`), or `*` for all. Absent: every procedure.
   */
  procedures?: readonly string[];
  /** A label for the logs (never the token). */
  name?: string;
}

/** The result of {@link parseTokenText}. */
export interface ParsedTokens {
  grants: TokenGrant[];
  /** True for the old one-token-per-line format, whose tokens get every scope. */
  legacy: boolean;
}

/** A token file or token grant that cannot be used, with the reason. */
export class TokenFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenFormatError';
  }
}

const PATTERN = /^(?:\*|[^\s*]+(?:\.\*)?)$/;

/**
 * Checks one grant and returns it normalised (scopes de-duplicated). Throws
 * {@link TokenFormatError} naming `where` and the problem.
 */
export function checkGrant(grant: unknown, where: string): TokenGrant {
  if (grant === null || typeof grant !== 'object' || Array.isArray(grant))
    throw new TokenFormatError(`${where}: expected an object { "token", "scopes", "procedures"?, "name"? }`);
  const { token, scopes, procedures, name, ...rest } = grant as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0)
    throw new TokenFormatError(
      `${where}: unknown field ${unknown.join(', ')}; known: token, scopes, procedures, name`,
    );
  if (typeof token !== 'string' || token === '' || /\s/.test(token))
    throw new TokenFormatError(`${where}: "token" must be a non-empty string without whitespace`);
  if (!Array.isArray(scopes) || scopes.length === 0)
    throw new TokenFormatError(`${where}: "scopes" must be a non-empty array of "ingest" and/or "read"`);
  for (const scope of scopes) {
    if (!SCOPES.includes(scope as Scope))
      throw new TokenFormatError(
        `${where}: unknown scope ${JSON.stringify(scope)}; the scopes are "ingest" and "read"`,
      );
  }
  const checked: TokenGrant = { token, scopes: [...new Set(scopes as Scope[])] };
  if (procedures !== undefined) {
    if (!Array.isArray(procedures) || procedures.length === 0)
      throw new TokenFormatError(
        `${where}: "procedures" must be a non-empty array of procedure ids or patterns ending in ".*" (omit it for all procedures)`,
      );
    for (const pattern of procedures) {
      if (typeof pattern !== 'string' || !PATTERN.test(pattern))
        throw new TokenFormatError(
          `${where}: procedure pattern ${JSON.stringify(pattern)} is not a procedure id, "<prefix>.*" or "*"`,
        );
    }
    checked.procedures = procedures as string[];
  }
  if (name !== undefined) {
    if (typeof name !== 'string' || name === '')
      throw new TokenFormatError(`${where}: "name" must be a non-empty string`);
    checked.name = name;
  }
  return checked;
}

/**
 * Reads a token file's text. JSON (the text starts with `{`):
 * `{ "tokens": [ { "token": "…", "scopes": ["ingest"], "procedures": ["housing-benefit.*"], "name": "browser" } ] }`.
 * Anything else is the old format: one token per line, blank lines and `#` comments ignored;
 * each of those tokens gets both scopes (`legacy: true`).
 */
export function parseTokenText(text: string, source: string): ParsedTokens {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trimStart().startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (error) {
      throw new TokenFormatError(`${source} is not valid JSON: ${(error as Error).message}`);
    }
    const tokens = (value as { tokens?: unknown }).tokens;
    if (!Array.isArray(tokens) || tokens.length === 0)
      throw new TokenFormatError(`${source}: expected { "tokens": [ … ] } with at least one token`);
    const grants = tokens.map((grant, i) => checkGrant(grant, `${source}: tokens[${i}]`));
    const seen = new Set<string>();
    grants.forEach((grant, i) => {
      if (seen.has(grant.token)) throw new TokenFormatError(`${source}: tokens[${i}] repeats a token`);
      seen.add(grant.token);
    });
    return { grants, legacy: false };
  }
  const tokens = body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (tokens.length === 0)
    throw new TokenFormatError(
      `${source} contains no token (JSON { "tokens": [ … ] }, or one token per line)`,
    );
  const bad = tokens.findIndex((token) => /\s/.test(token));
  if (bad >= 0) throw new TokenFormatError(`${source}: token ${bad + 1} contains whitespace`);
  return { grants: tokens.map((token) => ({ token, scopes: [...SCOPES] })), legacy: true };
}

/** The warning logged for a token file in the old format. */
export function legacyTokenWarning(source: string): string {
  return (
    `${source} uses the old one-token-per-line format: each of its tokens may write AND read every event. ` +
    'Migrate to a JSON token file, { "tokens": [ { "name": "browser", "token": "…", "scopes": ["ingest"] }, ' +
    '{ "name": "export", "token": "…", "scopes": ["read"] } ] }, and give browsers the ingest-only token.'
  );
}

/** Descriptions of the grants whose token is shorter than {@link MIN_TOKEN_LENGTH}. */
export function weakTokens(grants: readonly TokenGrant[]): string[] {
  return grants.flatMap((grant, i) =>
    grant.token.length < MIN_TOKEN_LENGTH
      ? [
          `token ${grant.name === undefined ? i + 1 : JSON.stringify(grant.name)} has ${grant.token.length} characters`,
        ]
      : [],
  );
}

/** A predicate for a grant's `procedures`; absent patterns match every procedure. */
export function procedureMatcher(patterns: readonly string[] | undefined): (procedure: string) => boolean {
  if (patterns === undefined || patterns.includes('*')) return () => true;
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const pattern of patterns) {
    if (pattern.endsWith('.*')) {
      const base = pattern.slice(0, -2);
      exact.add(base);
      prefixes.push(`${base}.`);
    } else exact.add(pattern);
  }
  return (procedure) => exact.has(procedure) || prefixes.some((prefix) => procedure.startsWith(prefix));
}
