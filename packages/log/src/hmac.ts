import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/*
 * HMAC-SHA-256 for pseudonyms, the way @deliberate/core's hash helpers do SHA-256: node:crypto
 * where the runtime offers it synchronously (Node ≥ 20.16, Deno, Bun, via
 * `process.getBuiltinModule`, which bundlers leave alone, and only if it agrees with the portable
 * implementation), @noble/hashes everywhere else. The portable one keys the hash once (the inner
 * and outer padded key blocks) and clones that state per value, which halves its work for the
 * short identifiers pseudonymised here.
 */

interface NodeHmacCrypto {
  createSecretKey(key: Uint8Array): unknown;
  createHmac(
    algorithm: 'sha256',
    key: unknown,
  ): { update(data: string, encoding: 'utf8'): { digest(encoding: 'hex'): string } };
}

/** Hex HMAC-SHA-256 under `key`, in portable JavaScript. */
export function createPortableHmacSha256Hex(key: Uint8Array): (text: string) => string {
  const keyed = hmac.create(sha256, key);
  return (text) => bytesToHex(keyed.clone().update(utf8ToBytes(text)).digest());
}

function createNativeHmacSha256Hex(
  key: Uint8Array,
  portable: (text: string) => string,
): ((text: string) => string) | undefined {
  try {
    const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const crypto = runtime?.getBuiltinModule?.('node:crypto') as Partial<NodeHmacCrypto> | undefined;
    if (typeof crypto?.createHmac !== 'function' || typeof crypto.createSecretKey !== 'function') {
      return undefined;
    }
    const node = crypto as NodeHmacCrypto;
    // A KeyObject holds its own copy of the key, outside the JavaScript heap.
    const secret = node.createSecretKey(key);
    const native = (text: string) => node.createHmac('sha256', secret).update(text, 'utf8').digest('hex');
    // Trust it only if it agrees with the portable one (a polyfilled `process` could lie).
    const probe = 'deliberate ✓ \u{1F9FE}';
    return native(probe) === portable(probe) ? native : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Hex HMAC-SHA-256 under `key` of the UTF-8 bytes of a text: native where the runtime has it
 * synchronously, portable otherwise. The caller keeps `key` unchanged (or passes a copy).
 *
 * @example
 * createHmacSha256Hex(key)('case-2024-0117'); // 64 hex digits
 */
export function createHmacSha256Hex(key: Uint8Array): (text: string) => string {
  const portable = createPortableHmacSha256Hex(key);
  return createNativeHmacSha256Hex(key, portable) ?? portable;
}
