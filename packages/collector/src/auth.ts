import { createHash, timingSafeEqual } from 'node:crypto';

/** The outcome of checking an `Authorization` header. */
export type AuthResult = 'ok' | 'missing' | 'invalid';

const digest = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/**
 * A checker for `Authorization: Bearer <token>` against one or more accepted tokens (several, so
 * a token can be rotated without downtime). Tokens are compared as SHA-256 digests with
 * `timingSafeEqual`: the comparison takes the same time whatever the length or the first
 * differing character, and every accepted token is compared, so timing reveals neither the
 * token nor which one matched.
 *
 * @example
 * const check = createTokenChecker(['s3cret-token']);
 * check(req.headers.authorization); // 'ok' | 'missing' | 'invalid'
 */
export function createTokenChecker(
  tokens: readonly string[],
): (authorization: string | undefined) => AuthResult {
  if (tokens.length === 0) throw new Error('at least one bearer token is required');
  for (const token of tokens) {
    if (token === '' || /\s/.test(token))
      throw new Error('a bearer token must be non-empty and contain no whitespace');
  }
  const accepted = tokens.map(digest);
  return (authorization) => {
    // RFC 6750 §2.1: the scheme is case-insensitive; one or more spaces before the token.
    const match = /^Bearer +(\S+) *$/i.exec(authorization ?? '');
    const presented = match?.[1];
    if (presented === undefined) return 'missing';
    const candidate = digest(presented);
    let ok = false;
    for (const token of accepted) {
      const equal = timingSafeEqual(candidate, token);
      ok = ok || equal;
    }
    return ok ? 'ok' : 'invalid';
  };
}
