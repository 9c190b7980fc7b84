import { createHash, timingSafeEqual } from 'node:crypto';
import { checkGrant, SCOPES, type TokenGrant } from './tokens.ts';

/** The outcome of checking an `Authorization` header. */
export type AuthResult = 'ok' | 'missing' | 'invalid';

/** The outcome of {@link createGrantChecker}: the matching grant, or why there is none. */
export type GrantResult = { status: 'ok'; grant: TokenGrant } | { status: 'missing' | 'invalid' };

const digest = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/**
 * A checker for `Authorization: Bearer <token>` against the accepted grants, returning the grant
 * that matched. Tokens are compared as SHA-256 digests with `timingSafeEqual`: the comparison
 * takes the same time whatever the length or the first differing character, and every accepted
 * token is compared, so timing reveals neither the token nor which one matched.
 *
 * @example
 * const check = createGrantChecker([{ token, scopes: ['ingest'] }]);
 * const result = check(req.headers.authorization); // { status: 'ok', grant } | { status: 'missing' | 'invalid' }
 */
export function createGrantChecker(
  grants: readonly TokenGrant[],
): (authorization: string | undefined) => GrantResult {
  if (grants.length === 0) throw new Error('at least one bearer token is required');
  const checked = grants.map((grant, i) => {
    try {
      return checkGrant(grant, `token ${i + 1}`);
    } catch (error) {
      throw new Error(
        `a bearer token must be non-empty and contain no whitespace (${(error as Error).message})`,
      );
    }
  });
  const accepted = checked.map((grant) => digest(grant.token));
  return (authorization) => {
    // RFC 6750 §2.1: the scheme is case-insensitive; one or more spaces before the token.
    const match = /^Bearer +(\S+) *$/i.exec(authorization ?? '');
    const presented = match?.[1];
    if (presented === undefined) return { status: 'missing' };
    const candidate = digest(presented);
    let found = -1;
    accepted.forEach((token, i) => {
      const equal = timingSafeEqual(candidate, token);
      found = equal ? i : found;
    });
    const grant = checked[found];
    return grant === undefined ? { status: 'invalid' } : { status: 'ok', grant };
  };
}

/**
 * A checker for `Authorization: Bearer <token>` against one or more accepted tokens, each with
 * every scope (the old single-scope model, kept for embedders).
 *
 * @example
 * const check = createTokenChecker(['s3cret-token']);
 * check(req.headers.authorization); // 'ok' | 'missing' | 'invalid'
 */
export function createTokenChecker(
  tokens: readonly string[],
): (authorization: string | undefined) => AuthResult {
  for (const token of tokens) {
    if (token === '' || /\s/.test(token))
      throw new Error('a bearer token must be non-empty and contain no whitespace');
  }
  const check = createGrantChecker(tokens.map((token) => ({ token, scopes: SCOPES })));
  return (authorization) => check(authorization).status;
}
