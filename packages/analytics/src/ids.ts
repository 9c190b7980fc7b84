import {
  FingerprintIndex,
  MAX_LOAD,
  capacityFor,
  fingerprint,
  fingerprintHi,
  fingerprintLo,
  slotOf,
} from './fingerprint.ts';

/*
 * The event ids of a log with what is needed to tell a repeat from a conflict: per id a 64-bit
 * digest of the first copy's text, and — in `EventIdTable` — the line it was on and the decision
 * it was folded into (12 bytes of index per slot at ≤ 75 % load plus 16 bytes per id: ≈ 32 bytes
 * per id). `EventDigestTable` keeps only the id's fingerprint and the digest, 16 bytes per slot
 * (≈ 21 bytes per id); the first copy of a conflicting id is then found by reading the log again
 * (conflicts.ts), which only a file allows.
 */

/** What the engine needs of an id table. */
export interface IdTable {
  /** Bytes held. */
  readonly bytes: number;
  /** See `EventIdTable.seeDigest`. */
  seeDigest(id: string, hi: number, lo: number, line: number): number;
  /** See `EventIdTable.setSlot`. */
  setSlot(slot: number): void;
  /** Line of the first copy of the id last seen; 0 when the table does not keep it. */
  firstLine(): number;
  /** Decision slot of the first copy of the id last seen; -1 when the table does not keep it. */
  firstSlot(): number;
}

/** What became of an event id: first seen, an exact repeat, or a copy with other content. */
export const ID_NEW = 0;
export const ID_REPEAT = 1;
export const ID_CONFLICT = 2;

/**
 * A 64-bit digest of a text as 16 hex digits: the portable default (not cryptographic; Node
 * passes SHA-256, see `EngineOptions.digest`).
 */
export function portableDigest(text: string): string {
  fingerprint(text);
  return fingerprintHi().toString(16).padStart(8, '0') + fingerprintLo().toString(16).padStart(8, '0');
}

/**
 * Event ids seen so far.
 *
 * @example
 * const ids = new EventIdTable();
 * if (ids.see(event.id, digest(line), lineNumber) === ID_CONFLICT) ids.firstLine(); // the other copy
 */
export class EventIdTable implements IdTable {
  private readonly index: FingerprintIndex;
  private digestHi: Uint32Array;
  private digestLo: Uint32Array;
  private lines: Uint32Array;
  private slots: Int32Array;
  private last = -1;

  /** @param expected how many ids to make room for before the first growth */
  constructor(expected = 1 << 12) {
    this.index = new FingerprintIndex(expected);
    const capacity = Math.max(16, expected);
    this.digestHi = new Uint32Array(capacity);
    this.digestLo = new Uint32Array(capacity);
    this.lines = new Uint32Array(capacity);
    this.slots = new Int32Array(capacity);
  }

  /** Bytes held. */
  get bytes(): number {
    return this.index.bytes + this.digestHi.length * 16;
  }

  /**
   * Records a copy of `id` whose text has the 16-hex-digit `digest`, read at `line`. Returns
   * `ID_NEW` (call `setSlot` next), `ID_REPEAT` or `ID_CONFLICT` (then `firstLine()` and
   * `firstSlot()` tell where the first copy was).
   */
  see(id: string, digest: string, line: number): number {
    return this.seeDigest(
      id,
      parseInt(digest.slice(0, 8), 16) >>> 0,
      parseInt(digest.slice(8, 16), 16) >>> 0,
      line,
    );
  }

  /**
   * `see` with the digest's first 64 bits as two unsigned 32-bit halves (big-endian: `hi` is the
   * first 8 hex digits), as the parallel reader's workers compute them.
   */
  seeDigest(id: string, hi: number, lo: number, line: number): number {
    fingerprint(id);
    const size = this.index.size;
    const at = this.index.indexOf(fingerprintHi(), fingerprintLo());
    this.last = at;
    if (at === size) {
      if (at >= this.digestHi.length) this.grow();
      this.digestHi[at] = hi;
      this.digestLo[at] = lo;
      this.lines[at] = line;
      this.slots[at] = -1;
      return ID_NEW;
    }
    return this.digestHi[at] === hi && this.digestLo[at] === lo ? ID_REPEAT : ID_CONFLICT;
  }

  /** The decision slot the id last returned as `ID_NEW` was folded into. */
  setSlot(slot: number): void {
    this.slots[this.last] = slot;
  }

  /** Line of the first copy of the id last seen. */
  firstLine(): number {
    return this.lines[this.last]!;
  }

  /** Decision slot of the first copy of the id last seen (-1 when it had none). */
  firstSlot(): number {
    return this.slots[this.last]!;
  }

  private grow(): void {
    const capacity = Math.ceil(this.digestHi.length * 1.5);
    const grow = <T extends Uint32Array | Int32Array>(column: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(column);
      return next;
    };
    this.digestHi = grow(this.digestHi, (n) => new Uint32Array(n));
    this.digestLo = grow(this.digestLo, (n) => new Uint32Array(n));
    this.lines = grow(this.lines, (n) => new Uint32Array(n));
    this.slots = grow(this.slots, (n) => new Int32Array(n));
  }
}

/**
 * Event ids with the digest of their first copy only: the lean table for logs that can be read
 * twice (`firstLine()` is 0 and `firstSlot()` -1; see conflicts.ts).
 *
 * @example
 * const ids = new EventDigestTable(1_000_000);
 * ids.seeDigest(event.id, hi, lo, line); // ID_NEW, ID_REPEAT or ID_CONFLICT
 */
export class EventDigestTable implements IdTable {
  /** Per slot: the id's fingerprint (hi, lo), then the digest (hi, lo); (0, 0) marks an empty slot. */
  private entries: Uint32Array;
  private capacity: number;
  /** Ids stored. */
  size = 0;

  /** @param expected how many ids to make room for before the first growth */
  constructor(expected = 1 << 12) {
    this.capacity = capacityFor(expected);
    this.entries = new Uint32Array(this.capacity * 4);
  }

  get bytes(): number {
    return this.entries.byteLength;
  }

  seeDigest(id: string, hi: number, lo: number): number {
    if (this.size + 1 > this.capacity * MAX_LOAD) this.grow();
    fingerprint(id);
    const idHi = fingerprintHi();
    const idLo = fingerprintLo();
    const entries = this.entries;
    const capacity = this.capacity;
    let slot = slotOf(idHi, idLo, capacity);
    for (;;) {
      const at = slot * 4;
      const kHi = entries[at]!;
      const kLo = entries[at + 1]!;
      if (kHi === 0 && kLo === 0) {
        entries[at] = idHi;
        entries[at + 1] = idLo;
        entries[at + 2] = hi;
        entries[at + 3] = lo;
        this.size++;
        return ID_NEW;
      }
      if (kHi === idHi && kLo === idLo) {
        return entries[at + 2] === hi && entries[at + 3] === lo ? ID_REPEAT : ID_CONFLICT;
      }
      slot = slot + 1 === capacity ? 0 : slot + 1;
    }
  }

  setSlot(): void {
    // The decision of a first copy is found again when it is needed (conflicts.ts).
  }

  firstLine(): number {
    return 0;
  }

  firstSlot(): number {
    return -1;
  }

  private grow(): void {
    const old = this.entries;
    const capacity = Math.ceil(this.capacity * 1.5);
    const entries = new Uint32Array(capacity * 4);
    for (let from = 0; from < old.length; from += 4) {
      const hi = old[from]!;
      const lo = old[from + 1]!;
      if (hi === 0 && lo === 0) continue;
      let slot = slotOf(hi, lo, capacity);
      while (entries[slot * 4] !== 0 || entries[slot * 4 + 1] !== 0)
        slot = slot + 1 === capacity ? 0 : slot + 1;
      entries.set(old.subarray(from, from + 4), slot * 4);
    }
    this.entries = entries;
    this.capacity = capacity;
  }
}
