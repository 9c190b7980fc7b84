/*
 * What the procedure's server hands the page. In a deployment the server computes pseudonyms with
 * `createPseudonymizer({ key })` from `@deliberate/log`: the key stays in the server's secret store,
 * and the page never sees it, nor the raw ids of the caseworker and the applicant in its log. The
 * page's logger runs in upstream mode and refuses any id that is not a pseudonym.
 *
 * This example has no server, so this module stands in for one: it issues a random pseudonym per
 * id for the page's session. A real server keeps them stable (the same key, the same pseudonym),
 * so that later outcomes can be joined to decisions; a random one is the honest stand-in, since
 * anything derived from the id in the page could be reversed by guessing ids.
 */
const issued = new Map<string, string>();

/** The pseudonym the "server" issued for `id` in this session (`ps:` + 32 hex digits). */
export function pseudonymFor(id: string): string {
  let pseudonym = issued.get(id);
  if (pseudonym === undefined) {
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
    pseudonym = `ps:${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
    issued.set(id, pseudonym);
  }
  return pseudonym;
}
