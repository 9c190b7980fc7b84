/*
 * UUID v7 for event and chain ids, laid out as `uuid`'s `v7()` lays them out (48-bit millisecond
 * time, a 31-bit counter seeded randomly each millisecond so that ids of one page sort in creation
 * order, random tail; id.test.ts holds the two equal) — but with the random bytes drawn from a
 * pool refilled 128 ids at a time, and written straight into the string. `uuid` asks
 * `crypto.getRandomValues` for 16 bytes per id and builds the text from 20 pieces, which cost
 * the logger about as much as hashing the event in Node (bench/logger.bench.ts). The pool holds
 * CSPRNG output only; an id is an idempotency key, not a secret.
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

/** Character codes of the two hex digits of each byte. */
const HIGH = new Uint8Array(256);
const LOW = new Uint8Array(256);
for (let byte = 0; byte < 256; byte++) {
  const digits = byte.toString(16).padStart(2, '0');
  HIGH[byte] = digits.charCodeAt(0);
  LOW[byte] = digits.charCodeAt(1);
}
const DASH = 45;
const layout = new Uint8Array(16);
const h = (i: number) => HIGH[layout[i] as number] as number;
const l = (i: number) => LOW[layout[i] as number] as number;

/**
 * The canonical text of the v7 UUID with time `msecs`, counter `counter` and random bytes
 * `bytes` (10–15 used), exactly as `uuid`'s `v7({ random: bytes, msecs, seq: counter })`. Made
 * as one flat string (a chain of concatenations would be a rope that hashing flattens again).
 */
export function formatUuidv7(bytes: Uint8Array, msecs: number, counter: number): string {
  const b = layout;
  b[0] = msecs / 0x10000000000;
  b[1] = msecs / 0x100000000;
  b[2] = msecs / 0x1000000;
  b[3] = msecs / 0x10000;
  b[4] = msecs / 0x100;
  b[5] = msecs;
  b[6] = 0x70 | ((counter >>> 28) & 0x0f);
  b[7] = counter >>> 20;
  b[8] = 0x80 | ((counter >>> 14) & 0x3f);
  b[9] = counter >>> 6;
  b[10] = ((counter << 2) & 0xff) | ((bytes[10] as number) & 0x03);
  for (let i = 11; i < 16; i++) b[i] = bytes[i] as number;
  return String.fromCharCode(
    h(0),
    l(0),
    h(1),
    l(1),
    h(2),
    l(2),
    h(3),
    l(3),
    DASH,
    h(4),
    l(4),
    h(5),
    l(5),
    DASH,
    h(6),
    l(6),
    h(7),
    l(7),
    DASH,
    h(8),
    l(8),
    h(9),
    l(9),
    DASH,
    h(10),
    l(10),
    h(11),
    l(11),
    h(12),
    l(12),
    h(13),
    l(13),
    h(14),
    l(14),
    h(15),
    l(15),
  );
}

/** The 31-bit counter a new millisecond starts at: random bytes 6–9, as `uuid`'s `v7()` takes it. */
function freshCounter(bytes: Uint8Array): number {
  return (
    (((bytes[6] as number) & 0x7f) << 24) |
    ((bytes[7] as number) << 16) |
    ((bytes[8] as number) << 8) |
    (bytes[9] as number)
  );
}

/**
 * The v7 id for time `msecs` from 16 given random bytes, as `uuidv7` makes the first id of a
 * millisecond (the counter taken from bytes 6–9, the tail from bytes 10–15). For callers with a
 * random source of their own, such as the seeded simulator of @deliberate/analytics, whose logs
 * must come out the same for a seed. No monotonic state: two calls in one millisecond are ordered
 * by their bytes, not by call order.
 *
 * @example
 * uuidv7FromBytes(new Uint8Array(16), Date.UTC(2025, 0, 6)); // '019438e9-4800-7000-8000-000000000000'
 */
export function uuidv7FromBytes(bytes: Uint8Array, msecs: number): string {
  return formatUuidv7(bytes, msecs, freshCounter(bytes));
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
    seq = freshCounter(bytes);
    msecs = now;
  } else {
    // … counting up within one (or after the clock stepped back), borrowing the next
    // millisecond when the counter wraps.
    seq = (seq + 1) | 0;
    if (seq === 0) msecs++;
  }
  return formatUuidv7(bytes, msecs, seq);
}
