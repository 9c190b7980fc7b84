import { v7 } from 'uuid';

/*
 * UUID v7 for event and chain ids, as `uuid`'s `v7()` makes them (48-bit millisecond time, a
 * 31-bit counter seeded randomly each millisecond so that ids of one page sort in creation
 * order, random tail) — but with the random bytes drawn from a pool refilled 128 ids at a time.
 * `uuid` asks `crypto.getRandomValues` for 16 bytes per id, which cost the logger about as much
 * as hashing the event in Node (bench/logger.bench.ts). The pool holds CSPRNG output only; an id
 * is an idempotency key, not a secret.
 */

const POOL_IDS = 128;
const pool = new Uint8Array(16 * POOL_IDS);
let offset = pool.length;
const random = new Uint8Array(16);
let msecs = -Infinity;
let seq = 0;

function nextRandom(): Uint8Array {
  if (offset >= pool.length) {
    globalThis.crypto.getRandomValues(pool);
    offset = 0;
  }
  for (let i = 0; i < 16; i++) random[i] = pool[offset + i] as number;
  offset += 16;
  return random;
}

/**
 * A new UUID v7 string, monotonic within this page or process.
 *
 * @example
 * uuidv7(); // '0190f3a4-8e2b-7c1d-9f00-3b5e6a7d8c9e'
 */
export function uuidv7(now: number = Date.now()): string {
  const bytes = nextRandom();
  if (now > msecs) {
    // As uuid's v7: a fresh 31-bit counter from the random bytes each new millisecond …
    seq =
      (((bytes[6] as number) & 0x7f) << 24) |
      ((bytes[7] as number) << 16) |
      ((bytes[8] as number) << 8) |
      (bytes[9] as number);
    msecs = now;
  } else {
    // … counting up within one (or after the clock stepped back), borrowing the next
    // millisecond when the counter wraps.
    seq = (seq + 1) | 0;
    if (seq === 0) msecs++;
  }
  return v7({ random: bytes, msecs, seq });
}
