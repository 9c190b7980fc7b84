/*
 * 64-bit fingerprints of ids in typed-array hash tables. A `Set<string>` of 4 million UUIDs costs
 * about 100 bytes per id (string header, characters, hash-table entry): 400 MB. These tables keep
 * 8 bytes per slot (12 for the index), at most 75 % full, so 4 million event ids take 43–57 MB
 * (less when the size is known up front) and put no objects on the garbage-collected heap.
 *
 * The price is a false match with probability about n²/2⁶⁵ (4 million ids: 4·10⁻⁷ per log): a
 * genuine event would be taken for a duplicate, or two decisions merged. The hash (cyrb53's
 * mixing, widened to 64 bits) is not cryptographic: someone who can write the log could craft a
 * collision, but they could equally edit the log; `deliberate verify` is the integrity check.
 */

let fpHi = 0;
let fpLo = 0;

/**
 * Hashes `text` into the two 32-bit halves read by `fingerprintHi()` / `fingerprintLo()`. Module
 * state instead of a returned tuple because this runs once or twice per event and an array per
 * call is measurable garbage at millions of events.
 */
export function fingerprint(text: string): void {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  fpHi = h1 >>> 0;
  fpLo = h2 >>> 0;
  // (0, 0) marks an empty slot.
  if (fpHi === 0 && fpLo === 0) fpLo = 1;
}

/** The high half of the last `fingerprint()`. */
export function fingerprintHi(): number {
  return fpHi;
}

/** The low half of the last `fingerprint()`. */
export function fingerprintLo(): number {
  return fpLo;
}

/** Linear probing stays fast up to here; above it the table grows by half. */
export const MAX_LOAD = 0.75;
const GROWTH = 1.5;

export function slotOf(hi: number, lo: number, capacity: number): number {
  // Both halves are already well mixed; fold them. Any capacity (not only powers of two), so a
  // table can be sized to the expected count instead of the next power of two.
  return ((hi ^ Math.imul(lo, 0x9e3779b1)) >>> 0) % capacity;
}

export function capacityFor(count: number): number {
  return Math.max(16, Math.ceil(count / MAX_LOAD) + 1);
}

/**
 * A set of 64-bit fingerprints: open addressing with linear probing in one `Uint32Array`.
 *
 * @example
 * const seen = new FingerprintSet();
 * fingerprint(event.id);
 * if (!seen.add(fingerprintHi(), fingerprintLo())) duplicates++;
 */
export class FingerprintSet {
  private keys: Uint32Array;
  private capacity: number;
  /** Fingerprints stored. */
  size = 0;

  /** @param expected how many fingerprints to make room for before the first growth */
  constructor(expected = 1 << 12) {
    this.capacity = capacityFor(expected);
    this.keys = new Uint32Array(this.capacity * 2);
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.keys.byteLength;
  }

  /** Adds the fingerprint; `false` if it was already there. */
  add(hi: number, lo: number): boolean {
    if (this.size + 1 > this.capacity * MAX_LOAD) this.grow();
    const keys = this.keys;
    const capacity = this.capacity;
    let slot = slotOf(hi, lo, capacity);
    for (;;) {
      const at = slot * 2;
      const kHi = keys[at]!;
      const kLo = keys[at + 1]!;
      if (kHi === 0 && kLo === 0) {
        keys[at] = hi;
        keys[at + 1] = lo;
        this.size++;
        return true;
      }
      if (kHi === hi && kLo === lo) return false;
      slot = slot + 1 === capacity ? 0 : slot + 1;
    }
  }

  private grow(): void {
    const old = this.keys;
    const capacity = Math.ceil(this.capacity * GROWTH);
    const keys = new Uint32Array(capacity * 2);
    for (let at = 0; at < old.length; at += 2) {
      const hi = old[at]!;
      const lo = old[at + 1]!;
      if (hi === 0 && lo === 0) continue;
      let slot = slotOf(hi, lo, capacity);
      while (keys[slot * 2] !== 0 || keys[slot * 2 + 1] !== 0) slot = slot + 1 === capacity ? 0 : slot + 1;
      keys[slot * 2] = hi;
      keys[slot * 2 + 1] = lo;
    }
    this.keys = keys;
    this.capacity = capacity;
  }
}

/**
 * A map from 64-bit fingerprints to dense indices 0, 1, 2, … in order of first appearance.
 *
 * @example
 * fingerprint(event.decisionId);
 * const slot = decisions.indexOf(fingerprintHi(), fingerprintLo());
 */
export class FingerprintIndex {
  private keys: Uint32Array;
  private values: Int32Array;
  private capacity: number;
  /** Fingerprints stored; also the next index handed out. */
  size = 0;

  /** @param expected how many fingerprints to make room for before the first growth */
  constructor(expected = 1 << 12) {
    this.capacity = capacityFor(expected);
    this.keys = new Uint32Array(this.capacity * 2);
    this.values = new Int32Array(this.capacity);
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength;
  }

  /** The index of the fingerprint, assigning the next one if it is new. */
  indexOf(hi: number, lo: number): number {
    if (this.size + 1 > this.capacity * MAX_LOAD) this.grow();
    const keys = this.keys;
    const capacity = this.capacity;
    let slot = slotOf(hi, lo, capacity);
    for (;;) {
      const at = slot * 2;
      const kHi = keys[at]!;
      const kLo = keys[at + 1]!;
      if (kHi === 0 && kLo === 0) {
        keys[at] = hi;
        keys[at + 1] = lo;
        const index = this.size++;
        this.values[slot] = index;
        return index;
      }
      if (kHi === hi && kLo === lo) return this.values[slot]!;
      slot = slot + 1 === capacity ? 0 : slot + 1;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const capacity = Math.ceil(this.capacity * GROWTH);
    const keys = new Uint32Array(capacity * 2);
    const values = new Int32Array(capacity);
    for (let old = 0; old < oldValues.length; old++) {
      const hi = oldKeys[old * 2]!;
      const lo = oldKeys[old * 2 + 1]!;
      if (hi === 0 && lo === 0) continue;
      let slot = slotOf(hi, lo, capacity);
      while (keys[slot * 2] !== 0 || keys[slot * 2 + 1] !== 0) slot = slot + 1 === capacity ? 0 : slot + 1;
      keys[slot * 2] = hi;
      keys[slot * 2 + 1] = lo;
      values[slot] = oldValues[old]!;
    }
    this.keys = keys;
    this.values = values;
    this.capacity = capacity;
  }
}
