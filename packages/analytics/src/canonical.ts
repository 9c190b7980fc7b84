import { canonicalize } from '@deliberate/core/events';

/**
 * RFC 8785 canonical JSON, the text event hashes are computed over. The fast implementation
 * lives in @deliberate/core (`canonicalize`), shared with the logger.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, 'x'] }); // '{"a":[true,"x"],"b":1}'
 */
export const canonicalJson: (value: unknown) => string = canonicalize;

/**
 * The text an event's `hash` is computed over: the event without `hash`, canonicalised
 * (docs/contracts.md §3.1). Feed it to any SHA-256.
 *
 * @example
 * sha256Hex(hashInput(event)) === event.hash;
 */
export function hashInput(event: object): string {
  const { hash: _hash, ...rest } = event as Record<string, unknown>;
  return canonicalJson(rest);
}
